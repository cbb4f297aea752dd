// Starting the real process the wrong way, and the right way without Telegram: each case must end
// with a clear message (naming the variable, never its value) or a working local chat.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it, vi } from "vitest";
import { DEFAULT_CONTENT_DIR, loadKnowledgeBase } from "../../src/content/load.ts";
import { killAllBots, startBot } from "./support/bot-process.ts";
import { TelegramWorld } from "./support/emulator.ts";

// The cases wait up to 30 s for a child to exit (they run side by side, each loading the content):
// the test's own limit must be above that, not the suite's 20 s default.
vi.setConfig({ testTimeout: 60_000 });

const worlds: TelegramWorld[] = [];

afterAll(async () => {
  await killAllBots();
  await Promise.all(worlds.map((w) => w.close()));
});

function databaseIn(prefix: string): string {
  return join(mkdtempSync(join(tmpdir(), prefix)), "bot.sqlite");
}

describe.concurrent("start-up without Telegram or with a bad configuration", () => {
  it("without a token and without a terminal, exits 1 explaining how to set BOT_TOKEN", async () => {
    const bot = startBot({ env: {} });
    bot.child.stdin.end();
    const exit = await bot.waitForExit(30_000);
    expect(exit.code).toBe(1);
    expect(bot.stderrText).toContain("BOT_TOKEN");
    expect(bot.stderrText).toContain(".env");
    expect(bot.stderrText).toContain("npm start");
  });

  it("with broken content, refuses to start with the same problems npm run validate reports", async () => {
    const dir = mkdtempSync(join(tmpdir(), "broken-content-"));
    cpSync(DEFAULT_CONTENT_DIR, dir, { recursive: true });
    const file = join(dir, "answers", "japan.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("footnotes: [4]", "footnotes: [2]"));
    let validateErr = "";
    try {
      execFileSync(process.execPath, ["--import", "tsx", "src/cli/validate.ts", dir], { stdio: "pipe" });
    } catch (error) {
      validateErr = String((error as { stderr: Buffer }).stderr);
    }
    const problems = validateErr.split("\n").filter((line) => line.startsWith("  - "));
    expect(problems.some((line) => /japan\.yaml \[japan-.+\]: cites footnote 2/.test(line))).toBe(true);

    const bot = startBot({
      env: { FORCE_TERMINAL_CHAT: "1", CONTENT_DIR: dir, DATABASE_PATH: databaseIn("bc-") },
    });
    bot.child.stdin.end();
    const exit = await bot.waitForExit(30_000);
    expect(exit.code).toBe(1);
    for (const line of problems) expect(bot.stderrText).toContain(line);
  });

  it("with invalid variables, exits 1 naming each one but never its value", async () => {
    const badToken = "oops-not-a-token-SECRETPART";
    const bot = startBot({ env: { BOT_TOKEN: badToken, LOG_LEVEL: "chatty", RETENTION_DAYS: "forever" } });
    const exit = await bot.waitForExit(30_000);
    expect(exit.code).toBe(1);
    for (const variable of ["BOT_TOKEN", "LOG_LEVEL", "RETENTION_DAYS"])
      expect(bot.stderrText).toContain(variable);
    expect(bot.output()).not.toContain("SECRETPART");
    expect(bot.output()).not.toContain("chatty");
  });

  it("refuses webhook mode without WEBHOOK_SECRET", async () => {
    const bot = startBot({
      env: {
        BOT_TOKEN: "123456:abcdefghijklmnop",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://example.org/hook",
      },
    });
    const exit = await bot.waitForExit(30_000);
    expect(exit.code).toBe(1);
    expect(bot.stderrText).toContain("WEBHOOK_SECRET");
    expect(bot.stderrText).not.toContain("abcdefghijklmnop");
  });

  it("reads its settings from the env file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "e2e-envfile-"));
    const envFile = join(dir, ".env");
    writeFileSync(envFile, "BOT_MODE=carrier-pigeon\n");
    const bot = startBot({ env: { ENV_FILE: envFile } });
    const exit = await bot.waitForExit(30_000);
    expect(exit.code).toBe(1);
    expect(bot.stderrText).toContain("BOT_MODE");
  });
});

