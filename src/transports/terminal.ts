// The terminal chat: the real bot (createBot, same handlers) fed with updates typed here, its outgoing
// API calls answered by the local API (no network) and printed as plain text. Buttons are numbered (1), (2)…;
// typing its number presses it. Works interactively and with piped stdin (one line, one message).
import { createInterface } from "node:readline";
import type {
  Chat,
  InlineKeyboardMarkup,
  InlineQueryResultArticle,
  Message,
  Update,
  User,
} from "grammy/types";
import type { Logger } from "pino";
import { type BotDeps, createBot } from "../bot/index.ts";
import { visibleText } from "../telegram.ts";
import { TERMINAL_BYE, terminalBanner } from "../texts/bot.ts";
import { createLocalApi, type LocalApiCall, type LocalApiReply, localBotInfo } from "./local-api.ts";

export interface TerminalChatOptions
  extends Omit<BotDeps, "adminIds" | "retentionDays" | "logger" | "client"> {
  logger: Logger;
  input: NodeJS.ReadableStream;
  output: NodeJS.WritableStream;
  retentionDays?: number;
  /** Admins for /stats and /unanswered; by default the person at the terminal. */
  adminIds?: number[];
  /** The terminal user's Telegram language_code; by default taken from $LANG, else "en". */
  languageCode?: string;
}

/** Someone pressing a number: a callback button on a message, or an inline result to post. */
type Pressable =
  | { kind: "button"; message: Message; data: string }
  | { kind: "inline"; result: InlineQueryResultArticle }
  /** A share button: Telegram would type "@bot <query>" in the chat picked; here it runs the inline query. */
  | { kind: "share"; query: string };

const USER_ID = 100_001;
const INDENT = "      ";

/** Telegram HTML as terminal text: tags dropped, links shown with their address, quotes marked. */
export function htmlToTerminal(html: string): string {
  return visibleText(
    html
      .replace(/<a\s+href="([^"]*)"\s*>([\s\S]*?)<\/a>/gi, (_, href: string, text: string) =>
        text.replace(/<[^>]*>/g, "") === href ? href : `${text} (${href})`,
      )
      .replace(/<blockquote[^>]*>([\s\S]*?)<\/blockquote>/gi, (_, quote: string) =>
        quote
          .split("\n")
          .map((l) => `│ ${l}`)
          .join("\n"),
      ),
  );
}

function languageFromEnvironment(): string {
  const code = (process.env.LC_ALL || process.env.LANG || "").slice(0, 2).toLowerCase();
  return /^[a-z]{2}$/.test(code) ? code : "en";
}

