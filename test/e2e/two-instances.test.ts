// Two webhook instances of the real bot behind a round-robin proxy on 127.0.0.1, sharing one real
// PostgreSQL server (started here in a temporary folder): a burst of updates of which a tenth are
// delivered again to the other instance is answered exactly once per update; with one instance
// killed in the middle of a burst, the proxy's retries reach the other and nothing is lost (nor
// doubled, but for a reply that was on its way to Telegram at the kill, which the survivor logs).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { distinctQuestions } from "../reliability/support/questions.ts";
import { type PostgresCluster, startPostgres } from "../storage/support/postgres-cluster.ts";
import { type BotProcess, killAllBots, startBot } from "./support/bot-process.ts";
import { TelegramWorld } from "./support/emulator.ts";
import { freePort } from "./support/free-port.ts";
import { type RoundRobinProxy, startRoundRobinProxy } from "./support/round-robin-proxy.ts";

const TOKEN = "7000003:two-instances-token_ABCdefGHIjklMNOp";
const SECRET = "two_instances-SECRET_value";
const PATH = "/telegram/hook";
const HEADERS = { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET };

let cluster: PostgresCluster;
let databaseUrl: string;
let world: TelegramWorld;
let proxy: RoundRobinProxy;
const instances = new Map<string, { bot: BotProcess; port: number }>();
const dataDir = mkdtempSync(join(tmpdir(), "two-instances-"));
const questions = distinctQuestions();
let nextUpdateId = 900_000;

async function startInstance(name: string): Promise<void> {
  const port = await freePort();
  const bot = startBot({
    env: {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: world.apiRoot,
      BOT_MODE: "webhook",
      WEBHOOK_URL: `https://127.0.0.1:${proxy?.port ?? 1}${PATH}`,
      WEBHOOK_SECRET: SECRET,
      HOST: "127.0.0.1",
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      // Never used with DATABASE_URL; set so a mistake would not touch the repository's data/.
      DATABASE_PATH: join(dataDir, `${name}.sqlite`),
      PRIVACY_SECRET: "two-instances-privacy-secret-0123",
      LOG_LEVEL: "info",
    },
  });
  await bot.waitForLog((line) => line.msg === "webhook registered", 60_000);
  instances.set(name, { bot, port });
}

function question(chatId: number, i: number): Update {
  const q = questions[i % questions.length];
  return {
    update_id: nextUpdateId++,
    message: {
      message_id: 1,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Load" },
      from: { id: chatId, is_bot: false, first_name: "Load", language_code: "en" },
      text: q?.question ?? "Who is Du Dewen?",
    },
  } as Update;
}

async function deliver(port: number, update: Update): Promise<number> {
  const response = await fetch(`http://127.0.0.1:${port}${PATH}`, {
    method: "POST",
    headers: HEADERS,
    body: JSON.stringify(update),
  });
  await response.text();
  return response.status;
}

/** Replies per chat among `chats`, once every chat has at least one (or the time is up). */
async function repliesPerChat(chats: number[], timeoutMs: number): Promise<Map<number, number>> {
  const wanted = new Set(chats);
  const deadline = Date.now() + timeoutMs;
  const count = () => {
    const per = new Map<number, number>();
    for (const call of world.shim.callsTo("sendMessage")) {
      const chat = Number(call.payload.chat_id);
      if (wanted.has(chat) && call.status === 200) per.set(chat, (per.get(chat) ?? 0) + 1);
    }
    return per;
  };
  while (count().size < wanted.size && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  // A short grace period in which a second reply would show up.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  return count();
}

/** Sends `updates` through the proxy, at most `concurrency` at once; `after(i)` runs as each is handed over. */
async function burst(updates: Update[], concurrency: number, after?: (i: number, u: Update) => void) {
  let next = 0;
  const statuses: number[] = [];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < updates.length) {
        const i = next++;
        const update = updates[i] as Update;
        const sent = deliver(proxy.port, update);
        after?.(i, update);
        statuses.push(await sent);
      }
    }),
  );
  return statuses;
}

function exactlyOnce(chats: number[], replies: Map<number, number>) {
  const missing = chats.filter((c) => !replies.has(c));
  const doubled = chats.filter((c) => (replies.get(c) ?? 0) > 1);
  return { missing: missing.length, doubled: doubled.length };
}

