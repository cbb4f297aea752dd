// Shutdown and restarts of the real bot process: SIGTERM in the middle of a burst delivers what is in
// flight and exits 0 within the 5 s the bot allows itself; the next instance answers what came in
// meanwhile, and no question is answered twice or lost. A second instance started by mistake with the
// same token sees Telegram's 409, says so, and exits non-zero; the running one keeps serving.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestChat } from "../e2e/support/emulator.ts";
import { type BotUnderTest, isPollingStarted, startBotUnderTest, until } from "./support/bot-under-test.ts";
import { FAKE_TOKEN, FAKE_TOKEN_SECRET_PART, findSecret } from "./support/captured-bot.ts";
import { distinctQuestions, type KnownQuestion, whichQuestion } from "./support/questions.ts";

let t: BotUnderTest;
let known: KnownQuestion[];

beforeAll(async () => {
  known = distinctQuestions();
  t = await startBotUnderTest("restart-first", {}, { holdProxy: true });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

/** The questions each chat asked, in order, and the replies the shim recorded as delivered. */
function deliveredAnswers(chat: TestChat): (string | undefined)[] {
  return t.world.shim.calls
    .filter(
      (c) => c.method === "sendMessage" && c.status === 200 && String(c.payload.chat_id) === String(chat.id),
    )
    .map(
      (c) =>
        whichQuestion(known, String(c.payload.text))?.answerId ?? `?${String(c.payload.text).slice(0, 40)}`,
    );
}

describe("shutdown and restart", () => {
  it("SIGTERM mid-burst: in-flight reply delivered, exit 0; the restarted bot answers the rest exactly once, in order", async () => {
    const chats = [1, 2, 3, 4, 5].map((i) => t.world.privateChat(30_000 + i, { languageCode: "en" }));
    const asked = new Map<number, string[]>(chats.map((c) => [c.id, []]));
    let q = 0;
    const ask = async (chat: TestChat) => {
      const k = known[q++ % known.length] as KnownQuestion;
      asked.get(chat.id)?.push(k.answerId);
      await chat.say(k.question);
    };

    // The first chat's first reply is held on its way to Telegram: it is in flight when SIGTERM comes.
    const first = chats[0] as TestChat;
    const hold = t.proxy?.hold(
      (method, p) => method === "sendMessage" && String(p.chat_id) === String(first.id),
    );
    if (!hold) throw new Error("started without the hold proxy");
    for (let round = 0; round < 3; round++) for (const chat of chats) await ask(chat);
    await hold.arrived;

    t.bot.child.kill("SIGTERM");
    await t.bot.waitForLog((l) => l.msg === "shutting down");
    // More questions while it stops: they must wait for the next instance, not be lost.
    for (let round = 0; round < 3; round++) for (const chat of chats) await ask(chat);
    hold.release();
    const exit = await t.bot.waitForExit(10_000);
    expect(exit).toEqual({ code: 0, signal: null });
    const stopped = t.bot.logs().find((l) => l.msg === "stopped");
    expect(stopped, "the bot logs how long stopping took").toBeDefined();
    expect(deliveredAnswers(first)[0], "the reply in flight was delivered").toBe(asked.get(first.id)?.[0]);

    const second = t.startAnother("restart-second");
    await second.waitForLog(isPollingStarted, 30_000);
    await until(
      () => chats.every((c) => deliveredAnswers(c).length >= 6),
      20_000,
      "every question answered after the restart",
    );
    // A moment's barrier: one more question per chat, so anything delivered twice would show up first.
    for (const chat of chats) await ask(chat);
    await until(() => chats.every((c) => deliveredAnswers(c).length >= 7), 20_000, "the barrier questions");
    for (const chat of chats) expect(deliveredAnswers(chat), `chat ${chat.id}`).toEqual(asked.get(chat.id));
    t.bot = second;
  }, 60_000);

  it("a second instance with the same token reports the 409 conflict and exits non-zero; the first keeps serving", async () => {
    const running = t.bot;
    const startedAt = Date.parse(String(running.logs().find(isPollingStarted)?.time));
    const chat = t.world.privateChat(30_100, { languageCode: "en" });
    const k = known[0] as KnownQuestion;
    await chat.say(k.question);
    await until(() => deliveredAnswers(chat).length === 1, 10_000, "the running bot's answer");
    // The running instance must count as established: it has polled and has been up a few seconds.
    await until(() => Date.now() - startedAt > 3500, 10_000, "the first instance to settle");

    const intruder = t.startAnother("restart-intruder", { DATABASE_PATH: `${t.dataDir}/intruder.sqlite` });
    const exit = await intruder.waitForExit(30_000);
    expect(exit.code).not.toBe(0);
    const fatal = intruder.logs().find((l) => l.level >= 60);
    expect(fatal?.msg).toMatch(/409/);
    expect(fatal?.msg).toMatch(/another instance/i);

    expect(running.child.exitCode).toBeNull();
    await chat.say((known[1] as KnownQuestion).question);
    await until(() => deliveredAnswers(chat).length === 2, 10_000, "an answer after the conflict");
    expect(deliveredAnswers(chat)).toEqual([k.answerId, known[1]?.answerId]);
    expect(
      findSecret(intruder.output() + running.output(), [FAKE_TOKEN, FAKE_TOKEN_SECRET_PART]),
    ).toBeUndefined();
  }, 60_000);
});