export async function runTerminalChat(options: TerminalChatOptions): Promise<number> {
  const { input, output } = options;
  const interactive = Boolean((input as { isTTY?: boolean }).isTTY && (output as { isTTY?: boolean }).isTTY);
  const botInfo = options.botInfo ?? localBotInfo();
  const user: User = {
    id: USER_ID,
    is_bot: false,
    first_name: "You",
    language_code: options.languageCode ?? languageFromEnvironment(),
  };
  const chat: Chat.PrivateChat = { id: USER_ID, type: "private", first_name: "You" };
  const write = (text: string) => output.write(`${text}\n`);

  // Buttons on screen, by number. Numbering starts again when the user types a message; presses only
  // add to it, so an answer's 👍/👎 stay pressable after its related question was opened.
  let pressables: Pressable[] = [];
  const number = (p: Pressable) => pressables.push(p);

  function printMessage(
    label: string,
    html: string,
    markup: InlineKeyboardMarkup | undefined,
    message?: Message,
  ) {
    const lines = htmlToTerminal(html).split("\n");
    write(`${label} › ${lines[0] ?? ""}`);
    for (const line of lines.slice(1)) write(line === "" ? "" : `${INDENT}${line}`);
    for (const row of markup?.inline_keyboard ?? []) {
      const cells = row.map((b) =>
        message && "callback_data" in b
          ? `(${number({ kind: "button", message, data: b.callback_data })}) ${b.text}`
          : "switch_inline_query" in b
            ? `(${number({ kind: "share", query: b.switch_inline_query })}) ${b.text}`
            : b.text,
      );
      write(`${INDENT}${cells.join("   ")}`);
    }
  }

  function print(call: LocalApiCall, reply: LocalApiReply) {
    const p = call.payload;
    if (!reply.ok) {
      write(`(the Bot API would refuse ${call.method}: ${reply.description})`);
      return;
    }
    const result = reply.result;
    if (call.method === "sendMessage")
      printMessage("bot", String(p.text), p.reply_markup as InlineKeyboardMarkup, result as Message);
    else if (call.method === "editMessageText")
      printMessage("bot ✎", String(p.text), p.reply_markup as InlineKeyboardMarkup, result as Message);
    else if (call.method === "answerCallbackQuery" && typeof p.text === "string")
      write(`${INDENT}(${p.text})`);
    else if (call.method === "answerInlineQuery") {
      const results = (p.results as InlineQueryResultArticle[]) ?? [];
      write(`inline › ${results.length} result(s); type a number to post one:`);
      for (const r of results) write(`${INDENT}(${number({ kind: "inline", result: r })}) ${r.title}`);
    }
  }

  const api = createLocalApi({
    botInfo,
    chats: new Map([[chat.id, chat]]),
    memberStatus: () => "creator",
    onCall: print,
  });
  const bot = createBot("local-terminal-chat", {
    ...options,
    botInfo,
    adminIds: options.adminIds ?? [USER_ID],
    retentionDays: options.retentionDays ?? 90,
  });
  bot.api.config.use(api.transformer);

  // Questions are counted once per update id (kept two days): each session's ids must be new ones.
  let updateId = Date.now();
  const date = () => Math.floor(Date.now() / 1000);
  let messageId = 1_000_000;

  function messageUpdate(text: string): Update {
    const command = /^\/\S+/.exec(text);
    const mention = new RegExp(`@${botInfo.username}\\b`, "i").exec(text);
    const entities = [
      ...(command ? [{ type: "bot_command" as const, offset: 0, length: command[0].length }] : []),
      ...(mention && !command
        ? [{ type: "mention" as const, offset: mention.index, length: mention[0].length }]
        : []),
    ];
    return {
      update_id: ++updateId,
      message: {
        message_id: ++messageId,
        date: date(),
        chat,
        from: user,
        text,
        ...(entities.length > 0 ? { entities } : {}),
      },
    };
  }

  async function handle(update: Update) {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      // The bot's error boundary handles failures in handlers; this is the last line of defence.
      write(`(the bot failed on this update: ${error instanceof Error ? error.message : String(error)})`);
    }
  }

  function inlineQuery(query: string) {
    return handle({
      update_id: ++updateId,
      inline_query: { id: `local-${updateId}`, from: user, query, offset: "", chat_type: "private" },
    });
  }

  async function press(n: number) {
    const target = pressables[n - 1];
    if (!target) {
      write(`(there is no button (${n}) on screen)`);
      return;
    }
    if (target.kind === "share") {
      await inlineQuery(target.query);
      return;
    }
    if (target.kind === "inline") {
      const content = target.result.input_message_content as { message_text?: string };
      printMessage(`you via @${botInfo.username}`, content.message_text ?? "", undefined);
      return;
    }
    // Press it on the message as it is now (edits change the keyboard).
    const message = api.message(target.message.chat.id, target.message.message_id) ?? target.message;
    await handle({
      update_id: ++updateId,
      callback_query: {
        id: `local-${updateId}`,
        from: user,
        chat_instance: "local",
        message,
        data: target.data,
      },
    });
  }

  write(terminalBanner(botInfo.username));
  write("");
  const rl = createInterface({
    input,
    ...(interactive ? { output, prompt: "you › ", terminal: true } : { terminal: false }),
  });
  if (interactive) rl.prompt();
  const inlinePrefix = new RegExp(`^@${botInfo.username}(?:\\s+|$)`, "i");
  try {
    for await (const raw of rl) {
      const line = raw.trim();
      if (line === "/quit" || line === "/exit") break;
      if (line !== "") {
        if (!interactive) write(`you › ${line}`);
        const isPress = /^\d{1,3}$/.test(line);
        if (!isPress) pressables = [];
        if (isPress) await press(Number(line));
        else if (inlinePrefix.test(line)) await inlineQuery(line.replace(inlinePrefix, ""));
        else await handle(messageUpdate(line));
      }
      if (interactive) rl.prompt();
    }
  } finally {
    rl.close();
  }
  write(TERMINAL_BYE);
  return 0;
}
