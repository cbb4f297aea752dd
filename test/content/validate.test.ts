// Each content check must catch a deliberately broken copy of the real content.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { DEFAULT_CONTENT_DIR, loadKnowledgeBase } from "../../src/content/load.ts";
import { ContentError, formatProblem } from "../../src/content/problems.ts";

const dirs: string[] = [];
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

function copyContent(): string {
  const dir = mkdtempSync(join(tmpdir(), "content-"));
  dirs.push(dir);
  cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
  return dir;
}

type Doc = Record<string, unknown>;
function edit(dir: string, file: string, change: (doc: Doc) => void) {
  const path = join(dir, file);
  const doc = parse(readFileSync(path, "utf8")) as Doc;
  change(doc);
  writeFileSync(path, stringify(doc));
}

interface AnswerDoc {
  id: string;
  answer: Record<string, string>;
  quotes: { p: number; text: string }[];
  footnotes: number[];
  questions: Record<string, string[]>;
  related: string[];
}
/** Edits the answer with this id wherever it lives; returns the file it was in. */
function editAnswer(dir: string, id: string, change: (a: AnswerDoc) => void): string {
  for (const f of readdirSync(join(dir, "answers"))) {
    const file = join("answers", f);
    const doc = parse(readFileSync(join(dir, file), "utf8")) as { answers: AnswerDoc[] };
    const a = doc.answers.find((x) => x.id === id);
    if (a) {
      change(a);
      writeFileSync(join(dir, file), stringify(doc));
      return file;
    }
  }
  throw new Error(`no answer ${id}`);
}

function problemsOf(dir: string): string[] {
  try {
    loadKnowledgeBase(dir);
  } catch (error) {
    if (error instanceof ContentError) return error.problems.map(formatProblem);
    throw error;
  }
  return [];
}

const expectProblem = (dir: string, pattern: RegExp) => {
  const problems = problemsOf(dir);
  expect(
    problems.some((p) => pattern.test(p)),
    `expected a problem matching ${pattern}, got:\n${problems.join("\n")}`,
  ).toBe(true);
};

const MEETING = "kulubaev-syromolotov-meeting";

