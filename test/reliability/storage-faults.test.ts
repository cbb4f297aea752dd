// The database failing underneath the real bot process (issue 12, points 5-7): a lock held by another
// process, and the file deleted while the bot runs. The bot keeps answering at once, never thanks for
// a vote it could not keep, says in the log that writes fail (and when they work again), and notices a
// deleted file and opens a new one.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync, rmSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botTexts } from "../../src/texts/bot.ts";
import { REPO_ROOT } from "../e2e/support/bot-process.ts";
import { type BotUnderTest, startBotUnderTest } from "./support/bot-under-test.ts";
import { distinctQuestions, type KnownQuestion } from "./support/questions.ts";

let t: BotUnderTest;
let known: KnownQuestion[];
let locker: ChildProcess | undefined;

beforeAll(async () => {
  known = distinctQuestions();
  t = await startBotUnderTest("storage-faults");
}, 60_000);

afterAll(async () => {
  locker?.kill("SIGKILL");
  await t?.close();
});

/** Another process takes the database's write lock and keeps it until killed. */
function holdLock(path: string): Promise<ChildProcess> {
  const child = spawn(
    process.execPath,
    [
      "-e",
      `const D = require("better-sqlite3"); const db = new D(${JSON.stringify(path)});
       db.exec("BEGIN EXCLUSIVE"); process.stdout.write("locked\\n"); setTimeout(() => {}, 120000);`,
    ],
    { cwd: REPO_ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("locked")) resolve(child);
    });
    child.once("exit", (code) => reject(new Error(`the locking process ended early (${code})`)));
  });
}

const toasts = () =>
  t.world.shim.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => c.payload.text);

describe("a database failing underneath the bot", () => {
  it("a lock held by another process: every question answered, no vote thanked for, failures logged", async () => {
    const dbPath = join(t.dataDir, "bot.sqlite");
    locker = await holdLock(dbPath);
    const started = Date.now();
    const chats = Array.from({ length: 20 }, (_, i) =>
      t.world.privateChat(70_000 + i, { languageCode: "en" }),
    );
    const replies = await Promise.all(
      chats.map(async (chat, i) => {
        await chat.say((known[i % known.length] as KnownQuestion).question);
        return chat.reply(15_000);
      }),
    );
    const toastsBefore = toasts().length;
    await Promise.all(chats.map((chat, i) => chat.press(replies[i] as (typeof replies)[number], "👍")));
    for (let wait = 0; wait < 750 && toasts().length < toastsBefore + chats.length; wait++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    const elapsed = Date.now() - started;
    process.stdout.write(`${JSON.stringify({ lockedRoundTripMs: elapsed })}\n`);

    const en = botTexts("en");
    const given = toasts().slice(toastsBefore);
    expect(given).toHaveLength(chats.length);
    expect(given.filter((text) => text === en.voteNew)).toEqual([]);
    expect(new Set(given)).toEqual(new Set([en.voteNotKept]));
    const failing = t.bot.logs().find((l) => l.msg.startsWith("storage writes failing"));
    expect(failing, "the log says writes fail").toMatchObject({ level: 50, code: "SQLITE_BUSY" });

    locker.kill("SIGKILL");
    locker = undefined;
    // The next question's write goes through, and the log says so.
    const chat = t.world.privateChat(70_100, { languageCode: "en" });
    await chat.say((known[0] as KnownQuestion).question);
    await chat.reply(10_000);
    await t.bot.waitForLog((l) => l.msg === "storage writes succeed again", 15_000);
  }, 90_000);

  it("a deleted database file is noticed, logged as an error, and a new one opened", async () => {
    const dbPath = join(t.dataDir, "bot.sqlite");
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${dbPath}${suffix}`, { force: true });
    const chat = t.world.privateChat(70_200, { languageCode: "en" });
    await chat.say("How do I bake sourdough bread at home?");
    await chat.reply(10_000);
    const noticed = await t.bot.waitForLog((l) => /deleted or replaced/.test(l.msg), 15_000);
    expect(noticed.level).toBe(50);
    // Logged just before the new file is opened.
    for (let wait = 0; wait < 250 && !existsSync(dbPath); wait++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    expect(existsSync(dbPath)).toBe(true);
  }, 60_000);
});
