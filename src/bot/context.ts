// The context every handler sees, and what the bot is built from. The bot reads no files and starts
// nothing: the runtime (or a test, or the terminal chat) hands it everything through BotDeps.
import type { ApiClientOptions, Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import type { Logger } from "pino";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Lang } from "../content/schema.ts";
import type { AskOptions, Decision } from "../engine/decision.ts";
import type { Hasher, Store } from "../storage/store.ts";
import type { BotTexts } from "../texts/bot.ts";
import type { ConversationMemory } from "./memory.ts";

/** The part of the engine the bot uses (the engine's own type satisfies it). */
export interface AnswerEngine {
  ask(text: string, options?: AskOptions): Decision;
  examples(lang: Lang, n: number): { id: string; question: string }[];
  /** Key that groups declined questions across spellings and languages (for the curators' report). */
  groupKey(text: string): string;
  /** The kinds of question a text asks ("#q-who"…): a follow-up's reading needs them. */
  questionKinds(text: string): string[];
  /** False when `ask` would surely not read a text as small talk (a follow-up's reading asks it). */
  mayBeSmallTalk(text: string, options?: AskOptions): boolean;
}

export interface BotDeps {
  kb: KnowledgeBase;
  engine: AnswerEngine;
  logger: Logger;
  store: Store;
  hash: Hasher;
  /** Telegram user ids allowed to use /stats and /unanswered. */
  adminIds: number[];
  /** How long questions and votes are kept: /about tells users. */
  retentionDays: number;
  /** Bot API client options, e.g. apiRoot for a local Bot API server or an emulator. */
  client?: ApiClientOptions;
  /** Known bot identity: skips getMe (tests, terminal chat). */
  botInfo?: UserFromGetMe;
  /** Clock for the day stamps of stored events and the age of conversations; tests pin it. */
  now?: () => Date;
  /** What was just discussed, for follow-ups; an in-process memory when not given. */
  memory?: ConversationMemory;
}

/** The dependencies as handlers see them: defaults filled in. */
export type ResolvedDeps = BotDeps & { memory: ConversationMemory };

/** What one update led to: written by handlers, logged once when the update is done. */
export interface UpdateOutcome {
  lang?: Lang;
  kind?: Decision["kind"] | "command" | "button" | "inline" | "ignored";
  answerId?: string;
  score?: number;
  /** How a message was read against the conversation ("resolved", "unsettled", "no-context"). */
  followUp?: string;
  /** The answer a follow-up was read against. */
  about?: string;
}

export interface BotFlavor {
  deps: ResolvedDeps;
  /** Child logger for this update. */
  logger: Logger;
  /** What the update led to, for its log line: add to it with note(), never replace it. */
  outcome: UpdateOutcome;
  /** The chat's /lang choice, if any (read from the store once per update, on first use). */
  readonly chatLang: Lang | undefined;
  /** Language of the bot's own texts in this update: the /lang choice, else language_code, else English. */
  readonly lang: Lang;
  /** The bot's texts in `lang`. */
  readonly t: BotTexts;
  /** Adds fields to the update's log line. */
  note(fields: UpdateOutcome): void;
}

export type MyContext = Context & BotFlavor;
