// Votes against the real bot process and a real SQLite file (issue 12, points 10 and 12): flipping
// 👍/👎 many times on one answer in a group posts the "sorry this did not help" follow-up once; a forged
// press for an answer the message never showed is refused (not thanked, not stored); one person's votes
// for one answer through several messages are kept as one. The file is read after the bot has stopped.
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { encodeAction } from "../../src/bot/callback-data.ts";
import { botTexts } from "../../src/texts/bot.ts";
import type { BotMessage, TestChat } from "../e2e/support/emulator.ts";
import { type BotUnderTest, startBotUnderTest, until } from "./support/bot-under-test.ts";
import { distinctQuestions, type KnownQuestion, whichQuestion } from "./support/questions.ts";

const en = botTexts("en");
let t: BotUnderTest;
let known: KnownQuestion[];

beforeAll(async () => {
  known = distinctQuestions();
  t = await startBotUnderTest("votes-process");
}, 60_000);

afterAll(async () => {
  await t?.close();
});

const toasts = () =>
  t.world.shim.calls.filter((c) => c.method === "answerCallbackQuery").map((c) => String(c.payload.text));

/** Presses a button and waits for the bot's toast, so presses are handled one after another. */
async function pressAndWait(chat: TestChat, message: BotMessage, label: string): Promise<string> {
  const before = toasts().length;
  await chat.press(message, label);
  await until(() => toasts().length > before, 30_000, `the toast for ${label}`);
  return toasts()[before] as string;
}

const followUps = (chat: TestChat) => chat.history().filter((m) => m.text.startsWith(en.afterDownvote));

describe("votes through the real process", () => {
  it("flipping 👍/👎 twenty times on one group answer posts the follow-up once", async () => {
    const group = t.world.group(-100_880_001, 88_001, { languageCode: "en" });
    await group.say(`/ask ${(known[0] as KnownQuestion).question}`);
    const answer = await group.reply(30_000);
    for (let i = 0; i < 10; i++) {
      await pressAndWait(group, answer, "👎");
      await pressAndWait(group, answer, "👍");
    }
    // A barrier: a question asked after the presses is answered only after they were all handled.
    const next = known[1] as KnownQuestion;
    await group.say(`/ask ${next.question}`);
    await until(
      () => group.history().some((m) => whichQuestion(known, m.text)?.answerId === next.answerId),
      30_000,
      "the barrier question's answer",
    );
    expect(followUps(group)).toHaveLength(1);
  }, 180_000);

  it("a forged press for an answer the message never showed is refused; votes via several messages count once", async () => {
    const chat = t.world.privateChat(88_100, { languageCode: "en" });
    const shown = known[2] as KnownQuestion;
    const other = known[3] as KnownQuestion;
    await chat.say(shown.question);
    const first = await chat.reply(30_000);

    // A modified client: the message's real keyboard, but callback data voting for another answer.
    const forgedData = encodeAction({ type: "vote", vote: 1, ref: other.answerId });
    const before = toasts().length;
    await t.world.server.addUserCallback({
      botToken: t.world.token,
      date: Math.floor(Date.now() / 1000),
      from: { id: 88_100, is_bot: false, first_name: "Aigerim", language_code: "en" },
      data: forgedData,
      message: {
        message_id: first.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: 88_100, type: "private", first_name: "Aigerim" },
        from: t.world.shim.me,
        text: first.text,
        // What Telegram sends: the keyboard the message really has, which has no such button.
        reply_markup: { inline_keyboard: first.buttons },
      },
    });
    await until(() => toasts().length > before, 30_000, "the forged press's toast");
    const forgedToast = toasts()[before];
    expect(forgedToast).toBe(en.badButton);
    expect(first.buttons.flat().some((b) => b.callback_data === forgedData)).toBe(false);

    // The same person, the same answer, three messages showing it.
    expect(await pressAndWait(chat, first, "👍")).toBe(en.voteNew);
    for (let i = 0; i < 2; i++) {
      await chat.say(shown.question);
      const again = await chat.reply(30_000);
      expect(await pressAndWait(chat, again, "👍")).toBe(en.voteSame);
    }

    // The bot writes its queue when it stops: then the file is the whole truth.
    const exit = await t.bot.stop("SIGTERM", 30_000);
    expect(exit.code).toBe(0);
    const db = new Database(join(t.dataDir, "bot.sqlite"), { readonly: true });
    try {
      const rows = db.prepare("SELECT answer_id, vote FROM votes").all() as {
        answer_id: string;
        vote: number;
      }[];
      expect(rows.filter((r) => r.answer_id === other.answerId)).toEqual([]);
      expect(rows.filter((r) => r.answer_id === shown.answerId)).toEqual([
        { answer_id: shown.answerId, vote: 1 },
      ]);
    } finally {
      db.close();
    }
  }, 180_000);
});
