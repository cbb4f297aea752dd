// The real bot process (src/main.ts, long polling) against telegram-test-api behind our shim on
// 127.0.0.1: every flow a person meets in Telegram, read back from what the bot actually sent.
// Expected facts (questions, footnote links) come from content/, so the tests follow content edits.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/bot/send.ts";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import type { Answer, Lang } from "../../src/content/schema.ts";
import { type BotProcess, killAllBots, startPollingBot } from "./support/bot-process.ts";
import { type BotMessage, TelegramWorld } from "./support/emulator.ts";

const TOKEN = "7000001:e2e-polling-token_ABCdefGHIjklMNOpqr";
const FOREIGN_QUESTION = "Who won the 2022 FIFA World Cup final?";

let world: TelegramWorld;
let bot: BotProcess;
let kb: KnowledgeBase;

/** An answer that cites a footnote and has a curated question in every language. */
function citedAnswer(): Answer {
  const answer = kb.answers.find(
    (a) =>
      a.footnotes.length > 0 && a.questions.en?.length && a.questions.ru?.length && a.questions.tr?.length,
  );
  if (!answer) throw new Error("content has no footnoted answer with en/ru/tr questions");
  return answer;
}

function question(answer: Answer, lang: Lang): string {
  const q = answer.questions[lang]?.[0];
  if (!q) throw new Error(`${answer.id} has no ${lang} question`);
  return q;
}

function footnoteLink(n: number): string {
  const url = kb.footnoteByNumber.get(n)?.url;
  if (!url) throw new Error(`no footnote ${n}`);
  return `href="${escapeHtml(url)}"`;
}

/** The bot's one log line for the update that carried this message. */
async function updateLog(match: (line: Record<string, unknown>) => boolean) {
  return bot.waitForLog((line) => line.msg === "update" && match(line), 5000);
}

function callbackData(message: BotMessage): string[] {
  return message.buttons.flat().flatMap((b) => (b.callback_data ? [b.callback_data] : []));
}

beforeAll(async () => {
  kb = loadKnowledgeBase();
  world = await TelegramWorld.start(TOKEN);
  bot = await startPollingBot(TOKEN, world.apiRoot);
}, 60_000);

afterAll(async () => {
  await killAllBots();
  await world?.close();
});

