// Simulated users for load runs: private chats and groups sending known questions through the
// emulator, and a tally of the bot's replies as the shim records them (which question each answers,
// how long it took, whether any chat got a reply twice, none, or out of order). Bounded in count and
// time; used by the reduced load test and by `npm run bench:load`.
import { readFileSync } from "node:fs";
import type { TelegramWorld, TestChat } from "../../e2e/support/emulator.ts";
import type { RecordedCall } from "../../e2e/support/shim.ts";
import { type KnownQuestion, whichQuestion } from "./questions.ts";

export interface LoadPlan {
  /** Distinct people; one per private chat, the rest spread over the groups. */
  users: number;
  chats: number;
  /** How many of the chats are supergroups. */
  groups: number;
  questions: number;
  /** Sending pace; undefined sends as fast as the emulator takes them. */
  ratePerSecond?: number;
  /** Chat ids start here, so runs against one world do not mix. */
  firstChatId: number;
  seed?: number;
  /** Called every `every` replies (e.g. to sample the bot's memory while it works). */
  progress?: { every: number; call: (replied: number) => void };
}

export interface LoadResult {
  sent: number;
  replied: number;
  /** First question sent → last reply recorded. */
  durationMs: number;
  sendMs: number;
  repliesPerSecond: number;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  missing: number;
  duplicates: number;
  outOfOrder: number;
  wrongAnswer: number;
  rejected: number;
}

interface Asked {
  chatId: number;
  messageId: number;
  answerId: string;
  sentAt: number;
  repliedAt?: number;
}

/** Small seeded PRNG (mulberry32): the same plan sends the same questions. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return (
    sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? Number.NaN
  );
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** Resident memory of a process in MB, from /proc (Linux). */
export function rssMb(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const status = readFileSync(`/proc/${pid}/status`, "utf8");
    const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1]);
    return kb / 1024;
  } catch {
    return Number.NaN;
  }
}

/** CPU seconds (user + system) a process has used, from /proc (Linux). */
export function cpuSeconds(pid: number | undefined): number {
  if (pid === undefined) return Number.NaN;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]?.split(" ") ?? [];
    // utime and stime are fields 14 and 15 of the line; counted after "pid (comm) " they are 11 and 12.
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return Number.NaN;
  }
}

export async function runLoad(
  world: TelegramWorld,
  known: readonly KnownQuestion[],
  plan: LoadPlan,
  timeoutMs: number,
): Promise<LoadResult> {
  const rand = random(plan.seed ?? 42);
  const privateCount = plan.chats - plan.groups;
  const members = new Map<number, TestChat[]>();
  let userId = plan.firstChatId;
  for (let i = 0; i < privateCount; i++) {
    const id = plan.firstChatId + i;
    members.set(id, [world.privateChat(id, { languageCode: "en" })]);
    userId = id + 1;
  }
  const groupUsers = Math.max(plan.groups, plan.users - privateCount);
  for (let g = 0; g < plan.groups; g++) {
    const chatId = -(1_000_000_000 + plan.firstChatId + g);
    const chats: TestChat[] = [];
    for (let u = g; u < groupUsers; u += plan.groups)
      chats.push(world.group(chatId, userId + u, { languageCode: "en" }));
    members.set(chatId, chats);
  }
  const chatIds = [...members.keys()];

  const asked: Asked[] = [];
  const pending = new Map<number, Asked[]>(chatIds.map((id) => [id, []]));
  const replies = new Map<number, number>();
  let replied = 0;
  let duplicates = 0;
  let outOfOrder = 0;
  let wrongAnswer = 0;
  let rejected = 0;
  let lastReplyAt = 0;

  const onCall = (call: RecordedCall) => {
    if (call.method !== "sendMessage") return;
    const chatId = Number(call.payload.chat_id);
    const queue = pending.get(chatId);
    if (!queue) return;
    if (call.status !== 200) {
      rejected++;
      return;
    }
    replies.set(chatId, (replies.get(chatId) ?? 0) + 1);
    const replyTo = (call.payload.reply_parameters as { message_id?: number } | undefined)?.message_id;
    // Groups: the reply names its question. Private chats: replies come in the order asked.
    let index = replyTo !== undefined ? queue.findIndex((a) => a.messageId === replyTo) : 0;
    // A reply faster than our bookkeeping: its question's message id is not noted yet.
    if (index < 0) index = queue.findIndex((a) => a.messageId === 0);
    const question = queue[index];
    if (!question) {
      duplicates++;
      return;
    }
    if (index > 0) outOfOrder++;
    queue.splice(index, 1);
    if (whichQuestion(known, String(call.payload.text))?.answerId !== question.answerId) wrongAnswer++;
    question.repliedAt = call.at;
    replied++;
    lastReplyAt = call.at;
    if (plan.progress && replied % plan.progress.every === 0) plan.progress.call(replied);
  };
  world.shim.on("call", onCall);

  const started = Date.now();
  try {
    for (let i = 0; i < plan.questions; i++) {
      if (plan.ratePerSecond) {
        const due = started + (i * 1000) / plan.ratePerSecond;
        if (due > Date.now()) await sleep(due - Date.now());
      }
      const chatId = chatIds[i % chatIds.length] as number;
      const people = members.get(chatId) ?? [];
      const person = people[Math.floor(rand() * people.length)] as TestChat;
      const k = known[Math.floor(rand() * known.length)] as KnownQuestion;
      const text =
        chatId > 0 ? k.question : rand() < 0.5 ? `/ask ${k.question}` : `@${world.botUsername} ${k.question}`;
      const entry: Asked = { chatId, messageId: 0, answerId: k.answerId, sentAt: Date.now() };
      // Registered before sending: a fast reply must find it.
      pending.get(chatId)?.push(entry);
      asked.push(entry);
      entry.messageId = (await person.say(text)).messageId;
    }
    const sendMs = Date.now() - started;
    const deadline = Date.now() + timeoutMs;
    while (replied < asked.length && Date.now() < deadline) await sleep(20);
    // A short grace period in which a duplicate would show up.
    await sleep(300);
    const latencies = asked
      .filter((a) => a.repliedAt !== undefined)
      .map((a) => (a.repliedAt ?? 0) - a.sentAt)
      .sort((a, b) => a - b);
    const durationMs = (lastReplyAt || Date.now()) - started;
    return {
      sent: asked.length,
      replied,
      durationMs,
      sendMs,
      repliesPerSecond: (replied * 1000) / Math.max(1, durationMs),
      latencyMs: {
        p50: percentile(latencies, 50),
        p95: percentile(latencies, 95),
        p99: percentile(latencies, 99),
        max: latencies.at(-1) ?? Number.NaN,
      },
      missing: asked.length - replied,
      duplicates,
      outOfOrder,
      wrongAnswer,
      rejected,
    };
  } finally {
    world.shim.off("call", onCall);
  }
}
