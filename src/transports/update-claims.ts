// Which instance handles an update Telegram delivered (maybe more than once: a webhook retry after a
// slow answer, possibly to another instance behind the load balancer). One process keeps the recent
// ids in memory; several instances share the claims through their database (storage/postgres.ts).
import { RecentIds } from "./recent-ids.ts";

/**
 * "claimed": this instance handles it. "duplicate": handled already (answer 200, do nothing).
 * "busy": another live instance is handling it right now and did not finish in time: answer 503 so
 * Telegram delivers it again later, when it is either done (a duplicate) or free to take over.
 */
export type ClaimOutcome = "claimed" | "duplicate" | "busy";

export interface UpdateClaims {
  claim(updateId: number): Promise<ClaimOutcome>;
  /** Handled: a redelivery is a duplicate from now on. */
  finish(updateId: number): void;
  /** Handling failed: let a redelivery through. */
  release(updateId: number): void;
  /**
   * Shared claims only. `sending` is called (and awaited) just before the update's first Bot API
   * call that changes something goes out; `sent` once Telegram has accepted it. An instance taking
   * over after this one died treats a sent update as answered, and answers again one whose reply
   * was on its way (it may then be answered twice: Telegram cannot be asked whether it arrived, and
   * answering twice beats never answering).
   */
  sending?(updateId: number): Promise<void>;
  sent?(updateId: number): void;
}

/** Claims for one process: the last few thousand ids in memory. */
export function inProcessClaims(capacity?: number): UpdateClaims {
  const recent = new RecentIds(capacity);
  return {
    claim: async (updateId) => (recent.add(updateId) ? "claimed" : "duplicate"),
    finish: () => undefined,
    release: (updateId) => recent.delete(updateId),
  };
}
