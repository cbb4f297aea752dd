// `npm run bench:load`: load figures for the bot, printed, never asserted.
//  1. In process: the bot's own handling (grammY + engine + SQLite store + logging) through
//     bot.handleUpdate with a recording transformer instead of HTTP: updates/s and per-update time,
//     then 20,000 updates with heap and RSS sampled along the way.
//  2. Through the emulator (telegram-test-api + shim on 127.0.0.1) to the real bot process: a paced
//     run at 100 questions/s for reply latency, a burst of 5,000 questions from 200 people in 50 chats
//     (private and groups), then 20,000 questions with the bot's RSS sampled; every question must get
//     exactly one reply, its own, in order per chat. CPU seconds of the bot and of this process (the
//     emulator and the simulated users) show which side is the bottleneck.
//  3. The floor (floor-bench.ts): the project against a bare grammY bot, rounds interleaved, as ratios.
//  4. A flooded group (Telegram's real pace, enforced by the shim with 429s): 100 questions at once in
//     one group while five private chats keep asking: private-chat latency, sends per second per chat,
//     429s, then SIGTERM (exit code, time, questions kept for the next start). Then a broken database
//     (a corrupt file): 5,000 declined questions, the bot's RSS before and after.
// Options: --quick (a tenth of the counts); --phases=inprocess,paced,burst,soak,floor,flood (default: all);
// --rounds=N for the floor (default 5).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import type { Transformer } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";
import { createBot } from "../../src/bot/index.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createEngine } from "../../src/engine/index.ts";
import { createLogger } from "../../src/logger.ts";
import { makeHasher, openSqliteStore } from "../../src/storage/index.ts";
import {
  cpuSeconds,
  type LoadResult,
  percentile,
  rssMb,
  runLoad,
} from "../reliability/support/load-driver.ts";
import { distinctQuestions } from "../reliability/support/questions.ts";
import { type FloorVerdict, floorComparison } from "./floor-bench.ts";
import { startBot } from "./support/bot-process.ts";
import { TelegramWorld } from "./support/emulator.ts";
import { DEFAULT_TEST_BOT } from "./support/shim.ts";

const args = new Set(process.argv.slice(2));
const scale = args.has("--quick") ? 0.1 : 1;
const phaseArg = [...args].find((a) => a.startsWith("--phases="))?.slice("--phases=".length);
const phases = new Set((phaseArg ?? "inprocess,paced,burst,soak,floor,flood").split(","));
const rounds = Number([...args].find((a) => a.startsWith("--rounds="))?.slice("--rounds=".length) ?? 5);
const n = (count: number) => Math.max(10, Math.round(count * scale));
const TOKEN = "5550004321:AAHloadBENCHfakeToken_notARealOne-12345";

setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

const mb = (bytes: number) => (bytes / 1048576).toFixed(1);
const ms = (value: number) => (Number.isFinite(value) ? value.toFixed(1) : "n/a");

function line(text = ""): void {
  process.stdout.write(`${text}\n`);
}

// ---------- 1. in process ----------

