// A database file that cannot be opened (issue 12, point 4), through the real process in webhook mode:
// the bot starts anyway, `/healthz` says storage is degraded (and how many writes were lost), the log
// says so, and questions are still answered.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../e2e/support/free-port.ts";
import {
  type BotUnderTest,
  isWebhookRegistered,
  privateMessageUpdate,
  startBotUnderTest,
  webhookEnv,
} from "./support/bot-under-test.ts";
import { FAKE_WEBHOOK_SECRET } from "./support/captured-bot.ts";
import { distinctQuestions, type KnownQuestion, whichQuestion } from "./support/questions.ts";

const HOOK_PATH = "/tg/hook-degraded";
let t: BotUnderTest;
let port: number;
let corruptDir: string;
let known: KnownQuestion[];

beforeAll(async () => {
  known = distinctQuestions();
  port = await freePort();
  corruptDir = mkdtempSync(join(tmpdir(), "kg-corrupt-db-"));
  const dbPath = join(corruptDir, "bot.sqlite");
  // Not a SQLite file: opening it fails with SQLITE_NOTADB.
  writeFileSync(dbPath, "this is not a database\n".repeat(400));
  t = await startBotUnderTest(
    "degraded-storage",
    { ...webhookEnv(port, HOOK_PATH), DATABASE_PATH: dbPath },
    { waitFor: isWebhookRegistered },
  );
}, 60_000);

afterAll(async () => {
  await t?.close();
  if (corruptDir) rmSync(corruptDir, { recursive: true, force: true });
});

const base = () => `http://127.0.0.1:${port}`;

async function health(): Promise<Record<string, unknown>> {
  const res = await fetch(`${base()}/healthz`, { signal: AbortSignal.timeout(30_000) });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>;
}

let nextUpdateId = 9_000;
async function ask(chatId: number, text: string): Promise<void> {
  const updateId = nextUpdateId++;
  const res = await fetch(`${base()}${HOOK_PATH}`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": FAKE_WEBHOOK_SECRET },
    body: JSON.stringify(privateMessageUpdate(updateId, chatId, text)),
    signal: AbortSignal.timeout(30_000),
  });
  expect(res.status).toBe(200);
}

describe("a database that cannot be opened, webhook mode", () => {
  it("/healthz says storage is degraded, the log says why, and questions are still answered", async () => {
    const before = await health();
    expect(before).toMatchObject({ ok: true, storage: "degraded" });
    const logged = t.bot.logs().find((l) => l.level >= 50 && /stor|database/i.test(l.msg));
    expect(logged, "an error line about storage").toBeDefined();

    for (let i = 0; i < 5; i++) {
      const k = known[i] as KnownQuestion;
      const chatId = 66_000 + i;
      await ask(chatId, k.question);
      const sent = await t.world.shim.waitForCall(
        (c) => c.method === "sendMessage" && c.status === 200 && String(c.payload.chat_id) === String(chatId),
        30_000,
      );
      expect(whichQuestion(known, String(sent.payload.text))?.answerId).toBe(k.answerId);
    }
    expect(await health()).toMatchObject({ ok: true, storage: "degraded" });
    expect(t.bot.child.exitCode).toBeNull();
  }, 120_000);
});
