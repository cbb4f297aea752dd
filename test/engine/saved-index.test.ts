// The saved index: a snapshot is plain data, an engine restored from it must be the engine built from
// the content, in every answer; a snapshot of another format or other content is refused, and the cache
// never hands out an index of other content or a damaged one.
import { createHash } from "node:crypto";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import {
  answerIds,
  createEngine,
  type Engine,
  type IndexSnapshot,
  SNAPSHOT_FORMAT,
  SnapshotError,
} from "../../src/engine/index.ts";
import { parseQuestions } from "../../src/eval/evaluation.ts";
import { fingerprint, startEngine } from "../../src/index-cache.ts";

let kb: KnowledgeBase;
let built: Engine;
let snapshot: IndexSnapshot;
beforeAll(() => {
  kb = loadKnowledgeBase();
  built = createEngine(kb);
  snapshot = built.snapshot();
});

/** The knowledge base with one more paraphrase: other content. */
function changedContent(question: string): { changed: KnowledgeBase; id: string } {
  const changed = structuredClone(kb);
  const answer = changed.answers[0];
  if (!answer) throw new Error("no answers");
  answer.questions.en = [...answer.questions.en, question];
  return { changed, id: answer.id };
}

/** Every question we have: the content's paraphrases, the eval and dev sets, and mangled forms of them. */
function allQuestions(): string[] {
  const out: string[] = [];
  for (const a of kb.answers) for (const list of Object.values(a.questions)) out.push(...(list ?? []));
  for (const file of ["test/eval/questions.yaml", "test/engine/dev-questions.yaml"])
    out.push(...parseQuestions(readFileSync(file, "utf8")).map((q) => q.q));
  // Typos, capitals and lost punctuation take the correction and capitals paths too.
  const mangled = out.map((q, i) =>
    i % 3 === 0 ? q.toUpperCase() : i % 3 === 1 ? q.replace(/[aeо]/g, "") : q.replace(/\p{P}/gu, ""),
  );
  return [...out, ...mangled];
}

describe("an engine restored from a saved index", () => {
  it("is plain data that survives JSON, and restores to an engine with the same snapshot", () => {
    const json = JSON.stringify(snapshot);
    // toStrictEqual tells a Map or a class instance from a plain object: JSON would lose them.
    expect(JSON.parse(json)).toStrictEqual(snapshot);
    expect(snapshot.format).toBe(SNAPSHOT_FORMAT);
    expect(createEngine(kb, { snapshot: JSON.parse(json) }).snapshot()).toStrictEqual(snapshot);
    expect(createEngine(kb).snapshot()).toStrictEqual(snapshot);
  });

  it("decides every question exactly as the built engine does", () => {
    const restored = createEngine(kb, { snapshot: JSON.parse(JSON.stringify(snapshot)) });
    const questions = allQuestions();
    expect(questions.length).toBeGreaterThan(3000);
    let answered = 0;
    for (const q of questions) {
      const a = built.ask(q);
      expect(restored.ask(q), q).toStrictEqual(a);
      if (a.kind === "answer") answered += 1;
    }
    // The comparison covers answers, declines and small talk, not one kind only.
    expect(answered).toBeGreaterThan(questions.length / 2);
    expect(answered).toBeLessThan(questions.length);
    // Thousands of questions asked twice: minutes on a loaded shared machine, seconds otherwise.
  }, 120_000);

  it("refuses a snapshot of another format, of other content, or not a snapshot at all", () => {
    expect(() => createEngine(kb, { snapshot: [1, 2, 3] })).toThrow(SnapshotError);
    expect(() => createEngine(kb, { snapshot: { ...snapshot, format: SNAPSHOT_FORMAT + 1 } })).toThrow(
      /format/,
    );
    expect(() => createEngine(changedContent("What colour is the sky?").changed, { snapshot })).toThrow(
      /other content/,
    );
    expect(() => createEngine(kb, { snapshot: { ...snapshot, vocabulary: { names: 1 } } })).toThrow(
      SnapshotError,
    );
  });
});

