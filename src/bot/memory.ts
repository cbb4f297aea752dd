// What was just discussed, so a follow-up ("when?", "а где?") can be read against it. Kept per private
// chat, and in groups per person and per forum topic; keys are keyed hashes (no raw ids). Bounded in
// entries and age. The interface is asynchronous so a shared store (several instances behind one
// webhook) can implement it; this in-process one is enough for a single instance.
import type { Lang } from "../content/schema.ts";

export interface Conversation {
  /** Answers given, newest first (at most MAX_ANSWERS). */
  ids: string[];
  /** Language of the last reply. */
  lang: Lang;
  /** Topic of the last answer (content/topics.yaml). */
  topic: string;
  /** When it was last updated (ms since the epoch, by the bot's clock). */
  at: number;
  /** The last reply was a decline offering ids[0] first, not an answer (engine/followup.ts contextAfter). */
  offered?: boolean;
}

export interface ConversationMemory {
  /** The conversation under `key`, or undefined when there is none or it has expired. */
  get(key: string, now: number): Promise<Conversation | undefined>;
  set(key: string, conversation: Conversation): Promise<void>;
}

/** A follow-up after this long is a new conversation: people have moved on. */
export const CONVERSATION_TTL_MS = 15 * 60_000;
/** Answers remembered per conversation ("who else" skips them). */
export const MAX_ANSWERS = 3;

export interface MemoryOptions {
  ttlMs?: number;
  /** Most conversations kept; the least recently used goes first. */
  maxEntries?: number;
}

export function createConversationMemory(options: MemoryOptions = {}): ConversationMemory {
  const ttl = options.ttlMs ?? CONVERSATION_TTL_MS;
  const max = options.maxEntries ?? 10_000;
  // A Map iterates in insertion order: deleting and re-inserting on every write keeps it LRU.
  const entries = new Map<string, Conversation>();
  return {
    async get(key, now) {
      const found = entries.get(key);
      if (!found) return undefined;
      if (now - found.at > ttl) {
        entries.delete(key);
        return undefined;
      }
      return found;
    },
    async set(key, conversation) {
      entries.delete(key);
      entries.set(key, { ...conversation, ids: conversation.ids.slice(0, MAX_ANSWERS) });
      while (entries.size > max) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
    },
  };
}
