// `npm run suggest` as a curator runs it: a child process on a seeded SQLite file, against the real content.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createEngine } from "../../src/engine/index.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const day = "2024-03-10";
let dir: string;
let db: string;

// Questions people might ask that the article does not answer as asked, each asked `times` times.
const ASKED: [string, number][] = [
  ["what did the minister say about trade", 3],
  ["relations with kazakhstan", 3],
  ["что министр сказал о торговле", 2],
  ["what is the weather in bishkek", 2],
  ["asked only once about the weather on mars", 1],
];
// An answer's own first question that the engine answers: suggest must say there is nothing to do.
const canonical =
  kb.answers.map((a) => a.questions.en[0] ?? "").find((q) => engine.ask(q.toLowerCase()).kind === "answer") ??
  "";

function suggest(...args: string[]) {
  const result = spawnSync(tsx, ["src/cli/suggest.ts", "--db", db, "--from", day, "--to", day, ...args], {
    encoding: "utf8",
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function contentFingerprint(): string {
  const hash = createHash("sha256");
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) =>
      a.name.localeCompare(b.name),
    )) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else hash.update(path).update(readFileSync(path));
    }
  };
  walk("content");
  return hash.digest("hex");
}

beforeAll(() => {
  expect(canonical).not.toBe("");
  dir = mkdtempSync(join(tmpdir(), "kg-suggest-"));
  db = join(dir, "bot.sqlite");
  const store = openSqliteStore({ path: db, retentionDays: 3650, logger: { warn() {}, info() {} } });
  for (const [text, times] of [...ASKED, [canonical, 2] as [string, number]]) {
    for (let i = 0; i < times; i++) {
      store.recordQuestion({
        normalized: text.toLowerCase(),
        groupKey: engine.groupKey(text),
        lang: "en",
        chatType: "private",
        matchedId: null,
        score: 0.1,
        answered: false,
        day,
      });
    }
  }
  store.close();
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Suggestion {
  example: string;
  count: number;
  status: string;
  candidate?: { id: string; score: number; question: string; file: string | null; addUnder: string };
}

// Each case starts a process; on two busy cores that can take a while, so the budget is generous.
describe("npm run suggest", { timeout: 120_000 }, () => {
  it("proposes the engine's closest answer for each frequent declined group, and changes no content", () => {
    const before = contentFingerprint();
    const { code, stdout } = suggest("--json");
    expect(code).toBe(0);
    expect(contentFingerprint()).toBe(before);

    const { suggestions } = JSON.parse(stdout) as { minCount: number; suggestions: Suggestion[] };
    // Asked at least twice (the default), most asked first; the one-off question is left out.
    expect(suggestions.map((s) => s.example).sort()).toEqual(
      [...ASKED.filter(([, n]) => n >= 2).map(([t]) => t), canonical.toLowerCase()].sort(),
    );
    expect(suggestions.map((s) => s.count)).toEqual(
      [...suggestions.map((s) => s.count)].sort((a, b) => b - a),
    );

    for (const s of suggestions) {
      const decision = engine.ask(s.example);
      if (decision.kind === "answer") {
        expect(s.status).toBe("answered-now");
        continue;
      }
      const related = decision.kind === "decline" ? decision.related[0] : undefined;
      if (decision.kind === "decline" && decision.reason === "out-of-scope")
        expect(s.status).toBe("out-of-scope");
      else if (related) {
        expect(s.status).toBe("candidate");
        expect(s.candidate?.id).toBe(related.id);
        expect(kb.answerById.has(s.candidate?.id ?? "")).toBe(true);
        expect(readFileSync(s.candidate?.file ?? "", "utf8")).toContain(`id: ${related.id}`);
        expect(s.candidate?.addUnder).toBe(/[а-я]/.test(s.example) ? "ru" : "en");
      } else expect(s.status).toBe("no-candidate");
    }
    expect(suggestions.find((s) => s.example === canonical.toLowerCase())?.status).toBe("answered-now");
    // The seeded questions include paraphrases the engine relates to an answer: at least one candidate.
    expect(suggestions.filter((s) => s.status === "candidate").length).toBeGreaterThan(0);
  });

  it("prints candidates for a person to review, with where to add them", () => {
    const { code, stdout } = suggest();
    expect(code).toBe(0);
    expect(stdout).toContain("Nothing has been changed");
    expect(stdout).toMatch(/closest answer: [a-z0-9-]+ \(score 0\.\d\d\)/);
    expect(stdout).toMatch(
      /to accept: in content\/answers\/[a-z0-9-]+\.yaml, under [a-z0-9-]+ → questions\.(en|ru)/,
    );
    expect(stdout).not.toContain("weather on mars");
  });

  it("honours --min", () => {
    const { stdout } = suggest("--json", "--min", "3");
    const { suggestions } = JSON.parse(stdout) as { suggestions: Suggestion[] };
    expect(suggestions.map((s) => s.count)).toEqual([3, 3]);
  });
});
