// Webhook mode: a plain node:http server that Telegram POSTs updates to. Each request is checked in
// order — path, method, secret header, size, JSON, duplicate — before grammY sees it, so a forged or
// broken request touches nothing.
import { timingSafeEqual } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { type Bot, type Context, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import type { Logger } from "../logger.ts";
import type { StoreHealth } from "../storage/store.ts";
import { ALLOWED_UPDATES } from "./allowed-updates.ts";
import { createReplyMarks, type ReplyMarks, replyHooks } from "./reply-marks.ts";
import { createChatSequencer } from "./sequential.ts";
import { inProcessClaims, type UpdateClaims } from "./update-claims.ts";

const SECRET_HEADER = "x-telegram-bot-api-secret-token";

export interface WebhookServerOptions {
  host: string;
  port: number;
  /** Path Telegram posts to (the path of WEBHOOK_URL). */
  path: string;
  secret: string;
  maxBodyBytes: number;
  logger: Logger;
  /** Storage health for /healthz: "degraded" tells an operator questions and votes are not being kept. */
  health?: () => StoreHealth;
  /** Who handles a delivered update; default: this process alone (recent ids in memory). */
  claims?: UpdateClaims;
  /**
   * For claims that note replies (`sending`/`sent`): where the marks are taken. The runtime passes marks it
   * installed before the send throttle; without them, the server installs its own on the bot's API.
   */
  replyMarks?: ReplyMarks;
}

export interface WebhookServer {
  /** The port actually bound (useful with port 0). */
  readonly port: number;
  /** Stops accepting requests and waits for the ones in progress. */
  close(): Promise<void>;
}

class HttpProblem extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

function sendJson(
  res: ServerResponse,
  status: number,
  body: unknown,
  headers: Record<string, string> = {},
): void {
  if (res.headersSent) return;
  const text = JSON.stringify(body);
  res.writeHead(status, {
    "content-type": "application/json",
    "content-length": String(Buffer.byteLength(text)),
    ...headers,
  });
  res.end(text);
}

/** Node's error for a request body cut short by the client. */
function isHangUp(error: unknown): boolean {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return (
    code === "ECONNRESET" ||
    code === "ECONNABORTED" ||
    (error instanceof Error && error.message === "aborted")
  );
}

/**
 * Requests with a wrong or missing secret, logged as a sample: the first at once, then one line a
 * minute with how many came and from where (at most five addresses). A flood of forged requests must not
 * turn into a flood of log (59,357 requests in 10 s once wrote 8 MB).
 */
function rejectionLog(logger: Logger, intervalMs = 60_000) {
  let count = 0;
  const remotes = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const report = () => {
    if (count === 0) {
      clearInterval(timer);
      timer = undefined;
      return;
    }
    logger.warn(
      { rejected: count, remotes: [...remotes] },
      "webhook requests with a missing or wrong secret in the last minute",
    );
    count = 0;
    remotes.clear();
  };
  return Object.assign(
    (remote: string | undefined) => {
      if (timer === undefined) {
        logger.warn(
          { remote },
          "webhook request with a missing or wrong secret (more are counted once a minute)",
        );
        timer = setInterval(report, intervalMs);
        timer.unref();
        return;
      }
      count++;
      if (remote && remotes.size < 5) remotes.add(remote);
    },
    { stop: () => clearInterval(timer) },
  );
}

function secretMatches(header: string | string[] | undefined, secret: string): boolean {
  if (typeof header !== "string") return false;
  const given = Buffer.from(header);
  const expected = Buffer.from(secret);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** Reads the body, refusing (413) as soon as it passes the limit rather than buffering it all. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer> {
  const declared = Number(req.headers["content-length"]);
  if (Number.isFinite(declared) && declared > limit)
    return Promise.reject(new HttpProblem(413, "body too large"));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        req.off("data", onData);
        reject(new HttpProblem(413, "body too large"));
      } else chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("end", () => resolve(Buffer.concat(chunks)));
    req.once("error", reject);
    // A client that hangs up mid-body: the stream closes without "end".
    req.once("close", () => {
      if (!req.complete) reject(Object.assign(new Error("aborted"), { code: "ECONNRESET" }));
    });
  });
}

function parseUpdate(body: Buffer): Update {
  let value: unknown;
  try {
    value = JSON.parse(body.toString("utf8"));
  } catch {
    throw new HttpProblem(400, "malformed JSON");
  }
  const id = (value as { update_id?: unknown } | null)?.update_id;
  if (typeof value !== "object" || value === null || !Number.isSafeInteger(id)) {
    throw new HttpProblem(400, "not a Telegram update");
  }
  return value as Update;
}

