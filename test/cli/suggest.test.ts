// `npm run suggest` as a curator runs it: a child process on a real SQLite file seeded the way the bot
// records questions, against the real content (and a copy of it where --apply writes).
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { answerIds, createEngine } from "../../src/engine/index.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const day = "2024-03-10";
let dir: string;
let db: string;

// What people asked, as the issue found it: each case that must never be offered as a paraphrase.
const MOSCOW = "when will zhaparov visit moscow?";
const BIASED = "is the author biased against russia?";
const LOAN = "is the japanese money a loan or a gift";
const MARKUP = "<b>japan</b> & grant <script>";
const TURKISH = "peki o ne dedi?";
const KYRGYZ_LATIN = "beshbarmak kantip jasalat";
const PUTIN = "what did putin say";
// Safe: a typo-ridden, slangy paraphrase of the Batken grant answer (declined: too weak even for a hedge;
// with "thx" instead of "fam bruv" it is answered now, thanks weighing nothing beside a question).
// Whether it is safe depends on every eval set: with "quick q" in it, it cost batch I's "…quick q: what
// does the article say is the main thing…" its answer, and suggest rightly refused it. Unsafe: "who is"
// would pull the eval set's "А ты вообще кто такой?" (small talk) to the author answer.
const SAFE = "yo how much mony did japan giv kyrgyzstan for batken fam bruv";
const BREAKS_EVAL = "who is";
const NOISE = ["???", "a", "<b></b>"];

/** Records a question the way the bot does: reply language and the language the engine read apart. */
function record(store: ReturnType<typeof openSqliteStore>, text: string, times: number, replyLang?: string) {
  const d = engine.ask(text);
  for (let i = 0; i < times; i++) {
    store.recordQuestion({
      normalized: text.toLowerCase(),
      groupKey: engine.groupKey(text),
      lang: replyLang ?? d.lang,
      questionLang: d.detected,
      chatType: "private",
      matchedId: answerIds(d)[0] ?? null,
      score: d.score,
      answered: d.kind === "answer",
      day,
      ...(d.kind === "decline" ? { declineReason: d.reason } : {}),
    });
  }
}

