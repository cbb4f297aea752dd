// `npm run bench:storage`: the storage figures for several instances, printed, never asserted.
//  1. Record and vote latency on SQLite and PostgreSQL (a throwaway 15 cluster started here): the call
//     on the reply path (recordQuestion only queues), the time until a question is committed, and a
//     vote's round trip (it resolves once committed).
//  2. The curators' report queries on 100,000 questions, on both.
//  3. Replies per second through webhooks: one instance, then two behind a round-robin proxy, on
//     one PostgreSQL, with the emulator playing Telegram.
// Options: --quick (a tenth of the counts).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import pg from "pg";
import { openPostgresStore } from "../../src/storage/postgres.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import type { QuestionEvent, Store } from "../../src/storage/store.ts";
import { percentile } from "../reliability/support/load-driver.ts";
import { distinctQuestions } from "../reliability/support/questions.ts";
import { startPostgres } from "../storage/support/postgres-cluster.ts";
import { type BotProcess, startBot } from "./support/bot-process.ts";
import { TelegramWorld } from "./support/emulator.ts";
import { freePort } from "./support/free-port.ts";
import { startRoundRobinProxy } from "./support/round-robin-proxy.ts";

const quick = process.argv.includes("--quick");
const scale = (n: number) => Math.max(10, Math.round(quick ? n / 10 : n));
const line = (text = "") => process.stdout.write(`${text}\n`);
const fmt = (ms: number) => (ms < 1 ? `${(ms * 1000).toFixed(0)} µs` : `${ms.toFixed(2)} ms`);
const quiet = { info() {}, warn() {}, error() {}, debug() {} };

function question(i: number, day: string): QuestionEvent {
  const declined = i % 10 < 3;
  return {
    normalized: declined ? `question number ${i % 5000} about something` : null,
    lang: ["en", "ru", "tr"][i % 3] as string,
    chatType: i % 4 === 0 ? "supergroup" : "private",
    groupKey: declined ? `group ${i % 2000}` : null,
    matchedId: declined ? null : `answer-${i % 60}`,
    score: declined ? 0.2 : 0.8,
    answered: !declined,
    day,
    ...(declined ? { declineReason: "weak" } : { runnerUpId: `answer-${(i + 1) % 60}`, runnerUpScore: 0.75 }),
  };
}

const dayOf = (i: number) => `2024-03-${String(1 + (i % 28)).padStart(2, "0")}`;

async function latencies(name: string, store: Store): Promise<void> {
  const calls: number[] = [];
  const commits: number[] = [];
  for (let i = 0; i < scale(2000); i++) {
    const started = performance.now();
    store.recordQuestion(question(i, "2024-03-10"));
    calls.push(performance.now() - started);
    if (i % 20 === 0) {
      await store.flush();
      commits.push(performance.now() - started);
    }
  }
  const votes: number[] = [];
  for (let i = 0; i < scale(1000); i++) {
    const started = performance.now();
    await store.recordVote({
      answerId: `answer-${i % 60}`,
      messageKey: `m${i}`,
      voterKey: `u${i % 300}`,
      vote: i % 3 === 0 ? -1 : 1,
      day: "2024-03-10",
    });
    votes.push(performance.now() - started);
  }
  for (const list of [calls, commits, votes]) list.sort((a, b) => a - b);
  line(
    `| ${name} | ${fmt(percentile(calls, 50))} / ${fmt(percentile(calls, 99))} | ${fmt(percentile(commits, 50))} / ${fmt(percentile(commits, 99))} | ${fmt(percentile(votes, 50))} / ${fmt(percentile(votes, 99))} |`,
  );
}

async function reportQueries(name: string, store: Store, count: number): Promise<void> {
  const fill = performance.now();
  for (let i = 0; i < count; i++) {
    store.recordQuestion(question(i, dayOf(i)));
    if (i % 5000 === 4999) await store.flush();
  }
  for (let i = 0; i < 3000; i++)
    await store.recordVote({
      answerId: `answer-${i % 60}`,
      messageKey: `r${i}`,
      voterKey: `v${i}`,
      vote: i % 4 === 0 ? -1 : 1,
      day: dayOf(i),
    });
  await store.flush();
  const filled = (performance.now() - fill) / 1000;
  const time = async (run: () => Promise<unknown>) => {
    await run();
    const started = performance.now();
    for (let i = 0; i < 5; i++) await run();
    return (performance.now() - started) / 5;
  };
  const [from, to] = ["2024-03-01", "2024-03-31"];
  const daily = await time(() => store.dailyCounts(from, to));
  const top = await time(() => store.topDeclined(from, to, 20));
  const worst = await time(() => store.worstFeedback(from, to, 20));
  const ties = await time(() => store.nearTies(from, to, 20));
  line(`| ${name} | ${filled.toFixed(1)} s | ${fmt(daily)} | ${fmt(top)} | ${fmt(worst)} | ${fmt(ties)} |`);
}

const TOKEN = "7000004:storage-bench-token_ABCdefGHIjklMNOpq";
const SECRET = "storage_bench-SECRET";
const PATH = "/telegram/hook";

