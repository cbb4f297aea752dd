// Shared update claims (several webhook instances) must know where an update's reply is: on its way
// to Telegram (marked just before the request goes out) and accepted by Telegram (marked after). A
// reply still waiting for its turn in the send throttle, or between retries, is neither, so an
// instance taking over after this one died answers it; an accepted one it leaves alone.
import { AsyncLocalStorage } from "node:async_hooks";
import type { Transformer } from "grammy";
import type { UpdateClaims } from "./update-claims.ts";

export interface ReplyMarks {
  /**
   * Install it before the send throttle and the retries (grammY runs the transformer installed
   * first closest to the network), so it runs once per request that actually goes out.
   */
  readonly transformer: Transformer;
  /** Runs one update's handling, so its Bot API calls know which update they serve. */
  run<T>(updateId: number, handle: () => Promise<T>): Promise<T>;
}

export interface ReplyMarkHooks {
  /** Awaited before the update's first call that changes something goes out. */
  sending(updateId: number): Promise<void>;
  /** Once Telegram has accepted that call. */
  sent(updateId: number): void;
}

export function createReplyMarks(hooks: ReplyMarkHooks): ReplyMarks {
  const current = new AsyncLocalStorage<{ updateId: number; sending?: Promise<void>; sent?: true }>();
  return {
    transformer: async (prev, method, payload, signal) => {
      const update = current.getStore();
      // get* calls change nothing in a chat: they may run (and be repeated) freely.
      if (!update || update.sent || method.startsWith("get")) return prev(method, payload, signal);
      update.sending ??= hooks.sending(update.updateId);
      await update.sending;
      const result = await prev(method, payload, signal);
      if (result.ok && !update.sent) {
        update.sent = true;
        hooks.sent(update.updateId);
      }
      return result;
    },
    run: (updateId, handle) => current.run({ updateId }, handle),
  };
}

/** The claims' own marks as hooks (claims without them: nothing to mark). */
export function replyHooks(claims: UpdateClaims): ReplyMarkHooks {
  return {
    sending: (updateId) => claims.sending?.(updateId) ?? Promise.resolve(),
    sent: (updateId) => claims.sent?.(updateId),
  };
}
