// Which language a reply is in: the chat's /lang choice, else the language of the question (the engine
// detects it), else the user's Telegram language_code, else English.
import type { Lang } from "../content/schema.ts";
import { langFromUserCode } from "../engine/language.ts";
import type { MyContext } from "./context.ts";

export function chatKey(ctx: MyContext, chatId: number): string {
  return ctx.deps.hash(String(chatId));
}

/** The chat's /lang choice; a failing store counts as "no choice" (answers must not depend on it). */
export function chatLanguage(ctx: MyContext): Lang | undefined {
  const id = ctx.chat?.id;
  if (id === undefined) return undefined;
  try {
    return ctx.deps.store.getChatLang(chatKey(ctx, id));
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: reading the chat language failed");
    return undefined;
  }
}

/** Language of the bot's own texts (help, hints, buttons) when there is no question to detect it from. */
export function uiLanguage(ctx: MyContext): Lang {
  return chatLanguage(ctx) ?? langFromUserCode(ctx.from?.language_code) ?? "en";
}

/** Name and message of an error, for logs: never payloads or user text. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "non-error", message: String(error) };
}
