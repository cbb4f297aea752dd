// `npm start`: read and check the configuration, then run the bot on Telegram (long polling or a
// webhook) or, without a token, as a chat in this terminal. Anything wrong at start-up stops here
// with a message that says what to fix. The heavy parts (content, engine, bot) load only after the
// configuration is known to be good.
import { type Config, ConfigError, loadConfig } from "./config.ts";
import { createLogger, type Logger, makeScrubber } from "./logger.ts";
import { installShutdown, type ShutdownStep } from "./transports/shutdown.ts";

const NO_TOKEN_HELP = `BOT_TOKEN is not set, and this is not a terminal, so there is nothing to do.
  - To run the Telegram bot: get a token from @BotFather and set BOT_TOKEN=<token> in .env
    (copy .env.example) or in the environment, then run npm start again.
  - To try the bot without Telegram: run npm start in a terminal; it opens a local chat.`;

function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) fail(error.message);
    throw error;
  }
}

/** A failing update must never stop the bot; a broken process must not linger half-alive. */
function guardProcess(logger: Logger): void {
  process.on("unhandledRejection", (reason) => logger.error({ err: reason }, "unhandled rejection"));
  process.on("uncaughtException", (error) => {
    logger.fatal({ err: error }, "uncaught exception; exiting");
    process.exit(1);
  });
}

async function main(): Promise<void> {
  const config = readConfig();
  const token = config.botToken;
  const secrets = [
    token,
    config.privacySecret,
    config.transport.mode === "webhook" ? config.transport.secret : undefined,
    config.databaseUrl,
    config.databaseUrl ? decodeURIComponent(new URL(config.databaseUrl).password) : undefined,
  ];
  scrub = makeScrubber(secrets);

  if (token) {
    const logger = createLogger(config.logLevel, { secrets });
    guardProcess(logger);
    // Installed before anything starts, so a signal during start-up also takes the one way out.
    const steps: ShutdownStep[] = [];
    const shutdown = installShutdown(steps, { logger, timeoutMs: 5000 });
    const { runTelegram } = await import("./runtime.ts");
    return runTelegram(config, token, { logger, shutdown, steps });
  }
  if (process.stdin.isTTY || process.env.FORCE_TERMINAL_CHAT === "1") {
    // The chat owns stdout; logs go to stderr and only when they matter.
    const level = config.logLevel === "debug" || config.logLevel === "trace" ? config.logLevel : "warn";
    const logger = createLogger(level, { secrets, write: (line) => process.stderr.write(line) });
    guardProcess(logger);
    const { runTerminal } = await import("./runtime.ts");
    return runTerminal(config, logger);
  }
  fail(NO_TOKEN_HELP);
}

/** For a crash before or outside the logger: still no secret in the output. */
let scrub = makeScrubber();

main().catch((error: unknown) => {
  fail(scrub(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
});
