// Shared update claims (several webhook instances) must know when an update's reply is leaving for
// Telegram: from then on, an instance taking over after this one died must not answer it again.
// The mark is taken as late as possible, just before the request goes out: a reply still waiting
// for its turn in the send throttle, or between retries, has not left, and must not be marked (if
// this instance dies then, the other instance answers instead, and nothing is lost).
import { AsyncLocalStorage } from "node:async_hooks";
import type { Transformer } from "grammy";

export interface ReplyMarks {
  /**
   * Install it before the send throttle and the retries (grammY runs the transformer installed
   * first closest to the network), so it runs once per request that actually goes out.
   */
  readonly transformer: Transformer;
  /** Runs one update's handling; its first Bot API call that changes something awaits `mark` first. */
  run<T>(updateId: number, handle: () => Promise<T>): Promise<T>;
}

export function createReplyMarks(mark: (updateId: number) => Promise<void>): ReplyMarks {
  const current = new AsyncLocalStorage<{ updateId: number; marked?: Promise<void> }>();
  return {
    transformer: async (prev, method, payload, signal) => {
      const update = current.getStore();
      // get* calls change nothing in a chat: they may run (and be repeated) freely.
      if (update && !method.startsWith("get")) {
        update.marked ??= mark(update.updateId);
        await update.marked;
      }
      return prev(method, payload, signal);
    },
    run: (updateId, handle) => current.run({ updateId }, handle),
  };
}
