// Webhook mode under abuse, against the real bot process: forged requests (no or wrong secret) get 401
// and change nothing, oversized bodies 413, broken JSON 400, a repeated update is handled once,
// /healthz gives nothing away, and webhook mode without WEBHOOK_SECRET refuses to start.
import { request } from "node:http";
import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TelegramWorld } from "../e2e/support/emulator.ts";
import { freePort } from "../e2e/support/free-port.ts";
import type { RecordedCall } from "../e2e/support/shim.ts";
import {
  type BotUnderTest,
  baseEnv,
  isWebhookRegistered,
  privateMessageUpdate,
  startBotUnderTest,
  webhookEnv,
} from "./support/bot-under-test.ts";
import {
  FAKE_TOKEN,
  FAKE_TOKEN_SECRET_PART,
  FAKE_WEBHOOK_SECRET,
  findSecret,
  startCapturedBot,
} from "./support/captured-bot.ts";

const HOOK_PATH = "/tg/hook-reliability";
const MAX_BODY = 4096;
const QUESTION = "Who did Kulubaev meet on 23 March 2023?";
let t: BotUnderTest;
let port: number;
let nextUpdateId = 5_000;

interface HttpAnswer {
  status: number;
  body: string;
}

/** A raw HTTP request to the bot's webhook server (node:http, so headers and chunking are ours to choose). */
function post(
  path: string,
  body: string | Buffer,
  headers: Record<string, string> = {},
  options: { method?: string; chunked?: boolean } = {},
): Promise<HttpAnswer> {
  return new Promise((resolve, reject) => {
    const data = typeof body === "string" ? Buffer.from(body) : body;
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path,
        method: options.method ?? "POST",
        headers: {
          "content-type": "application/json",
          ...(options.chunked
            ? { "transfer-encoding": "chunked" }
            : { "content-length": String(data.length) }),
          ...headers,
        },
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
      },
    );
    req.setTimeout(10_000, () => req.destroy(new Error("webhook request timed out")));
    // The server may refuse and close while we are still sending a big body.
    req.on("error", (error: NodeJS.ErrnoException) => {
      if (error.code === "EPIPE" || error.code === "ECONNRESET") resolve({ status: -1, body: error.code });
      else reject(error);
    });
    if (options.chunked) {
      for (let i = 0; i < data.length; i += 1024) req.write(data.subarray(i, i + 1024));
      req.end();
    } else {
      req.end(data);
    }
  });
}

const withSecret = (secret = FAKE_WEBHOOK_SECRET) => ({ "x-telegram-bot-api-secret-token": secret });

function privateUpdate(chatId: number, text = QUESTION, updateId = nextUpdateId++): Record<string, unknown> {
  return privateMessageUpdate(updateId, chatId, text);
}

function sentTo(chatId: number): RecordedCall[] {
  return t.world.shim.calls.filter(
    (c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId),
  );
}

/** A barrier: a good update in another chat, answered; by then every earlier request was dealt with. */
async function barrier(): Promise<void> {
  const chatId = 41_000 + (nextUpdateId % 1000);
  const answer = await post(HOOK_PATH, JSON.stringify(privateUpdate(chatId)), withSecret());
  expect(answer.status).toBe(200);
  await t.world.shim.waitForCall(
    (c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId),
  );
}

