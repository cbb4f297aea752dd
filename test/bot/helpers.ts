// Drives the real bot (createBot, real engine, real content, in-memory store) through bot.handleUpdate.
// Outgoing calls go to the in-process Bot API (src/transports/local-api.ts), which answers like Telegram
// and records them; every call is also checked against Telegram's rules for text, HTML and buttons.
import { createHmac } from "node:crypto";
import { Writable } from "node:stream";
import type { Bot } from "grammy";
import type { Chat, InlineKeyboardMarkup, Message, Update, User } from "grammy/types";
import pino from "pino";
import { createBot, type MyContext } from "../../src/bot/index.ts";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { answerIds, createEngine, type Engine } from "../../src/engine/index.ts";
import { createMemoryStore } from "../../src/storage/memory.ts";
import type { Store } from "../../src/storage/store.ts";
import {
  createLocalApi,
  type LocalApi,
  type LocalApiCall,
  localBotInfo,
  type MemberStatus,
} from "../../src/transports/local-api.ts";
import { checkOutgoingCall } from "../reliability/support/telegram-html.ts";

let shared: { kb: KnowledgeBase; engine: Engine } | undefined;

/** Content and engine are read-only: built once per test file. */
export function knowledge(): { kb: KnowledgeBase; engine: Engine } {
  shared ??= (() => {
    const kb = loadKnowledgeBase();
    return { kb, engine: createEngine(kb) };
  })();
  return shared;
}

export const botInfo = localBotInfo("KgArticleBot");
export const NOW = new Date("2026-03-10T12:00:00Z");

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Harness {
  bot: Bot<MyContext>;
  api: LocalApi;
  store: Store;
  logs: LogLine[];
  /** Handles one update; returns the calls the bot made for it (all checked against Telegram's rules). */
  send(update: Update): Promise<LocalApiCall[]>;
  hash(value: string): string;
}

export interface HarnessOptions {
  adminIds?: number[];
  store?: Store;
  kb?: KnowledgeBase;
  memberStatus?: (chatId: number, userId: number) => MemberStatus;
  logLevel?: pino.Level;
  /** The bot's clock (NOW by default): tests that need time to pass move it. */
  now?: () => Date;
}

export function createHarness(options: HarnessOptions = {}): Harness {
  const base = knowledge();
  const kb = options.kb ?? base.kb;
  const engine = options.kb ? createEngine(kb) : base.engine;
  const store: Store = options.store ?? createMemoryStore({ now: () => NOW });
  const logs: LogLine[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      for (const line of String(chunk).split("\n")) if (line.trim()) logs.push(JSON.parse(line) as LogLine);
      done();
    },
  });
  const logger = pino({ level: options.logLevel ?? "info" }, sink);
  const hash = (value: string) => createHmac("sha256", "test-secret").update(value).digest("hex");
  const api = createLocalApi({
    botInfo,
    ...(options.memberStatus ? { memberStatus: options.memberStatus } : {}),
    now: () => Math.floor(NOW.getTime() / 1000),
  });
  const bot = createBot("123456:TEST-TOKEN", {
    kb,
    engine,
    logger,
    store,
    hash,
    adminIds: options.adminIds ?? [],
    retentionDays: 90,
    botInfo,
    now: options.now ?? (() => NOW),
  });
  bot.api.config.use(api.transformer);

  return {
    bot,
    api,
    store,
    logs,
    hash,
    async send(update) {
      const before = api.calls.length;
      await bot.handleUpdate(update);
      // pino writes asynchronously through the stream: let it flush before anyone reads the logs.
      await new Promise((resolve) => setImmediate(resolve));
      const calls = api.calls.slice(before);
      for (const call of calls) {
        const problems = checkOutgoingCall(call.method, call.payload);
        if (problems.length > 0)
          throw new Error(`${call.method} breaks Telegram's rules: ${problems.join("; ")}`);
      }
      return calls;
    },
  };
}

// ---------- update builders ----------

let nextUpdateId = 1;
let nextMessageId = 10_000;

export const alice: User = { id: 501, is_bot: false, first_name: "Alice", language_code: "en" };
export const boris: User = { id: 502, is_bot: false, first_name: "Борис", language_code: "ru" };
export const ayse: User = { id: 503, is_bot: false, first_name: "Ayşe", language_code: "tr" };
export const otherBot: User = { id: 900, is_bot: true, first_name: "Other", username: "OtherBot" };

export const privateChat = (user: User): Chat.PrivateChat => ({
  id: user.id,
  type: "private",
  first_name: user.first_name,
});
export const group: Chat.SupergroupChat = { id: -100_111, type: "supergroup", title: "Readers" };
export const forum: Chat.SupergroupChat = {
  id: -100_222,
  type: "supergroup",
  title: "Forum",
  is_forum: true,
};
export const channel: Chat.ChannelChat = { id: -100_333, type: "channel", title: "News" };

/** Entities Telegram would attach: a leading /command, @mentions. */
function entitiesOf(text: string): Message["entities"] {
  const entities: NonNullable<Message["entities"]> = [];
  const command = /^\/[A-Za-z0-9_]+(?:@[A-Za-z0-9_]+)?/.exec(text);
  if (command) entities.push({ type: "bot_command", offset: 0, length: command[0].length });
  for (const m of text.matchAll(/@[A-Za-z0-9_]{3,}/g)) {
    if (command && m.index === command[0].indexOf("@")) continue;
    entities.push({ type: "mention", offset: m.index, length: m[0].length });
  }
  return entities.length > 0 ? entities : undefined;
}