function ownReplyMarks<C extends Context>(bot: Bot<C>, claims: UpdateClaims): ReplyMarks {
  const marks = createReplyMarks(replyHooks(claims));
  bot.api.config.use(marks.transformer);
  return marks;
}

export async function startWebhookServer<C extends Context>(
  bot: Bot<C>,
  options: WebhookServerOptions,
): Promise<WebhookServer> {
  const { logger } = options;
  const claims = options.claims ?? inProcessClaims();
  const replying = claims.sending ? (options.replyMarks ?? ownReplyMarks(bot, claims)) : undefined;
  // Telegram may post several updates at once; those of one chat still run in order.
  await bot.init();
  const sequence = createChatSequencer(bot);
  // We have already checked the secret; grammY checks it again, which costs nothing.
  // No timeout: a slow update keeps its request open, so closing the server waits for it.
  const handleUpdate = webhookCallback(bot, "callback", {
    secretToken: options.secret,
    timeoutMilliseconds: Number.POSITIVE_INFINITY,
  });

  const rejected = rejectionLog(logger);

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = new URL(req.url ?? "/", "http://localhost").pathname;
    if (path === "/healthz" && (req.method === "GET" || req.method === "HEAD")) {
      const storage = options.health?.();
      // Counts and a state only: nothing about where the data lives or what it holds.
      return sendJson(res, 200, {
        ok: true,
        ...(storage
          ? { storage: storage.state, queuedWrites: storage.queued, failedWrites: storage.failedWrites }
          : {}),
      });
    }
    if (path !== options.path) return sendJson(res, 404, { ok: false, error: "not found" });
    if (req.method !== "POST") return sendJson(res, 405, { ok: false, error: "method not allowed" });
    if (!secretMatches(req.headers[SECRET_HEADER], options.secret)) {
      rejected(req.socket.remoteAddress);
      req.resume();
      return sendJson(res, 401, { ok: false, error: "unauthorized" });
    }

    const update = parseUpdate(await readBody(req, options.maxBodyBytes));
    const claim = await claims.claim(update.update_id);
    if (claim === "duplicate") {
      logger.info({ updateId: update.update_id }, "duplicate update ignored");
      return sendJson(res, 200, { ok: true, duplicate: true });
    }
    if (claim === "busy") {
      logger.info({ updateId: update.update_id }, "update in progress on another instance; asked to retry");
      return sendJson(res, 503, { ok: false, error: "in progress elsewhere" }, { "retry-after": "5" });
    }
    try {
      const handle = () =>
        handleUpdate(
          update,
          (json: string) => sendJson(res, 200, JSON.parse(json)),
          options.secret,
          () => sendJson(res, 401, { ok: false, error: "unauthorized" }),
        );
      await sequence(update, () => (replying ? replying.run(update.update_id, handle) : handle()));
      claims.finish(update.update_id);
    } catch (error) {
      // Let Telegram's redelivery through: the update was not handled.
      claims.release(update.update_id);
      throw error;
    }
    sendJson(res, 200, { ok: true });
  }

  const server: Server = createServer((req, res) => {
    onRequest(req, res).catch((error: unknown) => {
      // The sender hung up before its request was read: nothing to answer, and not our fault.
      if (req.destroyed && isHangUp(error)) {
        logger.info({ remote: req.socket.remoteAddress }, "webhook request abandoned by the client");
        return;
      }
      if (error instanceof HttpProblem) {
        logger.warn({ status: error.status, reason: error.message }, "webhook request refused");
        // After an oversized body, drop the connection rather than read the rest of it.
        sendJson(
          res,
          error.status,
          { ok: false, error: error.message },
          error.status === 413 ? { connection: "close" } : {},
        );
        req.resume();
        return;
      }
      logger.error({ err: error }, "webhook update failed");
      sendJson(res, 500, { ok: false, error: "internal error" });
    });
  });
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  logger.info({ host: options.host, port, path: options.path }, "webhook server listening");

  return {
    port,
    close: () =>
      new Promise<void>((resolve) => {
        rejected.stop();
        server.close(() => resolve());
        // Idle keep-alive sockets would hold close() open; busy ones finish their request first.
        server.closeIdleConnections();
      }),
  };
}

/** Tells Telegram where to post, with the secret it must send back and the updates we handle. */
export async function registerWebhook<C extends Context>(
  bot: Bot<C>,
  url: string,
  secret: string,
): Promise<void> {
  await bot.api.setWebhook(url, { secret_token: secret, allowed_updates: ALLOWED_UPDATES });
}