beforeAll(async () => {
  cluster = await startPostgres();
  databaseUrl = await cluster.newDatabase("two_instances");
  world = await TelegramWorld.start(TOKEN);
  const ports = { a: 0, b: 0 };
  // The proxy needs the instances' ports and the instances the proxy's (for WEBHOOK_URL): the
  // registered URL is not used here (the test plays Telegram), so any port does for it.
  await startInstance("a");
  await startInstance("b");
  ports.a = instances.get("a")?.port ?? 0;
  ports.b = instances.get("b")?.port ?? 0;
  proxy = await startRoundRobinProxy([
    { name: "a", port: ports.a },
    { name: "b", port: ports.b },
  ]);
}, 180_000);

afterAll(async () => {
  await killAllBots();
  await proxy?.close();
  await world?.close();
  await cluster?.stop();
  rmSync(dataDir, { recursive: true, force: true });
});

describe("two webhook instances on one PostgreSQL", () => {
  it("answers each of 1,000 updates exactly once, a tenth of them delivered again to the other instance", async () => {
    const chats = Array.from({ length: 1000 }, (_, i) => 5_000_000 + i);
    const updates = chats.map((chat, i) => question(chat, i));
    const redeliveries: Promise<number>[] = [];
    const statuses = await burst(updates, 16, (i, update) => {
      if (i % 10 !== 0) return;
      // Telegram redelivers when it saw no answer in time: here at once, to the other instance,
      // while the first may still be working on it.
      redeliveries.push(
        (async () => {
          await new Promise((resolve) => setTimeout(resolve, i % 20 === 0 ? 0 : 30));
          const first = proxy.servedBy.get(update.update_id);
          const other = instances.get(first === "a" ? "b" : "a");
          return deliver(other?.port ?? 0, update);
        })(),
      );
    });
    const again = await Promise.all(redeliveries);
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(again.filter((s) => s !== 200)).toEqual([]);
    expect(redeliveries).toHaveLength(100);
    const replies = await repliesPerChat(chats, 120_000);
    expect(exactlyOnce(chats, replies)).toEqual({ missing: 0, doubled: 0 });

    // Counted once cluster-wide too: the question log holds 1,000 questions, not 1,100.
    const client = new pg.Client({ connectionString: databaseUrl });
    await client.connect();
    try {
      for (const { bot } of instances.values()) expect(bot.child.exitCode).toBeNull();
      const deadline = Date.now() + 10_000;
      let counted = 0;
      while (Date.now() < deadline) {
        const row = await client.query<{ n: string }>(
          "SELECT COALESCE(SUM(count), 0) AS n FROM question_counts",
        );
        counted = Number(row.rows[0]?.n);
        if (counted >= 1000) break;
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
      expect(counted).toBe(1000);
    } finally {
      await client.end();
    }
  }, 240_000);

  it("loses nothing when an instance is killed mid-burst; answers twice only a reply that was on its way, and logs it", async () => {
    const chats = Array.from({ length: 400 }, (_, i) => 6_000_000 + i);
    const updates = chats.map((chat, i) => question(chat, i));
    const retriesBefore = proxy.retries;
    const statuses = await burst(updates, 16, (i) => {
      if (i === 150) instances.get("a")?.bot.child.kill("SIGKILL");
    });
    expect(statuses.filter((s) => s !== 200)).toEqual([]);
    expect(proxy.retries).toBeGreaterThan(retriesBefore);
    const replies = await repliesPerChat(chats, 120_000);
    // Nothing lost. Nothing doubled either, except where the killed instance's reply was on its way
    // at the kill: Telegram cannot be asked whether it arrived, so the survivor answers again, and
    // says so in its log. The test knows which those were: each double must be one of them.
    const mayDouble = new Set(
      [...instances.values()].flatMap(({ bot }) =>
        bot
          .logs()
          .filter((line) => String(line.msg).includes("may be answered twice"))
          .map((line) => Number(line.updateId)),
      ),
    );
    const doubled = chats.filter((c) => (replies.get(c) ?? 0) > 1);
    const unexplained = doubled.filter((c) => !mayDouble.has(updates[chats.indexOf(c)]?.update_id ?? 0));
    expect({ ...exactlyOnce(chats, replies), unexplained }).toEqual({
      missing: 0,
      doubled: doubled.length,
      unexplained: [],
    });
    // How many were on their way at the kill (the time a request takes to reach Telegram and come
    // back: 0–4 of the ~16 in flight seen at load 15–20); printed, not bounded, as it depends on load.
    console.log(JSON.stringify({ killedMidReply: mayDouble.size, doubled: doubled.length }));
  }, 240_000);
});
