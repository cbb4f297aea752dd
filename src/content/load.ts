// Reads content/ into a KnowledgeBase: parse YAML, check each file against its schema, then run the
// cross-file checks in validate.ts. Any problem throws a ContentError naming file, entry and reason.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { parse } from "yaml";
import type * as z from "zod";
import type { KnowledgeBase } from "./knowledge-base.ts";
import { DEFAULT_CONTENT_DIR } from "./paths.ts";
import { ContentError, type Problem } from "./problems.ts";
import {
  AliasesSchema,
  AnswersFileSchema,
  ArticleSchema,
  DetailAsksSchema,
  FootnotesSchema,
  LexiconSchema,
  OutOfScopeSchema,
  SmalltalkSchema,
  TopicsSchema,
} from "./schema.ts";
import { validateKnowledgeBase } from "./validate.ts";

export { DEFAULT_CONTENT_DIR };

function readYaml<S extends z.ZodType>(
  dir: string,
  file: string,
  schema: S,
  problems: Problem[],
): z.output<S> | undefined {
  const path = join(dir, file);
  const name = relative(process.cwd(), path) || path;
  let raw: unknown;
  try {
    raw = parse(readFileSync(path, "utf8"));
  } catch (error) {
    problems.push({
      file: name,
      reason: error instanceof Error ? (error.message.split("\n")[0] ?? "unreadable") : String(error),
    });
    return undefined;
  }
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    problems.push({ file: name, entry: describePath(raw, issue.path), reason: issue.message });
  }
  return undefined;
}

/** Turns a schema path like ["answers", 3, "questions"] into "answers[3] (id: japan-grant).questions". */
function describePath(raw: unknown, path: PropertyKey[]): string {
  let node: unknown = raw;
  let out = "";
  for (const key of path) {
    node = node && typeof node === "object" ? (node as Record<PropertyKey, unknown>)[key] : undefined;
    if (typeof key === "number") {
      const id = node && typeof node === "object" && "id" in node ? (node as { id: unknown }).id : undefined;
      const n = node && typeof node === "object" && "n" in node ? (node as { n: unknown }).n : undefined;
      out += `[${key}]${id !== undefined ? ` (id: ${String(id)})` : n !== undefined ? ` (n: ${String(n)})` : ""}`;
    } else out += `${out ? "." : ""}${String(key)}`;
  }
  return out || "(file)";
}

/** Loads and validates content; throws ContentError listing every problem. */
export function loadKnowledgeBase(dir: string = DEFAULT_CONTENT_DIR): KnowledgeBase {
  const problems: Problem[] = [];
  const article = readYaml(dir, "article.yaml", ArticleSchema, problems);
  const footnotes = readYaml(dir, "footnotes.yaml", FootnotesSchema, problems);
  const topics = readYaml(dir, "topics.yaml", TopicsSchema, problems);
  const aliases = readYaml(dir, "aliases.yaml", AliasesSchema, problems);
  const outOfScope = readYaml(dir, "out-of-scope.yaml", OutOfScopeSchema, problems);
  const lexicon = readYaml(dir, "lexicon.yaml", LexiconSchema, problems);
  const smalltalk = readYaml(dir, "smalltalk.yaml", SmalltalkSchema, problems);
  const detailAsks = readYaml(dir, "details.yaml", DetailAsksSchema, problems);

  const answers: KnowledgeBase["answers"] = [];
  const answerFiles = new Map<string, string>();
  let files: string[] = [];
  try {
    files = readdirSync(join(dir, "answers"))
      .filter((f) => f.endsWith(".yaml"))
      .sort();
  } catch {
    problems.push({ file: join(dir, "answers"), reason: "folder of answers is missing" });
  }
  for (const file of files) {
    const parsed = readYaml(dir, join("answers", file), AnswersFileSchema, problems);
    for (const a of parsed?.answers ?? []) {
      answers.push(a);
      if (!answerFiles.has(a.id)) answerFiles.set(a.id, join("content", "answers", file));
    }
  }
  if (
    problems.length > 0 ||
    !article ||
    !footnotes ||
    !topics ||
    !aliases ||
    !outOfScope ||
    !lexicon ||
    !smalltalk ||
    !detailAsks
  ) {
    throw new ContentError(problems);
  }

  const kb: KnowledgeBase = {
    article,
    footnotes: footnotes.footnotes,
    topics: topics.topics,
    answers,
    entities: aliases.entities,
    outOfScope: outOfScope.entities,
    concepts: lexicon.concepts,
    smalltalk: smalltalk.intents,
    detailAsks: detailAsks.details,
    answerById: new Map(answers.map((a) => [a.id, a])),
    footnoteByNumber: new Map(footnotes.footnotes.map((f) => [f.n, f])),
  };
  const crossProblems = validateKnowledgeBase(kb, (id) => answerFiles.get(id) ?? "content/answers");
  if (crossProblems.length > 0) throw new ContentError(crossProblems);
  return kb;
}
