// Which language a reply is in: the chat's /lang choice, else the language of the question (the engine
// detects it), else the user's Telegram language_code, else English.
import type { Lang } from "../content/schema.ts";
import type { MyContext } from "./context.ts";

/** Telegram language codes whose speakers we answer in Russian or Turkish (Kyrgyz readers read Russian). */
const FROM_CODE: Record<string, Lang> = { en: "en", ru: "ru", ky: "ru", tr: "tr" };

export function languageFromCode(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  return FROM_CODE[code.toLowerCase().split("-")[0] ?? ""];
}

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
  return chatLanguage(ctx) ?? languageFromCode(ctx.from?.language_code) ?? "en";
}

/** Name and message of an error, for logs: never payloads or user text. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "non-error", message: String(error) };
}
