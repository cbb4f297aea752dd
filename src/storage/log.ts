// How storage reports trouble. pino's logger fits this shape; so does a test's recorder.
export interface StoreLogger {
  warn(details: object, message: string): void;
  info(details: object, message: string): void;
}

/** Used when the caller gives no logger: one JSON line on stderr per warning, nothing for info. */
export const stderrLogger: StoreLogger = {
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
