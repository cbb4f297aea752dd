// The transports on their own, with a throwaway echo bot in this process, against the emulator and
// shim on 127.0.0.1: ordering and concurrency of long polling, offsets across a restart, the 409
// conflict, and every check of the webhook server.
import { request } from "node:http";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { isConflict, type Polling, startPolling } from "../../src/transports/polling.ts";
import { registerWebhook, startWebhookServer, type WebhookServer } from "../../src/transports/webhook.ts";
import { TelegramWorld } from "./support/emulator.ts";

const TOKEN = "424242:transport-test-token_abcdefghijklmnop";
const logLines: string[] = [];
const logger = createLogger("debug", { secrets: [TOKEN], write: (line) => logLines.push(line) });

let world: TelegramWorld;
const pollers: Polling[] = [];

/** An echo bot; a text may first run a hook (e.g. wait for a gate), so tests can hold an update in flight. */
function echoBot(hooks: Map<string, () => Promise<void>> = new Map()) {
  const handled: string[] = [];
  const bot = new Bot(TOKEN, { client: { apiRoot: world.apiRoot } });
  bot.on("message:text", async (ctx) => {
    await hooks.get(ctx.message.text)?.();
    handled.push(ctx.message.text);
    await ctx.reply(`echo: ${ctx.message.text}`);
  });
  bot.catch((error) => logger.error({ err: error.error }, "echo bot failed"));
  return { bot, handled };
}

