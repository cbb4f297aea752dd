// `npm run -s ask` as other tools use it: a real child process, its stdout, stderr and exit code.
import { spawn, spawnSync } from "node:child_process";
import { cpSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_CONTENT_DIR } from "../../src/content/load.ts";

// Each case starts a child process that transpiles and loads the content: at load 20 on two cores one
// took over the suite's 20 s default. The child's own limit (60 s) is the bound that matters here.
vi.setConfig({ testTimeout: 60_000 });

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");
const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function ask(args: string[], input?: string) {
  const result = spawnSync(tsx, ["src/cli/ask.ts", ...args], { encoding: "utf8", timeout: 60_000, input });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('ask "question"', () => {
  it("prints the plain-text reply with its citation", () => {
    const r = ask(["Who did Kulubaev meet on 23 March 2023?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Syromolotov");
    expect(r.stdout).toContain("[1] Aki Press");
    expect(r.stdout).toContain("https://kg.akipress.org/news:1887287/");
    expect(r.stdout).not.toMatch(/<\/?[a-z]+>/); // plain, not HTML
  });

  it("replies in the language forced by --lang", () => {
    const r = ask(["--lang", "tr", "Who did Kulubaev meet on 23 March 2023?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Siromolotov");
  });

  it("declines plainly what the article does not cover", () => {
    const r = ask(["What did Putin say about Kyrgyzstan?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("does not mention Putin");
  });
});

describe("ask --jsonl", () => {
  const lines = [
    "Who did Kulubaev meet?",
    "What is the weather in Bishkek?",
    "сколько денег дала япония",
    "Merhaba",
    "What can you answer?",
    "",
    "tell me about roads in batken",
  ];

  it("writes one JSON object per input line, in order, and nothing else", () => {
    const r = ask(["--jsonl"], `${lines.join("\n")}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trimEnd().split("\n");
    expect(out).toHaveLength(lines.length);
    const records = out.map((l) => JSON.parse(l));
    records.forEach((rec, i) => {
      expect(Object.keys(rec).sort()).toEqual([
        "answered",
        "footnotes",
        "hedged",
        "id",
        "lang",
        "question",
        "score",
        "text",
      ]);
      expect(rec.question).toBe(lines[i]);
      expect(typeof rec.text).toBe("string");
      expect(rec.score).toBeGreaterThanOrEqual(0);
      expect(rec.score).toBeLessThanOrEqual(1);
    });
    const [meeting, weather, grant, hello, bot, empty, roads] = records;
    expect(meeting).toMatchObject({
      answered: true,
      id: "kulubaev-syromolotov-meeting",
      lang: "en",
      footnotes: [1],
    });
    expect(meeting.text).toContain("[1] Aki Press");
    expect(weather).toMatchObject({ answered: false, id: null, lang: "en", footnotes: [] });
    expect(grant).toMatchObject({ answered: true, id: "japan-grant-batken", lang: "ru", footnotes: [4] });
    expect(hello).toMatchObject({ answered: false, id: null, lang: "tr", footnotes: [] });
    // An answer about the bot itself is a curated answer, but not a fact: no footnotes.
    expect(bot).toMatchObject({ answered: true, id: "bot-capabilities", footnotes: [] });
    expect(empty).toMatchObject({ answered: false, id: null, hedged: false });
    expect(meeting.hedged).toBe(false);
    // Ahead but not sure: answered, and the reply says which question it takes this for.
    expect(roads).toMatchObject({ answered: true, hedged: true, id: "japan-grant-batken" });
    expect(roads.text).toMatch(/^I think you are asking about this: “How much/);
  });

  it("forces the reply language with --lang", () => {
    const r = ask(["--jsonl", "--lang", "ru"], "Who did Kulubaev meet?\n");
    expect(JSON.parse(r.stdout).lang).toBe("ru");
  });

  it("uses --user-lang when a question is too short to tell", () => {
    const r = ask(["--jsonl", "--user-lang", "tr"], "Kulubaev\n");
    expect(JSON.parse(r.stdout).lang).toBe("tr");
  });
});

describe("errors", () => {
  it.each([
    [["--lang", "de", "question"], "--lang must be one of en, ru, tr"],
    [["--bogus", "question"], "Unknown option '--bogus'"],
    [[], "no question given"],
    [["--jsonl", "question"], "--jsonl reads questions from stdin"],
  ])("%j exits non-zero with a clear message", (args, message) => {
    const r = ask(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stdout).toBe("");
  });

  it("names the file, entry and reason when the content is bad", () => {
    const dir = mkdtempSync(join(tmpdir(), "ask-content-"));
    dirs.push(dir);
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    writeFileSync(join(dir, "smalltalk.yaml"), "intents:\n  - id: Bad Id\n    phrases: {}\n");
    const r = ask(["--content", dir, "hello"]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("Invalid content");
    expect(r.stderr).toContain("smalltalk.yaml");
    expect(r.stdout).toBe("");
  });

  it("prints its usage with --help", () => {
    const r = ask(["--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("--jsonl");
  });
});

describe("ask in a pipeline", () => {
  it("ends quietly with 0 when the reader stops early (| head -1), without an EPIPE trace", async () => {
    const child = spawn(tsx, ["src/cli/ask.ts", "--jsonl"], { stdio: ["pipe", "pipe", "pipe"] });
    let stderr = "";
    child.stderr.on("data", (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    // Enough questions that the answers outgrow the pipe's buffer after the reader has gone.
    child.stdin.end("Who is Du Dewen?\n".repeat(3000));
    const firstLine = await new Promise<string>((resolve) => {
      child.stdout.once("data", (chunk: Buffer) => resolve(chunk.toString().split("\n")[0] ?? ""));
    });
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on("close", resolve));
    expect(JSON.parse(firstLine).answered).toBe(true);
    expect(stderr).not.toContain("EPIPE");
    expect(code).toBe(0);
  }, 60_000);
});
