// `npm start`: read the config, load the content, then run the bot on Telegram (long polling or a
// webhook) or, without a token, as a chat in this terminal. Anything wrong at start-up stops here
// with a message that says what to fix.
import { autoRetry } from "@grammyjs/auto-retry";
import { type Bot, type Context, GrammyError, HttpError } from "grammy";
import { createBot, setupCommands } from "./bot/index.ts";
import { type Config, ConfigError, loadConfig } from "./config.ts";
import type { KnowledgeBase } from "./content/knowledge-base.ts";
import { loadKnowledgeBase } from "./content/load.ts";
import { ContentError } from "./content/problems.ts";
import { createEngine } from "./engine/index.ts";
import { createLogger, type Logger, makeScrubber } from "./logger.ts";
import { createMemoryStore, makeHasher, openSqliteStore, resolvePrivacySecret } from "./storage/index.ts";
import { logApiFailures } from "./transports/api-failures.ts";
import { isConflict, type Polling, startPolling } from "./transports/polling.ts";
import { installShutdown, type ShutdownStep } from "./transports/shutdown.ts";
import { runTerminalChat } from "./transports/terminal.ts";
import { registerWebhook, startWebhookServer, type WebhookServer } from "./transports/webhook.ts";

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

function readContent(): KnowledgeBase {
  try {
    return loadKnowledgeBase();
  } catch (error) {
    if (error instanceof ContentError) fail(error.message);
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

async function runTerminal(config: Config): Promise<void> {
  // The chat owns stdout; logs go to stderr and only when they matter.
  const level = config.logLevel === "debug" || config.logLevel === "trace" ? config.logLevel : "warn";
  const logger = createLogger(level, { write: (line) => process.stderr.write(line) });
  guardProcess(logger);
  const kb = readContent();
  const engine = createEngine(kb);
  // Nothing from a local session is kept: the chat is for trying the bot out.
  const store = createMemoryStore();
  const hash = makeHasher(config.privacySecret ?? "terminal-chat");
  await runTerminalChat({ kb, engine, store, hash, logger, input: process.stdin, output: process.stdout });
  store.close();
}

async function runTelegram(config: Config, token: string): Promise<void> {
  const logger = createLogger(config.logLevel, {
    secrets: [
      token,
      config.privacySecret,
      config.transport.mode === "webhook" ? config.transport.secret : undefined,
    ],
  });
  guardProcess(logger);

  const kb = readContent();
  const engine = createEngine(kb);
  const store = openSqliteStore({ path: config.databasePath, retentionDays: config.retentionDays, logger });
  const privacy = resolvePrivacySecret(config.privacySecret, store);
  if (privacy.source === "generated") logger.info("generated a privacy secret and kept it in the database");
  const hash = makeHasher(privacy.secret);

  const bot = createBot(token, {
    kb,
    engine,
    logger,
    store,
    hash,
    adminIds: config.adminIds,
    retentionDays: config.retentionDays,
    ...(config.apiRoot ? { client: { apiRoot: config.apiRoot } } : {}),
  });

  let polling: Polling | undefined;
  let server: WebhookServer | undefined;
  const steps: ShutdownStep[] = [
    { name: "stop polling", run: () => polling?.stop() },
    { name: "close the webhook server", run: () => server?.close() },
    { name: "close the store", run: () => store.close() },
  ];
  const shutdown = installShutdown(steps, { logger, timeoutMs: 5000 });

  // Fail fast on a wrong token or an unreachable API, before retries would hide it.
  try {
    await bot.init();
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) {
      logger.fatal("Telegram rejected BOT_TOKEN (401 Unauthorized); check the token with @BotFather");
    } else if (error instanceof HttpError) {
      logger.fatal({ apiRoot: config.apiRoot ?? "https://api.telegram.org" }, "cannot reach the Bot API");
    } else {
      logger.fatal({ err: error }, "bot start-up failed");
    }
    await shutdown.begin("start-up failed", 1);
    return;
  }
  // 429 (retry_after) and 5xx: wait and retry, but not forever.
  // Installed first, so it sits inside auto-retry and logs each failed attempt.
  bot.api.config.use(logApiFailures(logger));
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));
  logger.info({ username: bot.botInfo.username, mode: config.transport.mode }, "bot started");

  // The command menu is a nicety: the bot answers without it.
  setupCommands(bot).catch((error: unknown) =>
    logger.warn({ err: error }, "could not register the command menu"),
  );

  try {
    if (config.transport.mode === "polling") polling = await startPolling(bot, { logger });
    else server = await startWebhook(bot, config.transport, logger);
  } catch (error) {
    logger.fatal({ err: error }, `could not start ${config.transport.mode}`);
    await shutdown.begin("start-up failed", 1);
    return;
  }
  if (polling) {
    polling.done.catch((error: unknown) => {
      if (isConflict(error)) {
        logger.fatal(
          "409 Conflict: another instance is polling with this token (or a webhook is set); stopping instead of fighting over updates",
        );
      } else {
        logger.fatal({ err: error }, "long polling stopped");
      }
      void shutdown.begin("polling failed", 1);
    });
  }
}

type WebhookTransport = Extract<Config["transport"], { mode: "webhook" }>;

async function startWebhook<C extends Context>(
  bot: Bot<C>,
  t: WebhookTransport,
  logger: Logger,
): Promise<WebhookServer> {
  const server = await startWebhookServer(bot, {
    host: t.host,
    port: t.port,
    path: t.path,
    secret: t.secret,
    maxBodyBytes: t.maxBodyBytes,
    logger,
  });
  try {
    await registerWebhook(bot, t.url, t.secret);
  } catch (error) {
    await server.close();
    throw error;
  }
  logger.info({ path: t.path }, "webhook registered");
  return server;
}

async function main(): Promise<void> {
  const config = readConfig();
  scrub = makeScrubber([config.botToken, config.privacySecret]);
  if (config.botToken) return runTelegram(config, config.botToken);
  if (process.stdin.isTTY || process.env.FORCE_TERMINAL_CHAT === "1") return runTerminal(config);
  fail(NO_TOKEN_HELP);
}

/** For a crash before or outside the logger: still no secret in the output. */
let scrub = makeScrubber();

main().catch((error: unknown) => {
  fail(scrub(`start-up failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`));
});
