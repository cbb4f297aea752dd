// Long polling through @grammyjs/runner: updates from different chats run concurrently, updates from
// the same chat one after another, in order. On stop, the offset of everything handled is confirmed
// to Telegram, so a restart neither repeats nor loses an update.
import { type RunnerHandle, run } from "@grammyjs/runner";
import { type Bot, type BotError, type Context, GrammyError } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.ts";
import { ALLOWED_UPDATES } from "./allowed-updates.ts";
import { createChatSequencer } from "./sequential.ts";

export interface PollingOptions {
  logger: Logger;
  /** Long-poll timeout passed to getUpdates, in seconds. */
  timeoutSeconds?: number;
  /** Most updates handled at once (across chats). */
  concurrency?: number;
}

export interface Polling {
  /** Settles when polling ends: resolves after stop(), rejects if polling cannot go on (409, 401). */
  readonly done: Promise<void>;
  /** Stops fetching, waits for the updates in flight, confirms the offset. */
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

/** The runner hands us abort-controller's signal, not the built-in one; this much of it is enough. */
interface StopSignal {
  addEventListener(type: "abort", listener: () => void): void;
  removeEventListener(type: "abort", listener: () => void): void;
}

function pause(ms: number, signal: StopSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
    function done() {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    }
  });
}

/**
 * Tracks update ids fetched and finished, to work out which offset is safe to confirm: everything
 * below the oldest update not yet finished.
 */
class OffsetTracker {
  private readonly unfinished = new Set<number>();
  private highest = -1;

  fetched(updates: Update[]): void {
    for (const update of updates) {
      this.unfinished.add(update.update_id);
      this.highest = Math.max(this.highest, update.update_id);
    }
  }

  finished(id: number): void {
    this.unfinished.delete(id);
  }

  /** The offset to confirm, or undefined when nothing was fetched. */
  safeOffset(): number | undefined {
    if (this.highest < 0) return undefined;
    return this.unfinished.size > 0 ? Math.min(...this.unfinished) : this.highest + 1;
  }
}

export async function startPolling<C extends Context>(
  bot: Bot<C>,
  options: PollingOptions,
): Promise<Polling> {
  const { logger } = options;
  // A webhook left over from a webhook deployment would make getUpdates fail with 409.
  await bot.api.deleteWebhook({ drop_pending_updates: false });

  const offsets = new OffsetTracker();
  // The runner's stop() does not wait for running handlers, so we keep count of them ourselves.
  const inFlight = new Set<Promise<void>>();
  let sequence: ReturnType<typeof createChatSequencer> | undefined;
  const pollingSince = Date.now();
  let conflictsInARow = 0;

  const handle: RunnerHandle = run(
    {
      init: () => bot.init(),
      errorHandler: (error: BotError<C>) => bot.errorHandler(error),
      handleUpdate: (update: Update) => {
        const task = (async () => {
          try {
            // Built on first use: it needs botInfo, which exists once the runner has run init().
            sequence ??= createChatSequencer(bot);
            await sequence(update, () => bot.handleUpdate(update));
          } finally {
            offsets.finished(update.update_id);
          }
        })();
        inFlight.add(task);
        return task.finally(() => inFlight.delete(task));
      },
      api: {
        getUpdates: async (args, signal) => {
          try {
            const updates = await bot.api.getUpdates({ ...args, allowed_updates: ALLOWED_UPDATES }, signal);
            conflictsInARow = 0;
            offsets.fetched(updates);
            return updates;
          } catch (error) {
            if (signal.aborted) throw error;
            const conflict = isConflict(error);
            const settled = Date.now() - pollingSince >= SETTLED_AFTER_MS;
            if (conflict && settled && ++conflictsInARow < MAX_CONFLICTS_IN_A_ROW) {
              logger.warn(
                { conflictsInARow },
                "409 Conflict: another instance started polling with this token; this one keeps polling, so the other stops",
              );
              await pause(CONFLICT_PAUSE_MS, signal);
              return [];
            }
            logger.warn({ err: error, conflict }, "getUpdates failed");
            throw error;
          }
        },
      },
    },
    {
      runner: {
        fetch: { timeout: options.timeoutSeconds ?? 30, allowed_updates: ALLOWED_UPDATES },
        // We log fetch errors ourselves (above), without the runner's console output.
        silent: true,
      },
      sink: { concurrency: options.concurrency ?? 100 },
    },
  );

  const done = handle.task() ?? Promise.resolve();
  logger.info({ allowedUpdates: ALLOWED_UPDATES }, "long polling started");

  return {
    done,
    stop: async () => {
      if (handle.isRunning()) await handle.stop();
      const outcome = await done.then(
        () => "stopped",
        (error: unknown) => (isConflict(error) ? "conflict" : "failed"),
      );
      if (inFlight.size > 0) logger.info({ inFlight: inFlight.size }, "waiting for updates in flight");
      await Promise.allSettled([...inFlight]);
      const offset = offsets.safeOffset();
      // After a 409 another instance owns polling: one more getUpdates from us would cut it off.
      if (offset === undefined || outcome === "conflict") return;
      // The runner never confirms its last batch; without this, Telegram would send it again.
      try {
        // grammY's own AbortSignal type (from a polyfill) differs from Node's in name only.
        const signal = AbortSignal.timeout(2000) as Parameters<typeof bot.api.getUpdates>[1];
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
