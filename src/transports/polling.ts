// Long polling. Three promises, and how they are kept:
// - Nothing is lost. Asking Telegram for later updates confirms the earlier ones, so an update is
//   confirmed only once it is kept in the durable journal (storage) or handled. On a stop, what was
//   not handled stays in the journal and the next start handles it first; without a journal (the
//   database is down) the offset stays at the oldest unhandled update, so Telegram keeps it.
// - Nobody waits for somebody else's backlog. Updates queue per chat (one at a time, in order) and at
//   most `concurrency` chats run at once, taking turns: a group with 130 questions queued holds one
//   slot, not all of them.
// - Memory stays bounded: fetching pauses while `maxQueued` updates wait.
import { type Bot, BotError, type Context, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.ts";
import type { UpdateJournal } from "../storage/store.ts";
import { ALLOWED_UPDATES } from "./allowed-updates.ts";
import { sequenceKeyOf } from "./sequential.ts";
import { StoppingError } from "./throttle.ts";

export interface PollingOptions {
  logger: Logger;
  /** Where fetched updates wait until handled; absent: the offset is held instead. */
  journal?: UpdateJournal;
  /** Long-poll timeout passed to getUpdates, in seconds. */
  timeoutSeconds?: number;
  /** Most chats handled at once. */
  concurrency?: number;
  /** Most updates waiting in memory before fetching pauses. */
  maxQueued?: number;
  /** On stop, how long updates already being handled may take to finish. */
  stopGraceMs?: number;
  /**
   * Called on stop once the grace period is over, to end what still waits (the send throttle): those
   * updates stay in the journal for the next start.
   */
  onGraceOver?: () => void;
}

export interface Polling {
  /** Settles when polling ends: resolves after stop(), rejects if polling cannot go on (409, 401). */
  readonly done: Promise<void>;
  /** Stops fetching and starting updates, waits (bounded) for those running, confirms the offset. */
  stop(): Promise<void>;
}

/** 409: another getUpdates (a second instance with this token) or an active webhook. */
export function isConflict(error: unknown): boolean {
  return error instanceof GrammyError && error.error_code === 409;
}

/**
 * Two instances polling with one token: Telegram ends the older getUpdates when a newer one arrives,
 * so the instance already running sees the 409 first. If it has been polling for a while, it polls
 * again, which ends the newcomer's request in turn; the newcomer, not yet settled, reports the 409 and
 * stops. So a second instance started by mistake exits, and the one serving users keeps serving.
 */
const SETTLED_AFTER_MS = 3000;
const CONFLICT_PAUSE_MS = 250;
/** A running instance gives up too if the conflict persists (another settled instance, a webhook). */
const MAX_CONFLICTS_IN_A_ROW = 5;
/** After a failed getUpdates (network, 5xx after retries): wait, then poll again. */
const RETRY_PAUSE_MS = 1000;

function pause(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/** Per-chat queues served round-robin by at most `concurrency` workers. */
class ChatQueues {
  private readonly queues = new Map<string, Update[]>();
  private readonly ready: string[] = [];
  private readonly running = new Map<string, Promise<void>>();
  private queued = 0;
  private stopped = false;
  private roomWaiters: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxQueued: number,
    private readonly handle: (update: Update) => Promise<void>,
  ) {}

  push(key: string, update: Update): void {
    const queue = this.queues.get(key);
    this.queued++;
    if (queue) {
      queue.push(update);
      return;
    }
    this.queues.set(key, [update]);
    if (!this.running.has(key)) this.ready.push(key);
    this.pump();
  }

  get size(): number {
    return this.queued;
  }

  /** Resolves when fewer than maxQueued updates wait (or at stop). */
  room(): Promise<void> {
    if (this.queued < this.maxQueued || this.stopped) return Promise.resolve();
    return new Promise((resolve) => this.roomWaiters.push(resolve));
  }

  /** Starts nothing more; resolves with how many still run when they finish or `graceMs` passes. */
  async stop(graceMs: number): Promise<number> {
    this.stopped = true;
    for (const wake of this.roomWaiters.splice(0)) wake();
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([
      Promise.allSettled([...this.running.values()]),
      new Promise((resolve) => {
        timer = setTimeout(resolve, graceMs);
      }),
    ]);
    clearTimeout(timer);
    return this.running.size;
  }

  private pump(): void {
    while (!this.stopped && this.running.size < this.concurrency && this.ready.length > 0) {
      const key = this.ready.shift() as string;
      this.run(key);
    }
  }

  private run(key: string): void {
    const queue = this.queues.get(key);
    const update = queue?.shift();
    if (!queue || !update) return;
    if (queue.length === 0) this.queues.delete(key);
    this.queued--;
    if (this.queued < this.maxQueued) for (const wake of this.roomWaiters.splice(0)) wake();
    const task = this.handle(update).finally(() => {
      this.running.delete(key);
      // Back of the line: every chat with work gets a turn before this one's next update.
      if (this.queues.has(key)) this.ready.push(key);
      this.pump();
    });
    this.running.set(key, task);
  }
}

export async function startPolling<C extends Context>(
  bot: Bot<C>,
  options: PollingOptions,
): Promise<Polling> {
  const { logger, journal } = options;
  // A webhook left over from a webhook deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  await bot.init();

  /** Fetched, neither kept in the journal nor handled: the offset may not pass the oldest of these. */
  const unconfirmable = new Set<number>();
  /** Ids from the journal, so an update Telegram sends again (crash before confirming) runs once. */
  const fromJournal = new Set<number>();
  let nextOffset = 0;
  let stopping = false;
  const aborter = new AbortController();

  async function handle(update: Update): Promise<void> {
    try {
      await bot.handleUpdate(update);
    } catch (error) {
      const cause = error instanceof BotError ? error.error : error;
      // Stopped while waiting to send: not handled, so it stays in the journal for the next start.
      if (cause instanceof StoppingError) return;
      // Anything else was the bot's failure, logged by its error handler: the update counts as handled.
      await Promise.resolve(bot.errorHandler(error as BotError<C>)).catch((e: unknown) =>
        logger.error({ err: e }, "error handler failed"),
      );
    }
    unconfirmable.delete(update.update_id);
    fromJournal.delete(update.update_id);
    journal?.forgetUpdate(update.update_id);
  }

  const queues = new ChatQueues(options.concurrency ?? 100, options.maxQueued ?? 10_000, handle);
  const dispatch = (update: Update) => queues.push(sequenceKeyOf(update, bot.botInfo), update);

  // What an earlier run kept and never handled comes first, before anything new of the same chat.
  if (journal) {
    const left = await journal.pendingUpdates();
    for (const { id, body } of left) {
      try {
        fromJournal.add(id);
        dispatch(JSON.parse(body) as Update);
      } catch {
        logger.error({ updateId: id }, "a kept update could not be read; dropped");
        journal.forgetUpdate(id);
      }
    }
    if (left.length > 0) logger.info({ updates: left.length }, "handling updates kept by the previous run");
  }

  const confirmOffset = () => (unconfirmable.size > 0 ? Math.min(...unconfirmable) : nextOffset);

  async function fetchLoop(): Promise<void> {
    const pollingSince = Date.now();
    let conflictsInARow = 0;
    // Bounded by stop(): each pass is one long poll (≤ timeout) or a pause.
    while (!stopping) {
      await queues.room();
      if (stopping) break;
      let updates: Update[];
      try {
        // grammY's own AbortSignal type (from a polyfill) differs from Node's in name only.
        const signal = aborter.signal as Parameters<typeof bot.api.getUpdates>[1];
        updates = await bot.api.getUpdates(
          {
            offset: confirmOffset(),
            limit: 100,
            timeout: options.timeoutSeconds ?? 30,
            allowed_updates: ALLOWED_UPDATES,
          },
          signal,
        );
        conflictsInARow = 0;
      } catch (error) {
        if (stopping) break;
        const conflict = isConflict(error);
        const settled = Date.now() - pollingSince >= SETTLED_AFTER_MS;
        if (conflict && settled && ++conflictsInARow < MAX_CONFLICTS_IN_A_ROW) {
          logger.warn(
            { conflictsInARow },
            "409 Conflict: another instance started polling with this token; this one keeps polling, so the other stops",
          );
          await pause(CONFLICT_PAUSE_MS, aborter.signal);
          continue;
        }
        logger.warn({ err: error, conflict }, "getUpdates failed");
        if (conflict || (error instanceof GrammyError && error.error_code === 401)) throw error;
        await pause(RETRY_PAUSE_MS, aborter.signal);
        continue;
      }
      // Updates below nextOffset were seen already (the offset was held back): skip them.
      const fresh = updates.filter((u) => u.update_id >= nextOffset && !fromJournal.has(u.update_id));
      for (const u of updates) nextOffset = Math.max(nextOffset, u.update_id + 1);
      if (fresh.length === 0) continue;
      const kept = journal
        ? await journal.keepUpdates(fresh.map((u) => ({ id: u.update_id, body: JSON.stringify(u) })))
        : false;
      if (!kept) for (const u of fresh) unconfirmable.add(u.update_id);
      for (const u of fresh) dispatch(u);
    }
  }

  const done = fetchLoop();
  logger.info({ allowedUpdates: ALLOWED_UPDATES }, "long polling started");

  return {
    done,
    stop: async () => {
      stopping = true;
      aborter.abort();
      const outcome = await done.then(
        () => "stopped",
        (error: unknown) => (isConflict(error) ? "conflict" : "failed"),
      );
      const left = queues.size;
      let unfinished = await queues.stop(options.stopGraceMs ?? 2500);
      if (unfinished > 0) {
        // Those still waiting for their turn to send give up now, and stay in the journal.
        options.onGraceOver?.();
        unfinished = await queues.stop(500);
      }
      if (left > 0 || unfinished > 0) {
        logger.info(
          { waiting: left, unfinished, kept: journal !== undefined },
          journal
            ? "updates not handled are kept for the next start"
            : "updates not handled stay with Telegram",
        );
      }
      // After a 409 another instance owns polling: one more getUpdates from us would cut it off.
      if (outcome === "conflict") return;
      const offset = confirmOffset();
      if (offset === 0) return;
      try {
        const signal = AbortSignal.timeout(1000) as Parameters<typeof bot.api.getUpdates>[1];
        await bot.api.getUpdates({ offset, limit: 1, timeout: 0 }, signal);
        logger.debug({ offset }, "confirmed update offset");
      } catch (error) {
        logger.warn(
          { err: error },
          "could not confirm the update offset; some updates may be delivered again",
        );
      }
    },
  };
}
