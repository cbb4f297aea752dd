// The Store on a PostgreSQL server (node-postgres), for several bot instances sharing one database
// (`DATABASE_URL=postgres://…`). The same contract as the SQLite store (store.ts): writes wait in the
// shared write queue and go to the server in batches, one transaction of a few multi-row statements
// each, never on the reply path; the chat languages are read from memory, loaded at open and kept
// current across instances by LISTEN/NOTIFY; the curators' reads flush first. What instances must
// agree on lives in the database: question counts (a redelivered update counted once), votes (one
// per voter per answer, decided by one atomic upsert), and webhook update claims (`claims`: a
// delivery handled by any instance is not handled again, remembered for a day).

import { randomUUID } from "node:crypto";
import pg from "pg";
import {
  CONVERSATION_TTL_MS,
  type Conversation,
  type ConversationMemory,
  MAX_ANSWERS,
} from "../bot/memory.ts";
import { LANGS, type Lang } from "../content/langs.ts";
import type { ClaimOutcome, UpdateClaims } from "../transports/update-claims.ts";
import { describeError, type StoreLogger, stderrLogger, writeFailureReport } from "./log.ts";
import { migratePostgres, POSTGRES_LATEST_VERSION } from "./postgres-schema.ts";
import {
  assertRetentionDays,
  DEFAULT_NEAR_TIE_GAP,
  daysBefore,
  fillDays,
  groupingKey,
  keptText,
  nearTieOf,
  retentionCutoff,
} from "./rules.ts";
import type {
  DeclinedGroup,
  FeedbackRow,
  MetaStore,
  NearTiePair,
  QuestionEvent,
  Store,
  StoreReads,
  VoteEvent,
  VoteResult,
} from "./store.ts";
import {
  createWriteQueue,
  type QueuedWrite,
  queuedHealth,
  queuedStoreWrites,
  type StoreWrite,
  type WriteQueueOptions,
} from "./write-queue.ts";

export interface PostgresStoreOptions {
  /** postgres://user:password@host:port/database */
  url: string;
  retentionDays: number;
  logger?: StoreLogger;
  now?: () => Date;
  nearTieGap?: number;
  /** How long a follow-up conversation is remembered (CONVERSATION_SECONDS). */
  conversationTtlMs?: number;
  /** Connections in the pool (writes use one at a time; reads and claims the rest). */
  poolSize?: number;
  queue?: Partial<
    Pick<WriteQueueOptions<QueuedWrite>, "maxQueued" | "batchSize" | "delayMs" | "maxAttempts">
  >;
}

export type PostgresStore = Store &
  MetaStore & {
    /** Webhook deliveries claimed across instances (see claims()). */
    readonly claims: UpdateClaims;
    readonly persistent: true;
    /** The follow-up memory in the database: reads ask it, writes go through the write queue. */
    readonly conversations: ConversationMemory;
    purgeExpired(): Promise<number>;
  };

type Write = StoreWrite | (QueuedWrite & { kind: "conversation"; key: string; conversation: Conversation });