describe("private chat", () => {
  it("/start greets in the user's language and offers example questions as buttons", async () => {
    const chat = world.privateChat(101, { languageCode: "en" });
    await chat.say("/start");
    const greeting = await chat.reply();
    expect(greeting.text).toContain(escapeHtml(kb.article.title));
    expect(callbackData(greeting).filter((d) => d.startsWith("q:"))).toHaveLength(3);
  });

  it("answers a question with its citation: footnote number and link", async () => {
    const answer = citedAnswer();
    const footnote = answer.footnotes[0] ?? 0;
    const chat = world.privateChat(102, { languageCode: "en" });
    await chat.say(question(answer, "en"));
    const reply = await chat.reply();
    expect(reply.parseMode).toBe("HTML");
    expect(reply.text).toContain(`[${footnote}]`);
    expect(reply.text).toContain(footnoteLink(footnote));
    expect(callbackData(reply)).toContain(`src:${answer.id}:en`);
    await updateLog((l) => l.answerId === answer.id && l.kind === "answer" && l.lang === "en");
  });

  it("declines a question the article does not answer, and offers ones it can", async () => {
    const chat = world.privateChat(103, { languageCode: "en" });
    await chat.say(FOREIGN_QUESTION);
    const reply = await chat.reply();
    expect(reply.text).not.toContain("href=");
    const offered = callbackData(reply).filter((d) => d.startsWith("q:"));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.length).toBeLessThanOrEqual(3);
    await updateLog((l) => l.kind === "decline" && l.chat === "private");
  });

  it.each([
    ["ru", "ru"],
    ["tr", "tr"],
  ] as const)("answers a %s question in %s, with the citation", async (lang, code) => {
    const answer = citedAnswer();
    const chat = world.privateChat(lang === "ru" ? 104 : 105, { languageCode: code });
    await chat.say(question(answer, lang));
    const reply = await chat.reply();
    const expected = answer.answer[lang];
    // The short answer first, in bold, then the curated text.
    const short = `<b>${escapeHtml(answer.short?.[lang] ?? "")}</b>\n`;
    expect(reply.text.startsWith(`${short}${escapeHtml(expected).slice(0, 40)}`)).toBe(true);
    expect(reply.text).toContain(footnoteLink(answer.footnotes[0] ?? 0));
    await updateLog((l) => l.answerId === answer.id && l.lang === lang);
  });

  it("a question button answers as a new message; the Source button shows the footnote in full", async () => {
    const chat = world.privateChat(106, { languageCode: "en" });
    await chat.say("/start");
    const greeting = await chat.reply();
    const first = greeting.buttons[0]?.[0];
    await chat.press(greeting, { row: 0, column: 0 });
    const answerMessage = await chat.reply();
    expect(answerMessage.messageId).not.toBe(greeting.messageId);
    await world.shim.waitForCall((c) => c.method === "answerCallbackQuery");
    const id = first?.callback_data?.split(":")[1] ?? "";
    const answer = kb.answerById.get(id);
    expect(answer).toBeDefined();

    const sourceButton = answerMessage.buttons.flat().find((b) => b.callback_data?.startsWith("src:"));
    expect(sourceButton).toBeDefined();
    await chat.press(answerMessage, sourceButton?.text ?? "");
    const source = await chat.reply();
    for (const n of answer?.footnotes ?? []) {
      expect(source.text).toContain(footnoteLink(n));
      expect(source.text).toContain(escapeHtml(kb.footnoteByNumber.get(n)?.title ?? "?"));
    }
  });

  it("/sources lists every footnote with its link", async () => {
    const chat = world.privateChat(107, { languageCode: "en" });
    await chat.say("/sources");
    const reply = await chat.reply();
    for (const footnote of kb.footnotes) expect(reply.text).toContain(footnoteLink(footnote.n));
  });

  it("/topics browses topics → questions → answer by editing one message in place", async () => {
    const chat = world.privateChat(108, { languageCode: "en" });
    await chat.say("/topics");
    const menu = await chat.reply();
    const topicButtons = callbackData(menu).filter((d) => d.startsWith("t:"));
    expect(topicButtons.length).toBe(kb.topics.length);

    const topic = kb.topics.find((t) => kb.answers.some((a) => a.topic === t.id && a.footnotes.length > 0));
    const topicButton = menu.buttons.flat().find((b) => b.callback_data === `t:${topic?.id}:en`);
    await chat.press(menu, topicButton?.text ?? "");
    const topicPage = await chat.current(menu.messageId, (m) => m.text !== menu.text);
    const questionButton = topicPage.buttons.flat().find((b) => {
      const id = b.callback_data?.startsWith("ta:") ? b.callback_data.split(":")[1] : undefined;
      return id !== undefined && (kb.answerById.get(id)?.footnotes.length ?? 0) > 0;
    });
    expect(questionButton).toBeDefined();

    await chat.press(topicPage, questionButton?.text ?? "");
    const answerPage = await chat.current(menu.messageId, (m) => m.text !== topicPage.text);
    const answer = kb.answerById.get(questionButton?.callback_data?.split(":")[1] ?? "");
    expect(answerPage.text).toContain(footnoteLink(answer?.footnotes[0] ?? 0));
    // A way back, and no new messages: the chat holds only the one menu message.
    expect(callbackData(answerPage).some((d) => d.startsWith("t:") || d.startsWith("T:"))).toBe(true);
    expect(chat.history()).toHaveLength(1);
  });
});

