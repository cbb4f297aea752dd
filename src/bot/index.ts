// createBot: the Telegram bot, built from its dependencies, with no side effects on import. The same
// handlers serve long polling, webhooks, tests and the terminal chat; only the transport differs.
// First: grammY's middleware must be composed the lean way (see the file).
import "./lean-composer.ts";
import { Bot, type BotConfig, type BotError, GrammyError } from "grammy";
import type { BotCommand, LanguageCode } from "grammy/types";
import type { Logger } from "pino";
import { LANGS, type Lang } from "../content/langs.ts";
import { errorSummary } from "../logger.ts";
import { botTexts, type CommandName } from "../texts/bot.ts";
import type { BotDeps, MyContext, ResolvedDeps } from "./context.ts";
import { aboutFeature } from "./features/about.ts";
import { adminFeature } from "./features/admin.ts";
import { askFeature } from "./features/ask.ts";
import { channelFeature } from "./features/channel.ts";
import { feedbackFeature } from "./features/feedback.ts";
import { helpFeature } from "./features/help.ts";
import { inlineFeature } from "./features/inline.ts";
import { langFeature } from "./features/lang.ts";
import { sourcesFeature } from "./features/sources.ts";
import { startFeature } from "./features/start.ts";
import { topicsFeature } from "./features/topics.ts";
import { unhandledFeature } from "./features/unhandled.ts";
import { createConversationMemory } from "./memory.ts";
import { replyText } from "./send.ts";
import { updateContextClass } from "./update-context.ts";

export type { BotDeps, MyContext } from "./context.ts";

const loggers = new WeakMap<Bot<MyContext>, Logger>();

export function createBot(token: string, given: BotDeps, botConfig?: BotConfig<MyContext>): Bot<MyContext> {
  const deps: ResolvedDeps = { ...given, memory: given.memory ?? createConversationMemory() };
  const bot = new Bot<MyContext>(token, {
    ...(deps.botInfo ? { botInfo: deps.botInfo } : {}),
    ContextConstructor: updateContextClass(deps),
    ...botConfig,
    client: { ...deps.client, ...botConfig?.client },
  });
  loggers.set(bot, deps.logger);

  bot.use(async (ctx, next) => {
    const started = performance.now();
    try {
      await next();
    } finally {
      logUpdate(ctx, performance.now() - started);
    }
  });

  // Posts a channel forwards into its discussion group arrive as group messages; they are not questions.
  bot.use(async (ctx, next) => {
    if (ctx.message?.is_automatic_forward) {
      ctx.note({ kind: "ignored" });
      return;
    }
    await next();
  });

  const features = bot.errorBoundary(handleError);
  // Questions first: they are most updates, and every feature in front costs each of them its filters.
  // The features before it only take commands and their own buttons, which the ask feature passes on.
  features.use(
    askFeature,
    startFeature,
    helpFeature,
    aboutFeature,
    sourcesFeature,
    topicsFeature,
    langFeature,
    adminFeature,
    feedbackFeature,
    channelFeature,
    inlineFeature,
    unhandledFeature,
  );

  // Only reached if the logging middleware itself fails; the boundary above catches the rest.
  bot.catch((error) => handleError(error));
  return bot;
}

/** One line per update: what it was and what the bot did. Message text never goes above debug. */
function logUpdate(ctx: MyContext, ms: number): void {
  const type = Object.keys(ctx.update).find((key) => key !== "update_id") ?? "unknown";
  // The same line ctx.logger (the update's child logger) would write, without making one.
  ctx.deps.logger.info(
    {
      update_id: ctx.update.update_id,
      type,
      chat: ctx.chat?.type ?? (ctx.inlineQuery ? "inline" : undefined),
      ...ctx.outcome,
      ms: Math.round(ms * 10) / 10,
    },
    "update",
  );
}

/** A failing update is logged and, in a private chat, apologised for; the bot carries on either way. */
async function handleError(error: BotError<MyContext>): Promise<void> {
  const ctx = error.ctx;
  const logger = ctx.logger ?? ctx.deps?.logger;
  const cause = error.error;
  // The transport is stopping and this update's reply was not sent: it is handled again after the
  // restart, so no apology now. Rethrown for the transport to see (matched by name: bot/ does not
  // import transports/).
  if (cause instanceof Error && cause.name === "StoppingError") throw cause;
  if (cause instanceof GrammyError && cause.error_code === 403) {
    // Blocked by the user or removed from the chat: routine, not an alarm.
    logger?.info({ method: cause.method, code: 403 }, "chat unavailable (bot blocked or removed)");
    return;
  }
  logger?.error(
    cause instanceof GrammyError
      ? { method: cause.method, code: cause.error_code, description: cause.description }
      : { err: errorSummary(cause) },
    "update failed",
  );
  if (!ctx.deps) return;
  // A pressed button keeps spinning until answered, in any chat. Usually the handler has answered it
  // already and Telegram refuses a second answer: that must not cost the person the apology below.
  if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => undefined);
  try {
    if (ctx.chat?.type === "private") await replyText(ctx, ctx.t.failure);
  } catch {
    // Telegram itself is failing: nothing more to do.
  }
}

/** Telegram language codes that get a menu of their own; Kyrgyz speakers read the Russian one. */
const MENU_LANGUAGES: [LanguageCode, Lang][] = [
  ...LANGS.map((l): [LanguageCode, Lang] => [l, l]),
  ["ky", "ru"],
];

const PRIVATE_COMMANDS: CommandName[] = [
  "start",
  "help",
  "ask",
  "topics",
  "sources",
  "source",
  "about",
  "lang",
];
const GROUP_COMMANDS: CommandName[] = ["ask", "help", "topics", "sources", "source", "about", "lang"];

/** The command menu in one language. Admin commands are left out on purpose: they are not advertised. */
export function commandList(lang: Lang, scope: "private" | "group" = "private"): BotCommand[] {
  const descriptions = botTexts(lang).commands;
  return (scope === "private" ? PRIVATE_COMMANDS : GROUP_COMMANDS).map((command) => ({
    command,
    description: descriptions[command],
  }));
}

/**
 * Registers the command menus: private and group scopes, in each language plus a default (English) for
 * every other language. A failure is logged and does not stop the bot: menus are a convenience.
 */
export async function setupCommands(bot: Bot<MyContext>, logger?: Logger): Promise<boolean> {
  const log = logger ?? loggers.get(bot);
  try {
    for (const [scope, type] of [
      ["private", "all_private_chats"],
      ["group", "all_group_chats"],
    ] as const) {
      await bot.api.setMyCommands(commandList("en", scope), { scope: { type } });
      for (const [code, lang] of MENU_LANGUAGES)
        await bot.api.setMyCommands(commandList(lang, scope), { scope: { type }, language_code: code });
    }
    return true;
  } catch (error) {
    log?.warn({ err: errorSummary(error) }, "setMyCommands failed: command menus not updated");
    return false;
  }
}