const DAY_MS = 86_400_000;
const COUNTED_UPDATE_DAYS = 2;
const CHAT_LANG_CHANNEL = "kg_chat_lang";
/** A query that takes longer is abandoned (the write queue retries the batch). */
const QUERY_TIMEOUT_MS = 5000;

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** Connects, migrates and loads the cached settings; throws when the server cannot be used at all. */
export async function openPostgresStore(options: PostgresStoreOptions): Promise<PostgresStore> {
  assertRetentionDays(options.retentionDays);
  const logger = options.logger ?? stderrLogger;
  const now = options.now ?? (() => new Date());
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 4,
    connectionTimeoutMillis: 3000,
    query_timeout: QUERY_TIMEOUT_MS,
    idleTimeoutMillis: 30_000,
  });
  // An idle connection the server dropped must not crash the process: the next query reconnects.
  pool.on("error", (error) =>
    logger.warn({ operation: "pool", ...describeError(error) }, "database connection lost"),
  );
  let applied: number[];
  const first = await pool.connect();
  try {
    applied = await migratePostgres(first);
  } catch (error) {
    first.release();
    await pool.end();
    throw error;
  }
  first.release();
  if (applied.length > 0)
    logger.info({ applied, version: POSTGRES_LATEST_VERSION }, "database schema migrated");
  const chatLangs = new Map<string, Lang>();
  const meta = new Map<string, string>();
  const [langs, metaRows] = await Promise.all([
    pool.query<{ chat_key: string; lang: string }>("SELECT chat_key, lang FROM chat_settings"),
    pool.query<{ key: string; value: string }>("SELECT key, value FROM meta"),
  ]);
  for (const row of langs.rows) if (isLang(row.lang)) chatLangs.set(row.chat_key, row.lang);
  for (const row of metaRows.rows) meta.set(row.key, row.value);
  const listener = await listenForChatLangs(options.url, chatLangs, logger);
  const store = postgresStore(pool, listener, chatLangs, meta, { ...options, logger, now });
  // Once before the store is handed out, not beside its first writes: a start-up purge finishing late
  // took the rows a caller's own purge then no longer found (never a row still within retention).
  await store.purgeExpired();
  return store;
}

/** Keeps the chat-language cache current with what other instances set; reconnects when dropped. */
async function listenForChatLangs(url: string, chatLangs: Map<string, Lang>, logger: StoreLogger) {
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;
  async function connect(): Promise<void> {
    const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
    c.on("notification", (message) => {
      const [chatKey, lang] = (message.payload ?? "").split(" ");
      if (chatKey && lang === "-") chatLangs.delete(chatKey);
      else if (chatKey && lang && isLang(lang)) chatLangs.set(chatKey, lang);
    });
    c.on("error", (error) => {
      logger.warn(
        { operation: "listen", ...describeError(error) },
        "chat-language listener lost; reconnecting",
      );
      c.end().catch(() => undefined);
      if (client === c) client = undefined;
      if (!closed) retry = setTimeout(() => void connect().catch(() => undefined), 1000);
      retry?.unref();
    });
    await c.connect();
    await c.query(`LISTEN ${CHAT_LANG_CHANNEL}`);
    client = c;
  }
  await connect();
  return {
    async close() {
      closed = true;
      clearTimeout(retry);
      await client?.end().catch(() => undefined);
    },
  };
}

