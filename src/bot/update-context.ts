// The context of one update: dependencies, a child logger (made on first use), the log note, and the
// language and texts of the bot's own words, worked out on first use (a command that replies with a
// fixed text reads the store once; an inline query never does). A class made once per bot, so an
// update costs one object, not a set of closures and property definitions on each context.
import { Context } from "grammy";
import type { Lang } from "../content/schema.ts";
import type { Logger } from "../logger.ts";
import { type BotTexts, botTexts } from "../texts/bot.ts";
import type { BotFlavor, MyContext, ResolvedDeps, UpdateOutcome } from "./context.ts";
import { languageFromCode, storedChatLanguage } from "./language.ts";

export type ContextClass = new (...args: ConstructorParameters<typeof Context>) => MyContext;

export function updateContextClass(deps: ResolvedDeps): ContextClass {
  return class UpdateContext extends Context implements BotFlavor {
    readonly deps = deps;
    readonly outcome: UpdateOutcome = {};
    // Made when a handler first logs: most updates log only their one line (logUpdate), which names
    // the update itself, so a child logger per update was work for nothing.
    #logger: Logger | undefined;
    #chatLang: { value: Lang | undefined } | undefined;
    #lang: Lang | undefined;
    #texts: BotTexts | undefined;

    get logger(): Logger {
      this.#logger ??= deps.logger.child({ update_id: this.update.update_id });
      return this.#logger;
    }

    get chatLang(): Lang | undefined {
      this.#chatLang ??= { value: storedChatLanguage(deps, () => this.logger, this.chat?.id) };
      return this.#chatLang.value;
    }

    get lang(): Lang {
      this.#lang ??= this.chatLang ?? languageFromCode(this.from?.language_code) ?? "en";
      return this.#lang;
    }

    get t(): BotTexts {
      this.#texts ??= botTexts(this.lang);
      return this.#texts;
    }

    note(fields: UpdateOutcome): void {
      Object.assign(this.outcome, fields);
    }
  };
}
