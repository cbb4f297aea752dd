// The test's side of Telegram: telegram-test-api on 127.0.0.1 behind our shim, and chats that send
// messages and button presses as people would and read back what the bot sent.

import type { MessageEntity, Update, UserFromGetMe } from "grammy/types";
import TelegramTestApi from "telegram-test-api";
import { freePort } from "./free-port.ts";
import { BotApiShim, type EmulatorView } from "./shim.ts";

/** The slice of telegram-test-api's server we use (its own types need typegram, which is not installed). */
interface TestApiServer extends EmulatorView {
  config: { apiURL: string };
  start(): Promise<void>;
  stop(): Promise<boolean>;
  addUserMessage(message: Record<string, unknown>): Promise<void>;
  addUserCallback(query: Record<string, unknown>): Promise<void>;
  storage: {
    botMessages: StoredBotMessage[];
    userMessages: { messageId: number; message: Record<string, unknown> }[];
  };
}

interface StoredBotMessage {
  messageId: number;
  message: Record<string, unknown>;
}

type TestApiConstructor = new (config: Record<string, unknown>) => TestApiServer;
const TestApi = ((TelegramTestApi as unknown as { default?: TestApiConstructor }).default ??
  TelegramTestApi) as unknown as TestApiConstructor;

export interface InlineButton {
  text: string;
  callback_data?: string;
  url?: string;
  switch_inline_query?: string;
  switch_inline_query_current_chat?: string;
}

/** A message the bot sent, as the emulator holds it now (edits included). */
export interface BotMessage {
  messageId: number;
  chatId: number;
  text: string;
  parseMode?: string;
  buttons: InlineButton[][];
  /** The message this one replies to. */
  replyTo?: number;
  threadId?: number;
  raw: Record<string, unknown>;
}