function postgresStore(
  pool: pg.Pool,
  listener: { close(): Promise<void> },
  chatLangs: Map<string, Lang>,
  meta: Map<string, string>,
  options: PostgresStoreOptions & { logger: StoreLogger; now: () => Date },
): PostgresStore {
  const { logger, now } = options;
  const nearTieGap = options.nearTieGap ?? DEFAULT_NEAR_TIE_GAP;
  const conversationTtl = options.conversationTtlMs ?? CONVERSATION_TTL_MS;
  const failures = writeFailureReport(logger);
  let open = true;

  async function apply(batch: Write[]): Promise<void> {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      await writeQuestions(
        client,
        batch.flatMap((w) => (w.kind === "question" ? [w.event] : [])),
        nearTieGap,
      );
      for (const w of batch) if (w.kind === "vote") w.result = await writeVote(client, w.event);
      await writeConversations(
        client,
        batch.flatMap((w) => (w.kind === "conversation" ? [w] : [])),
      );
      // One statement per setting, in order: a choice and its reset within one batch must end as the last.
      for (const w of batch) {
        if (w.kind !== "chatLang") continue;
        if (w.lang === null) await client.query("DELETE FROM chat_settings WHERE chat_key = $1", [w.chatKey]);
        else
          await client.query(
            `INSERT INTO chat_settings (chat_key, lang) VALUES ($1, $2)
             ON CONFLICT (chat_key) DO UPDATE SET lang = excluded.lang`,
            [w.chatKey, w.lang],
          );
        // Delivered to every listening instance when this transaction commits ("-": no choice).
        await client.query("SELECT pg_notify($1, $2)", [CHAT_LANG_CHANNEL, `${w.chatKey} ${w.lang ?? "-"}`]);
      }
      await client.query("COMMIT");
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  const queue = createWriteQueue<Write>({
    ...options.queue,
    apply,
    onFailure: (error, lost) => failures.failed(error, lost),
    onRecovery: () => failures.recovered(),
  });

  async function purgeExpired(): Promise<number> {
    const cutoff = retentionCutoff(now(), options.retentionDays);
    try {
      const client = await pool.connect();
      try {
        await client.query("BEGIN");
        await client.query("DELETE FROM counted_updates WHERE day < $1", [
          daysBefore(now(), COUNTED_UPDATE_DAYS),
        ]);
        await client.query("DELETE FROM downvoted_messages WHERE day < $1", [cutoff]);
        await client.query("DELETE FROM claimed_updates WHERE claimed_at < $1", [
          new Date(now().getTime() - DAY_MS),
        ]);
        await client.query("DELETE FROM instances WHERE seen_at < now() - interval '1 day'");
        await client.query("DELETE FROM conversations WHERE at < $1", [
          now().getTime() - CONVERSATION_TTL_MS,
        ]);
        let removed = 0;
        for (const table of ["question_counts", "kept_questions", "near_ties", "votes"])
          removed += (await client.query(`DELETE FROM ${table} WHERE day < $1`, [cutoff])).rowCount ?? 0;
        await client.query("COMMIT");
        if (removed > 0) logger.info({ removed, before: cutoff }, "purged entries past the retention period");
        return removed;
      } catch (error) {
        await client.query("ROLLBACK").catch(() => undefined);
        throw error;
      } finally {
        client.release();
      }
    } catch (error) {
      logger.warn({ operation: "purge", ...describeError(error) }, "purge failed; retried later");
      return 0;
    }
  }
  // Hourly: update claims expire after a day, and instances may start at any time.
  const purgeTimer = setInterval(() => void purgeExpired(), DAY_MS / 24);
  purgeTimer.unref();

  const report = postgresReportQueries(pool);
  async function read<T>(operation: string, fallback: T, run: (r: StoreReads) => Promise<T>): Promise<T> {
    await queue.drain();
    try {
      return await run(report);
    } catch (error) {
      logger.warn({ operation, ...describeError(error) }, "database read failed");
      return fallback;
    }
  }

  // Every update with a conversation reads it: the reads of the moment share one statement.
  const readConversations = gathered(
    async (asked: { key: string; since: number }[]): Promise<(Conversation | undefined)[]> => {
      const found = await pool.query<{
        key: string;
        ids: string[];
        lang: string;
        topic: string;
        at: string;
        offered: boolean;
      }>("SELECT key, ids, lang, topic, at, offered FROM conversations WHERE key = ANY($1::text[])", [
        [...new Set(asked.map((a) => a.key))],
      ]);
      const byKey = new Map(found.rows.map((row) => [row.key, row]));
      return asked.map(({ key, since }) => {
        const row = byKey.get(key);
        if (!row || Number(row.at) < since || !isLang(row.lang)) return undefined;
        return {
          ids: row.ids,
          lang: row.lang,
          topic: row.topic,
          at: Number(row.at),
          ...(row.offered ? { offered: true } : {}),
        };
      });
    },
  );
  const conversations: ConversationMemory = {
    get: (key, at) => readConversations({ key, since: at - conversationTtl }),
    async set(key, conversation) {
      queue.push({
        kind: "conversation",
        key,
        conversation: { ...conversation, ids: conversation.ids.slice(0, MAX_ANSWERS) },
        retry: true,
      });
    },
  };

  const claims = updateClaims(pool, logger);
  return {
    persistent: true,
    conversations,
    claims,
    ...queuedStoreWrites(queue, chatLangs, () => undefined),
    getMeta: (key) => meta.get(key),
    setMeta(key, value) {
      meta.set(key, value);
      pool
        .query(
          "INSERT INTO meta (key, value) VALUES ($1, $2) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
          [key, value],
        )
        .catch((error: unknown) =>
          logger.warn({ operation: "setMeta", ...describeError(error) }, "write failed"),
        );
    },
    dailyCounts: (from, to) => read("dailyCounts", [], (r) => r.dailyCounts(from, to)),
    topDeclined: (from, to, limit) => read("topDeclined", [], (r) => r.topDeclined(from, to, limit)),
    worstFeedback: (from, to, limit) => read("worstFeedback", [], (r) => r.worstFeedback(from, to, limit)),
    nearTies: (from, to, limit) => read("nearTies", [], (r) => r.nearTies(from, to, limit)),
    purgeExpired,
    health: () => queuedHealth(failures, queue),
    flush: () => queue.drain(),
    async close() {
      if (!open) return;
      open = false;
      clearInterval(purgeTimer);
      await queue.drain(1000);
      queue.stop();
      failures.stop();
      await claims.stop();
      await listener.close();
      await pool.end().catch(() => undefined);
    },
  };
}

/**
 * One batch of questions in four statements: update ids not counted before (a redelivery to any
 * instance is counted once), then counts, kept texts and near ties, each as one multi-row upsert of
 * what the batch adds up to.
 */
async function writeQuestions(client: pg.PoolClient, events: QuestionEvent[], nearTieGap: number) {
  if (events.length === 0) return;
  const withIds = events.filter((e) => e.updateId !== undefined);
  let fresh = events;
  if (withIds.length > 0) {
    const counted = await client.query<{ update_id: string }>(
      `INSERT INTO counted_updates (update_id, day) SELECT * FROM unnest($1::bigint[], $2::text[])
       ON CONFLICT DO NOTHING RETURNING update_id`,
      [withIds.map((e) => e.updateId), withIds.map((e) => e.day)],
    );
    const firstTime = new Set(counted.rows.map((r) => Number(r.update_id)));
    // One batch may hold the same update twice (redelivered within 50 ms): count it once.
    const seen = new Set<number>();
    fresh = events.filter((e) => {
      if (e.updateId === undefined) return true;
      if (!firstTime.has(e.updateId) || seen.has(e.updateId)) return false;
      seen.add(e.updateId);
      return true;
    });
  }
  const counts = new Map<
    string,
    { day: string; answered: boolean; matched: string; lang: string; chat: string; n: number }
  >();
  const kept: QuestionEvent[] = [];
  const ties = new Map<string, { day: string; matched: string; runnerUp: string; n: number; gap: number }>();
  for (const e of fresh) {
    const key = JSON.stringify([e.day, e.answered, e.matchedId ?? "", e.lang, e.chatType]);
    const count = counts.get(key);
    if (count) count.n++;
    else
      counts.set(key, {
        day: e.day,
        answered: e.answered,
        matched: e.matchedId ?? "",
        lang: e.lang,
        chat: e.chatType,
        n: 1,
      });
    if (keptText(e) && groupingKey(e)) kept.push(e);
    const tie = nearTieOf(e, nearTieGap);
    if (tie) {
      const tieKey = JSON.stringify([e.day, tie.matchedId, tie.runnerUpId]);
      const t = ties.get(tieKey);
      if (t) {
        t.n++;
        t.gap += tie.gap;
      } else
        ties.set(tieKey, {
          day: e.day,
          matched: tie.matchedId,
          runnerUp: tie.runnerUpId,
          n: 1,
          gap: tie.gap,
        });
    }
  }
  if (counts.size > 0) {
    const rows = [...counts.values()];
    await client.query(
      `INSERT INTO question_counts (day, answered, matched_id, lang, chat_type, count)
       SELECT * FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::bigint[])
       ON CONFLICT (day, answered, matched_id, lang, chat_type)
       DO UPDATE SET count = question_counts.count + excluded.count`,
      [
        rows.map((r) => r.day),
        rows.map((r) => r.answered),
        rows.map((r) => r.matched),
        rows.map((r) => r.lang),
        rows.map((r) => r.chat),
        rows.map((r) => r.n),
      ],
    );
  }
  if (kept.length > 0) {
    await client.query(
      `INSERT INTO kept_questions (day, answered, normalized, group_key, lang, chat_type, matched_id, score,
                                   runner_up_id, runner_up_score, decline_reason, question_lang, follow_up_of)
       SELECT * FROM unnest($1::text[], $2::boolean[], $3::text[], $4::text[], $5::text[], $6::text[],
                            $7::text[], $8::float8[], $9::text[], $10::float8[], $11::text[], $12::text[],
                            $13::text[])`,
      [
        kept.map((e) => e.day),
        kept.map((e) => e.answered),
        kept.map((e) => keptText(e)),
        kept.map((e) => groupingKey(e)),
        kept.map((e) => e.lang),
        kept.map((e) => e.chatType),
        kept.map((e) => e.matchedId),
        kept.map((e) => finite(e.score)),
        kept.map((e) => e.runnerUpId ?? null),
        kept.map((e) => (e.runnerUpScore === undefined ? null : finite(e.runnerUpScore))),
        kept.map((e) => (e.answered ? null : (e.declineReason ?? null))),
        kept.map((e) => e.questionLang ?? null),
        kept.map((e) => e.followUpOf ?? null),
      ],
    );
  }
  if (ties.size > 0) {
    const rows = [...ties.values()];
    await client.query(
      `INSERT INTO near_ties (day, matched_id, runner_up_id, count, gap_sum)
       SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::bigint[], $5::float8[])
       ON CONFLICT (day, matched_id, runner_up_id)
       DO UPDATE SET count = near_ties.count + excluded.count, gap_sum = near_ties.gap_sum + excluded.gap_sum`,
      [
        rows.map((r) => r.day),
        rows.map((r) => r.matched),
        rows.map((r) => r.runnerUp),
        rows.map((r) => r.n),
        rows.map((r) => r.gap),
      ],
    );
  }
}

/** An instance that has not beaten for this long is gone: its unfinished claims may be taken over. */
const HEARTBEAT_MS = 1000;
const GONE_AFTER = "3 seconds";
/** How long a redelivery waits for another live instance to finish the same update. */
const WAIT_FOR_OTHER_MS = 10_000;

/**
 * Calls made while the previous statement is on its way gather into the next one, so under load one
 * round trip serves many updates, and a lone call waits for no one (it goes out on the next turn of
 * the event loop). `run` answers each item, in order; one statement at a time.
 */
function gathered<T, R>(
  run: (items: T[]) => Promise<R[]>,
): { (item: T): Promise<R | undefined>; drain(): Promise<void> } {
  let next: { items: T[]; result: Promise<R[]>; start: (result: Promise<R[]>) => void } | undefined;
  let inFlight: Promise<unknown> | undefined;
  const go = () => {
    const batch = next;
    if (inFlight || !batch) return;
    next = undefined;
    const result = run(batch.items);
    batch.start(result);
    inFlight = result
      .catch(() => undefined)
      .then(() => {
        inFlight = undefined;
        go();
      });
  };
  const call = (item: T): Promise<R | undefined> => {
    if (!next) {
      let start: (result: Promise<R[]>) => void = () => undefined;
      const result = new Promise<R[]>((resolve) => {
        start = resolve;
      });
      next = { items: [], result, start };
      setImmediate(go);
    }
    const at = next.items.push(item) - 1;
    return next.result.then((all) => all[at]);
  };
  return Object.assign(call, {
    async drain() {
      go();
      while (inFlight) await inFlight;
    },
  });
}

/**
 * Claims of webhook deliveries across instances. The first instance to insert the update id handles
 * it and marks it done; a redelivery finds it done (a duplicate) or, while it is still being handled,
 * waits for it; an unfinished claim whose owner stopped beating (killed mid-update) is taken over, so
 * the update is not lost. Without the database, the update is handled (twice beats never).
 * Claims, and the marks of an update's way (reply leaving, reply accepted, done), each go to the
 * database in one statement for all the updates that want them at the moment: under a burst that is
 * a round trip for many updates instead of four per update.
 */
function updateClaims(pool: pg.Pool, logger: StoreLogger): UpdateClaims & { stop(): Promise<void> } {
  const me = randomUUID();
  let failures = 0;
  const beat = () =>
    pool
      .query(
        "INSERT INTO instances (id, seen_at) VALUES ($1, now()) ON CONFLICT (id) DO UPDATE SET seen_at = now()",
        [me],
      )
      .catch(() => undefined);
  void beat();
  const heartbeat = setInterval(beat, HEARTBEAT_MS);
  heartbeat.unref();
  // Takes new updates, or ones whose owner stopped beating before Telegram accepted the reply.
  // `replied` in the result is the old owner's: its reply may have been on its way when it died.
  // An id twice in one batch (delivered twice at once) is taken once: the second finds it held.
  const take = gathered(async (ids: number[]): Promise<({ replied: boolean } | undefined)[]> => {
    const distinct = [...new Set(ids)];
    const taken = await pool.query<{ update_id: string; replied: boolean }>(
      `INSERT INTO claimed_updates (update_id, owner) SELECT id, $2 FROM unnest($1::bigint[]) AS t(id)
       ON CONFLICT (update_id) DO UPDATE SET owner = excluded.owner, claimed_at = now()
         WHERE NOT claimed_updates.done AND NOT claimed_updates.sent AND NOT EXISTS (
           SELECT 1 FROM instances i WHERE i.id = claimed_updates.owner AND i.seen_at > now() - interval '${GONE_AFTER}')
       RETURNING update_id, replied`,
      [distinct, me],
    );
    const byId = new Map(taken.rows.map((r) => [Number(r.update_id), { replied: r.replied }]));
    return ids.map((id, i) => (ids.indexOf(id) === i ? byId.get(id) : undefined));
  });
  // Reply leaving and reply accepted are this owner's (a claim taken over is the new owner's); done is
  // whoever finished it.
  type Mark = { id: number; kind: "replied" | "sent" | "done" };
  const mark = gathered(async (marks: Mark[]): Promise<undefined[]> => {
    const of = (kind: Mark["kind"]) => marks.filter((m) => m.kind === kind).map((m) => m.id);
    await pool
      .query(
        `UPDATE claimed_updates c SET
           replied = c.replied OR (c.owner = $4 AND c.update_id = ANY($1::bigint[])),
           sent = c.sent OR (c.owner = $4 AND c.update_id = ANY($2::bigint[])),
           done = c.done OR c.update_id = ANY($3::bigint[])
         WHERE c.update_id = ANY($1::bigint[] || $2::bigint[] || $3::bigint[])`,
        [of("replied"), of("sent"), of("done"), me],
      )
      .catch(() => undefined);
    return [];
  });
  return {
    async claim(updateId): Promise<ClaimOutcome> {
      try {
        const deadline = Date.now() + WAIT_FOR_OTHER_MS;
        for (let round = 0; round < 1000; round++) {
          const taken = await take(updateId);
          if (taken) {
            if (taken.replied)
              logger.warn(
                { updateId },
                "took over an update whose instance died while its reply was on its way: it may be answered twice",
              );
            return "claimed";
          }
          const state = await pool.query<{ done: boolean; sent: boolean; alive: boolean }>(
            `SELECT done, sent, EXISTS (SELECT 1 FROM instances i WHERE i.id = c.owner
                                             AND i.seen_at > now() - interval '${GONE_AFTER}') AS alive
             FROM claimed_updates c WHERE update_id = $1`,
            [updateId],
          );
          const row = state.rows[0];
          // Released meanwhile (its handling failed): try to take it again.
          if (!row) continue;
          // Done, or its owner died after Telegram accepted its reply: answering again would double it.
          if (row.done || (row.sent && !row.alive)) return "duplicate";
          if (Date.now() >= deadline) return "busy";
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
        return "busy";
      } catch (error) {
        if (failures++ % 100 === 0)
          logger.warn(
            { operation: "claimUpdate", ...describeError(error) },
            "update claim failed; handling it anyway",
          );
        return "claimed";
      }
    },
    finish(updateId) {
      void mark({ id: updateId, kind: "done" });
    },
    async sending(updateId) {
      await mark({ id: updateId, kind: "replied" });
    },
    sent(updateId) {
      void mark({ id: updateId, kind: "sent" });
    },
    release(updateId) {
      pool
        .query("DELETE FROM claimed_updates WHERE update_id = $1 AND owner = $2", [updateId, me])
        .catch(() => undefined);
    },
    async stop() {
      clearInterval(heartbeat);
      // Marks still gathering are written first: a reply Telegram accepted must not be answered again.
      await mark.drain();
      await pool.query("DELETE FROM instances WHERE id = $1", [me]).catch(() => undefined);
    },
  };
}

/** The latest state of each conversation in the batch, as one upsert (a newer `at` wins). */
async function writeConversations(
  client: pg.PoolClient,
  writes: { key: string; conversation: Conversation }[],
): Promise<void> {
  if (writes.length === 0) return;
  const latest = new Map<string, Conversation>();
  for (const w of writes) latest.set(w.key, w.conversation);
  const rows = [...latest];
  await client.query(
    `INSERT INTO conversations (key, ids, lang, topic, at, offered)
     SELECT key, string_to_array(ids, ' '), lang, topic, at, offered
     FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::bigint[], $6::boolean[])
       AS t(key, ids, lang, topic, at, offered)
     ON CONFLICT (key) DO UPDATE SET ids = excluded.ids, lang = excluded.lang, topic = excluded.topic,
       at = excluded.at, offered = excluded.offered
     WHERE conversations.at <= excluded.at`,
    [
      rows.map(([key]) => key),
      rows.map(([, c]) => c.ids.join(" ")),
      rows.map(([, c]) => c.lang),
      rows.map(([, c]) => c.topic),
      rows.map(([, c]) => c.at),
      rows.map(([, c]) => c.offered === true),
    ],
  );
}

/**
 * One vote, decided by the database so two instances agree: the upsert changes nothing when the vote
 * is the same (no row back), and `xmax = 0` tells a new row from an updated one.
 */
async function writeVote(client: pg.PoolClient, e: VoteEvent): Promise<VoteResult> {
  const put = await client.query<{ inserted: boolean }>(
    `INSERT INTO votes (answer_id, voter_key, message_key, vote, day) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT (answer_id, voter_key) DO UPDATE
       SET message_key = excluded.message_key, vote = excluded.vote, day = excluded.day
       WHERE votes.vote <> excluded.vote
     RETURNING (xmax = 0) AS inserted`,
    [e.answerId, e.voterKey, e.messageKey, e.vote, e.day],
  );
  const row = put.rows[0];
  if (!row) return { status: "same", firstDownvote: false };
  let firstDownvote = false;
  if (e.vote === -1) {
    const marked = await client.query(
      "INSERT INTO downvoted_messages (message_key, day) VALUES ($1, $2) ON CONFLICT DO NOTHING",
      [e.messageKey, e.day],
    );
    firstDownvote = marked.rowCount === 1;
  }
  return { status: row.inserted ? "new" : "changed", firstDownvote };
}

/** The curators' queries (the report, /stats, /unanswered), the same results as SQLite's. */
export function postgresReportQueries(pool: pg.Pool): StoreReads {
  return {
    async dailyCounts(from, to) {
      const rows = await pool.query<{ day: string; answered: number; declined: number }>(
        `SELECT day, SUM(count) FILTER (WHERE answered)::int AS answered,
                SUM(count) FILTER (WHERE NOT answered)::int AS declined
         FROM question_counts WHERE day BETWEEN $1 AND $2 GROUP BY day ORDER BY day`,
        [from, to],
      );
      return fillDays(
        from,
        to,
        rows.rows.map((r) => ({ day: r.day, answered: r.answered ?? 0, declined: r.declined ?? 0 })),
      );
    },
    async topDeclined(from, to, limit) {
      const groups = await pool.query<{
        group_key: string;
        count: number;
        langs: string[];
        question_langs: string[] | null;
        out_of_scope: number;
        example: string;
      }>(
        `WITH declined AS (
           SELECT group_key, COUNT(*)::int AS count, array_agg(DISTINCT lang) AS langs,
                  array_agg(DISTINCT question_lang) FILTER (WHERE question_lang IS NOT NULL) AS question_langs,
                  COUNT(*) FILTER (WHERE decline_reason = 'out-of-scope')::int AS out_of_scope, MAX(day) AS last_day
           FROM kept_questions WHERE NOT answered AND day BETWEEN $1 AND $2
           GROUP BY group_key ORDER BY count DESC, last_day DESC, group_key COLLATE "C" LIMIT $3)
         SELECT d.*, (SELECT normalized FROM kept_questions k
                      WHERE NOT k.answered AND k.group_key = d.group_key AND k.day BETWEEN $1 AND $2
                      GROUP BY normalized ORDER BY COUNT(*) DESC, MAX(id) DESC LIMIT 1) AS example
         FROM declined d ORDER BY d.count DESC, d.last_day DESC, d.group_key COLLATE "C"`,
        [from, to, Math.max(0, limit)],
      );
      return groups.rows.map(
        (g): DeclinedGroup => ({
          groupKey: g.group_key,
          example: g.example ?? "",
          count: g.count,
          langs: [...g.langs].sort(),
          ...(g.question_langs ? { questionLangs: [...g.question_langs].sort() } : {}),
          outOfScope: g.out_of_scope,
        }),
      );
    },
    async worstFeedback(from, to, limit) {
      const rows = await pool.query<FeedbackRow>(
        `SELECT answer_id AS "answerId", COUNT(*) FILTER (WHERE vote = 1)::int AS up,
                COUNT(*) FILTER (WHERE vote = -1)::int AS down, SUM(vote)::int AS net
         FROM votes WHERE day BETWEEN $1 AND $2
         GROUP BY answer_id HAVING COUNT(*) FILTER (WHERE vote = -1) > 0
         ORDER BY net, down DESC, answer_id COLLATE "C" LIMIT $3`,
        [from, to, Math.max(0, limit)],
      );
      return rows.rows;
    },
    async nearTies(from, to, limit) {
      const rows = await pool.query<{
        a: string;
        b: string;
        count: number;
        mean_gap: number;
        example: string | null;
      }>(
        `WITH pairs AS (
           SELECT LEAST(matched_id COLLATE "C", runner_up_id COLLATE "C") AS a,
                  GREATEST(matched_id COLLATE "C", runner_up_id COLLATE "C") AS b,
                  SUM(count)::int AS count, SUM(gap_sum) / SUM(count) AS mean_gap
           FROM near_ties WHERE day BETWEEN $1 AND $2
           GROUP BY 1, 2 ORDER BY count DESC, mean_gap, a LIMIT $3)
         SELECT p.*, (SELECT normalized FROM kept_questions k
                      WHERE k.answered AND ((k.matched_id = p.a AND k.runner_up_id = p.b)
                                            OR (k.matched_id = p.b AND k.runner_up_id = p.a))
                        AND k.day BETWEEN $1 AND $2 ORDER BY id DESC LIMIT 1) AS example
         FROM pairs p ORDER BY p.count DESC, p.mean_gap, p.a`,
        [from, to, Math.max(0, limit)],
      );
      return rows.rows.map(
        (p): NearTiePair => ({ a: p.a, b: p.b, count: p.count, meanGap: p.mean_gap, example: p.example }),
      );
    },
  };
}