describe("content validation", () => {
  it("accepts the real content", () => {
    expect(problemsOf(DEFAULT_CONTENT_DIR)).toEqual([]);
  });

  it("keeps the article verbatim: every paragraph is a line of the original", () => {
    const seed = join(DEFAULT_CONTENT_DIR, "../../shared/seed/article.txt");
    let original: string;
    try {
      original = readFileSync(seed, "utf8");
    } catch {
      return; // shared/ is beside the clone in CI and here; elsewhere there is nothing to compare with
    }
    const lines = new Set(original.split(/\r?\n/).map((l) => l.trim()));
    const kb = loadKnowledgeBase();
    for (const p of kb.article.paragraphs) expect(lines.has(p.text), `paragraph ${p.n}`).toBe(true);
    expect(lines.has(kb.article.title)).toBe(true);
    for (const f of kb.footnotes) expect(lines.has(`[${f.n}] ${f.printed}`), `footnote ${f.n}`).toBe(true);
  });

  it("rejects a quote that is not verbatim", () => {
    const dir = copyContent();
    const file = editAnswer(dir, MEETING, (a) => {
      a.quotes[0] = { p: 9, text: "Kulubaev met Syromolotov in Moscow" };
    });
    expectProblem(
      dir,
      new RegExp(`${file.replace(".", "\\.")} \\[${MEETING}\\]: quote is not verbatim in paragraph 9`),
    );
  });

  it("rejects a quote placed in the wrong paragraph", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      a.quotes[0] = { p: 3, text: a.quotes[0]?.text ?? "" };
    });
    expectProblem(dir, /quote is not verbatim in paragraph 3/);
  });

  it("rejects a footnote the article does not attach to the quoted passage, and a missing one", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      a.footnotes = [2];
    });
    expectProblem(dir, /cites footnote 2, but the article does not attach it/);
    expectProblem(dir, /attaches footnote 1 to a quoted passage, but the answer does not cite it/);
  });

  it("rejects a cited footnote that does not exist", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      a.footnotes = [1, 7];
    });
    expectProblem(dir, /cites footnote 7, which does not exist/);
  });

  it("rejects a footnote whose fields differ from the printed line, and a marker without a footnote", () => {
    const dir = copyContent();
    edit(dir, "footnotes.yaml", (doc) => {
      const notes = doc.footnotes as { n: number; url: string }[];
      const first = notes[0];
      if (first) first.url = "https://example.org/other";
      doc.footnotes = notes.filter((f) => f.n !== 4);
    });
    expectProblem(dir, /footnotes\.yaml \[footnote 1\]: url "https:\/\/example\.org\/other" does not occur/);
    expectProblem(dir, /\[footnote 4\]: the article marks \[4\] but no footnote has that number/);
  });

  it("reports a paragraph and a footnote no answer covers", () => {
    const dir = copyContent();
    const removed = loadKnowledgeBase()
      .answers.filter((a) => a.quotes.some((q) => q.p === 16) || a.footnotes.includes(4))
      .map((a) => a.id);
    for (const f of readdirSync(join(dir, "answers"))) {
      const path = join(dir, "answers", f);
      const doc = parse(readFileSync(path, "utf8")) as { answers: AnswerDoc[] };
      doc.answers = doc.answers.filter((a) => !removed.includes(a.id));
      for (const a of doc.answers) a.related = a.related.filter((r) => !removed.includes(r));
      if (doc.answers.length === 0) rmSync(path);
      else writeFileSync(path, stringify(doc));
    }
    expectProblem(dir, /\[paragraph 16\]: no answer quotes this paragraph/);
    expectProblem(dir, /\[footnote 4\]: no answer cites this footnote/);
  });

  it("requires every language and enough paraphrases", () => {
    const dir = copyContent();
    const file = editAnswer(dir, MEETING, (a) => {
      delete a.answer.tr;
      a.questions.en = a.questions.en?.slice(0, 2) ?? [];
    });
    expectProblem(
      dir,
      new RegExp(`${file.replace(".", "\\.")} \\[answers\\[\\d+\\] \\(id: ${MEETING}\\)\\.answer\\.tr\\]`),
    );
    const dir2 = copyContent();
    editAnswer(dir2, MEETING, (a) => {
      a.questions.en = a.questions.en?.slice(0, 2) ?? [];
    });
    expectProblem(dir2, new RegExp(`\\[${MEETING}\\]: needs at least 6 en questions, has 2`));
  });

  it("rejects a paraphrase shared by two answers, even with other case and punctuation", () => {
    const dir = copyContent();
    const other = loadKnowledgeBase().answers.find((a) => a.id !== MEETING);
    if (!other) throw new Error("need a second answer");
    const stolen = other.questions.en[0] ?? "";
    editAnswer(dir, MEETING, (a) => {
      a.questions.en?.push(`${stolen.toUpperCase()}!!`);
    });
    expectProblem(dir, /is also a question of/);
  });

  it("rejects a figure the article never prints", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      a.answer.en = `${a.answer.en} They met for 45 minutes.`;
    });
    expectProblem(dir, new RegExp(`\\[${MEETING}\\]: en answer states "45", which the article never prints`));
  });

  it("checks short answers: required for facts, no invented figure or name, a few words only", () => {
    const shortOf = (a: AnswerDoc) => (a as unknown as { short: Record<string, string> }).short;
    const figure = copyContent();
    editAnswer(figure, MEETING, (a) => {
      shortOf(a).en = "For 45 minutes";
    });
    expectProblem(
      figure,
      new RegExp(`\\[${MEETING}\\]: en short answer states "45", which the article never prints`),
    );

    const name = copyContent();
    editAnswer(name, MEETING, (a) => {
      shortOf(a).ru = "Олег Иванов";
    });
    expectProblem(name, /ru short answer names "Иванов", which its answer text does not/);

    const long = copyContent();
    editAnswer(long, MEETING, (a) => {
      shortOf(a).tr = "x".repeat(61);
    });
    expectProblem(long, /tr short answer is 61 characters, more than 60/);

    const missing = copyContent();
    editAnswer(missing, MEETING, (a) => {
      delete (a as unknown as { short?: unknown }).short;
    });
    expectProblem(missing, /needs a short answer/);
  });

  it("rejects unknown related ids and topics", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      a.related = ["no-such-answer"];
      (a as unknown as { topic: string }).topic = "sports";
    });
    expectProblem(dir, /related answer "no-such-answer" does not exist/);
    expectProblem(dir, /unknown topic "sports"/);
  });

  it("rejects preferredFor on a single fact, and a concept the lexicon lacks", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      (a as unknown as { preferredFor: string[] }).preferredFor = ["no-such-concept"];
    });
    expectProblem(dir, /only a combined answer can be preferredFor/);
    expectProblem(dir, /preferredFor concept "no-such-concept" is not in content\/lexicon.yaml/);
  });

  it("rejects a speaker who is no person, and speakers on an answer that quotes nobody", () => {
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      (a as unknown as { speakers: string[] }).speakers = ["russia"];
    });
    expectProblem(dir, /speaker "russia" is not a person in content\/aliases.yaml/);
    expectProblem(dir, /its details must include "words"/);
  });

  it("rejects a spelling shared by two entities, and an 'out of scope' name that the article mentions", () => {
    const dir = copyContent();
    edit(dir, "aliases.yaml", (doc) => {
      const entities = doc.entities as { id: string; names: string[] }[];
      const [a, b] = entities;
      if (a && b) b.names.push((a.names[0] ?? "").toUpperCase());
    });
    edit(dir, "out-of-scope.yaml", (doc) => {
      (doc.entities as { id: string; kind: string; names: string[] }[]).push({
        id: "oops",
        kind: "place",
        names: ["Batken"],
      });
    });
    expectProblem(dir, /aliases\.yaml \[.+\]: ".+" is also a name of/);
    expectProblem(dir, /out-of-scope\.yaml \[oops\]: "Batken" occurs in the article/);
  });

  it("names the file when YAML does not parse or a field has the wrong type", () => {
    const dir = copyContent();
    writeFileSync(join(dir, "topics.yaml"), "topics: [ {id: a, title: \n");
    edit(dir, "footnotes.yaml", (doc) => {
      const first = (doc.footnotes as { accessed: string }[])[0];
      if (first) first.accessed = "March 24";
    });
    expectProblem(dir, /topics\.yaml: /);
    expectProblem(
      dir,
      /footnotes\.yaml \[footnotes\[0\] \(n: 1\)\.accessed\]: accessed must be DD\.MM\.YYYY/,
    );
  });

  // Two child processes (tsx start-up each): on 2 shared, busy cores that can take more than 20 s.
  it("npm run validate prints the report, and fails with file, id and reason on broken content", () => {
    const ok = execFileSync("npx", ["tsx", "src/cli/validate.ts"], { encoding: "utf8" });
    expect(ok).toMatch(/content OK: \d+ answers/);
    expect(ok).toMatch(/footnotes cited: 4\/4/);
    const dir = copyContent();
    editAnswer(dir, MEETING, (a) => {
      a.footnotes = [3];
    });
    let failed: { status: number; stderr: string } | undefined;
    try {
      execFileSync("npx", ["tsx", "src/cli/validate.ts", dir], { encoding: "utf8", stdio: "pipe" });
    } catch (error) {
      failed = error as { status: number; stderr: string };
    }
    expect(failed?.status).toBe(1);
    expect(failed?.stderr).toMatch(new RegExp(`answers/diplomacy\\.yaml \\[${MEETING}\\]: cites footnote 3`));
  }, 60_000);
});
