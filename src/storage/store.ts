// What the bot keeps between updates. SQLite by default; an in-memory one for tests and the terminal chat.
// Privacy: no user names, no message ids, no raw user or chat ids (callers pass keyed hashes).
import type { Lang } from "../content/schema.ts";

export interface QuestionEvent {
  /** Normalised question text. Callers send text only for declined or low-confidence questions. */
  normalized: string | null;
  lang: string;
  chatType: string;
  /** Stemmed, language-independent form used to group declined questions (engine's `groupKey`). */
  groupKey: string | null;
  matchedId: string | null;
  score: number;
  answered: boolean;
  /** UTC day, YYYY-MM-DD. */
  day: string;
}

export interface VoteEvent {
  answerId: string;
  /** Identifies the answer message without storing its id: keyed hash of chat and message id. */
  messageKey: string;
  /** Keyed hash of the voter's user id. */
  voterKey: string;
  vote: 1 | -1;
  day: string;
}

export interface Store {
  recordQuestion(event: QuestionEvent): void;
  /** "new" for a first vote, "changed" when the user flips it, "same" when nothing changed. */
  recordVote(event: VoteEvent): "new" | "changed" | "same";
  /** Chat settings, keyed by a hash of the chat id. */
  getChatLang(chatKey: string): Lang | undefined;
  setChatLang(chatKey: string, lang: Lang): void;
  /** Answered vs declined questions per UTC day, both days inclusive (YYYY-MM-DD). */
  dailyCounts(fromDay: string, toDay: string): { day: string; answered: number; declined: number }[];
  /** The curators' to-do list: declined questions grouped by groupKey, most frequent first. */
  topDeclined(
    fromDay: string,
    toDay: string,
    limit: number,
  ): { groupKey: string; example: string; count: number; langs: string[] }[];
  close(): void;
}

/** Keyed hash (HMAC) used for every id the store sees, so no raw Telegram id is ever written. */
export type Hasher = (value: string) => string;
