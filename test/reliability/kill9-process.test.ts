// `kill -9` of the real bot process in the middle of its work (issue 12, point 13): an update fetched
// and counted but not yet answered when the process died is answered by the next process on the same
// SQLite file, and the question counts in that file count each update once (by update id), not each
// time it arrived. Then a clean stop (SIGTERM) while the next answer is on its way: the answer is
// delivered, and what its update queued for the file is there when the process has exited.
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotUnderTest, isPollingStarted, startBotUnderTest, until } from "./support/bot-under-test.ts";
import { distinctQuestions, type KnownQuestion, whichQuestion } from "./support/questions.ts";

let t: BotUnderTest;
let known: KnownQuestion[];

beforeAll(async () => {
  known = distinctQuestions();
  t = await startBotUnderTest("kill9-first", {}, { holdProxy: true });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** One query on the bot's file, read-only, while it runs or after it stopped. */
function query<T>(sql: string): T {
  const db = new Database(join(t.dataDir, "bot.sqlite"), { readonly: true, fileMustExist: true });
  try {
    return db.prepare(sql).get() as T;
  } finally {
    db.close();
  }
}

const countedUpdates = () => query<{ n: number }>("SELECT COUNT(*) AS n FROM counted_updates").n;
/** Updates fetched and kept in the durable journal, not yet handled. */
const journaled = () => query<{ n: number }>("SELECT COUNT(*) AS n FROM pending_updates").n;

const deliveredTo = (chatId: number) =>
  t.world.shim.calls.filter(
    (c) => c.method === "sendMessage" && c.status === 200 && String(c.payload.chat_id) === String(chatId),
  );
/** Which known question each delivered reply answers, in order. */
const answersTo = (chatId: number) =>
  deliveredTo(chatId).map((c) => whichQuestion(known, String(c.payload.text))?.answerId ?? "?");

describe("kill -9 and a restart on the same database", () => {
  it("the update in flight is answered by the next process, and counted once", async () => {
    const a = t.world.privateChat(99_001, { languageCode: "en" });
    const b = t.world.privateChat(99_002, { languageCode: "en" });
    // B's reply is held on its way to Telegram: B's update is counted but unanswered when the bot dies.
    const hold = t.proxy?.hold((method, p) => method === "sendMessage" && String(p.chat_id) === String(b.id));
    if (!hold) throw new Error("started without the hold proxy");
    for (let i = 0; i < 3; i++) await a.say((known[i] as KnownQuestion).question);
    await b.say((known[3] as KnownQuestion).question);
    for (let i = 4; i < 7; i++) await a.say((known[i] as KnownQuestion).question);
    const asked = 7;
    await until(() => deliveredTo(a.id).length === 6, 60_000, "chat A's six answers");
    await hold.arrived;
    // Every question is in the file's counts, B's among them, and A's six updates are handled and out
    // of the journal, before the process dies: B's is the one update in flight. (Without the second
    // wait, A's last update could still be in the journal, its removal queued: the next process answers
    // it again, which is what a crash may cost, and that second answer is not what this test is about.)
    await until(() => countedUpdates() === asked, 60_000, "the first process to count all seven questions");
    await until(() => journaled() === 1, 60_000, "only B's update left in the journal");
    expect(deliveredTo(b.id)).toEqual([]);

    t.bot.child.kill("SIGKILL");
    const exit = await t.bot.waitForExit(30_000);
    expect(exit.signal).toBe("SIGKILL");

    const second = t.startAnother("kill9-second");
    t.bot = second;
    await second.waitForLog(isPollingStarted, 60_000);
    await until(() => deliveredTo(b.id).length === 1, 60_000, "B's answer from the second process");
    expect(second.logs().some((l) => l.msg === "handling updates kept by the previous run")).toBe(true);
    // A barrier in A: anything else the second process was going to do about the old updates came first.
    const barrier = known[7] as KnownQuestion;
    const barrierHold = t.proxy?.hold(
      (method, p) => method === "sendMessage" && String(p.chat_id) === String(a.id),
    );
    if (!barrierHold) throw new Error("started without the hold proxy");
    await a.say(barrier.question);
    await barrierHold.arrived;

    // A clean stop while the barrier's answer is on its way: it is delivered during the stop, and what
    // the update queued as it finished (its removal from the journal) is written before the process
    // exits, as is its count, queued before the answer was sent.
    second.child.kill("SIGTERM");
    await second.waitForLog((l) => l.msg === "shutting down", 30_000);
    barrierHold.release();
    const stopped = await second.waitForExit(30_000);
    expect(stopped.code).toBe(0);
    expect(journaled()).toBe(0);
    // Each question answered once, in order; eight updates asked questions: eight counted, although B's
    // arrived at both processes.
    expect(answersTo(a.id)).toEqual([0, 1, 2, 4, 5, 6, 7].map((i) => (known[i] as KnownQuestion).answerId));
    expect(answersTo(b.id)).toEqual([(known[3] as KnownQuestion).answerId]);
    expect(countedUpdates()).toBe(asked + 1);
    expect(query<{ n: number }>("SELECT SUM(count) AS n FROM question_counts").n).toBe(asked + 1);
    hold.release();
  }, 240_000);
});