async function inProcess(): Promise<void> {
  const kb = loadKnowledgeBase();
  const engine = createEngine(kb);
  const known = distinctQuestions();
  const dir = mkdtempSync(join(tmpdir(), "kg-bench-"));
  let logBytes = 0;
  const logger = createLogger("info", {
    secrets: [TOKEN],
    write: (l) => {
      logBytes += l.length;
    },
  });
  const store = openSqliteStore({ path: join(dir, "bench.sqlite"), retentionDays: 90, logger });
  const bot = createBot(TOKEN, {
    kb,
    engine,
    logger,
    store,
    hash: makeHasher("bench-privacy-secret-0123456789"),
    adminIds: [],
    retentionDays: 90,
    botInfo: DEFAULT_TEST_BOT as UserFromGetMe,
  });
  let sent = 0;
  let messageId = 1;
  // No HTTP: every call succeeds at once, as a Message for sends.
  const record: Transformer = async (_prev, method, payload) => {
    sent++;
    const p = payload as { chat_id?: number; text?: string };
    const result =
      method === "sendMessage"
        ? { message_id: messageId++, date: 0, chat: { id: p.chat_id, type: "private" }, text: p.text }
        : true;
    return { ok: true, result } as never;
  };
  bot.api.config.use(record);
  await bot.init();

  let updateId = 1;
  const update = (i: number): Update => {
    const k = known[i % known.length];
    const chat = 1000 + (i % 50);
    const isGroup = i % 5 === 0;
    return {
      update_id: updateId++,
      message: {
        message_id: i + 1,
        date: Math.floor(Date.now() / 1000),
        chat: isGroup
          ? { id: -chat, type: "supergroup", title: "G" }
          : { id: chat, type: "private", first_name: "A" },
        from: { id: chat, is_bot: false, first_name: "A", language_code: "en" },
        text: isGroup ? `/ask ${k?.question}` : (k?.question ?? ""),
        ...(isGroup ? { entities: [{ type: "bot_command", offset: 0, length: 4 }] } : {}),
      },
    } as Update;
  };

  // Warm-up: JIT and caches, not measured.
  for (let i = 0; i < 200; i++) await bot.handleUpdate(update(i));

  const count = n(5000);
  const times: number[] = [];
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  for (let i = 0; i < count; i++) {
    const s = performance.now();
    await bot.handleUpdate(update(i));
    times.push(performance.now() - s);
  }
  const elapsed = performance.now() - t0;
  const cpu = process.cpuUsage(cpu0);
  times.sort((a, b) => a - b);
  line("## 1. In process: the bot's own handling (grammY + engine + SQLite store + logs), no HTTP");
  line(`updates handled one after another: ${count}`);
  line(
    `throughput:                        ${((count * 1000) / elapsed).toFixed(0)} updates/s (target ≥ 1,000)`,
  );
  line(
    `time per update:                   p50 ${ms(percentile(times, 50))} ms, p99 ${ms(percentile(times, 99))} ms, max ${ms(times.at(-1) ?? Number.NaN)} ms`,
  );
  line(
    `CPU per update:                    ${((cpu.user + cpu.system) / 1000 / count).toFixed(2)} ms → ≈ ${((count * 1e6) / (cpu.user + cpu.system)).toFixed(0)} updates/s on one free core`,
  );
  line(`Bot API calls made:                ${sent}`);

  // Concurrent, as the runner does it (different chats at once).
  const batch = 50;
  const t1 = performance.now();
  for (let i = 0; i < count; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, count - i) }, (_, j) => bot.handleUpdate(update(i + j))),
    );
  }
  const elapsedConcurrent = performance.now() - t1;
  line(`throughput, 50 at a time:          ${((count * 1000) / elapsedConcurrent).toFixed(0)} updates/s`);

  // Memory over many updates: heap after a full GC at intervals should not grow with the count.
  const soak = n(20_000);
  const every = soak / 10;
  const samples: string[] = [];
  gc();
  const baseHeap = process.memoryUsage().heapUsed;
  for (let i = 0; i < soak; i++) {
    await bot.handleUpdate(update(i));
    if ((i + 1) % every === 0) {
      gc();
      const m = process.memoryUsage();
      samples.push(`${i + 1}: heap ${mb(m.heapUsed)} MB, rss ${mb(m.rss)} MB`);
    }
  }
  gc();
  const growth = process.memoryUsage().heapUsed - baseHeap;
  line(`memory over ${soak} more updates (after GC):`);
  for (const s of samples) line(`  ${s}`);
  line(`heap growth: ${mb(growth)} MB in total, ${((growth / soak) * 1).toFixed(0)} bytes per update`);
  line(`log output: ${mb(logBytes)} MB of JSON lines`);
  store.close();
  rmSync(dir, { recursive: true, force: true });
}

// ---------- 2. through the emulator ----------

/** The bot's RSS once the soak's replies are all in (for the targets' summary). */
let soakRssMb: number | undefined;

function report(title: string, r: LoadResult): void {
  line(`### ${title}`);
  line(`questions sent:        ${r.sent} (sending took ${(r.sendMs / 1000).toFixed(1)} s)`);
  line(
    `replies:               ${r.replied}; missing ${r.missing}, duplicates ${r.duplicates}, out of order ${r.outOfOrder}, wrong answer ${r.wrongAnswer}, refused by the API ${r.rejected}`,
  );
  line(
    `throughput:            ${r.repliesPerSecond.toFixed(0)} replies/s over ${(r.durationMs / 1000).toFixed(1)} s`,
  );
  line(
    `reply latency:         p50 ${ms(r.latencyMs.p50)} ms, p95 ${ms(r.latencyMs.p95)} ms, p99 ${ms(r.latencyMs.p99)} ms, max ${ms(r.latencyMs.max)} ms`,
  );
}

