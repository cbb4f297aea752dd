// A reduced load run (the full one with figures is `npm run bench:load`): many people in private
// chats and groups asking at once, through the emulator, to the real bot process. Asserts only counts
// and order — every question answered exactly once, with its own answer, in the order asked per chat —
// never speed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type BotUnderTest, startBotUnderTest } from "./support/bot-under-test.ts";
import { runLoad } from "./support/load-driver.ts";
import { distinctQuestions, type KnownQuestion } from "./support/questions.ts";

let t: BotUnderTest;
let known: KnownQuestion[];

beforeAll(async () => {
  known = distinctQuestions();
  t = await startBotUnderTest("load-reduced", { LOG_LEVEL: "warn" });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("under load", () => {
  it("400 questions from 40 people in 10 chats (3 groups): each answered once, correctly, in order", async () => {
    const result = await runLoad(
      t.world,
      known,
      { users: 40, chats: 10, groups: 3, questions: 400, firstChatId: 60_000 },
      60_000,
    );
    expect(result).toMatchObject({
      sent: 400,
      replied: 400,
      missing: 0,
      duplicates: 0,
      outOfOrder: 0,
      wrongAnswer: 0,
      rejected: 0,
    });
    expect(t.bot.child.exitCode).toBeNull();
    expect(t.bot.stderrText).not.toMatch(/unhandled|uncaught/i);
  }, 90_000);
});
