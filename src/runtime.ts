// What `npm start` runs once the configuration is good: load the content, build the engine, the
// store and the bot, then serve Telegram (long polling or a webhook) or the terminal chat. Kept apart
// from main.ts so a bad configuration is reported before any of this is even loaded.
import { Api, type Bot, type Context, GrammyError, HttpError } from "grammy";
import { createBot, setupCommands } from "./bot/index.ts";
import { createConversationMemory } from "./bot/memory.ts";
import { type Config, terminalDatabasePath } from "./config.ts";
import type { KnowledgeBase } from "./content/knowledge-base.ts";
import { ContentError } from "./content/problems.ts";
import type { Engine } from "./engine/index.ts";
import { indexCacheDir, loadContent, startEngine } from "./index-cache.ts";
import type { Logger } from "./logger.ts";
import {
  makeHasher,
  openSqliteStore,
  privacyKeyPath,
  resolvePrivacySecret,
  type StoreHealth,
} from "./storage/index.ts";
import { leanFetch } from "./transports/bot-api-fetch.ts";
import { isConflict, type Polling, startPolling } from "./transports/polling.ts";
import { createReplyMarks, type ReplyMarks, replyHooks } from "./transports/reply-marks.ts";
import { installSendPath } from "./transports/send-path.ts";
import type { Shutdown, ShutdownStep } from "./transports/shutdown.ts";
import { runTerminalChat } from "./transports/terminal.ts";
import { createSendThrottle } from "./transports/throttle.ts";
import type { UpdateClaims } from "./transports/update-claims.ts";
import { registerWebhook, startWebhookServer, type WebhookServer } from "./transports/webhook.ts";

