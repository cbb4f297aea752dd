// One way out for SIGINT and SIGTERM: run the stop steps in order (stop taking updates, let the ones
// in flight finish, close the store), exit 0; if that takes too long, exit 1 and say so.
import type { Logger } from "../logger.ts";

export interface ShutdownStep {
  name: string;
  run: () => Promise<void> | void;
}

export interface ShutdownOptions {
  logger: Logger;
  /** Hard limit for the whole shutdown. */
  timeoutMs?: number;
  exit?: (code: number) => void;
  signals?: NodeJS.Signals[];
}

export interface Shutdown {
  /** Runs the steps once (later calls return the same promise), then exits with `code`. */
  begin(reason: string, code?: number): Promise<void>;
}

export function installShutdown(steps: ShutdownStep[], options: ShutdownOptions): Shutdown {
  const { logger } = options;
  const timeoutMs = options.timeoutMs ?? 5000;
  const exit = options.exit ?? ((code: number) => process.exit(code));
  let running: Promise<void> | undefined;

  const begin = (reason: string, code = 0): Promise<void> => {
    if (running) return running;
    logger.info({ reason }, "shutting down");
    const started = Date.now();
    const timer = setTimeout(() => {
      logger.error({ timeoutMs }, "shutdown took too long; exiting anyway");
      exit(1);
    }, timeoutMs);
    running = (async () => {
      let failed = false;
      for (const step of steps) {
        try {
          await step.run();
        } catch (error) {
          failed = true;
          logger.error({ err: error, step: step.name }, "shutdown step failed");
        }
      }
      clearTimeout(timer);
      logger.info({ ms: Date.now() - started }, "stopped");
      exit(failed && code === 0 ? 1 : code);
    })();
    return running;
  };

  for (const signal of options.signals ?? (["SIGINT", "SIGTERM"] as NodeJS.Signals[])) {
    process.once(signal, () => {
      // A second signal while stopping means "now".
      process.once(signal, () => {
        logger.warn({ signal }, "second signal; exiting at once");
        exit(1);
      });
      void begin(signal);
    });
  }
  return { begin };
}
