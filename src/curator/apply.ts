// Adds reviewed paraphrases to content/answers/*.yaml through the yaml package's Document API, so every
// comment, the order of entries and the files' formatting stay as they were (a file read and written back
// unchanged is byte-identical). Computes new texts only: the caller writes them.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { isMap, isSeq, parse, parseDocument, Scalar, YAMLSeq } from "yaml";
import type { Addition } from "./effect.ts";

/** The options under which the answers files round-trip byte for byte. */
const FORMAT = { lineWidth: 0, flowCollectionPadding: false } as const;

export interface FileEdit {
  path: string;
  before: string;
  after: string;
}

const answerFileNames = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort();

/** Which answers file defines each answer id (ids are unique across files; the loader checks it). */
export function answerFiles(contentDir: string): Map<string, string> {
  const dir = join(contentDir, "answers");
  const files = new Map<string, string>();
  for (const name of answerFileNames(dir)) {
    const data = parse(readFileSync(join(dir, name), "utf8")) as { answers?: { id?: unknown }[] } | null;
    for (const answer of data?.answers ?? [])
      if (typeof answer.id === "string") files.set(answer.id, join(dir, name));
  }
  return files;
}

/** The answers files with `additions` made; throws when an answer id is in none of them. */
export function editAnswerFiles(contentDir: string, additions: readonly Addition[]): FileEdit[] {
  const dir = join(contentDir, "answers");
  const left = new Map(additions.map((a) => [a, true]));
  const edits: FileEdit[] = [];
  for (const name of answerFileNames(dir)) {
    const path = join(dir, name);
    const before = readFileSync(path, "utf8");
    const doc = parseDocument(before);
    const answers = doc.get("answers");
    if (!isSeq(answers)) continue;
    let changed = false;
    for (const item of answers.items) {
      if (!isMap(item)) continue;
      const mine = additions.filter((a) => a.answerId === item.get("id"));
      if (mine.length === 0) continue;
      const questions = item.get("questions");
      if (!isMap(questions)) throw new Error(`${path}: ${String(item.get("id"))} has no questions map`);
      for (const addition of mine) {
        let list = questions.get(addition.under);
        if (!isSeq(list)) {
          list = new YAMLSeq();
          questions.set(addition.under, list);
        }
        const question = new Scalar(addition.question);
        question.type = Scalar.QUOTE_DOUBLE;
        (list as YAMLSeq).items.push(question);
        left.delete(addition);
        changed = true;
      }
    }
    if (changed) edits.push({ path, before, after: doc.toString(FORMAT) });
  }
  const missing = [...left.keys()].map((a) => a.answerId);
  if (missing.length > 0) throw new Error(`no answers file defines ${missing.join(", ")}`);
  return edits;
}
