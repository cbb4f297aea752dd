// The real bot process in webhook mode. The emulator sends no secret header, so the test plays
// Telegram's part itself: it POSTs updates to the bot's server on 127.0.0.1 with (or without) the
// secret, and reads the replies from the emulator as before.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/bot/send.ts";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { type BotProcess, killAllBots, startBot } from "./support/bot-process.ts";
import { TelegramWorld } from "./support/emulator.ts";
import { freePort } from "./support/free-port.ts";

const TOKEN = "7000002:e2e-webhook-token_ABCdefGHIjklMNOpqr";
const SECRET = "e2e_webhook-SECRET_value";
const PATH = "/telegram/e2e-hook";

let world: TelegramWorld;
let bot: BotProcess;
let kb: KnowledgeBase;
let port: number;
let nextUpdateId = 5000;

async function post(
  body: string,
  headers: Record<string, string> = { "x-telegram-bot-api-secret-token": SECRET },
  path = PATH,
): Promise<{ status: number; text: string }> {
  const response = await fetch(`http://127.0.0.1:${port}${path}`, {
    method: "POST",
    headers: { "content-type": "application/json", ...headers },
    body,
  });
  return { status: response.status, text: await response.text() };
}

function messageUpdate(chatId: number, text: string): Update {
  const now = Math.floor(Date.now() / 1000);
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: nextUpdateId,
      date: now,
      chat: { id: chatId, type: "private", first_name: "Webhook" },
      from: { id: chatId, is_bot: false, first_name: "Webhook", language_code: "en" },
      text,
      ...(text.startsWith("/")
        ? { entities: [{ type: "bot_command", offset: 0, length: text.split(" ")[0]?.length ?? 1 }] }
        : {}),
    },
  } as Update;
}

function citedQuestion(): { text: string; link: string } {
  const answer = kb.answers.find((a) => a.footnotes.length > 0 && a.questions.en?.length);
  const url = kb.footnoteByNumber.get(answer?.footnotes[0] ?? 0)?.url ?? "?";
  return { text: answer?.questions.en?.[0] ?? "?", link: `href="${escapeHtml(url)}"` };
}

beforeAll(async () => {
  kb = loadKnowledgeBase();
  world = await TelegramWorld.start(TOKEN);
  port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "e2e-webhook-"));
  bot = startBot({
    env: {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: world.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `https://127.0.0.1:${port}${PATH}`,
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      MAX_WEBHOOK_BODY_BYTES: "65536",
      DATABASE_PATH: join(dir, "bot.sqlite"),
    },
  });
  await bot.waitForLog((line) => line.msg === "webhook registered", 45_000);
}, 60_000);

afterAll(async () => {
  await killAllBots();
  await world?.close();
});

describe("webhook mode", () => {
  it("registers the webhook with its secret and the update types it handles", () => {
    const call = world.shim.callsTo("setWebhook").at(-1);
    expect(call?.payload.url).toBe(`https://127.0.0.1:${port}${PATH}`);
    expect(call?.payload.secret_token).toBe(SECRET);
    expect(call?.payload.allowed_updates).toEqual(
      expect.arrayContaining(["message", "callback_query", "inline_query", "channel_post"]),
    );
  });

  it("answers /healthz with nothing secret in it", async () => {
    const response = await fetch(`http://127.0.0.1:${port}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true, storage: "ok", queuedWrites: 0, failedWrites: 0 });
  });

  it("refuses updates without the right secret (401) and answers nobody", async () => {
    const chat = world.privateChat(401);
    const q = citedQuestion();
    expect((await post(JSON.stringify(messageUpdate(401, q.text)), {})).status).toBe(401);
    expect(
      (await post(JSON.stringify(messageUpdate(401, q.text)), { "x-telegram-bot-api-secret-token": "guess" }))
        .status,
    ).toBe(401);
    // The bot answers before it acknowledges, so this proves the two above were not handled.
    expect((await post(JSON.stringify(messageUpdate(401, q.text)))).status).toBe(200);
    expect(chat.history()).toHaveLength(1);
  });

  it("answers a question with its citation", async () => {
    const chat = world.privateChat(402);
    const q = citedQuestion();
    expect((await post(JSON.stringify(messageUpdate(402, q.text)))).status).toBe(200);
    const reply = await chat.reply();
    expect(reply.text).toContain(q.link);
  });

  it("handles an update delivered twice only once", async () => {
    const chat = world.privateChat(403);
    const update = JSON.stringify(messageUpdate(403, "/sources"));
    expect((await post(update)).status).toBe(200);
    expect((await post(update)).status).toBe(200);
    expect(chat.history()).toHaveLength(1);
  });

  it("presses a button through the webhook", async () => {
    const chat = world.privateChat(404);
    await post(JSON.stringify(messageUpdate(404, "/start")));
    const greeting = await chat.reply();
    const data = greeting.buttons[0]?.[0]?.callback_data ?? "";
    const press = {
      update_id: nextUpdateId++,
      callback_query: {
        id: "cb-404",
        chat_instance: "ci-404",
        from: { id: 404, is_bot: false, first_name: "Webhook", language_code: "en" },
        data,
        message: {
          message_id: greeting.messageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: 404, type: "private", first_name: "Webhook" },
          from: world.shim.me,
          text: greeting.text,
        },
      },
    };
    expect((await post(JSON.stringify(press))).status).toBe(200);
    expect(
      world.shim.callsTo("answerCallbackQuery").some((c) => c.payload.callback_query_id === "cb-404"),
    ).toBe(true);
    expect((await chat.reply()).text).toContain("href=");
  });

  it("refuses oversized bodies (413) and malformed JSON (400)", async () => {
    expect((await post(JSON.stringify(messageUpdate(405, "x".repeat(70_000))))).status).toBe(413);
    expect((await post("{oops")).status).toBe(400);
    expect(world.privateChat(405).history()).toHaveLength(0);
  });

  it("sent nothing Telegram would refuse and logged no secret", () => {
    expect(world.shim.rejectedCalls()).toEqual([]);
    expect(bot.output()).not.toContain(TOKEN.split(":")[1]);
    expect(bot.output()).not.toContain(SECRET);
  });

  it("stops on SIGTERM with exit code 0", async () => {
    const exit = await bot.stop("SIGTERM");
    expect(exit).toMatchObject({ code: 0, signal: null });
  });
});
