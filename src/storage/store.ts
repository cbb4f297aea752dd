// What the bot keeps between updates. SQLite by default; an in-memory one for tests and the terminal chat.
// Privacy: no user names, no message ids, no raw user or chat ids (callers pass keyed hashes).
import type { Lang } from "../content/schema.ts";

export interface QuestionEvent {
  /** Normalised question text. Callers send text only for declined or low-confidence questions. */
  normalized: string | null;
  lang: string;
  chatType: string;
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
  close(): void;
}