describe("groups", () => {
  const answerFor = () => citedAnswer();

  it("stays silent on chatter and on commands for other bots, answers /ask as a reply", async () => {
    const group = world.group(-1001001, 201, { languageCode: "en" });
    await group.say("Anyone watching the football tonight?");
    await group.say(`/ask@SomeOtherBot ${question(answerFor(), "en")}`);
    const asked = await group.say(`/ask ${question(answerFor(), "en")}`);
    // Messages of one chat are handled in order: once /ask is answered, the two before it are done.
    const replies = await group.replies(1);
    expect(replies).toHaveLength(1);
    expect(replies[0]?.replyTo).toBe(asked.messageId);
    expect(replies[0]?.text).toContain(footnoteLink(answerFor().footnotes[0] ?? 0));
  });

  it("answers /ask@ThisBot, an @mention and a reply to its own message", async () => {
    const group = world.group(-1001002, 202, { languageCode: "en" });
    const q = question(answerFor(), "en");
    const viaCommand = await group.say(`/ask@${world.botUsername} ${q}`);
    const first = await group.reply();
    expect(first.replyTo).toBe(viaCommand.messageId);

    const viaMention = await group.say(`@${world.botUsername} ${q}`);
    const second = await group.reply();
    expect(second.replyTo).toBe(viaMention.messageId);
    expect(second.text).toContain(footnoteLink(answerFor().footnotes[0] ?? 0));

    const viaReply = await group.replyTo(second, question(answerFor(), "en"));
    const third = await group.reply();
    expect(third.replyTo).toBe(viaReply.messageId);
  });

  it("replies inside the forum topic the question came from", async () => {
    const group = world.group(-1001003, 203, { languageCode: "en" });
    await group.say(`/ask ${question(answerFor(), "en")}`, { message_thread_id: 42, is_topic_message: true });
    expect((await group.reply()).threadId).toBe(42);
  });

  it("answers a channel post that starts with /ask as a reply post", async () => {
    const channel = world.group(-1009001, 0, { type: "channel" });
    const chat = { id: -1009001, type: "channel", title: "News" } as const;
    const text = `/ask ${question(answerFor(), "en")}`;
    world.inject({
      channel_post: {
        message_id: 9,
        date: Math.floor(Date.now() / 1000),
        chat,
        sender_chat: chat,
        text,
        entities: [{ type: "bot_command", offset: 0, length: 4 }],
      },
    });
    const reply = await channel.reply();
    expect(reply.replyTo).toBe(9);
    expect(reply.text).toContain(footnoteLink(answerFor().footnotes[0] ?? 0));
  });
});

describe("inline mode", () => {
  const from = { id: 301, is_bot: false, first_name: "Editor", language_code: "en" };

  it("answers an inline query with the full cited answer", async () => {
    const answer = citedAnswer();
    world.inject({
      inline_query: { id: "iq-1", from, query: question(answer, "en"), offset: "", chat_type: "channel" },
    });
    const call = await world.shim.waitForCall(
      (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === "iq-1",
    );
    const results = call.payload.results as { input_message_content: { message_text: string } }[];
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]?.input_message_content.message_text).toContain(footnoteLink(answer.footnotes[0] ?? 0));
    expect(Number(call.payload.cache_time)).toBeGreaterThan(0);
  });

  it("shows popular questions for an empty query", async () => {
    world.inject({ inline_query: { id: "iq-2", from, query: "", offset: "" } });
    const call = await world.shim.waitForCall(
      (c) => c.method === "answerInlineQuery" && c.payload.inline_query_id === "iq-2",
    );
    expect((call.payload.results as unknown[]).length).toBeGreaterThanOrEqual(3);
  });
});

describe("the process", () => {
  it("sent nothing Telegram would refuse, and logged no token", () => {
    expect(world.shim.rejectedCalls()).toEqual([]);
    expect(bot.output()).not.toContain(TOKEN);
    expect(bot.output()).not.toContain(TOKEN.split(":")[1]);
  });

  it("registered its command menus for private and group chats in en, ru, tr", () => {
    const keys = [...world.shim.commands.keys()];
    for (const scope of ["all_private_chats", "all_group_chats"]) {
      for (const code of ["", "ru", "tr", "en"]) {
        expect(keys).toContain(`${JSON.stringify({ type: scope })}|${code}`);
      }
    }
  });

  it("on SIGTERM finishes the question in flight and exits 0", async () => {
    const chat = world.privateChat(109, { languageCode: "en" });
    // A slow Bot API keeps the answer in flight while the signal arrives.
    world.shim.fail({ method: "sendMessage", delayMs: 1000 });
    await chat.say(question(citedAnswer(), "en"));
    await world.shim.waitForDelivery((u) => u.message?.chat.id === chat.id);
    const exit = await bot.stop("SIGTERM");
    expect(exit).toMatchObject({ code: 0, signal: null });
    expect((await chat.reply(2000)).text).toContain("href=");
    expect(bot.logs().some((l) => l.msg === "stopped")).toBe(true);
  });
});
