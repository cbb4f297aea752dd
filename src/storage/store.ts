// What the bot keeps between updates, and the contract every backend implements (SQLite today, a
// server database for several instances). Privacy: no user names, no message ids, no raw user or chat
// ids (callers pass keyed hashes), question text redacted (rules.ts) before it is kept.
//
// The contract, for anyone implementing another backend:
// - Nothing the bot calls on the reply path waits for the database. `recordQuestion` and `setChatLang`
//   only queue; the queue (`write-queue.ts`, reusable) is bounded and written in batches, one
//   transaction each, with a short timeout. A batch that fails is retried a few times, then dropped and
//   counted. `recordVote` resolves once its batch is committed ("failed" when it could not be kept, so
//   the bot never thanks for a vote it lost).
// - Reads the bot needs on every update (the chat's language) come from memory: load them at open and
//   update the cache on write. The curators' reads (`dailyCounts`…) are async and flush first.
// - `health()` is cheap and synchronous: /healthz and the log show a degraded store.
// - `close()` flushes what is queued (bounded in time), then releases the connection.
// - Rules shared by every backend (text kept, redaction, grouping, near ties) live in rules.ts;
//   test/storage/store-contract.test.ts runs the same tests on every backend.
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
  /**
   * Telegram's update id: a question Telegram delivers again (after a crash, before its offset was
   * confirmed) is counted once. Ids are remembered for a day.
   */
  updateId?: number;
  /**
   * A follow-up ("when?", "а почему?") read against the last answer: that answer's id. Its text is kept,
   * and matchedId is what it resolved to, so curators see both.
   */
  followUpOf?: string | null;
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

/** "new" first vote on this answer, "changed" flipped, "same" nothing changed, "failed" not kept. */
export type VoteStatus = "new" | "changed" | "same" | "failed";

export interface VoteResult {
  status: VoteStatus;
  /** True the first time a 👎 lands on this answer message: the "sorry" follow-up is sent once per message. */
  firstDownvote: boolean;
}

export interface StoreHealth {
  /** "ok": writes reach the database; "degraded": they do not (or only memory stands in). */
  state: "ok" | "degraded";
  /** False while an in-memory store stands in for a database that could not be opened. */
  persistent: boolean;
  /** Why the store is degraded (an error code or a short phrase, never data). */
  reason?: string;
  /** Writes waiting in the queue. */
  queued: number;
  /** Writes that could not be kept since start (dropped after retries, or the queue was full). */
  failedWrites: number;
}

/** The curators' reads, as the bot uses them (async: a server database answers over the network). */
export type StoreReads = {
  [K in keyof ReportSource]: (...args: Parameters<ReportSource[K]>) => Promise<ReturnType<ReportSource[K]>>;
};

export interface Store extends StoreReads {
  /** Queued; never throws, never waits. */
  recordQuestion(event: QuestionEvent): void;
  /**
   * One vote per voter per answer (a second press, on this or another message showing that answer,
   * changes it). Resolves once written, or with "failed".
   */
  recordVote(event: VoteEvent): Promise<VoteResult>;
  /** Chat settings, keyed by a hash of the chat id; read from memory. */
  getChatLang(chatKey: string): Lang | undefined;
  /** Takes effect at once in memory; written in the background. null forgets the choice (automatic language). */
  setChatLang(chatKey: string, lang: Lang | null): void;
  health(): StoreHealth;
  /** Writes what is queued now; resolves when done (or given up on). */
  flush(): Promise<void>;
  /** Flushes, then releases the connection. Later calls do nothing. */
  close(): Promise<void>;
}

/**
 * A durable queue of updates fetched by long polling and not yet handled. Polling confirms an update to
 * Telegram (by asking for later ones) only once it is kept here or handled, so a stop or a crash never
 * loses one: the next start handles what is left. Holds whole updates (text, ids) only until handled.
 */
export interface UpdateJournal {
  /** Keeps the updates; resolves false when they could not be kept (then polling must not confirm them). */
  keepUpdates(updates: readonly { id: number; body: string }[]): Promise<boolean>;
  /** The update was handled: drop it (queued). */
  forgetUpdate(id: number): void;
  /** Updates kept and never handled (by an earlier run), oldest first. */
  pendingUpdates(): Promise<{ id: number; body: string }[]>;
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