describe("the index cache", () => {
  let dir: string;
  afterEach(() => rmSync(dir, { recursive: true, force: true }));
  const warnings: unknown[] = [];
  const logger = { warn: (o: unknown, msg?: string) => warnings.push([o, msg]), debug: () => {} };

  it("builds once, then starts from the saved index, which answers the same", () => {
    dir = mkdtempSync(join(tmpdir(), "index-cache-"));
    const first = startEngine(kb, { dir, logger });
    const second = startEngine(kb, { dir, logger });
    expect([first.from, second.from]).toEqual(["built", "saved"]);
    expect(readdirSync(dir)).toEqual([`index-${fingerprint(kb)}.bin`]);
    const q = "Что обсуждали с Кулубаевым?";
    expect(second.engine.ask(q)).toStrictEqual(first.engine.ask(q));
  });

  it("builds again for changed content, and never answers from the old content's index", () => {
    dir = mkdtempSync(join(tmpdir(), "index-cache-"));
    startEngine(kb, { dir, logger });
    const { changed, id } = changedContent("What colour is the ambassador's umbrella?");
    expect(fingerprint(changed)).not.toBe(fingerprint(kb));
    const start = startEngine(changed, { dir, logger });
    expect(start.from).toBe("built");
    expect(answerIds(start.engine.ask("What colour is the ambassador's umbrella?"))).toEqual([id]);
    expect(readdirSync(dir)).toHaveLength(2);
  });

  it("rebuilds rather than trust a whole file holding another content's or format's snapshot", () => {
    dir = mkdtempSync(join(tmpdir(), "index-cache-"));
    startEngine(kb, { dir, logger });
    const { changed, id } = changedContent("What colour is the ambassador's umbrella?");
    const file = join(dir, `index-${fingerprint(changed)}.bin`);
    // The old content's file, intact, under the new content's name.
    copyFileSync(join(dir, `index-${fingerprint(kb)}.bin`), file);
    warnings.length = 0;
    const start = startEngine(changed, { dir, logger });
    expect(start.from).toBe("built");
    expect(JSON.stringify(warnings)).toContain("other content");
    expect(answerIds(start.engine.ask("What colour is the ambassador's umbrella?"))).toEqual([id]);
    // A snapshot of another format version, with a matching digest.
    const body = Buffer.from(JSON.stringify({ ...snapshot, format: SNAPSHOT_FORMAT - 1 }));
    writeFileSync(
      join(dir, `index-${fingerprint(kb)}.bin`),
      Buffer.concat([createHash("sha256").update(body).digest(), body]),
    );
    warnings.length = 0;
    expect(startEngine(kb, { dir, logger }).from).toBe("built");
    expect(JSON.stringify(warnings)).toContain("format");
    expect(startEngine(kb, { dir, logger }).from).toBe("saved");
  });

  it("builds again when the file is damaged, and repairs it", () => {
    dir = mkdtempSync(join(tmpdir(), "index-cache-"));
    startEngine(kb, { dir, logger });
    const file = join(dir, `index-${fingerprint(kb)}.bin`);
    const bytes = readFileSync(file);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0xff;
    writeFileSync(file, bytes);
    warnings.length = 0;
    expect(startEngine(kb, { dir, logger }).from).toBe("built");
    expect(JSON.stringify(warnings)).toContain("damaged");
    expect(startEngine(kb, { dir, logger }).from).toBe("saved");
  });

  it("still starts when the cache folder cannot be written", () => {
    dir = mkdtempSync(join(tmpdir(), "index-cache-"));
    const blocker = join(dir, "not-a-folder");
    writeFileSync(blocker, "");
    warnings.length = 0;
    const start = startEngine(kb, { dir: join(blocker, "cache"), logger });
    expect(start.from).toBe("built");
    expect(start.engine.ask("Who is Du Dewen?").kind).toBe("answer");
    expect(JSON.stringify(warnings)).toContain("could not save the index");
  });
});
