// Hostile and odd input, one row per case, through the real bot process and the emulated Bot API.
// Each row says whether the bot must reply or stay silent; for every row, whatever the bot sent must be
// something Telegram accepts (the shim refuses bad HTML, over-long text and bad buttons with a 400, as
// Telegram does), and at the end the process must still be running with no unhandled rejection.
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { STICKER } from "../bot/helpers.ts";
import { telegramEntities } from "../e2e/support/emulator.ts";
import { type Fault, type RecordedCall, telegramError } from "../e2e/support/shim.ts";
import {
  type BotUnderTest,
  callsAbout,
  deliver,
  errorLogs,
  startBotUnderTest,
} from "./support/bot-under-test.ts";

let t: BotUnderTest;
let nextChat = 7_000;
let nextMessage = 900_000;
let nextQuery = 1;

const ANON_ADMIN = { id: 1087968824, is_bot: true, first_name: "Group", username: "GroupAnonymousBot" };
const QUESTION = "Who did Kulubaev meet on 23 March 2023?";

type Upd = Omit<Update, "update_id">;

interface Row {
  name: string;
  /** Builds the update(s) for a fresh chat / user id; the last one is the one awaited. */
  build: (ids: { chat: number; user: number; group: number; queryId: string }) => Upd;
  /** reply: exactly one message sent to the chat; silence: none; toast: the press answered, no message; inline: the query answered. */
  expect: "reply" | "silence" | "toast" | "inline";
  /** Faults armed in the shim for this row (what Telegram would answer that the emulator does not). */
  arm?: Fault[];
  /** Extra check on what was sent. */
  check?: (sent: RecordedCall[]) => void;
}

const now = () => Math.floor(Date.now() / 1000);
const user = (id: number, language_code = "en") => ({
  id,
  is_bot: false,
  first_name: "Aigerim",
  language_code,
});

function privateText(text: string, extra: Record<string, unknown> = {}) {
  return ({ chat, user: u }: { chat: number; user: number }): Upd =>
    ({
      message: {
        message_id: nextMessage++,
        date: now(),
        chat: { id: chat, type: "private", first_name: "Aigerim" },
        from: user(u),
        text,
        ...(telegramEntities(text).length > 0 ? { entities: telegramEntities(text) } : {}),
        ...extra,
      },
    }) as unknown as Upd;
}

function groupText(text: string, extra: Record<string, unknown> = {}) {
  return ({ group, user: u }: { group: number; user: number }): Upd =>
    ({
      message: {
        message_id: nextMessage++,
        date: now(),
        chat: { id: group, type: "supergroup", title: "Hostile group" },
        from: user(u),
        text,
        ...(telegramEntities(text).length > 0 ? { entities: telegramEntities(text) } : {}),
        ...extra,
      },
    }) as unknown as Upd;
}

function inline(query: string) {
  return ({ user: u, queryId }: { user: number; queryId: string }): Upd =>
    ({
      inline_query: { id: queryId, from: user(u), query, offset: "", chat_type: "private" },
    }) as unknown as Upd;
}

function press(data: string | undefined, messageId?: number) {
  return ({ chat, user: u, queryId }: { chat: number; user: number; queryId: string }): Upd =>
    ({
      callback_query: {
        id: queryId,
        from: user(u),
        chat_instance: `ci${chat}`,
        ...(data !== undefined ? { data } : {}),
        ...(messageId !== undefined
          ? {
              message: {
                message_id: messageId,
                date: now(),
                chat: { id: chat, type: "private", first_name: "Aigerim" },
                from: {
                  id: 666,
                  is_bot: true,
                  first_name: "Kyrgyz Article Bot",
                  username: "KgArticleTestBot",
                },
                text: "an old answer",
              },
            }
          : { inline_message_id: "AAAAAinline" }),
      },
    }) as unknown as Upd;
}

const sentTexts = (sent: RecordedCall[]) =>
  sent
    .filter((c) => c.method === "sendMessage" || c.method === "editMessageText")
    .map((c) => String(c.payload.text));

/** A real answer id with a button, found at start-up, for presses on messages the bot no longer knows. */
let realAnswerData = "";

