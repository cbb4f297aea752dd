// How storage reports trouble. pino's logger fits this shape; so does a test's recorder.
export interface StoreLogger {
  error(details: object, message: string): void;
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Used when the caller gives no logger: one JSON line on stderr per warning or error, nothing for info. */
export const stderrLogger: StoreLogger = {
  error(details, message) {
    process.stderr.write(`${JSON.stringify({ level: "error", msg: message, ...details })}\n`);
  },
  warn(details, message) {
    process.stderr.write(`${JSON.stringify({ level: "warn", msg: message, ...details })}\n`);
  },
  info() {},
};

/** What may be logged about a storage error: its code and SQLite's message (never the data written). */
export function describeError(error: unknown): { code?: string; error: string } {
  const code =
    error && typeof error === "object" && "code" in error && typeof error.code === "string"
      ? error.code
      : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return code ? { code, error: message } : { error: message };
}

/**
 * Logs a failing operation at most once a minute per operation, with how many failures were not logged:
 * a full disk must not turn every incoming message into a log line.
 */
export function throttledFailureLog(logger: StoreLogger, now: () => Date, intervalMs = 60_000) {
  const last = new Map<string, { at: number; suppressed: number }>();
  return (operation: string, error: unknown): void => {
    const at = now().getTime();
    const seen = last.get(operation);
    if (seen && at - seen.at < intervalMs) {
      seen.suppressed++;
      return;
    }
    last.set(operation, { at, suppressed: 0 });
    logger.warn(
      { operation, ...describeError(error), ...(seen?.suppressed ? { suppressed: seen.suppressed } : {}) },
      "storage operation failed; the bot carries on without it",
    );
  };
}

export interface WriteFailures {
  /** A batch failed; `lost` writes of it were dropped for good. */
  failed(error: unknown, lost: number): void;
  recovered(): void;
  /** Writes lost since start. */
  readonly lost: number;
  /** The latest failure's code or message while failing; undefined once writes succeed again. */
  readonly failing: string | undefined;
  stop(): void;
}

/**
 * Counts failed writes and says so: an error line at the first failure, then one line a minute with the
 * minute's figures for as long as failures go on, and an info line when writes succeed again.
 */
export function writeFailureReport(logger: StoreLogger, intervalMs = 60_000): WriteFailures {
  let lost = 0;
  let failing: string | undefined;
  let minute = { batches: 0, lost: 0 };
  let timer: NodeJS.Timeout | undefined;

  function report() {
    if (minute.batches === 0 && minute.lost === 0) {
      clearInterval(timer);
      timer = undefined;
      return;
    }
    logger.error(
      { failedBatches: minute.batches, lostWrites: minute.lost, lostSinceStart: lost, reason: failing },
      "storage writes still failing",
    );
    minute = { batches: 0, lost: 0 };
  }

  return {
    failed(error, lostNow) {
      const { code, error: message } = describeError(error);
      const first = failing === undefined && timer === undefined;
      failing = code ?? message;
      lost += lostNow;
      minute.batches++;
      minute.lost += lostNow;
      if (first) {
        logger.error(
          { ...describeError(error), lostWrites: lostNow },
          "storage writes failing; the bot keeps answering, writes are retried and counted",
        );
        minute = { batches: 0, lost: 0 };
        timer = setInterval(report, intervalMs);
        timer.unref();
      }
    },
    recovered() {
      if (failing === undefined) return;
      logger.info({ lostSinceStart: lost }, "storage writes succeed again");
      failing = undefined;
    },
    get lost() {
      return lost;
    },
    get failing() {
      return failing;
    },
    stop() {
      clearInterval(timer);
    },
  };
}
