// The write path every backend shares: writes wait in a bounded queue and go to the database in
// batches (one transaction each), off the reply path. A batch that fails is retried with back-off a
// few times; a write that still cannot be kept is dropped and counted, and the failure is reported at
// least once a minute while it lasts (log.ts). Backend-neutral: `apply` may be sync (SQLite) or async
// (a server database), and an async one is given up on after `timeoutMs`.
import { LANGS, type Lang } from "../content/langs.ts";
import type { WriteFailures } from "./log.ts";
import { DAY_PATTERN } from "./rules.ts";
import type { QuestionEvent, Store, StoreHealth, VoteEvent, VoteResult } from "./store.ts";

export interface QueuedWrite {
  /** Retried when a batch fails (counts, settings); false: dropped at once (a vote waiting for its answer). */
  retry: boolean;
  /** Called once: true after its batch committed, false when it was dropped. */
  settle?(kept: boolean): void;
  /** Batches a write has been part of. */
  attempts?: number;
}

export interface WriteQueueOptions<W extends QueuedWrite> {
  /** Writes one batch in one transaction; throws (or rejects) when nothing of it was kept. */
  apply(batch: W[]): void | Promise<void>;
  /** Told of every failed batch and every dropped write (for counting and reporting). */
  onFailure(error: unknown, dropped: number): void;
  /** Told when a batch commits after failures. */
  onRecovery?(): void;
  /** Most writes waiting; beyond it a new write is dropped (memory stays bounded whatever happens). */
  maxQueued?: number;
  batchSize?: number;
  /** How long a write may wait for its batch. */
  delayMs?: number;
  /** An async batch that takes longer counts as failed. */
  timeoutMs?: number;
  /** Batches a write may be part of before it is dropped. */
  maxAttempts?: number;
}

export interface WriteQueue<W extends QueuedWrite> {
  push(write: W, urgent?: boolean): void;
  /** Writes everything queued now (retrying failed batches until `deadlineMs` from now). */
  drain(deadlineMs?: number): Promise<void>;
  readonly size: number;
  /** Stops the timers; what is still queued is dropped (and settled false). */
  stop(): void;
}

export const WRITE_QUEUE_DEFAULTS = {
  maxQueued: 10_000,
  batchSize: 500,
  delayMs: 50,
  timeoutMs: 2000,
  maxAttempts: 5,
} as const;

const MAX_BACKOFF_MS = 5000;

