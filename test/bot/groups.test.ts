// Groups and supergroups: the bot answers only what is addressed to it, replies to the asking message,
// keeps forum topics, and lets only admins change the chat's language.
import type { Message, User } from "grammy/types";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import {
  alice,
  botInfo,
  buttons,
  createHarness,
  editedUpdate,
  firstAnswerableFact,
  forum,
  group,
  groupText,
  messageOf,
  messageUpdate,
  only,
  press,
  STICKER,
  textOf,
} from "./helpers.ts";

const { fact, question } = firstAnswerableFact("en");
const answerText = escapeHtml(fact.answer.en);

describe("group chatter", () => {
  it("gets silence, even questions about the article not addressed to the bot", async () => {
    const h = createHarness();
    expect(await h.send(groupText("Nice weather today, isn't it?"))).toEqual([]);
    expect(await h.send(groupText(question))).toEqual([]);
    expect(await h.send(groupText("@someone_else what do you think?"))).toEqual([]);
  });

  it("gets silence for stickers, edits, unknown commands and commands for another bot", async () => {
    const h = createHarness();
    const sticker = messageUpdate(undefined, {
      chat: group,
      extra: {
        sticker: STICKER,
      },
    });
    expect(await h.send(sticker)).toEqual([]);
    expect(await h.send(editedUpdate(`@${botInfo.username} ${question}`, { chat: group }))).toEqual([]);
    expect(await h.send(groupText("/frobnicate"))).toEqual([]);
    expect(await h.send(groupText(`/frobnicate@${botInfo.username}`))).toEqual([]);
    expect(await h.send(groupText(`/ask@OtherBot ${question}`))).toEqual([]);
    expect(await h.send(groupText("/start@OtherBot"))).toEqual([]);
  });

  it("ignores a channel post forwarded automatically into its discussion group", async () => {
    const h = createHarness();
    const forwarded = messageUpdate(`/ask ${question}`, {
      chat: group,
      extra: { is_automatic_forward: true },
    });
    expect(await h.send(forwarded)).toEqual([]);
  });
});

describe("questions addressed to the bot in a group", () => {
  it("answers /ask and /ask@ThisBot, replying to the asking message", async () => {
    const h = createHarness();
    for (const text of [`/ask ${question}`, `/ask@${botInfo.username} ${question}`]) {
      const update = groupText(text);
      const reply = only(await h.send(update));
      expect(textOf(reply)).toContain(answerText);
      expect(reply.payload.chat_id).toBe(group.id);
      expect(reply.payload.reply_parameters).toEqual({
        message_id: update.message?.message_id,
        allow_sending_without_reply: true,
      });
    }
  });

  it("answers a message that mentions the bot, with the mention cut out of the question", async () => {
    const h = createHarness();
    expect(textOf(only(await h.send(groupText(`@${botInfo.username} ${question}`))))).toContain(answerText);
    expect(textOf(only(await h.send(groupText(`${question} @${botInfo.username.toLowerCase()}`))))).toContain(
      answerText,
    );
    // A bare mention: how to ask, not a decline.
    const hint = textOf(only(await h.send(groupText(`@${botInfo.username}`))));
    expect(hint).toContain("/ask");
  });

  it("answers a reply to one of its own messages, but not a reply to someone else", async () => {
    const h = createHarness();
    const first = only(await h.send(groupText(`/ask ${question}`)));
    const botMessage = messageOf(first);
    expect(textOf(only(await h.send(groupText(question, { replyTo: botMessage }))))).toContain(answerText);
    const human = groupText("hello").message as Message;
    expect(await h.send(groupText(question, { replyTo: human }))).toEqual([]);
  });

  it("keeps a forum topic: the answer goes to the same message_thread_id", async () => {
    const h = createHarness();
    const reply = only(await h.send(messageUpdate(`/ask ${question}`, { chat: forum, threadId: 77 })));
    expect(reply.payload.message_thread_id).toBe(77);
    expect(textOf(reply)).toContain(answerText);
    // In a topic the bot created, every message "replies" to the topic's service message: not a question.
    const topicStart = {
      message_id: 77,
      date: 0,
      chat: forum,
      from: botInfo,
      forum_topic_created: { name: "Questions", icon_color: 0 },
    } as unknown as Message;
    expect(
      await h.send(messageUpdate("what a day", { chat: forum, threadId: 77, replyTo: topicStart })),
    ).toEqual([]);
  });

  it("answers a question button pressed in a group in the same chat and topic", async () => {
    const h = createHarness();
    const reply = only(await h.send(messageUpdate(`/ask ${question}`, { chat: forum, threadId: 78 })));
    const related = buttons(reply).find((b) => b.data.startsWith("q:"));
    if (!related) throw new Error("no related question button");
    const calls = await h.send(press(related.data, messageOf(reply)));
    const answer = only(calls);
    expect(answer.payload.chat_id).toBe(forum.id);
    expect(answer.payload.message_thread_id).toBe(78);
  });

  it("serves other commands when addressed: /start@ThisBot, /sources", async () => {
    const h = createHarness();
    const start = only(await h.send(groupText(`/start@${botInfo.username}`)));
    expect(buttons(start).length).toBe(3);
    const sources = only(await h.send(groupText("/sources")));
    expect(sources.payload.reply_parameters).toBeDefined();
  });
});