async function poll(bot: Bot): Promise<Polling> {
  const polling = await startPolling(bot, { logger, timeoutSeconds: 5 });
  pollers.push(polling);
  return polling;
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

beforeAll(async () => {
  world = await TelegramWorld.start(TOKEN);
});

afterEach(async () => {
  await Promise.all(pollers.splice(0).map((p) => p.stop()));
});

afterAll(async () => {
  await world.close();
  // Whatever happened, the token never reached the log.
  expect(logLines.join("")).not.toContain(TOKEN);
  expect(logLines.join("")).not.toContain(encodeURIComponent(TOKEN));
});

describe("long polling", () => {
  it("handles chats concurrently but keeps each chat's messages in order", async () => {
    const bGate = deferred();
    // "a1" cannot finish until chat B's message is handled: if chats were served one at a time,
    // this would never resolve.
    const gates = new Map([["a1", () => bGate.promise]]);
    const { bot, handled } = echoBot(gates);
    const chatA = world.privateChat(1001);
    const chatB = world.privateChat(1002);
    await poll(bot);

    await chatA.say("a1");
    await chatA.say("a2");
    await chatB.say("b1");
    const [fromB] = await chatB.replies(1);
    expect(fromB?.text).toBe("echo: b1");
    bGate.resolve();

    const fromA = await chatA.replies(2);
    expect(fromA.map((m) => m.text)).toEqual(["echo: a1", "echo: a2"]);
    expect(handled.indexOf("b1")).toBeLessThan(handled.indexOf("a1"));
  });

  it("asks only for the update types the bot handles", async () => {
    const { bot } = echoBot();
    const before = world.shim.pollCount;
    await poll(bot);
    await world.privateChat(1003).say("hello");
    await world.privateChat(1003).reply();
    expect(world.shim.pollCount).toBeGreaterThan(before);
    const deleted = world.shim.callsTo("deleteWebhook").at(-1);
    expect(deleted?.payload.drop_pending_updates).toBe(false);
  });

  it("finishes updates in flight on stop, and after a restart neither repeats nor loses one", async () => {
    const slow = deferred();
    const entered = deferred();
    const hold = async () => {
      entered.resolve();
      await slow.promise;
    };
    const first = echoBot(new Map([["slow one", hold]]));
    const chat = world.privateChat(1004);
    const polling = await poll(first.bot);
    await chat.say("slow one");
    // Stop while the update is in the bot's hands.
    await entered.promise;
    const stopping = polling.stop();
    slow.resolve();
    await stopping;
    expect(first.handled).toEqual(["slow one"]);
    expect((await chat.replies(1)).map((m) => m.text)).toEqual(["echo: slow one"]);

    await chat.say("while stopped");
    const second = echoBot();
    await poll(second.bot);
    const [next] = await chat.replies(1);
    expect(next?.text).toBe("echo: while stopped");
    expect(second.handled).toEqual(["while stopped"]);
  });

  it("reports 409 Conflict when a second instance polls with the same token", async () => {
    const first = echoBot();
    const polling = await poll(first.bot);
    const second = echoBot();
    await poll(second.bot);
    const error = await polling.done.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(isConflict(error)).toBe(true);
    // The survivor keeps serving.
    const chat = world.privateChat(1005);
    await chat.say("still here?");
    expect((await chat.reply()).text).toBe("echo: still here?");
    expect(logLines.some((l) => l.includes('"conflict":true'))).toBe(true);
  });
});

describe("webhook server", () => {
  const SECRET = "webhook_Secret-123";
  let server: WebhookServer;
  let handled: string[];
  let nextId = 1;
  const release = deferred();
  const entered = deferred();

  beforeAll(async () => {
    const echo = echoBot(
      new Map([
        [
          "held",
          async () => {
            entered.resolve();
            await release.promise;
          },
        ],
      ]),
    );
    handled = echo.handled;
    await echo.bot.init();
    server = await startWebhookServer(echo.bot, {
      host: "127.0.0.1",
      port: 0,
      path: "/tg/hook",
      secret: SECRET,
      maxBodyBytes: 4096,
      logger,
    });
    await registerWebhook(echo.bot, "https://bot.example.test/tg/hook", SECRET);
  });

  afterAll(async () => {
    await server.close();
  });

  function post(
    body: string | Buffer,
    headers: Record<string, string> = {},
    path = "/tg/hook",
    method = "POST",
  ): Promise<{ status: number; body: string }> {
    return new Promise((resolve, reject) => {
      const req = request(
        {
          host: "127.0.0.1",
          port: server.port,
          path,
          method,
          headers: { "content-type": "application/json", ...headers },
        },
        (res) => {
          let text = "";
          res.setEncoding("utf8").on("data", (c: string) => {
            text += c;
          });
          res.on("end", () => resolve({ status: res.statusCode ?? 0, body: text }));
        },
      );
      req.on("error", reject);
      req.end(body);
    });
  }

  function textUpdate(text: string, chatId = 2001): Update {
    return {
      update_id: nextId++,
      message: {
        message_id: nextId,
        date: Math.floor(Date.now() / 1000),
        chat: { id: chatId, type: "private", first_name: "W" },
        from: { id: chatId, is_bot: false, first_name: "W" },
        text,
      },
    } as Update;
  }

  const withSecret = { "x-telegram-bot-api-secret-token": SECRET };

  it("registers itself with the secret and the allowed update types", () => {
    const call = world.shim.callsTo("setWebhook").at(-1);
    expect(call?.payload).toMatchObject({ url: "https://bot.example.test/tg/hook", secret_token: SECRET });
    expect(call?.payload.allowed_updates).toEqual(
      expect.arrayContaining(["message", "callback_query", "inline_query"]),
    );
    world.shim.webhook = undefined; // let the polling tests that may follow use getUpdates again
  });

  it("answers /healthz without revealing anything", async () => {
    const health = await post("", {}, "/healthz", "GET");
    expect(health).toEqual({ status: 200, body: '{"ok":true}' });
  });

  it("refuses a missing or wrong secret with 401 and handles nothing", async () => {
    const before = handled.length;
    expect((await post(JSON.stringify(textUpdate("no secret")))).status).toBe(401);
    expect(
      (await post(JSON.stringify(textUpdate("wrong secret")), { "x-telegram-bot-api-secret-token": "nope" }))
        .status,
    ).toBe(401);
    expect(handled.length).toBe(before);
  });

  it("refuses bodies over the limit (413), malformed JSON (400) and non-updates (400)", async () => {
    const big = JSON.stringify(textUpdate("x".repeat(5000)));
    expect((await post(big, withSecret)).status).toBe(413);
    // Also when the size is not announced up front.
    expect((await post(Buffer.from(big), { ...withSecret, "transfer-encoding": "chunked" })).status).toBe(
      413,
    );
    expect((await post("{not json", withSecret)).status).toBe(400);
    expect((await post('{"hello":1}', withSecret)).status).toBe(400);
    expect((await post(JSON.stringify(textUpdate("x")), withSecret, "/other")).status).toBe(404);
    expect((await post("", withSecret, "/tg/hook", "GET")).status).toBe(405);
  });

  it("handles a valid update once, even when Telegram delivers it twice", async () => {
    const update = textUpdate("via webhook", 2002);
    const chat = world.privateChat(2002);
    expect((await post(JSON.stringify(update), withSecret)).status).toBe(200);
    expect((await post(JSON.stringify(update), withSecret)).status).toBe(200);
    expect((await chat.reply()).text).toBe("echo: via webhook");
    expect(handled.filter((t) => t === "via webhook")).toHaveLength(1);
    expect(chat.history()).toHaveLength(1);
  });

  it("keeps one chat's updates in order when Telegram posts them concurrently", async () => {
    const first = post(JSON.stringify(textUpdate("held", 2003)), withSecret);
    await entered.promise;
    const second = post(JSON.stringify(textUpdate("after", 2003)), withSecret);
    // Give an unordered server every chance to run "after" first.
    await new Promise((r) => setTimeout(r, 150));
    expect(handled).not.toContain("after");
    release.resolve();
    expect((await first).status).toBe(200);
    expect((await second).status).toBe(200);
    expect(handled.slice(-2)).toEqual(["held", "after"]);
  });
});