function run(...args: string[]) {
  const result = spawnSync(tsx, ["src/cli/suggest.ts", "--db", db, "--from", day, "--to", day, ...args], {
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function fingerprint(folder: string): string {
  const hash = createHash("sha256");
  const walk = (f: string) => {
    for (const entry of readdirSync(f, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(f, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(entry.name).update(readFileSync(path));
    }
  };
  walk(folder);
  return hash.digest("hex");
}

interface Row {
  id: string;
  example: string;
  count: number;
  langs: string[];
  questionLangs?: string[];
  readAs: string;
  verdict: { status: string; answerId?: string; under?: string; name?: string; reason?: string };
  vetted?: {
    addition: { answerId: string; under: string; question: string };
    refusals: { check: string; reason: string }[];
    answeredAs?: string;
  };
}

let rows: Row[];
const row = (example: string) => {
  const found = rows.find((r) => r.example === example);
  if (!found) throw new Error(`no suggestion row for ${example}`);
  return found;
};
const refusalChecks = (example: string) => row(example).vetted?.refusals.map((r) => r.check) ?? [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kg-suggest-"));
  db = join(dir, "bot.sqlite");
  const store = openSqliteStore({
    path: db,
    retentionDays: 3650,
    logger: { error() {}, warn() {}, info() {} },
  });
  for (const q of [MOSCOW, BIASED, LOAN, MARKUP, KYRGYZ_LATIN, PUTIN, SAFE, BREAKS_EVAL, ...NOISE])
    record(store, q, 2);
  // Asked in a chat whose /lang is Russian: the reply is Russian, the question Turkish.
  record(store, TURKISH, 2, "ru");
  record(store, "asked only once about trade", 1);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Every case starts a process that builds the engine once per candidate; on two busy cores that takes a while.
describe("npm run suggest", { timeout: 300_000 }, () => {
  it("lists without writing, and refuses each unsafe paraphrase with its reason", () => {
    const before = fingerprint("content");
    const { code, stdout, stderr } = run("--json");
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(fingerprint("content")).toBe(before);
    rows = (JSON.parse(stdout) as { suggestions: Row[] }).suggestions;
    // --min 2 by default: the one-off question is left out.
    expect(rows.some((r) => r.example.includes("only once"))).toBe(false);

    expect(row(MOSCOW).vetted?.refusals).toContainEqual({
      check: "names",
      reason: expect.stringMatching(/names Moscow, which du-dewen-visit-announcement does not mention/),
    });
    expect(refusalChecks(BIASED)).toContain("topic");
    // A loan or a gift is now answered (the grant, the idea the article has), so nothing is suggested for it.
    expect(rows.some((r) => r.example === LOAN)).toBe(false);
    expect(row(MARKUP).vetted?.refusals).toContainEqual({
      check: "markup",
      reason: expect.stringContaining("contains markup"),
    });
    // The Turkish question: read as Turkish (the bot replied in Russian); never offered under another list.
    expect(row(TURKISH)).toMatchObject({ readAs: "tr", questionLangs: ["tr"], langs: ["ru"] });
    if (row(TURKISH).verdict.status === "candidate") expect(row(TURKISH).verdict.under).toBe("tr");
    // Kyrgyz in Latin letters: not claimed out of scope; the engine gave no such reason.
    expect(row(KYRGYZ_LATIN).verdict.status).not.toBe("not-in-article");
    expect(row(KYRGYZ_LATIN).readAs).toBe("ky-latn");
    // Only the engine's own out-of-scope reason, with the name it found, puts a question there.
    expect(row(PUTIN).verdict).toEqual({ status: "not-in-article", name: "putin" });
    for (const text of NOISE) expect(row(text).verdict.status).toBe("noise");

    expect(row(BREAKS_EVAL).vetted?.refusals).toContainEqual({
      check: "worse",
      reason: expect.stringMatching(/would make \d+ question\(s\)/),
    });
    expect(row(SAFE).vetted).toMatchObject({
      addition: { answerId: "japan-grant-batken", under: "en", question: SAFE },
      refusals: [],
      answeredAs: "japan-grant-batken",
    });
    // Nothing but the safe one is safe.
    // (The Turkish pronoun question is no unsafe paraphrase of its own: it is only filed under tr.)
    expect(
      rows
        .filter((r) => r.vetted && r.vetted.refusals.length === 0 && r.example !== TURKISH)
        .map((r) => r.example),
    ).toEqual([SAFE]);
  });

  it("prints each candidate with what it would change, and counts noise on its own line", () => {
    const { code, stdout } = run();
    expect(code).toBe(0);
    expect(stdout).toContain("Nothing has been changed");
    const safePart = stdout.slice(stdout.indexOf("Safe to add"), stdout.indexOf("Not safe to add"));
    expect(safePart).toContain(`[${row(SAFE).id}] "${SAFE}"`);
    expect(safePart).toContain("add to japan-grant-batken → questions.en in content/answers/japan.yaml");
    expect(safePart).toMatch(/eval and dev sets: 0 worse, \d+ better/);
    expect(stdout).toContain('worse  [test/eval/fresh-questions.yaml] "А ты вообще кто такой?"');
    expect(stdout).toMatch(/question tr \(recorded tr\); replied in ru/);
    expect(stdout).toContain(
      "Noise, left out: 6 question(s) in 3 group(s) (no letters, markup only, or a single character)",
    );
    for (const text of NOISE) expect(stdout).not.toContain(`"${text}"`);
  });

  describe("--apply", () => {
    let content: string;
    beforeAll(() => {
      content = join(dir, "content");
      cpSync("content", content, { recursive: true });
    });

    it("writes nothing for a candidate that would break an eval question, and says which", () => {
      const before = fingerprint(content);
      const { code, stderr } = run("--content", content, "--apply", row(BREAKS_EVAL).id);
      expect(code).toBe(1);
      expect(stderr).toContain(`"${BREAKS_EVAL}" is not safe to add to author`);
      expect(stderr).toContain('"А ты вообще кто такой?" expects smalltalk: smalltalk:who-are-you → author');
      expect(stderr).toContain("Nothing written.");
      expect(fingerprint(content)).toBe(before);
    });

    it("writes nothing when any of the ids is unsafe", () => {
      const before = fingerprint(content);
      const { code, stderr } = run("--content", content, "--apply", row(SAFE).id, row(MOSCOW).id);
      expect(code).toBe(1);
      expect(stderr).toContain("names Moscow");
      expect(fingerprint(content)).toBe(before);
    });

    it("adds a safe candidate to the YAML, comments kept; validate passes and the engine answers it", () => {
      const file = join(content, "answers", "japan.yaml");
      const before = readFileSync(file, "utf8");
      const { code, stdout, stderr } = run("--content", content, "--apply", row(SAFE).id);
      expect(stderr).toBe("");
      expect(code).toBe(0);
      expect(stdout).toContain("validate: content OK");
      expect(stdout).toMatch(/test\/eval\/questions\.yaml\s+\d+\/(\d+) → \d+\/\1/);
      expect(stdout).toContain("0 worse");

      const after = readFileSync(file, "utf8");
      // Exactly one line more, right after the answer's last English question; every other line as it was.
      const old = new Set(before.split("\n"));
      const added = after.split("\n").filter((line) => !old.has(line));
      expect(added).toEqual([`        - ${JSON.stringify(SAFE)}`]);
      expect(after.split("\n").filter((line) => line !== added[0])).toEqual(before.split("\n"));
      expect(after).toMatch(/^# /m);

      const validate = spawnSync(tsx, ["src/cli/validate.ts", content], {
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(validate.status).toBe(0);
      expect(validate.stdout).toContain("content OK");
      const ask = spawnSync(tsx, ["src/cli/ask.ts", "--jsonl", "--content", content], {
        input: `${SAFE}\n`,
        encoding: "utf8",
        timeout: 60_000,
      });
      expect(JSON.parse(ask.stdout)).toMatchObject({ answered: true, id: "japan-grant-batken" });
    });
  });
});