describe("/lang in a group", () => {
  const admin: User = { id: 601, is_bot: false, first_name: "Admin", language_code: "en" };
  const statuses = (chatId: number, userId: number) =>
    chatId === group.id && userId === admin.id ? "administrator" : "member";

  it("is refused to a member, both the command and a pressed language button", async () => {
    const h = createHarness({ memberStatus: statuses });
    const refused = only(await h.send(groupText("/lang", { from: alice })));
    expect(textOf(refused)).toBe(botTexts("en").langAdminsOnly);
    expect(buttons(refused)).toEqual([]);

    const offered = only(await h.send(groupText("/lang", { from: admin })));
    const russian = buttons(offered).find((b) => b.data === "lang:ru");
    if (!russian) throw new Error("no Russian button");
    const calls = await h.send(press(russian.data, messageOf(offered), alice));
    expect(only(calls, "answerCallbackQuery").payload.text).toBe(botTexts("en").langAdminsOnly);
    expect(h.store.getChatLang(h.hash(String(group.id)))).toBeUndefined();
  });

  it("is allowed to an admin; the group's answers then come in the chosen language", async () => {
    const h = createHarness({ memberStatus: statuses });
    const offered = only(await h.send(groupText("/lang", { from: admin })));
    expect(buttons(offered).map((b) => b.data)).toEqual(["lang:en", "lang:ru", "lang:tr", "lang:auto"]);
    const calls = await h.send(press("lang:ru", messageOf(offered), admin));
    expect(only(calls, "editMessageText").payload.text).toBe(botTexts("ru").langSet);
    expect(h.store.getChatLang(h.hash(String(group.id)))).toBe("ru");

    const reply = only(await h.send(groupText(`/ask ${question}`, { from: alice })));
    expect(textOf(reply)).toContain(escapeHtml(fact.answer.ru));
  });

  it("is allowed to an anonymous admin (writing as the group itself)", async () => {
    const h = createHarness({ memberStatus: () => "member" });
    const anonymous: User = {
      id: 1087968824,
      is_bot: true,
      first_name: "Group",
      username: "GroupAnonymousBot",
    };
    const update = messageUpdate("/lang", { chat: group, from: anonymous, extra: { sender_chat: group } });
    const calls = await h.send(update);
    expect(buttons(only(calls)).map((b) => b.data)).toEqual(["lang:en", "lang:ru", "lang:tr", "lang:auto"]);
    expect(calls.some((c) => c.method === "getChatMember")).toBe(false);
  });

  it("in a private chat is everyone's own choice", async () => {
    const h = createHarness();
    const offered = only(await h.send(messageUpdate("/lang", { from: alice })));
    await h.send(press("lang:tr", messageOf(offered), alice));
    const reply = only(await h.send(messageUpdate(question, { from: alice })));
    expect(textOf(reply)).toContain(escapeHtml(fact.answer.tr));
  });
});

describe("group edge cases", () => {
  it("/ask sent as a reply to someone's question asks that question", async () => {
    const h = createHarness();
    const asked = groupText(question).message as Message;
    const reply = only(await h.send(groupText("/ask", { replyTo: asked })));
    expect(textOf(reply)).toContain(answerText);
  });

  it("never answers another bot replying to it (no endless bot-to-bot exchange)", async () => {
    const h = createHarness();
    const first = only(await h.send(groupText(`/ask ${question}`)));
    const bot: User = { id: 901, is_bot: true, first_name: "Echo", username: "EchoBot" };
    expect(await h.send(groupText(question, { from: bot, replyTo: messageOf(first) }))).toEqual([]);
  });
});
