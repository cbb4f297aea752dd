// What the bot keeps between updates. SQLite by default; an in-memory one for tests and the terminal chat.
// Privacy: no user names, no message ids, no raw user or chat ids (callers pass keyed hashes).
// Another backend (a shared server database when several instances run) only has to implement these.
import type { Lang } from "../content/schema.ts";

export interface QuestionEvent {
  /** Normalised question text. Callers send text only for declined or low-confidence questions. */
  normalized: string | null;
  /** The reply's language (a /lang choice can make it differ from the question's). */
  lang: string;
  /** The language the engine read the question in (decision.detected: en, ru, tr, ky, ru-latn, unknown). */
  questionLang?: string;
  chatType: string;
  /** Stemmed, language-independent form used to group declined questions (engine's `groupKey`). */
  groupKey: string | null;
  matchedId: string | null;
  score: number;
  answered: boolean;
  /** UTC day, YYYY-MM-DD. */
  day: string;
  /** The best other candidate when the engine answered (decision.alternatives[0]): feeds the near-tie report. */
  runnerUpId?: string | null;
  runnerUpScore?: number;
  /** On a decline, why (decision.declineReason): lets curators tell "not in the article" from a missed match. */
  declineReason?: string | null;
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

export interface DailyCount {
  day: string;
  answered: number;
  declined: number;
}

export interface DeclinedGroup {
  groupKey: string;
  example: string;
  count: number;
  /** Reply languages. */
  langs: string[];
  /** Languages the questions were written in, as the engine read them (rows kept before v4 have none). */
  questionLangs?: string[];
  /** How many of them were declined because they name something the article never mentions. */
  outOfScope?: number;
}

export interface Store {
  recordQuestion(event: QuestionEvent): void;
  /** "new" for a first vote, "changed" when the user flips it, "same" when nothing changed. */
  recordVote(event: VoteEvent): "new" | "changed" | "same";
  /** Chat settings, keyed by a hash of the chat id. */
  getChatLang(chatKey: string): Lang | undefined;
  /** null forgets the choice: the chat is back to automatic language. */
  setChatLang(chatKey: string, lang: Lang | null): void;
  /** Answered vs declined questions per UTC day, both days inclusive (YYYY-MM-DD). */
  dailyCounts(fromDay: string, toDay: string): DailyCount[];
  /** The curators' to-do list: declined questions grouped by groupKey, most frequent first. */
  topDeclined(fromDay: string, toDay: string, limit: number): DeclinedGroup[];
  close(): void;
}

/** Keyed hash (HMAC) used for every id the store sees, so no raw Telegram id is ever written. */
export type Hasher = (value: string) => string;

/** Small key/value settings of the installation itself (e.g. the generated privacy secret). */
export interface MetaStore {
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
}

export interface FeedbackRow {
  answerId: string;
  up: number;
  down: number;
  /** up − down: the most negative comes first. */
  net: number;
}

export interface NearTiePair {
  /** The two answer ids, in alphabetical order: A-over-B and B-over-A are the same confusion. */
  a: string;
  b: string;
  count: number;
  /** Mean score gap between the two (0 = a coin toss). */
  meanGap: number;
  /** One low-confidence question that produced this pair, when any was kept. */
  example: string | null;
}

/** The read side curators use (`npm run report`, `/stats`, `/unanswered`). */
export interface ReportSource {
  dailyCounts(fromDay: string, toDay: string): DailyCount[];
  topDeclined(fromDay: string, toDay: string, limit: number): DeclinedGroup[];
  /** Answers with at least one 👎, worst net score first. */
  worstFeedback(fromDay: string, toDay: string, limit: number): FeedbackRow[];
  /** Answer pairs whose scores came within the near-tie gap, most frequent first. */
  nearTies(fromDay: string, toDay: string, limit: number): NearTiePair[];
}