describe("start-up against the Bot API", () => {
  it("exits 1 when Telegram rejects the token, without printing it", async () => {
    const world = await TelegramWorld.start("111111:the-token-the-api-knows_abcdefghij");
    worlds.push(world);
    const wrong = "222222:a-revoked-token_ABCDEFGHIJKLMNOPQRS";
    const bot = startBot({
      env: { BOT_TOKEN: wrong, TELEGRAM_API_ROOT: world.apiRoot, DATABASE_PATH: databaseIn("e2e-401-") },
    });
    const exit = await bot.waitForExit(45_000);
    expect(exit.code).toBe(1);
    expect(bot.logs().some((l) => String(l.msg).includes("rejected BOT_TOKEN"))).toBe(true);
    expect(bot.output()).not.toContain("a-revoked-token");
  }, 60_000);

  it("a second instance with the same token stops with a clear 409 message; the running one keeps serving", async () => {
    const token = "333333:conflict-test-token_abcdefghijklmn";
    const world = await TelegramWorld.start(token);
    worlds.push(world);
    const env = (prefix: string) => ({
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: world.apiRoot,
      DATABASE_PATH: databaseIn(prefix),
    });
    const first = startBot({ env: env("e2e-409a-") });
    await first.waitForLog((l) => l.msg === "long polling started", 45_000);
    // The running instance has been polling a few seconds (settled) when the mistake happens.
    await new Promise((resolve) => setTimeout(resolve, 3500));
    const second = startBot({ env: env("e2e-409b-") });

    // Telegram ends the older long poll when a newer one arrives; the settled instance polls again,
    // which ends the newcomer's poll, and the newcomer gives way.
    const exit = await second.waitForExit(45_000);
    expect(exit.code).toBe(1);
    expect(second.logs().some((l) => String(l.msg).includes("409 Conflict"))).toBe(true);

    // The running one serves.
    const chat = world.privateChat(501, { languageCode: "en" });
    await chat.say("/sources");
    expect((await chat.reply()).text).toContain("href=");
    expect((await first.stop()).code).toBe(0);
  }, 90_000);
});

describe("the saved answer index", () => {
  it("the first start builds and saves it, the next starts from it and answers the same", async () => {
    const token = "444444:index-cache-test-token_abcdefghijk";
    const world = await TelegramWorld.start(token);
    worlds.push(world);
    const env = {
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: world.apiRoot,
      DATABASE_PATH: databaseIn("e2e-index-"),
      INDEX_CACHE_DIR: mkdtempSync(join(tmpdir(), "e2e-index-cache-")),
    };
    const chat = world.privateChat(502, { languageCode: "en" });
    const replies: string[] = [];
    const indexes: unknown[] = [];
    for (let run = 0; run < 2; run++) {
      const bot = startBot({ env });
      const ready = await bot.waitForLog((l) => l.msg === "answer index ready", 45_000);
      indexes.push(ready.index);
      await bot.waitForLog((l) => l.msg === "long polling started", 45_000);
      await chat.say("What did Kulubaev and Syromolotov discuss?");
      replies.push((await chat.reply()).text);
      expect((await bot.stop()).code).toBe(0);
    }
    expect(indexes).toEqual(["built", "saved"]);
    expect(replies[0]).toContain("Syromolotov");
    expect(replies[1]).toBe(replies[0]);
  }, 120_000);
});

describe("the terminal chat", () => {
  it("without a token on a terminal (forced here) answers questions with citations", async () => {
    const kb = loadKnowledgeBase();
    const answer = kb.answers.find((a) => a.footnotes.length > 0 && a.questions.en?.length);
    const url = kb.footnoteByNumber.get(answer?.footnotes[0] ?? 0)?.url ?? "?";
    const dir = mkdtempSync(join(tmpdir(), "terminal-db-"));
    const env = { FORCE_TERMINAL_CHAT: "1", LANG: "en_US.UTF-8", DATABASE_PATH: join(dir, "bot.sqlite") };
    const bot = startBot({ env });
    bot.child.stdin.write(`${answer?.questions.en?.[0]}\n`);
    bot.child.stdin.write("What is the weather in Bishkek tomorrow?\n");
    bot.child.stdin.write("/sources\n");
    bot.child.stdin.end("/quit\n");
    const exit = await bot.waitForExit(45_000);
    expect(exit.code).toBe(0);
    expect(bot.output()).toContain(url);
    for (const footnote of kb.footnotes) expect(bot.output()).toContain(footnote.url);
    // Its questions go to a database of its own, never the one the curators' report reads; the privacy
    // key sits beside it in its own file.
    expect(
      readdirSync(dir)
        .filter((name) => !name.includes("-wal") && !name.includes("-shm"))
        .sort(),
    ).toEqual(["bot.terminal.sqlite", "privacy.key"]);
    rmSync(dir, { recursive: true, force: true });
  }, 60_000);
});