/** Content problems are the curators' to fix: list them and stop. */
async function readContent(config: Config, logger: Logger): Promise<KnowledgeBase> {
  try {
    const start = await loadContent(config.contentDir, { dir: indexCacheDir(config.indexCacheDir), logger });
    logger.info({ content: start.from, ms: start.ms }, "content ready");
    return start.kb;
  } catch (error) {
    if (error instanceof ContentError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
}

/** The answering engine, from the saved index when it holds this content's build. */
function readyEngine(kb: KnowledgeBase, config: Config, logger: Logger): Engine {
  const start = startEngine(kb, { dir: indexCacheDir(config.indexCacheDir), logger });
  logger.info({ index: start.from, ms: start.ms }, "answer index ready");
  return start.engine;
}

/** The store and the keyed hasher, the same for Telegram and the terminal chat (in its own file). */
function openStorage(config: Config, logger: Logger, path = config.databasePath) {
  const store = openSqliteStore({ path, retentionDays: config.retentionDays, logger });
  const privacy = resolvePrivacySecret(config.privacySecret, {
    keyPath: privacyKeyPath(path),
    legacy: store,
  });
  if (privacy.source === "generated" || privacy.source === "moved")
    logger.info(
      { source: privacy.source },
      "the privacy key is kept in privacy.key beside the database (mode 0600), not in it",
    );
  if (privacy.source === "memory")
    logger.error("could not write privacy.key beside the database: hashes will change at the next start");
  return { store, hash: makeHasher(privacy.secret) };
}

/**
 * Telegram's storage: PostgreSQL when DATABASE_URL is set (shared by every instance: the store, the
 * follow-up memory and the webhook's update claims), else the SQLite file. A server that cannot be
 * reached at start-up stops the start (the service manager retries), rather than running apart.
 */
async function openTelegramStorage(config: Config, logger: Logger) {
  if (!config.databaseUrl || !config.privacySecret)
    return { ...openStorage(config, logger), shared: undefined };
  const { openPostgresStore } = await import("./storage/postgres.ts");
  const store = await openPostgresStore({
    url: config.databaseUrl,
    retentionDays: config.retentionDays,
    logger,
    conversationTtlMs: config.conversationSeconds * 1000,
  });
  // The configuration requires PRIVACY_SECRET with DATABASE_URL: every instance hashes ids alike.
  return { store, hash: makeHasher(config.privacySecret), shared: store };
}

/**
 * The chat in this terminal: the same bot, a local API instead of Telegram. It keeps what Telegram
 * chats keep (declined questions, votes, /lang) in a database of its own, so a curator can try
 * `npm run report -- --db data/bot.terminal.sqlite` on it without mixing it into real users' report.
 */
export async function runTerminal(config: Config, logger: Logger): Promise<void> {
  const kb = await readContent(config, logger);
  const engine = readyEngine(kb, config, logger);
  const { store, hash } = openStorage(config, logger, terminalDatabasePath(config.databasePath));
  try {
    // The person at the terminal is its admin (/stats, /unanswered), whatever ADMIN_IDS says.
    const retentionDays = config.retentionDays;
    await runTerminalChat({
      kb,
      engine,
      store,
      hash,
      logger,
      retentionDays,
      input: process.stdin,
      output: process.stdout,
    });
  } finally {
    await store.close();
  }
}

export interface TelegramRun {
  logger: Logger;
  shutdown: Shutdown;
  /** The shutdown path's steps, filled in here as things start. */
  steps: ShutdownStep[];
}

/** The bot on Telegram: long polling or a webhook server, until the shutdown path ends it. */
export async function runTelegram(
  config: Config,
  token: string,
  { logger, shutdown, steps }: TelegramRun,
): Promise<void> {
  // Asked first, so Telegram's answer travels while the content and the index load (one round trip
  // less before the first getUpdates); its failure is handled where it is awaited, below.
  const me = new Api(token, config.apiRoot ? { apiRoot: config.apiRoot } : {}).getMe();
  me.catch(() => undefined);
  const kb = await readContent(config, logger);
  const engine = readyEngine(kb, config, logger);
  let storage: Awaited<ReturnType<typeof openTelegramStorage>>;
  try {
    storage = await openTelegramStorage(config, logger);
  } catch (error) {
    logger.fatal({ err: error }, "cannot open the PostgreSQL database (DATABASE_URL)");
    await shutdown.begin("start-up failed", 1);
    return;
  }
  const { store, hash, shared } = storage;

  const bot = createBot(token, {
    kb,
    engine,
    logger,
    store,
    hash,
    adminIds: config.adminIds,
    retentionDays: config.retentionDays,
    memory: shared?.conversations ?? createConversationMemory({ ttlMs: config.conversationSeconds * 1000 }),
    client: { ...(config.apiRoot ? { apiRoot: config.apiRoot } : {}), fetch: leanFetch },
  });

  const throttle = createSendThrottle(config.sendLimits);
  let polling: Polling | undefined;
  let server: WebhookServer | undefined;
  steps.push(
    { name: "stop polling", run: () => polling?.stop() },
    // Replies still waiting for their turn fail: their updates are handled again after the restart.
    { name: "stop sending", run: () => throttle.stop() },
    { name: "close the webhook server", run: () => server?.close() },
    { name: "close the store", run: () => store.close() },
  );

  // Fail fast on a wrong token or an unreachable API, before retries would hide it. Not bot.init():
  // it retries network errors with back-off for ever, so an unreachable API left the bot silent.
  try {
    bot.botInfo = await me;
  } catch (error) {
    if (error instanceof GrammyError && error.error_code === 401) {
      logger.fatal("Telegram rejected BOT_TOKEN (401 Unauthorized); check the token with @BotFather");
    } else if (error instanceof HttpError) {
      // The origin only: a user:password or a path segment in TELEGRAM_API_ROOT is a credential.
      const apiOrigin = new URL(config.apiRoot ?? "https://api.telegram.org").origin;
      logger.fatal({ apiRoot: apiOrigin }, "cannot reach the Bot API");
    } else {
      logger.fatal({ err: error }, "bot start-up failed");
    }
    await shutdown.begin("start-up failed", 1);
    return;
  }
  const claims = shared?.claims;
  const replyMarks = claims?.sending ? createReplyMarks(replyHooks(claims)) : undefined;
  installSendPath(bot, { throttle, logger, replyMarks });
  logger.info({ username: bot.botInfo.username, mode: config.transport.mode }, "bot started");

  // The command menu is a nicety: the bot answers without it.
  setupCommands(bot).catch((error: unknown) =>
    logger.warn({ err: error }, "could not register the command menu"),
  );

  try {
    if (config.transport.mode === "polling")
      polling = await startPolling(bot, {
        logger,
        ...("journal" in store && store.journal ? { journal: store.journal } : {}),
        onGraceOver: () => throttle.stop(),
      });
    else server = await startWebhook(bot, config.transport, logger, () => store.health(), claims, replyMarks);
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
  health: () => StoreHealth,
  claims: UpdateClaims | undefined,
  replyMarks: ReplyMarks | undefined,
): Promise<WebhookServer> {
  const server = await startWebhookServer(bot, {
    host: t.host,
    port: t.port,
    path: t.path,
    secret: t.secret,
    maxBodyBytes: t.maxBodyBytes,
    logger,
    health,
    ...(claims ? { claims } : {}),
    ...(replyMarks ? { replyMarks } : {}),
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
