// Per-update context, set once by the first middleware: dependencies, a child logger (lazily), the log note,
// and the language and texts of the bot's own words, worked out lazily (a command that replies with a
// fixed text reads the store once; an inline query never does).
import type { Lang } from "../content/schema.ts";
import type { Logger } from "../logger.ts";
import { type BotTexts, botTexts } from "../texts/bot.ts";
import type { MyContext, ResolvedDeps, UpdateOutcome } from "./context.ts";
import { languageFromCode, storedChatLanguage } from "./language.ts";

export function setUpdateContext(ctx: MyContext, deps: ResolvedDeps): void {
  ctx.deps = deps;
  ctx.outcome = {};
  ctx.note = (fields: UpdateOutcome) => Object.assign(ctx.outcome, fields);
  let chatLang: { value: Lang | undefined } | undefined;
  const chosen = () => {
    chatLang ??= { value: storedChatLanguage(deps, ctx.logger, ctx.chat?.id) };
    return chatLang.value;
  };
  let lang: Lang | undefined;
  let texts: BotTexts | undefined;
  // Made when a handler first logs: most updates log only their one line (logUpdate), which names
  // the update itself, so a child logger per update was work for nothing.
  let logger: Logger | undefined;
  Object.defineProperties(ctx, {
    logger: {
      get: () => {
        logger ??= deps.logger.child({ update_id: ctx.update.update_id });
        return logger;
      },
      configurable: true,
    },
    chatLang: { get: chosen, configurable: true },
    lang: {
      get: () => {
        lang ??= chosen() ?? languageFromCode(ctx.from?.language_code) ?? "en";
        return lang;
      },
      configurable: true,
    },
    t: {
      get: () => {
        texts ??= botTexts(ctx.lang);
        return texts;
      },
      configurable: true,
    },
  });
}