beforeAll(async () => {
  port = await freePort();
  t = await startBotUnderTest(
    "webhook",
    { ...webhookEnv(port, HOOK_PATH), MAX_WEBHOOK_BODY_BYTES: String(MAX_BODY) },
    { waitFor: isWebhookRegistered },
  );
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("webhook security", () => {
  it("registers the webhook with the secret, so Telegram sends it back", () => {
    const setWebhook = t.world.shim.callsTo("setWebhook").at(-1);
    expect(setWebhook?.payload.secret_token).toBe(FAKE_WEBHOOK_SECRET);
    expect(setWebhook?.payload.url).toBe(`https://bot.example.org${HOOK_PATH}`);
  });

  it.each([
    ["no secret header", {}],
    ["a wrong secret", withSecret("not-the-secret")],
    ["the secret with one character changed", withSecret(`${FAKE_WEBHOOK_SECRET.slice(0, -1)}X`)],
    ["the secret with a suffix", withSecret(`${FAKE_WEBHOOK_SECRET}0`)],
    ["an empty secret", withSecret("")],
    ["the bot token as the secret", withSecret(FAKE_TOKEN)],
  ])("%s → 401, and the update is not touched", async (_name, headers) => {
    const chatId = 40_000 + nextUpdateId;
    const update = privateUpdate(chatId);
    const forged = await post(HOOK_PATH, JSON.stringify(update), headers);
    expect(forged.status).toBe(401);
    expect(forged.body).not.toContain(FAKE_WEBHOOK_SECRET);
    // Nothing was touched: not even the duplicate filter; the genuine delivery of the same update works.
    const genuine = await post(HOOK_PATH, JSON.stringify(update), withSecret());
    expect(genuine.status).toBe(200);
    await t.world.shim.waitForCall(
      (c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId),
    );
    expect(sentTo(chatId)).toHaveLength(1);
  });

  it("the secret in the query string instead of the header → 401", async () => {
    const chatId = 40_500;
    const answer = await post(
      `${HOOK_PATH}?secret_token=${FAKE_WEBHOOK_SECRET}`,
      JSON.stringify(privateUpdate(chatId)),
    );
    expect(answer.status).toBe(401);
    await barrier();
    expect(sentTo(chatId)).toEqual([]);
  });

  it("a flood of 200 forged requests: all 401, nothing sent, still serving", async () => {
    const before = t.world.shim.calls.length;
    const answers = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        post(HOOK_PATH, JSON.stringify(privateUpdate(40_600 + i)), withSecret(`forged-${i}`)),
      ),
    );
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([401]));
    await barrier();
    const sent = t.world.shim.calls.slice(before).filter((c) => c.method === "sendMessage");
    expect(sent.every((c) => Number(c.payload.chat_id) < 40_600 || Number(c.payload.chat_id) >= 40_800)).toBe(
      true,
    );
  });

  it("forged requests are logged as a sample and a count, not one line each", async () => {
    const secretLines = () => t.bot.logs().filter((l) => /missing or wrong secret/.test(l.msg)).length;
    const before = secretLines();
    for (let round = 0; round < 10; round++) {
      await Promise.all(
        Array.from({ length: 100 }, (_, i) =>
          post(HOOK_PATH, JSON.stringify(privateUpdate(40_900 + i)), withSecret(`forged-${round}-${i}`)),
        ),
      );
    }
    await barrier();
    // 1,200 forged requests in this file so far: at most the first one's line (the minute's count
    // comes later), never one per request.
    expect(secretLines() - before).toBeLessThanOrEqual(1);
    expect(secretLines()).toBeLessThanOrEqual(2);
  });

  it("a client that hangs up in the middle of its request is not logged as an error", async () => {
    const errorsBefore = t.bot.logs().filter((l) => l.level >= 50).length;
    await new Promise<void>((resolve) => {
      const socket = connect(port, "127.0.0.1", () => {
        socket.write(
          `POST ${HOOK_PATH} HTTP/1.1\r\nHost: 127.0.0.1\r\ncontent-type: application/json\r\n` +
            `x-telegram-bot-api-secret-token: ${FAKE_WEBHOOK_SECRET}\r\ncontent-length: 300\r\n\r\n{"update_id": 7`,
        );
        setTimeout(() => {
          socket.destroy();
          resolve();
        }, 200);
      });
    });
    // The server notices the hang-up on its own time: under load, after a later request is answered.
    await t.bot.waitForLog((l) => l.msg === "webhook request abandoned by the client", 10_000);
    await barrier();
    expect(
      t.bot
        .logs()
        .filter((l) => l.level >= 50)
        .slice(errorsBefore),
    ).toEqual([]);
  });

  it("a body over the limit → 413 (declared length and chunked), nothing handled", async () => {
    const chatId = 40_900;
    const big = JSON.stringify(privateUpdate(chatId, "x".repeat(MAX_BODY * 2)));
    const declared = await post(HOOK_PATH, big, withSecret());
    expect(declared.status).toBe(413);
    // Without a declared length the server only finds out while reading; it may cut the upload short.
    const chunked = await post(HOOK_PATH, big, withSecret(), { chunked: true });
    expect([413, -1]).toContain(chunked.status);
    await barrier();
    expect(sentTo(chatId)).toEqual([]);
  });

  it.each([
    ["malformed JSON", "{ not json"],
    ["JSON that is cut off", '{"update_id": 1, "message": {"text": "hi"'],
    ["a JSON array", "[1,2,3]"],
    ["JSON null", "null"],
    ["no update_id", '{"message":{"text":"hi"}}'],
    ["update_id as a string", '{"update_id":"7","message":{"text":"hi"}}'],
    ["an empty body", ""],
    ["bytes that are not UTF-8", Buffer.from([0xff, 0xfe, 0x00, 0x7b])],
  ])("%s → 400", async (_name, body) => {
    const answer = await post(HOOK_PATH, body, withSecret());
    expect(answer.status).toBe(400);
    expect(answer.body).not.toMatch(/at \w+ \(|node_modules|\/work\//);
  });

  it("the same update_id delivered twice is handled once", async () => {
    const chatId = 41_500;
    const update = JSON.stringify(privateUpdate(chatId));
    const [a, b] = await Promise.all([
      post(HOOK_PATH, update, withSecret()),
      post(HOOK_PATH, update, withSecret()),
    ]);
    expect([a?.status, b?.status]).toEqual([200, 200]);
    const c = await post(HOOK_PATH, update, withSecret());
    expect(c.status).toBe(200);
    await barrier();
    expect(sentTo(chatId)).toHaveLength(1);
  });

  it("an update type the bot does not know → 200 and silence", async () => {
    const answer = await post(
      HOOK_PATH,
      JSON.stringify({
        update_id: nextUpdateId++,
        future_update_type: { chat: { id: 41_600, type: "private" } },
      }),
      withSecret(),
    );
    expect(answer.status).toBe(200);
    await barrier();
    expect(sentTo(41_600)).toEqual([]);
  });

  it("other paths and methods get 404/405 without details", async () => {
    expect((await post("/", "{}", withSecret())).status).toBe(404);
    expect((await post(`${HOOK_PATH}/../other`, "{}", withSecret())).status).toBe(404);
    const get = await post(HOOK_PATH, "", withSecret(), { method: "GET" });
    expect(get.status).toBe(405);
  });

  it("/healthz answers without anything secret", async () => {
    const health = await post("/healthz", "", {}, { method: "GET" });
    expect(health.status).toBe(200);
    expect(health.body.length).toBeLessThan(200);
    for (const secret of [
      FAKE_TOKEN,
      FAKE_TOKEN_SECRET_PART,
      FAKE_WEBHOOK_SECRET,
      HOOK_PATH,
      "bot.example.org",
    ]) {
      expect(health.body).not.toContain(secret);
    }
  });

  it("afterwards: still running, no secret in its output", () => {
    expect(t.bot.child.exitCode).toBeNull();
    expect(t.bot.stderrText).not.toMatch(/unhandled|uncaught/i);
    expect(
      findSecret(t.bot.output(), [FAKE_TOKEN, FAKE_TOKEN_SECRET_PART, FAKE_WEBHOOK_SECRET]),
    ).toBeUndefined();
  });
});

describe("webhook mode without WEBHOOK_SECRET", () => {
  it("refuses to start, names the variable, shows no value", async () => {
    const world = await TelegramWorld.start(FAKE_TOKEN);
    try {
      const bot = startCapturedBot("webhook-no-secret", {
        env: {
          ...baseEnv(world.apiRoot, "/nonexistent-dir"),
          BOT_MODE: "webhook",
          WEBHOOK_URL: `https://bot.example.org${HOOK_PATH}`,
          HOST: "127.0.0.1",
          PORT: String(await freePort()),
        },
      });
      const exit = await bot.waitForExit(30_000);
      expect(exit.code).not.toBe(0);
      expect(bot.output()).toContain("WEBHOOK_SECRET");
      expect(findSecret(bot.output(), [FAKE_TOKEN, FAKE_TOKEN_SECRET_PART])).toBeUndefined();
      // It stopped before talking to Telegram at all.
      expect(world.shim.calls).toEqual([]);
    } finally {
      await world.close();
    }
  }, 60_000);
});