async function repliesPerSecond(url: string, instancesCount: number, updates: number): Promise<string> {
  const world = await TelegramWorld.start(TOKEN);
  const dir = mkdtempSync(join(tmpdir(), "storage-bench-"));
  const bots: BotProcess[] = [];
  try {
    const ports: number[] = [];
    for (let i = 0; i < instancesCount; i++) {
      const port = await freePort();
      const bot = startBot({
        env: {
          BOT_TOKEN: TOKEN,
          TELEGRAM_API_ROOT: world.apiRoot,
          BOT_MODE: "webhook",
          WEBHOOK_URL: `https://127.0.0.1:1${PATH}`,
          WEBHOOK_SECRET: SECRET,
          HOST: "127.0.0.1",
          PORT: String(port),
          DATABASE_URL: url,
          DATABASE_PATH: join(dir, `${i}.sqlite`),
          PRIVACY_SECRET: "storage-bench-privacy-secret-012",
          LOG_LEVEL: "info",
        },
      });
      bots.push(bot);
      ports.push(port);
    }
    for (const bot of bots) await bot.waitForLog((l) => l.msg === "webhook registered", 60_000);
    const proxy = await startRoundRobinProxy(ports.map((port, i) => ({ name: String(i), port })));
    const known = distinctQuestions();
    const base = 7_000_000 + instancesCount * 100_000;
    const make = (i: number): Update =>
      ({
        update_id: base + i,
        message: {
          message_id: 1,
          date: Math.floor(Date.now() / 1000),
          chat: { id: base + i, type: "private", first_name: "B" },
          from: { id: base + i, is_bot: false, first_name: "B", language_code: "en" },
          text: known[i % known.length]?.question ?? "Who is Du Dewen?",
        },
      }) as Update;
    // Transactions the database committed per update (claims, marks, conversations, the write
    // queue's batches, heartbeats): the round trips an update costs, as the server counts them.
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const commits = async () => {
      // The server publishes its counters within a second or so of a transaction.
      await new Promise((resolve) => setTimeout(resolve, 2500));
      const row = await client.query<{ n: string }>(
        "SELECT xact_commit AS n FROM pg_stat_database WHERE datname = current_database()",
      );
      return Number(row.rows[0]?.n);
    };
    const commitsBefore = await commits();
    let next = 0;
    const started = performance.now();
    await Promise.all(
      Array.from({ length: 32 }, async () => {
        while (next < updates) {
          const i = next++;
          const response = await fetch(`http://127.0.0.1:${proxy.port}${PATH}`, {
            method: "POST",
            headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
            body: JSON.stringify(make(i)),
          });
          await response.text();
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const replies = world.shim.callsTo("sendMessage").filter((c) => c.status === 200).length;
    await proxy.close();
    const perUpdate = ((await commits()) - commitsBefore) / updates;
    await client.end();
    return `| ${instancesCount} | ${updates} | ${replies} | ${(replies / seconds).toFixed(0)} replies/s | ${perUpdate.toFixed(2)} |`;
  } finally {
    for (const bot of bots) await bot.stop("SIGTERM", 10_000).catch(() => bot.kill());
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

const cluster = await startPostgres();
const dir = mkdtempSync(join(tmpdir(), "storage-bench-"));
try {
  const os = await import("node:os");
  line(`# bench:storage ${quick ? "(quick)" : ""}`);
  line(
    `node ${process.version}, ${os.cpus().length} cores, load average ${os.loadavg()[0]?.toFixed(2)} at start`,
  );
  line();
  line("## Latency: p50 / p99");
  line("| store | recordQuestion call (reply path) | question committed (flush) | vote round trip |");
  line("|---|---|---|---|");
  const sqlite = openSqliteStore({ path: join(dir, "lat.sqlite"), retentionDays: 3650, logger: quiet });
  await latencies("SQLite", sqlite);
  await sqlite.close();
  const pgLatency = await openPostgresStore({
    url: await cluster.newDatabase("latency"),
    retentionDays: 3650,
    logger: quiet,
  });
  await latencies("PostgreSQL", pgLatency);
  await pgLatency.close();

  const count = scale(100_000);
  line();
  line(`## The curators' report on ${count.toLocaleString("en")} questions (mean of 5 runs)`);
  line("| store | filling | daily counts | top declined | worst feedback | near ties |");
  line("|---|---|---|---|---|---|");
  const now = () => new Date("2024-03-30T12:00:00Z");
  const sqliteReport = openSqliteStore({
    path: join(dir, "rep.sqlite"),
    retentionDays: 3650,
    logger: quiet,
    now,
  });
  await reportQueries("SQLite", sqliteReport, count);
  await sqliteReport.close();
  const pgReport = await openPostgresStore({
    url: await cluster.newDatabase("report"),
    retentionDays: 3650,
    logger: quiet,
    now,
  });
  await reportQueries("PostgreSQL", pgReport, count);
  await pgReport.close();

  line();
  line("## Replies per second through webhooks on one PostgreSQL (32 requests at a time)");
  line("| instances | updates | replies | throughput | transactions per update |");
  line("|---|---|---|---|---|");
  const url = await cluster.newDatabase("replies");
  line(await repliesPerSecond(url, 1, scale(2000)));
  line(await repliesPerSecond(url, 2, scale(2000)));
} finally {
  await cluster.stop();
  rmSync(dir, { recursive: true, force: true });
}
