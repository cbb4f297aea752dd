// Which language the bot's own texts are in: the chat's /lang choice, else the user's Telegram
// language_code, else English. (A question's reply follows the question's language: the engine detects it.)
import type { Lang } from "../content/schema.ts";
import { errorSummary } from "../logger.ts";
import type { BotDeps } from "./context.ts";

// One mapping from Telegram's language_code for the bot's texts and the engine's answers alike.
export { langFromUserCode as languageFromCode } from "../engine/language.ts";

export function chatKey(deps: Pick<BotDeps, "hash">, chatId: number): string {
  return deps.hash(String(chatId));
}

/** The chat's /lang choice; a failing store counts as "no choice" (answers must not depend on it). */
export function storedChatLanguage(
  deps: Pick<BotDeps, "hash" | "store">,
  /** Asked only when reading fails: a logger for the update is made only then. */
  logger: () => Pick<BotDeps["logger"], "warn">,
  chatId: number | undefined,
): Lang | undefined {
  if (chatId === undefined) return undefined;
  try {
    return deps.store.getChatLang(chatKey(deps, chatId));
  } catch (error) {
    logger().warn({ err: errorSummary(error) }, "store: reading the chat language failed");
    return undefined;
  }
}