export function createWriteQueue<W extends QueuedWrite>(options: WriteQueueOptions<W>): WriteQueue<W> {
  const o = { ...WRITE_QUEUE_DEFAULTS, ...options };
  let queue: W[] = [];
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<boolean> | undefined;
  let failuresInARow = 0;
  /** While failing: no batch is tried before this time (Date.now() ms); 0 when writes work. */
  let retryAt = 0;
  let lastError: unknown;
  let stopped = false;

  function schedule(ms: number): void {
    if (stopped || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      void writeBatch();
    }, ms);
    // Not unref'd: queued writes keep the process alive until written or given up (bounded by retries).
  }

  function drop(writes: W[]): void {
    for (const w of writes) w.settle?.(false);
  }

  async function applyWithTimeout(batch: W[]): Promise<void> {
    const result = o.apply(batch);
    if (!(result instanceof Promise)) return;
    let timeout: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        result,
        new Promise((_, reject) => {
          timeout = setTimeout(
            () => reject(new Error(`write timed out after ${o.timeoutMs} ms`)),
            o.timeoutMs,
          );
        }),
      ]);
    } finally {
      clearTimeout(timeout);
    }
  }

  /** One batch; resolves true when it committed. Never runs two at once. */
  function writeBatch(): Promise<boolean> {
    if (running) return running;
    running = (async () => {
      const batch = queue.splice(0, o.batchSize);
      if (batch.length === 0) return true;
      for (const w of batch) w.attempts = (w.attempts ?? 0) + 1;
      try {
        await applyWithTimeout(batch);
      } catch (error) {
        failuresInARow++;
        const backoff = Math.min(MAX_BACKOFF_MS, 100 * 2 ** failuresInARow);
        retryAt = Date.now() + backoff;
        lastError = error;
        const again = batch.filter((w) => w.retry && (w.attempts ?? 0) < o.maxAttempts);
        const lost = batch.filter((w) => !again.includes(w));
        drop(lost);
        queue = [...again, ...queue];
        o.onFailure(error, lost.length);
        if (queue.length > 0) schedule(backoff);
        return false;
      }
      if (failuresInARow > 0) o.onRecovery?.();
      failuresInARow = 0;
      retryAt = 0;
      for (const w of batch) w.settle?.(true);
      if (queue.length > 0) schedule(0);
      return true;
    })().finally(() => {
      running = undefined;
    });
    return running;
  }

  return {
    push(write, urgent = false) {
      if (stopped || queue.length >= o.maxQueued) {
        drop([write]);
        o.onFailure(new Error(stopped ? "store closed" : "write queue full"), 1);
        return;
      }
      const backingOff = retryAt - Date.now();
      // A write that someone waits for (a vote's toast, the journal before updates are handled) is not
      // held up to 5 s behind the back-off: it gets its honest "not kept" now. Others wait their turn.
      if (backingOff > 0 && !write.retry) {
        drop([write]);
        o.onFailure(lastError, 1);
        return;
      }
      queue.push(write);
      // While failing, keep the back-off: an urgent write must not hammer a locked database. Once it is
      // over, the next write is tried (that is how a database that works again is noticed).
      if (backingOff > 0) return schedule(backingOff);
      schedule(urgent || queue.length >= o.batchSize ? 0 : o.delayMs);
    },
    async drain(deadlineMs = 0) {
      const deadline = Date.now() + deadlineMs;
      // Bounded: each round writes a batch or counts a failure; a failure ends the drain at the deadline.
      for (let round = 0; round < 10_000; round++) {
        if (running) {
          await running;
          continue;
        }
        if (queue.length === 0) return;
        if (await writeBatch()) continue;
        const left = deadline - Date.now();
        if (left <= 0) return;
        await new Promise((resolve) => setTimeout(resolve, Math.min(100, left)));
      }
    },
    get size() {
      return queue.length;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
      timer = undefined;
      const left = queue;
      queue = [];
      drop(left);
      if (left.length > 0) o.onFailure(new Error("store closed with writes queued"), left.length);
    },
  };
}

/** The writes of the Store interface itself; a backend's own write kinds come beside them. */
export type StoreWrite =
  | (QueuedWrite & { kind: "question"; event: QuestionEvent })
  | (QueuedWrite & { kind: "vote"; event: VoteEvent; result?: VoteResult })
  | (QueuedWrite & { kind: "chatLang"; chatKey: string; lang: Lang | null });

/**
 * The Store's reply-path side on a write queue, the same for every backend: questions and settings are
 * queued, chat languages are read from memory (`chatLangs`, kept by the backend), and a vote resolves
 * when its batch commits ("failed" when it could not be kept: the user is told, not thanked).
 */
export function queuedStoreWrites(
  queue: { push(write: StoreWrite, urgent?: boolean): void },
  chatLangs: Map<string, Lang>,
  onBadDay: () => void,
): Pick<Store, "recordQuestion" | "recordVote" | "getChatLang" | "setChatLang"> {
  return {
    recordQuestion(event) {
      if (!DAY_PATTERN.test(event.day)) return onBadDay();
      queue.push({ kind: "question", event, retry: true });
    },
    recordVote(event) {
      return new Promise((resolve) => {
        const write: Extract<StoreWrite, { kind: "vote" }> = {
          kind: "vote",
          event,
          // A vote is answered while the user waits: no retries, "failed" is the honest answer.
          retry: false,
          settle: (kept) =>
            resolve(kept && write.result ? write.result : { status: "failed", firstDownvote: false }),
        };
        queue.push(write, true);
      });
    },
    getChatLang: (chatKey) => chatLangs.get(chatKey),
    setChatLang(chatKey, lang) {
      if (lang !== null && !(LANGS as readonly string[]).includes(lang)) return;
      if (lang === null) chatLangs.delete(chatKey);
      else chatLangs.set(chatKey, lang);
      queue.push({ kind: "chatLang", chatKey, lang, retry: true });
    },
  };
}

/** A persistent backend's health: degraded while its writes fail, with what is queued and lost. */
export function queuedHealth(failures: WriteFailures, queue: { readonly size: number }): StoreHealth {
  const failing = failures.failing;
  return {
    state: failing === undefined ? "ok" : "degraded",
    persistent: true,
    ...(failing !== undefined ? { reason: failing } : {}),
    queued: queue.size,
    failedWrites: failures.lost,
  };
}