export interface MessageOptions {
  chat?: Chat;
  from?: User;
  replyTo?: Message;
  threadId?: number;
  extra?: Partial<Message>;
}

export function message(text: string | undefined, options: MessageOptions = {}): Message {
  const from = options.from ?? alice;
  const chat = options.chat ?? privateChat(from);
  const entities = text === undefined ? undefined : entitiesOf(text);
  return {
    message_id: ++nextMessageId,
    date: Math.floor(NOW.getTime() / 1000),
    chat,
    from,
    ...(text !== undefined ? { text } : {}),
    ...(entities ? { entities } : {}),
    ...(options.replyTo
      ? { reply_to_message: options.replyTo as Message.CommonMessage & { reply_to_message: undefined } }
      : {}),
    ...(options.threadId !== undefined
      ? { message_thread_id: options.threadId, is_topic_message: true }
      : {}),
    ...options.extra,
  } as Message;
}

export function messageUpdate(text: string | undefined, options: MessageOptions = {}): Update {
  return { update_id: nextUpdateId++, message: message(text, options) } as Update;
}

/** A minimal regular sticker, for "non-text message" cases. */
export const STICKER = {
  file_id: "s",
  file_unique_id: "s",
  type: "regular",
  width: 1,
  height: 1,
  is_animated: false,
  is_video: false,
} as const;

export const privateText = (text: string, from: User = alice) => messageUpdate(text, { from });
export const groupText = (text: string, options: Omit<MessageOptions, "chat"> = {}) =>
  messageUpdate(text, { chat: group, ...options });

export function editedUpdate(text: string, options: MessageOptions = {}): Update {
  return { update_id: nextUpdateId++, edited_message: { ...message(text, options), edit_date: 1 } } as Update;
}

export function channelPost(text: string): Update {
  const entities = entitiesOf(text);
  return {
    update_id: nextUpdateId++,
    channel_post: {
      message_id: ++nextMessageId,
      date: Math.floor(NOW.getTime() / 1000),
      chat: channel,
      sender_chat: channel,
      text,
      ...(entities ? { entities } : {}),
    },
  } as Update;
}

export function press(data: string, on: Message, from: User = alice): Update {
  return {
    update_id: nextUpdateId++,
    callback_query: { id: `cb-${nextUpdateId}`, from, chat_instance: "ci", message: on, data },
  } as Update;
}

export function inlineQuery(query: string, from: User = alice): Update {
  return {
    update_id: nextUpdateId++,
    inline_query: { id: `iq-${nextUpdateId}`, from, query, offset: "", chat_type: "channel" },
  };
}

// ---------- reading what the bot sent ----------

export const sent = (calls: LocalApiCall[], method = "sendMessage") =>
  calls.filter((c) => c.method === method);

export function only(calls: LocalApiCall[], method = "sendMessage"): LocalApiCall {
  const found = sent(calls, method);
  if (found.length !== 1)
    throw new Error(`expected one ${method}, got ${found.length}: ${calls.map((c) => c.method).join(", ")}`);
  return found[0] as LocalApiCall;
}

export const textOf = (call: LocalApiCall) => String(call.payload.text);

export function buttons(call: LocalApiCall): { text: string; data: string }[] {
  const markup = call.payload.reply_markup as InlineKeyboardMarkup | undefined;
  return (markup?.inline_keyboard ?? []).flat().map((b) => ({
    text: b.text,
    data: "callback_data" in b ? b.callback_data : "",
  }));
}

export function button(call: LocalApiCall, match: (b: { text: string; data: string }) => boolean) {
  const found = buttons(call).find(match);
  if (!found) throw new Error(`no such button among ${JSON.stringify(buttons(call))}`);
  return found;
}

/** The Message the local API returned for a sendMessage call (to press its buttons, or reply to it). */
export function messageOf(call: LocalApiCall): Message {
  if (!call.reply?.ok) throw new Error(`${call.method} was refused: ${JSON.stringify(call.reply)}`);
  return call.reply.result as Message;
}

/**
 * Fact answers whose first question the engine answers with that very answer: fixtures for tests that
 * are about the bot, not about matching quality (the engine has its own tests and evaluation).
 */
export function answerableFacts(lang: "en" | "ru" | "tr" = "en") {
  const { kb, engine } = knowledge();
  return kb.answers.filter((a) => {
    const q = a.questions[lang][0];
    return a.kind === "fact" && q !== undefined && answerIds(engine.ask(q))[0] === a.id;
  });
}

/** The first answerable fact and its first question: what most handler tests ask. */
export function firstAnswerableFact(lang: "en" | "ru" | "tr" = "en") {
  const [fact] = answerableFacts(lang);
  if (!fact) throw new Error("no answerable fact in the content");
  return { fact, question: fact.questions[lang][0] as string };
}

/** A message the bot sent, as it is now (after edits): what a user pressing its buttons sees. */
export function current(h: Harness, sentMessage: Message): Message {
  const now = h.api.message(sentMessage.chat.id, sentMessage.message_id);
  if (!now) throw new Error("the bot never sent this message");
  return now;
}