const rows: Row[] = [
  { name: "empty text", build: privateText(""), expect: "reply" },
  { name: "whitespace-only text", build: privateText(" \t\n  \u00a0 "), expect: "reply" },
  {
    name: "4096-character message (words)",
    build: privateText(`${QUESTION} `.repeat(120).slice(0, 4096)),
    expect: "reply",
  },
  {
    name: "4096-character message (one Cyrillic letter)",
    build: privateText("ы".repeat(4096)),
    expect: "reply",
  },
  {
    name: "4096 characters of emoji (surrogate pairs)",
    build: privateText("🇰🇬".repeat(1024)),
    expect: "reply",
  },
  {
    name: "zero-width characters only",
    build: privateText("\u200b\u200c\u200d\u2060\ufeff"),
    expect: "reply",
  },
  {
    name: "control characters around a question",
    build: privateText(`\u0001\u0007\u001b[31m${QUESTION}\u007f\u0085`),
    expect: "reply",
  },
  { name: "NUL bytes", build: privateText(`Who\u0000 did Kulubaev\u0000 meet?\u0000`), expect: "reply" },
  {
    name: "lone surrogates",
    build: privateText("\ud800 Kulubaev \udfff meeting \udc00\ud83d"),
    expect: "reply",
  },
  {
    name: "right-to-left text with overrides",
    build: privateText("\u202eما هي سياسة قيرغيزستان الخارجية؟\u202c \u200f"),
    expect: "reply",
  },
  {
    name: "combining marks (zalgo)",
    build: privateText("K\u0301\u0336u\u0308\u0324l\u0302ubaev m\u0300\u0301\u0302\u0303eet\u0489"),
    expect: "reply",
  },
  { name: "emoji only", build: privateText("🇰🇬🤝🇨🇳👍🏽"), expect: "reply" },
  {
    name: "HTML look-alikes",
    build: privateText(`<b>Who</b> met </a> Kulubaev &amp; <script>alert(1)</script> &lt;`),
    expect: "reply",
    check: (sent) => {
      for (const text of sentTexts(sent)) expect(text).not.toMatch(/<script|<\/a>\s*Kulubaev/);
    },
  },
  {
    name: "Markdown look-alikes",
    build: privateText("*_[]()~` Kulubaev *bold* _it_ [x](http://e.org) ```code```"),
    expect: "reply",
  },
  {
    name: "footnote link look-alike",
    build: privateText('[1] (https://evil.example/phish) ¹ <a href="https://evil.example">source</a> [^2]'),
    expect: "reply",
    check: (sent) => {
      for (const text of sentTexts(sent)) expect(text).not.toContain('href="https://evil.example');
    },
  },
  {
    name: "command for another bot, private chat",
    build: privateText(`/ask@OtherBot ${QUESTION}`),
    expect: "reply",
  },
  {
    name: "command for another bot, group",
    build: groupText(`/ask@OtherBot ${QUESTION}`),
    expect: "silence",
  },
  { name: "unknown command, group", build: groupText("/ban@OtherBot everyone"), expect: "silence" },
  {
    name: "our command with our name, group",
    build: groupText(`/ask@KgArticleTestBot ${QUESTION}`),
    expect: "reply",
  },
  {
    name: "group chatter not addressed to the bot",
    build: groupText("Kulubaev met Wang Yi, lol <b>"),
    expect: "silence",
  },
  {
    name: "mention with HTML in a group",
    build: groupText("@KgArticleTestBot <i>who</i> met Kulubaev & why?"),
    expect: "reply",
  },
  {
    name: "bot_command entity past the end of the text",
    build: privateText("/x", { entities: [{ type: "bot_command", offset: 0, length: 400 }] }),
    expect: "reply",
  },
  {
    name: "256-character inline query",
    build: inline(`${QUESTION} `.repeat(10).slice(0, 256)),
    expect: "inline",
  },
  { name: "forged 1000-character inline query", build: inline("<b>&".repeat(250)), expect: "inline" },
  { name: "empty inline query", build: inline(""), expect: "inline" },
  {
    name: "inline query with NUL and lone surrogate",
    build: inline("Kulubaev\u0000\ud800"),
    expect: "inline",
  },
  { name: "forged callback data", build: (ids) => press("q:../../etc/passwd:en", 1)(ids), expect: "toast" },
  {
    name: "stale callback data (answer no longer exists)",
    build: (ids) => press("q:an-answer-removed-since:en", 1)(ids),
    expect: "toast",
  },
  {
    name: "oversized callback data",
    build: (ids) => press(`q:${"a".repeat(200)}:en`, 1)(ids),
    expect: "toast",
  },
  {
    name: "callback data with emoji and NUL",
    build: (ids) => press("fb:+:\u0000🇰🇬", 1)(ids),
    expect: "toast",
  },
  { name: "callback without data (game button)", build: (ids) => press(undefined, 1)(ids), expect: "toast" },
  { name: "callback from an inline message", build: (ids) => press("T:en")(ids), expect: "toast" },
  {
    name: "valid vote on a message the bot no longer knows",
    build: (ids) => press(realAnswerData.replace(/^q:([^:]+):\w+$/, "fb:+:$1"), 424242)(ids),
    expect: "toast",
  },
  {
    // Telegram refuses to edit a message that was deleted (the emulator would accept it): the page
    // the person asked for comes as a new message instead.
    name: "topic browsing on a deleted message",
    build: (ids) => press("T:en", 424243)(ids),
    arm: [
      { method: "editMessageText", status: 400, body: telegramError.badRequest("message to edit not found") },
    ],
    expect: "reply",
  },
  {
    name: "topic browsing on a message too old to edit",
    build: (ids) => press("t:china:en", 424244)(ids),
    arm: [
      { method: "editMessageText", status: 400, body: telegramError.badRequest("message can't be edited") },
    ],
    expect: "reply",
  },
  {
    name: "edited message, private",
    build: (ids) =>
      ({
        edited_message: { ...(privateText(QUESTION)(ids).message as object), edit_date: now() },
      }) as unknown as Upd,
    expect: "reply",
  },
  {
    name: "edited message, group",
    build: (ids) =>
      ({
        edited_message: {
          ...(groupText(`@KgArticleTestBot ${QUESTION}`)(ids).message as object),
          edit_date: now(),
        },
      }) as unknown as Upd,
    expect: "silence",
  },
  {
    name: "channel post without a command",
    build: ({ chat }) =>
      ({
        channel_post: {
          message_id: nextMessage++,
          date: now(),
          chat: { id: -1_000_000 - chat, type: "channel", title: "News" },
          text: QUESTION,
        },
      }) as unknown as Upd,
    expect: "silence",
  },
  {
    name: "channel post /ask (no from)",
    build: ({ chat }) => {
      const text = `/ask ${QUESTION}`;
      return {
        channel_post: {
          message_id: nextMessage++,
          date: now(),
          chat: { id: -1_000_000 - chat, type: "channel", title: "News" },
          text,
          entities: telegramEntities(text),
        },
      } as unknown as Upd;
    },
    expect: "reply",
  },
  {
    name: "edited channel post",
    build: ({ chat }) =>
      ({
        edited_channel_post: {
          message_id: nextMessage++,
          date: now(),
          edit_date: now(),
          chat: { id: -1_000_000 - chat, type: "channel", title: "News" },
          text: `/ask ${QUESTION}`,
        },
      }) as unknown as Upd,
    expect: "silence",
  },
  {
    name: "anonymous group admin asks",
    build: (ids) => {
      const upd = groupText(`/ask ${QUESTION}`)(ids);
      const message = upd.message as unknown as Record<string, unknown>;
      return { message: { ...message, from: ANON_ADMIN, sender_chat: message.chat } } as unknown as Upd;
    },
    expect: "reply",
  },
  {
    name: "group message without from",
    build: (ids) => {
      const { from: _from, ...rest } = groupText(`/ask ${QUESTION}`)(ids).message as unknown as Record<
        string,
        unknown
      >;
      return { message: rest } as unknown as Upd;
    },
    expect: "reply",
  },
  {
    name: "private message without from",
    build: (ids) => {
      const { from: _from, ...rest } = privateText(QUESTION)(ids).message as unknown as Record<
        string,
        unknown
      >;
      return { message: rest } as unknown as Upd;
    },
    expect: "reply",
  },
  {
    name: "sticker in a private chat",
    build: (ids) => {
      const { text: _text, ...rest } = privateText("")(ids).message as unknown as Record<string, unknown>;
      return {
        message: {
          ...rest,
          sticker: STICKER,
        },
      } as unknown as Upd;
    },
    expect: "reply",
  },
  {
    name: "bot added to a group (my_chat_member)",
    build: ({ group, user: u }) =>
      ({
        my_chat_member: {
          chat: { id: group, type: "supergroup", title: "New group" },
          from: user(u),
          date: now(),
          old_chat_member: { status: "left", user: { id: 666, is_bot: true, first_name: "Bot" } },
          new_chat_member: { status: "member", user: { id: 666, is_bot: true, first_name: "Bot" } },
        },
      }) as unknown as Upd,
    expect: "silence",
  },
  {
    name: "chosen inline result",
    build: ({ user: u }) =>
      ({
        chosen_inline_result: { result_id: "x".repeat(64), from: user(u), query: "<b>" },
      }) as unknown as Upd,
    expect: "silence",
  },
];