async function throughEmulator(): Promise<void> {
  const known = distinctQuestions();
  const world = await TelegramWorld.start(TOKEN);
  const dir = mkdtempSync(join(tmpdir(), "kg-bench-"));
  const bot = startBot({
    env: {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: world.apiRoot,
      DATABASE_PATH: join(dir, "bot.sqlite"),
      PRIVACY_SECRET: "bench-privacy-secret-0123456789",
      LOG_LEVEL: "info",
    },
  });
  const pid = bot.child.pid;
  let peakRss = 0;
  const sampler = setInterval(() => {
    peakRss = Math.max(peakRss, rssMb(pid) || 0);
  }, 100);
  try {
    await bot.waitForLog((l) => l.msg === "long polling started", 60_000);
    line();
    line("## 2. Through the emulator (telegram-test-api + shim, 127.0.0.1) to the real bot process");
    line(`bot process RSS after start: ${rssMb(pid).toFixed(1)} MB`);

    const measure = async (title: string, run: () => Promise<LoadResult>) => {
      const botCpu = cpuSeconds(pid);
      const ownCpu = process.cpuUsage();
      const wall = Date.now();
      const result = await run();
      const wallS = (Date.now() - wall) / 1000;
      report(title, result);
      const botUsed = cpuSeconds(pid) - botCpu;
      const own = process.cpuUsage(ownCpu);
      const ownUsed = (own.user + own.system) / 1e6;
      line(
        `CPU used:              bot ${botUsed.toFixed(1)} s (${((botUsed / wallS) * 100).toFixed(0)}% of a core), emulator + simulated users ${ownUsed.toFixed(1)} s (${((ownUsed / wallS) * 100).toFixed(0)}%)`,
      );
      // CPU per reply does not depend on what else the machine is doing: it says which side limits.
      line(
        `CPU per reply:         bot ${((botUsed * 1000) / result.replied).toFixed(2)} ms, emulator + users ${((ownUsed * 1000) / result.replied).toFixed(2)} ms → ceilings ≈ ${(result.replied / botUsed).toFixed(0)} and ${(result.replied / ownUsed).toFixed(0)} replies/s per core`,
      );
      line(`bot RSS now:           ${rssMb(pid).toFixed(1)} MB (peak so far ${peakRss.toFixed(1)} MB)`);
      return result;
    };

    // Warm-up, not reported.
    await runLoad(world, known, { users: 10, chats: 10, groups: 2, questions: 100, firstChatId: 1 }, 30_000);

    if (phases.has("paced"))
      await measure(`paced: ${n(2000)} questions at 100/s, 50 chats`, () =>
        runLoad(
          world,
          known,
          { users: 200, chats: 50, groups: 20, questions: n(2000), ratePerSecond: 100, firstChatId: 10_000 },
          60_000,
        ),
      );
    if (phases.has("burst"))
      await measure(
        `burst: ${n(5000)} questions from 200 people in 50 chats (20 groups), as fast as they go`,
        () =>
          runLoad(
            world,
            known,
            { users: 200, chats: 50, groups: 20, questions: n(5000), firstChatId: 20_000 },
            120_000,
          ),
      );

    if (phases.has("soak")) {
      const soak = n(20_000);
      const rssSamples: string[] = [];
      await measure(`soak: ${soak} questions in one process, RSS sampled every ${soak / 10} replies`, () =>
        runLoad(
          world,
          known,
          {
            users: 200,
            chats: 50,
            groups: 20,
            questions: soak,
            firstChatId: 30_000,
            progress: {
              every: soak / 10,
              call: (sent) => rssSamples.push(`${sent}: ${rssMb(pid).toFixed(1)} MB`),
            },
          },
          300_000,
        ),
      );
      line(`bot RSS after n replies: ${rssSamples.join(", ")}`);
      soakRssMb = rssMb(pid);
    }
    line(`bot RSS peak over the whole run: ${peakRss.toFixed(1)} MB (target < 150 MB)`);
    const exit = await bot.stop("SIGTERM", 10_000);
    line(`SIGTERM after the run: exit code ${exit.code} in ${exit.ms} ms`);
  } finally {
    clearInterval(sampler);
    await bot.kill();
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------- 4. a flooded group, and a broken database ----------

const TELEGRAM_PACE = { chatIntervalMs: 1000, groupPerMinute: 20, totalPerSecond: 30 };

async function floodedGroup(): Promise<void> {
  const known = distinctQuestions();
  const world = await TelegramWorld.start(TOKEN);
  world.shim.sendLimits = TELEGRAM_PACE;
  const dir = mkdtempSync(join(tmpdir(), "kg-bench-flood-"));
  const env = {
    BOT_TOKEN: TOKEN,
    TELEGRAM_API_ROOT: world.apiRoot,
    DATABASE_PATH: join(dir, "bot.sqlite"),
    PRIVACY_SECRET: "bench-privacy-secret-0123456789",
    LOG_LEVEL: "info",
    SEND_CHAT_INTERVAL_MS: String(TELEGRAM_PACE.chatIntervalMs),
    SEND_GROUP_PER_MINUTE: String(TELEGRAM_PACE.groupPerMinute),
    SEND_TOTAL_PER_SECOND: String(TELEGRAM_PACE.totalPerSecond),
  };
  const bot = startBot({ env });
  try {
    await bot.waitForLog((l) => l.msg === "long polling started", 60_000);
    line();
    line(
      "## 4. A flooded group at Telegram's pace (1/s per chat, 20/min per group, 30/s; the shim answers 429 beyond)",
    );
    const group = world.group(-100_900, 900, { languageCode: "en" });
    const people = [1, 2, 3, 4, 5].map((i) => world.privateChat(90_000 + i, { languageCode: "en" }));
    const sends = (chatId: number) =>
      world.shim.calls.filter(
        (c) => c.method === "sendMessage" && c.status === 200 && String(c.payload.chat_id) === String(chatId),
      );
    const floodSize = 100;
    const windowMs = scale < 1 ? 15_000 : 45_000;
    const started = Date.now();
    for (let i = 0; i < floodSize; i++) await group.say(`/ask ${known[i % known.length]?.question}`);
    const latencies: number[] = [];
    // Each person asks every 2 s while the group floods; latency = question sent → reply at Telegram.
    for (let round = 0; Date.now() - started < windowMs && round < 100; round++) {
      await Promise.all(
        people.map(async (p, i) => {
          const before = sends(p.id).length;
          const asked = Date.now();
          await p.say(known[(round * 5 + i) % known.length]?.question ?? "");
          for (let wait = 0; wait < 500 && sends(p.id).length <= before; wait++)
            await new Promise((resolve) => setTimeout(resolve, 20));
          const reply = sends(p.id)[before];
          if (reply) latencies.push(reply.at - asked);
        }),
      );
      await new Promise((resolve) => setTimeout(resolve, 2000));
    }
    const elapsedS = (Date.now() - started) / 1000;
    const groupSends = sends(group.id).map((c) => c.at);
    const gaps = groupSends.slice(1).map((t, i) => t - (groupSends[i] as number));
    const busiestMinute = Math.max(
      0,
      ...groupSends.map((t) => groupSends.filter((u) => u >= t && u < t + 60_000).length),
    );
    const privateGaps = people.flatMap((p) => {
      const at = sends(p.id).map((c) => c.at);
      return at.slice(1).map((t, i) => t - (at[i] as number));
    });
    latencies.sort((a, b) => a - b);
    line(`window: ${elapsedS.toFixed(0)} s; ${floodSize} questions queued in one group at the start`);
    line(
      `private-chat latency while the group floods: p50 ${ms(percentile(latencies, 50))} ms, p95 ${ms(percentile(latencies, 95))} ms, max ${ms(latencies.at(-1) ?? Number.NaN)} ms (${latencies.length} questions)`,
    );
    line(
      `group: ${groupSends.length} answers in ${elapsedS.toFixed(0)} s = ${(groupSends.length / elapsedS).toFixed(2)} sends/s; busiest minute ${busiestMinute} (limit 20); shortest gap ${ms(Math.min(...gaps))} ms (limit 1000)`,
    );
    line(
      `private chats: shortest gap between two sends to one chat ${ms(Math.min(...privateGaps))} ms (limit 1000); 429 answers: ${world.shim.calls.filter((c) => c.status === 429).length}`,
    );
    const exit = await bot.stop("SIGTERM", 10_000);
    const kept = bot.logs().find((l) => l.msg === "updates not handled are kept for the next start");
    line(
      `SIGTERM mid-flood: exit code ${exit.code} in ${exit.ms} ms; ${String(kept?.waiting ?? 0)} group questions kept for the next start`,
    );
  } finally {
    await bot.kill();
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function brokenDatabase(): Promise<void> {
  const world = await TelegramWorld.start(TOKEN);
  const dir = mkdtempSync(join(tmpdir(), "kg-bench-broken-"));
  const path = join(dir, "bot.sqlite");
  writeFileSync(path, "not a database ".repeat(1000));
  const bot = startBot({
    env: {
      BOT_TOKEN: TOKEN,
      TELEGRAM_API_ROOT: world.apiRoot,
      DATABASE_PATH: path,
      PRIVACY_SECRET: "bench-privacy-secret-0123456789",
      LOG_LEVEL: "info",
    },
  });
  const pid = bot.child.pid;
  try {
    await bot.waitForLog((l) => l.msg === "long polling started", 60_000);
    line();
    line("## 4b. A broken database (corrupt file): the bounded in-memory stand-in");
    const degraded = bot.logs().some((l) => l.level >= 50 && /storage degraded/.test(l.msg));
    line(`logged as degraded at start: ${degraded ? "yes" : "NO"}`);
    const before = rssMb(pid);
    const count = n(5000);
    const chats = Array.from({ length: 20 }, (_, i) => world.privateChat(95_000 + i, { languageCode: "en" }));
    const replies = () =>
      world.shim.calls.filter((c) => c.method === "sendMessage" && c.status === 200).length;
    const start = replies();
    for (let i = 0; i < count; i++) {
      // Each a different off-topic question: every one is declined and its text kept.
      await (chats[i % chats.length] as (typeof chats)[number]).say(
        `how do I bake sourdough bread number ${i} at home?`,
      );
    }
    for (let wait = 0; wait < 3000 && replies() - start < count; wait++)
      await new Promise((resolve) => setTimeout(resolve, 20));
    line(
      `${count} declined questions: ${replies() - start} answered; bot RSS ${before.toFixed(1)} MB before, ${rssMb(pid).toFixed(1)} MB after (kept texts capped at 5,000)`,
    );
  } finally {
    await bot.kill();
    await world.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

line(`# bench:load ${scale < 1 ? "(quick: a tenth of the counts)" : ""}`);
const os = await import("node:os");
line(
  `node ${process.version}, ${os.cpus().length} cores, load average ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")} at start`,
);
line();
if (phases.has("inprocess")) await inProcess();
if (phases.has("paced") || phases.has("burst") || phases.has("soak")) await throughEmulator();
if (phases.has("flood")) {
  await floodedGroup();
  await brokenDatabase();
}
let verdicts: FloorVerdict[] = [];
if (phases.has("floor")) {
  const world = await TelegramWorld.start(TOKEN);
  try {
    verdicts = await floorComparison(world, TOKEN, distinctQuestions(), {
      rounds,
      paced: n(1000),
      burst: n(2000),
      print: line,
    });
  } finally {
    await world.close();
  }
}

// The targets in one place (run --phases=soak,floor for all five at once).
line();
line("## Targets (issue 11)");
for (const v of verdicts)
  line(`${v.label}: ${v.ratio.toFixed(2)}× the floor, target ≤ ${v.target}× → ${v.met ? "met" : "NOT met"}`);
if (soakRssMb !== undefined)
  line(
    `RSS after ${n(20_000)} replies: ${soakRssMb.toFixed(1)} MB, target < 150 MB → ${soakRssMb < 150 ? "met" : "NOT met"}`,
  );
line(
  `load average at the end: ${os
    .loadavg()
    .map((l) => l.toFixed(2))
    .join(" ")}`,
);
