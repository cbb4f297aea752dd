// Follow-ups, deep links and sharing, end to end: the real bot process (src/main.ts, long polling)
// against telegram-test-api behind our shim on 127.0.0.1, read back from what the bot actually sent.
// Conversations last CONVERSATION_SECONDS=8 here, so expiry is seen without waiting 15 minutes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import type { Answer, Lang } from "../../src/content/schema.ts";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import { type BotProcess, killAllBots, startPollingBot } from "./support/bot-process.ts";
import { type BotMessage, TelegramWorld } from "./support/emulator.ts";

const TOKEN = "7000003:e2e-conversation-token_ABCdefGHIjklMN";
const TTL_SECONDS = 8;

let world: TelegramWorld;
let bot: BotProcess;
let kb: KnowledgeBase;

function answer(id: string): Answer {
  const a = kb.answerById.get(id);
  if (!a) throw new Error(`content has no answer ${id}`);
  return a;
}
const grant = () => answer("japan-grant-batken");
const whyGrant = () => answer("japan-grant-significance");
const question = (a: Answer, lang: Lang) => a.questions[lang][0] as string;

/** The reply is this answer: its short answer first, in bold, then its curated text. */
function expectAnswer(message: BotMessage, a: Answer, lang: Lang): void {
  expect(
    message.text.startsWith(`<b>${escapeHtml(a.short?.[lang] ?? "")}</b>\n`),
    message.text.slice(0, 80),
  ).toBe(true);
  expect(message.text).toContain(escapeHtml(a.answer[lang]));
}

const hasCitation = (text: string) => /href=|\(no footnote\)|без сноски|dipnot yok/.test(text);

async function updateLog(match: (line: Record<string, unknown>) => boolean) {
  return bot.waitForLog((line) => line.msg === "update" && match(line), 8000);
}

beforeAll(async () => {
  kb = loadKnowledgeBase();
  world = await TelegramWorld.start(TOKEN);
  bot = await startPollingBot(TOKEN, world.apiRoot, { CONVERSATION_SECONDS: String(TTL_SECONDS) });
}, 60_000);

afterAll(async () => {
  await killAllBots();
  await world?.close();
});

describe("follow-ups in a private chat", () => {
  for (const [lang, userId, why] of [
    ["en", 401, "why?"],
    ["ru", 402, "а почему?"],
    ["tr", 403, "neden?"],
  ] as const) {
    it(`${lang}: "${why}" after an answer gets the answer it refers to, short answer first, with its citation`, async () => {
      const chat = world.privateChat(userId, { languageCode: lang });
      await chat.say(question(grant(), lang));
      expectAnswer(await chat.reply(), grant(), lang);
      await chat.say(why);
      const reply = await chat.reply();
      expectAnswer(reply, whyGrant(), lang);
      expect(hasCitation(reply.text)).toBe(true);
      await updateLog((l) => l.followUp === "resolved" && l.answerId === whyGrant().id && l.lang === lang);
    });
  }

  it("a full new question switches topic; with nothing before, 'and how much?' gets no citation", async () => {
    const chat = world.privateChat(404, { languageCode: "en" });
    await chat.say("and how much?");
    const first = await chat.reply();
    expect(first.text).toBe(escapeHtml(botTexts("en").followUpNoContext));
    expect(hasCitation(first.text)).toBe(false);
    await chat.say(question(grant(), "en"));
    expectAnswer(await chat.reply(), grant(), "en");
    const profile = answer("japarov-profile");
    await chat.say(question(profile, "en"));
    expectAnswer(await chat.reply(), profile, "en");
  });

  it(`expires: after ${TTL_SECONDS} s 'why?' is no longer read against the old answer`, async () => {
    const chat = world.privateChat(405, { languageCode: "en" });
    await chat.say(question(grant(), "en"));
    await chat.reply();
    await new Promise((resolve) => setTimeout(resolve, (TTL_SECONDS + 1) * 1000));
    await chat.say("why?");
    const reply = await chat.reply();
    expect(reply.text).toBe(escapeHtml(botTexts("en").followUpNoContext));
  }, 30_000);
});

describe("follow-ups in a group", () => {
  it("a reply to the bot's answer is a follow-up; the same words not addressed to the bot get silence", async () => {
    const alice = world.group(-100_777, 411, { languageCode: "en", firstName: "Alice" });
    const boris = world.group(-100_777, 412, { languageCode: "en", firstName: "Boris" });
    await alice.say(`@${world.botUsername} ${question(grant(), "en")}`);
    const answered = await alice.reply();
    expectAnswer(answered, grant(), "en");

    // Said to the room, not to the bot: by Boris, and by Alice herself without replying or mentioning.
    await boris.say("why?");
    await alice.say("why?");
    const { messageId } = await alice.replyTo(answered, "why?");
    const reply = await alice.reply();
    expectAnswer(reply, whyGrant(), "en");
    expect(reply.replyTo).toBe(messageId);
    // Updates of one chat are handled in order: had either "why?" been answered, it would be here first.
    expect(alice.history().map((m) => m.messageId)).toEqual([answered.messageId, reply.messageId]);
  });
});

describe("answers people pass on", () => {
  it("a deep link t.me/<bot>?start=<answer> opens that answer, which follow-ups then refer to", async () => {
    const chat = world.privateChat(421, { languageCode: "en" });
    await chat.say(`/start ${grant().id}`);
    const [, linked] = await chat.replies(2);
    if (!linked) throw new Error("no answer after the greeting");
    expectAnswer(linked, grant(), "en");
    await chat.say("why?");
    expectAnswer(await chat.reply(), whyGrant(), "en");
  });

  it("the share button's query posts the same cited answer through inline mode", async () => {
    const chat = world.privateChat(422, { languageCode: "ru" });
    await chat.say(question(grant(), "ru"));
    const reply = await chat.reply();
    const share = reply.buttons.flat().find((b) => b.switch_inline_query !== undefined);
    expect(share?.text).toBe(botTexts("ru").shareButton);
    const query = share?.switch_inline_query ?? "";
    world.inject({
      inline_query: {
        id: "share-1",
        from: { id: 422, is_bot: false, first_name: "Aigerim", language_code: "ru" },
        query,
        offset: "",
        chat_type: "group",
      },
    });
    const call = await world.shim.waitForCall(
      (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === "share-1",
    );
    const [first] = call.payload.results as { input_message_content: { message_text: string } }[];
    expect(first?.input_message_content.message_text).toContain(escapeHtml(grant().answer.ru));
    expect(first?.input_message_content.message_text).toContain("href=");
  });

  it("sent nothing Telegram would refuse", () => {
    expect(world.shim.rejectedCalls()).toEqual([]);
  });
});