beforeAll(async () => {
  t = await startBotUnderTest("hostile-input");
  // A real answer with its buttons, to build presses on messages the bot no longer knows.
  const chat = t.world.privateChat(6_999, { languageCode: "en" });
  await chat.say(QUESTION);
  const answer = await chat.reply();
  realAnswerData =
    answer.buttons
      .flat()
      .map((b) => b.callback_data ?? "")
      .find((d) => d.startsWith("q:")) ?? "q:unknown:en";
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("hostile and odd input", () => {
  it.each(rows)("$name → $expect", async (row) => {
    const ids = {
      chat: nextChat,
      user: nextChat,
      group: -100_000_000 - nextChat,
      queryId: `q${nextQuery++}`,
    };
    nextChat++;
    for (const fault of row.arm ?? []) t.world.shim.fail(fault);
    const errorsBefore = errorLogs(t.bot).length;
    const mark = t.world.shim.calls.length;
    const update = row.build(ids);
    const { log } = await deliver(t, update);
    const chatId =
      update.message?.chat.id ??
      update.edited_message?.chat.id ??
      update.channel_post?.chat.id ??
      update.edited_channel_post?.chat.id ??
      update.my_chat_member?.chat.id ??
      ids.chat;
    const sent = callsAbout(t.world.shim.calls.slice(mark), {
      chatId,
      callbackQueryId: ids.queryId,
      inlineQueryId: ids.queryId,
    });
    const summary = `${JSON.stringify(log)}\n${sent.map((c) => `${c.method} ${c.status} ${c.problems.join("; ")}`).join("\n")}`;

    // Whatever was sent, Telegram would have taken it.
    const armed = new Set((row.arm ?? []).map((f) => f.method));
    for (const call of sent.filter((c) => !armed.has(c.method))) {
      expect(call.problems, `${call.method}\n${summary}`).toEqual([]);
    }
    const messages = sent.filter((c) => c.method === "sendMessage");
    switch (row.expect) {
      case "reply":
        expect(messages, summary).toHaveLength(1);
        break;
      case "silence":
        expect(
          sent.filter((c) => c.method !== "sendChatAction"),
          summary,
        ).toEqual([]);
        break;
      case "toast":
        expect(
          sent.filter((c) => c.method === "answerCallbackQuery"),
          summary,
        ).toHaveLength(1);
        expect(messages, summary).toEqual([]);
        break;
      case "inline": {
        const answers = sent.filter((c) => c.method === "answerInlineQuery");
        expect(answers, summary).toHaveLength(1);
        expect(messages, summary).toEqual([]);
        break;
      }
    }
    row.check?.(sent);
    if (process.env.RELIABILITY_TABLE) {
      const what = sent.map(
        (c) =>
          `${c.method}${c.payload.text ? `(${JSON.stringify(String(c.payload.text).slice(0, 60))})` : ""}`,
      );
      console.log(`| ${row.name} | ${row.expect} | ${log.kind ?? ""} | ${what.join(", ")} |`);
    }
    // A button press is answered exactly once: the spinner stops, and Telegram refuses a second answer.
    if (update.callback_query) {
      expect(
        sent.filter((c) => c.method === "answerCallbackQuery"),
        summary,
      ).toHaveLength(1);
    }
    expect(errorLogs(t.bot).slice(errorsBefore), summary).toEqual([]);
  });

  it("is still running, with nothing unhandled and nothing refused by Telegram", () => {
    expect(t.bot.child.exitCode).toBeNull();
    expect(t.bot.stderrText).not.toMatch(/unhandled|uncaught/i);
    expect(t.bot.logs().filter((l) => /unhandled|uncaught/i.test(l.msg))).toEqual([]);
    const injected = (problem: string) => problem.startsWith("fault ") || problem === "dropped by fault";
    expect(t.world.shim.rejectedCalls().filter((c) => !c.problems.every(injected))).toEqual([]);
  });
});
