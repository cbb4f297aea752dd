// `npm run report` as a curator runs it: a child process on a real SQLite file seeded in a temp folder.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import type { QuestionEvent } from "../../src/storage/store.ts";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
let dir: string;
let db: string;
// A real answer from content/, so the report can show its first English question next to the id.
const someAnswer = loadKnowledgeBase().answers[0];
if (!someAnswer) throw new Error("content/ has no answers");
const rated = someAnswer.id;

function report(...args: string[]) {
  const result = spawnSync(tsx, ["src/cli/report.ts", ...args], {
    encoding: "utf8",
    timeout: 60_000,
    env: { ...process.env, DATABASE_PATH: "" },
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const declined = (normalized: string, groupKey: string, lang: string, day: string): QuestionEvent => ({
  normalized,
  groupKey,
  lang,
  chatType: "private",
  matchedId: null,
  score: 0.12,
  answered: false,
  day,
});
const answered = (matchedId: string, day: string, extra: Partial<QuestionEvent> = {}): QuestionEvent => ({
  normalized: null,
  groupKey: null,
  lang: "ru",
  chatType: "group",
  matchedId,
  score: 0.9,
  answered: true,
  day,
  ...extra,
});

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "kg-report-"));
  db = join(dir, "bot.sqlite");
  const store = openSqliteStore({
    path: db,
    retentionDays: 3650,
    logger: { error() {}, warn() {}, info() {} },
  });
  store.recordQuestion(answered(rated, "2024-03-08"));
  store.recordQuestion(answered(rated, "2024-03-08"));
  store.recordQuestion(answered(rated, "2024-03-09"));
  store.recordQuestion(declined("what does the eu think", "europe union", "en", "2024-03-08"));
  store.recordQuestion(declined("что думает евросоюз", "europe union", "ru", "2024-03-09"));
  store.recordQuestion(declined("what does the eu think", "europe union", "en", "2024-03-10"));
  store.recordQuestion({
    ...declined('<script>alert("x")</script> & friends', "script friend", "tr", "2024-03-10"),
    declineReason: "out-of-scope",
  });
  // A Turkish question in a chat set to Russian: the bot replied in Russian.
  store.recordQuestion({
    ...declined("peki o ne dedi?", "#discuss", "ru", "2024-03-10"),
    questionLang: "tr",
  });
  // Declined by the engine for naming someone the article never mentions.
  store.recordQuestion({
    ...declined("what did putin say", "!putin #say", "en", "2024-03-10"),
    questionLang: "en",
    declineReason: "out-of-scope",
  });
  // Noise: no letters, markup only, a single character.
  for (const text of ["???", "<b></b>", "a", "???"])
    store.recordQuestion({ ...declined(text, text, "en", "2024-03-10"), declineReason: "empty" });
  // Outside the range asked for below: must not show up.
  store.recordQuestion(declined("old question", "old question", "en", "2024-02-01"));
  store.recordQuestion(
    answered("china-a", "2024-03-10", {
      normalized: "chinese money",
      score: 0.61,
      runnerUpId: "china-b",
      runnerUpScore: 0.58,
    }),
  );
  const vote = (messageKey: string, voterKey: string, v: 1 | -1) =>
    store.recordVote({ answerId: rated, messageKey, voterKey, vote: v, day: "2024-03-09" });
  vote("m1", "u1", 1);
  vote("m1", "u1", -1); // changed their mind: counts once, as 👎
  vote("m1", "u2", -1);
  vote("m2", "u3", 1);
  await store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

// Each case starts a process; on two busy cores that can take a while, so the budget is generous.
describe("npm run report", { timeout: 120_000 }, () => {
  it("prints the seeded database as JSON for the range asked", () => {
    const { code, stdout } = report("--db", db, "--from", "2024-03-07", "--to", "2024-03-10", "--json");
    expect(code).toBe(0);
    const json = JSON.parse(stdout);
    expect(json.range).toEqual({ from: "2024-03-07", to: "2024-03-10" });
    expect(json.totals).toEqual({ answered: 4, declined: 10, declinedShare: 0.714 });
    expect(json.daily).toEqual([
      { day: "2024-03-07", answered: 0, declined: 0 },
      { day: "2024-03-08", answered: 2, declined: 1 },
      { day: "2024-03-09", answered: 1, declined: 1 },
      { day: "2024-03-10", answered: 1, declined: 8 },
    ]);
    // The to-do list: noise and what names something the article never mentions are left out.
    expect(json.topDeclined.map((g: { example: string }) => g.example)).toEqual([
      "peki o ne dedi?",
      '<script>alert("x")</script> & friends',
    ]);
    // The question's language as the engine read it, the reply's apart.
    expect(json.topDeclined[0]).toMatchObject({
      groupKey: "#discuss",
      count: 1,
      questionLang: "tr",
      langs: ["ru"],
      engineSays: expect.any(String),
    });
    // The engine today declines these for naming what the article never mentions, and says what.
    expect(json.notInArticle).toEqual([
      expect.objectContaining({
        example: "what does the eu think",
        name: "eu",
        count: 3,
        langs: ["en", "ru"],
      }),
      expect.objectContaining({ example: "what did putin say", name: "putin", count: 1, questionLang: "en" }),
    ]);
    expect(json.noise).toEqual({ questions: 4, groups: 3 });
    expect(json.worstFeedback).toEqual([
      {
        answerId: rated,
        up: 1,
        down: 2,
        net: -1,
        question: someAnswer.questions.en[0],
      },
    ]);
    expect(json.nearTies).toEqual([
      { a: "china-a", b: "china-b", count: 1, meanGap: 0.03, example: "chinese money" },
    ]);
  });

  it("prints the same lists as text", () => {
    const { code, stdout } = report("--db", db, "--from", "2024-03-07", "--to", "2024-03-10");
    expect(code).toBe(0);
    expect(stdout).toContain("4 answered, 10 declined");
    expect(stdout).toMatch(/1\s+1\s+tr \(replied ru\)\s+\S.*peki o ne dedi\?/);
    expect(stdout).toMatch(/3\s+en \(replied en,ru\)\s+eu\s+what does the eu think/);
    expect(stdout).toMatch(/1\s+en\s+putin\s+what did putin say/);
    expect(stdout).toContain(
      "Noise, left out of these lists: 4 question(s) in 3 group(s) (no letters, markup only, or a single character)",
    );
    expect(stdout).not.toContain("???");
    expect(stdout).toMatch(new RegExp(`${rated}\\s+1\\s+2\\s+-1`));
    expect(stdout).toMatch(/china-a <> china-b\s+1\s+0\.030\s+chinese money/);
    expect(stdout).not.toContain("old question");
  });

  it("writes one self-contained HTML page with an inline SVG chart and escaped text", () => {
    const page = join(dir, "r.html");
    const { code, stderr } = report("--db", db, "--from", "2024-03-07", "--to", "2024-03-10", "--html", page);
    expect(code).toBe(0);
    expect(stderr).toContain(page);
    const html = readFileSync(page, "utf8");
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain("<svg");
    expect(html.match(/<rect /g)?.length).toBe(8); // two stacked bars for each of the four days
    expect(html).not.toMatch(/\b(src|href)\s*=/i);
    expect(html).not.toMatch(/https?:\/\//);
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; friends");
    expect(html).toContain("what does the eu think");
    // The same lists as the text: what the article never mentions apart, noise counted, never listed.
    expect(html).toContain("Declined because they name something the article never mentions");
    expect(html).toContain("Noise, left out of these lists: 4 question(s) in 3 group(s)");
    expect(html).not.toContain("???");
    expect(html).toContain("tr (replied ru)");
  });

  it("says plainly when there is no database", () => {
    const { code, stderr } = report("--db", join(dir, "missing.sqlite"));
    expect(code).toBe(1);
    expect(stderr).toContain("no database at");
  });

  it("reads the terminal chat's own database beside the bot's with --terminal", () => {
    const terminal = join(dir, "bot.terminal.sqlite");
    expect(report("--db", db, "--terminal").stderr).toContain(`no database at ${terminal}`);
    copyFileSync(db, terminal);
    const { code, stdout } = report("--db", db, "--terminal", "--from", "2024-03-07", "--to", "2024-03-10");
    expect(code).toBe(0);
    expect(stdout).toContain(`(${terminal})`);
  });

  it("rejects a malformed day or option with usage", () => {
    expect(report("--db", db, "--from", "2024-02-30").code).toBe(2);
    expect(report("--db", db, "--from", "2024-03-10", "--to", "2024-03-01").stderr).toContain("is after");
    const unknown = report("--db", db, "--colour");
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("usage:");
  });
});