export interface ChatOptions {
  chatId: number;
  type?: "private" | "group" | "supergroup" | "channel";
  title?: string;
  userId?: number;
  firstName?: string;
  /** Telegram's language_code of the user. */
  languageCode?: string;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Marks commands and @mentions the way Telegram's clients do, so the bot sees realistic entities. */
export function telegramEntities(text: string): MessageEntity[] {
  const entities: MessageEntity[] = [];
  for (const m of text.matchAll(/(?<=^|\s)\/[A-Za-z0-9_]{1,32}(?:@[A-Za-z0-9_]{3,32})?/g)) {
    entities.push({ type: "bot_command", offset: m.index, length: m[0].length });
  }
  for (const m of text.matchAll(/(?<=^|[\s(])@[A-Za-z0-9_]{5,32}/g)) {
    entities.push({ type: "mention", offset: m.index, length: m[0].length });
  }
  return entities.sort((a, b) => a.offset - b.offset);
}

function toBotMessage(stored: StoredBotMessage): BotMessage {
  const m = stored.message;
  const markup = m.reply_markup as { inline_keyboard?: InlineButton[][] } | undefined;
  const replyParameters = m.reply_parameters as { message_id?: number } | undefined;
  const replyTo = replyParameters?.message_id ?? (m.reply_to_message_id as number | undefined);
  return {
    messageId: stored.messageId,
    chatId: Number(m.chat_id),
    text: String(m.text ?? ""),
    ...(typeof m.parse_mode === "string" ? { parseMode: m.parse_mode } : {}),
    buttons: markup?.inline_keyboard ?? [],
    ...(replyTo !== undefined ? { replyTo: Number(replyTo) } : {}),
    ...(m.message_thread_id !== undefined ? { threadId: Number(m.message_thread_id) } : {}),
    raw: m,
  };
}

export class TestChat {
  private readonly seen = new Set<number>();

  constructor(
    private readonly world: TelegramWorld,
    readonly options: Required<Pick<ChatOptions, "chatId" | "type" | "userId">> & ChatOptions,
  ) {}

  get id(): number {
    return this.options.chatId;
  }

  private chat(): Record<string, unknown> {
    const { chatId, type, title, firstName } = this.options;
    return type === "private"
      ? { id: chatId, type, first_name: firstName ?? "Aigerim" }
      : { id: chatId, type, title: title ?? "Test group" };
  }

  private from(): Record<string, unknown> {
    return {
      id: this.options.userId,
      is_bot: false,
      first_name: this.options.firstName ?? "Aigerim",
      ...(this.options.languageCode ? { language_code: this.options.languageCode } : {}),
    };
  }

  /** Sends a text message (extra fields are merged in: reply_to_message, message_thread_id…). */
  async say(text: string, extra: Record<string, unknown> = {}): Promise<{ messageId: number }> {
    const entities = telegramEntities(text);
    await this.world.server.addUserMessage({
      botToken: this.world.token,
      date: Math.floor(Date.now() / 1000),
      chat: this.chat(),
      from: this.from(),
      text,
      ...(entities.length > 0 ? { entities } : {}),
      ...extra,
    });
    const stored = this.world.server.storage.userMessages.at(-1);
    if (!stored) throw new Error("the emulator did not store the message");
    return { messageId: stored.messageId };
  }

  /** A message that replies to one of the bot's messages. */
  replyTo(message: BotMessage, text: string): Promise<{ messageId: number }> {
    return this.say(text, {
      reply_to_message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat(),
        from: this.world.shim.me,
        text: message.text,
      },
    });
  }

  /** Presses an inline button of a bot message (by its label or its position). */
  async press(message: BotMessage, which: string | { row: number; column: number }): Promise<InlineButton> {
    const button =
      typeof which === "string"
        ? message.buttons.flat().find((b) => b.text === which)
        : message.buttons[which.row]?.[which.column];
    if (!button?.callback_data) {
      throw new Error(`no callback button ${JSON.stringify(which)} on message ${message.messageId}`);
    }
    await this.world.server.addUserCallback({
      botToken: this.world.token,
      date: Math.floor(Date.now() / 1000),
      from: this.from(),
      data: button.callback_data,
      message: {
        message_id: message.messageId,
        date: Math.floor(Date.now() / 1000),
        chat: this.chat(),
        from: this.world.shim.me,
        text: message.text,
        // Telegram sends the message with its keyboard, so the bot can tell which buttons it shows.
        reply_markup: { inline_keyboard: message.buttons },
      },
    });
    return button;
  }

  /** Messages the bot sent to this chat since the last call, waiting until there are at least n. */
  async replies(n = 1, timeoutMs = 8000): Promise<BotMessage[]> {
    const deadline = Date.now() + timeoutMs;
    const fresh: BotMessage[] = [];
    while (true) {
      for (const stored of this.world.server.storage.botMessages) {
        if (Number(stored.message.chat_id) !== this.id || this.seen.has(stored.messageId)) continue;
        this.seen.add(stored.messageId);
        fresh.push(toBotMessage(stored));
      }
      if (fresh.length >= n) return fresh;
      if (Date.now() >= deadline) {
        throw new Error(
          `chat ${this.id}: expected ${n} new bot message(s) within ${timeoutMs} ms, got ${fresh.length}`,
        );
      }
      await sleep(10);
    }
  }

  /** The one reply to what was just sent. */
  async reply(timeoutMs?: number): Promise<BotMessage> {
    const [first] = await this.replies(1, timeoutMs);
    if (!first) throw new Error("no reply");
    return first;
  }

  /** A bot message as it is now, once `until` holds (e.g. after an edit in place). */
  async current(messageId: number, until: (m: BotMessage) => boolean, timeoutMs = 8000): Promise<BotMessage> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const stored = this.world.server.storage.botMessages.find(
        (s) => s.messageId === messageId && Number(s.message.chat_id) === this.id,
      );
      const message = stored ? toBotMessage(stored) : undefined;
      if (message && until(message)) return message;
      if (Date.now() >= deadline)
        throw new Error(`message ${messageId} did not change as expected in ${timeoutMs} ms`);
      await sleep(10);
    }
  }

  /** Every bot message in this chat so far, oldest first. */
  history(): BotMessage[] {
    return this.world.server.storage.botMessages
      .filter((s) => Number(s.message.chat_id) === this.id)
      .map(toBotMessage);
  }
}

export class TelegramWorld {
  private constructor(
    readonly server: TestApiServer,
    readonly shim: BotApiShim,
    readonly token: string,
  ) {}

  static async start(token: string, options: { bot?: UserFromGetMe } = {}): Promise<TelegramWorld> {
    const server = new TestApi({ host: "127.0.0.1", port: await freePort(), storeTimeout: 3600 });
    await server.start();
    const shim = await new BotApiShim({
      upstream: server.config.apiURL,
      token,
      emulator: server,
      ...(options.bot ? { bot: options.bot } : {}),
    }).start();
    return new TelegramWorld(server, shim, token);
  }

  /** What TELEGRAM_API_ROOT should be for the bot. */
  get apiRoot(): string {
    return this.shim.url;
  }

  get botUsername(): string {
    return this.shim.me.username;
  }

  privateChat(userId: number, options: Partial<ChatOptions> = {}): TestChat {
    return new TestChat(this, { chatId: userId, type: "private", userId, ...options });
  }

  group(chatId: number, userId: number, options: Partial<ChatOptions> = {}): TestChat {
    return new TestChat(this, { chatId, type: "supergroup", userId, ...options });
  }

  /** An update the emulator cannot produce, delivered through the shim. */
  inject(update: Omit<Update, "update_id">): number {
    return this.shim.inject(update);
  }

  /** Stop the bot first: a poller left running against a closed server only logs errors. */
  async close(): Promise<void> {
    await this.shim.close();
    await this.server.stop();
  }
}
