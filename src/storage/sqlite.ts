// The Store on an embedded SQLite file (better-sqlite3 12). Writes never run on the reply path: they
// wait in the shared write queue (write-queue.ts) and go to the file in batches, one transaction each,
// with a short busy timeout, so a lock held by another process or a full disk costs the bot at most
// that timeout per batch attempt, never an answer. Chat settings are read from memory. The file's
// identity on disk is watched: a deleted or replaced file is reported and a new one opened.
// If the file cannot be opened at all, a bounded in-memory store stands in and health says so.
import { mkdirSync, statSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { LANGS, type Lang } from "../content/langs.ts";
import {
  describeError,
  type StoreLogger,
  stderrLogger,
  throttledFailureLog,
  writeFailureReport,
} from "./log.ts";
import { createMemoryStore } from "./memory.ts";
import { LATEST_VERSION, migrate, schemaVersion } from "./migrations.ts";
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
  DailyCount,
  DeclinedGroup,
  FeedbackRow,
  MetaStore,
  NearTiePair,
  QuestionEvent,
  ReportSource,
  Store,
  UpdateJournal,
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

export interface SqliteStoreOptions {
  /** File path; its folder is created on first start. */
  path: string;
  /** Entries dated more than this many days ago are purged on open and once a day. */
  retentionDays: number;
  logger?: StoreLogger;
  now?: () => Date;
  nearTieGap?: number;
  /**
   * How long one batch waits for a lock held by another connection. It runs on the event loop, so it
   * stays short; a batch that still cannot proceed is retried with back-off, then dropped and counted.
   */
  busyTimeoutMs?: number;
  /** Tuning of the write queue (tests shorten it). */
  queue?: Partial<
    Pick<WriteQueueOptions<QueuedWrite>, "maxQueued" | "batchSize" | "delayMs" | "maxAttempts">
  >;
  /** How often the file's identity on disk is checked (besides before each batch). */
  identityCheckMs?: number;
}

export type SqliteStore = Store &
  MetaStore & {
    deleteMeta?(key: string): void;
    /** False when the file could not be opened and an in-memory store is standing in. */
    readonly persistent: boolean;
    /** Drops entries older than the retention period; returns how many rows went. */
    purgeExpired(): number;
    /** The durable update queue for long polling; absent while memory stands in for the file. */
    readonly journal?: UpdateJournal;
  };

const DAY_MS = 86_400_000;
export const DEFAULT_BUSY_TIMEOUT_MS = 100;
/** Redelivered updates come within minutes; two days of ids is plenty. */
const COUNTED_UPDATE_DAYS = 2;

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  assertRetentionDays(options.retentionDays);
  const logger = options.logger ?? stderrLogger;
  const now = options.now ?? (() => new Date());
  try {
    const connection = connect(options);
    if (connection.applied.length > 0)
      logger.info({ applied: connection.applied, version: LATEST_VERSION }, "database schema migrated");
    return sqliteStore(connection, { ...options, logger, now });
  } catch (error) {
    const reason = describeError(error);
    logger.error(
      { operation: "open", ...reason },
      "database unavailable: storage degraded, questions, votes and settings are kept in memory (bounded) until restart",
    );
    const memory = createMemoryStore({
      retentionDays: options.retentionDays,
      now,
      degradedReason: reason.code ?? reason.error,
    });
    return { ...memory, persistent: false };
  }
}

interface Connection {
  db: Database.Database;
  /** The file's identity when opened: a different one (or none) means it was deleted or replaced. */
  identity: string;
  applied: number[];
}

function fileIdentity(path: string): string | undefined {
  try {
    const s = statSync(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return undefined;
  }
}

function connect(options: SqliteStoreOptions): Connection {
  mkdirSync(dirname(options.path), { recursive: true });
  const db = new Database(options.path, { timeout: options.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS });
  try {
    // WAL: the report and /stats read while the bot writes. NORMAL is durable across a process crash.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const applied = migrate(db);
    const identity = fileIdentity(options.path);
    if (!identity) throw new Error("database file vanished while opening");
    return { db, identity, applied };
  } catch (error) {
    db.close();
    throw error;
  }
}

type Write =
  | StoreWrite
  | (QueuedWrite & { kind: "keepUpdates"; updates: readonly { id: number; body: string }[] })
  | (QueuedWrite & { kind: "forgetUpdate"; id: number });

/** The prepared statements of one connection, and the one-row operations built on them. */
function statements(db: Database.Database, nearTieGap: number) {
  const countedBefore = db.prepare("INSERT OR IGNORE INTO counted_updates (update_id, day) VALUES (?, ?)");
  const countQuestion = db.prepare(`
    INSERT INTO question_counts (day, answered, matched_id, lang, chat_type, count) VALUES (?, ?, ?, ?, ?, 1)
    ON CONFLICT DO UPDATE SET count = count + 1`);
  const keepQuestion = db.prepare(`
    INSERT INTO kept_questions
      (day, answered, normalized, group_key, lang, chat_type, matched_id, score, runner_up_id, runner_up_score,
       decline_reason, question_lang, follow_up_of)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const countNearTie = db.prepare(`
    INSERT INTO near_ties (day, matched_id, runner_up_id, count, gap_sum) VALUES (?, ?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET count = count + 1, gap_sum = gap_sum + excluded.gap_sum`);
  const findVote = db.prepare<[string, string], { vote: number }>(
    "SELECT vote FROM votes WHERE answer_id = ? AND voter_key = ?",
  );
  const putVote = db.prepare(`
    INSERT INTO votes (answer_id, voter_key, message_key, vote, day) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET message_key = excluded.message_key, vote = excluded.vote, day = excluded.day`);
  const markDownvoted = db.prepare(
    "INSERT OR IGNORE INTO downvoted_messages (message_key, day) VALUES (?, ?)",
  );
  const setChatLang = db.prepare(
    "INSERT INTO chat_settings (chat_key, lang) VALUES (?, ?) ON CONFLICT DO UPDATE SET lang = excluded.lang",
  );

  function question(e: QuestionEvent): void {
    if (e.updateId !== undefined && countedBefore.run(e.updateId, e.day).changes === 0) return;
    const answered = e.answered ? 1 : 0;
    countQuestion.run(e.day, answered, e.matchedId ?? "", e.lang, e.chatType);
    const text = keptText(e);
    const key = groupingKey(e);
    if (text && key) {
      keepQuestion.run(
        e.day,
        answered,
        text,
        key,
        e.lang,
        e.chatType,
        e.matchedId,
        finite(e.score),
        e.runnerUpId ?? null,
        e.runnerUpScore === undefined ? null : finite(e.runnerUpScore),
        e.answered ? null : (e.declineReason ?? null),
        e.questionLang ?? null,
        e.followUpOf ?? null,
      );
    }
    const tie = nearTieOf(e, nearTieGap);
    if (tie) countNearTie.run(e.day, tie.matchedId, tie.runnerUpId, tie.gap);
  }

  function vote(e: VoteEvent): VoteResult {
    const before = findVote.get(e.answerId, e.voterKey);
    if (before?.vote === e.vote) return { status: "same", firstDownvote: false };
    putVote.run(e.answerId, e.voterKey, e.messageKey, e.vote, e.day);
    const firstDownvote = e.vote === -1 && markDownvoted.run(e.messageKey, e.day).changes > 0;
    return { status: before ? "changed" : "new", firstDownvote };
  }

  const clearChatLang = db.prepare("DELETE FROM chat_settings WHERE chat_key = ?");
  const keepUpdate = db.prepare("INSERT OR IGNORE INTO pending_updates (update_id, body) VALUES (?, ?)");
  const forgetUpdate = db.prepare("DELETE FROM pending_updates WHERE update_id = ?");

  const apply = db.transaction((batch: Write[]) => {
    for (const w of batch) {
      if (w.kind === "question") question(w.event);
      else if (w.kind === "vote") w.result = vote(w.event);
      else if (w.kind === "chatLang")
        w.lang === null ? clearChatLang.run(w.chatKey) : setChatLang.run(w.chatKey, w.lang);
      else if (w.kind === "keepUpdates") for (const u of w.updates) keepUpdate.run(u.id, u.body);
      else forgetUpdate.run(w.id);
    }
  });

  const purgeStatements = ["question_counts", "kept_questions", "near_ties", "votes"].map((table) =>
    db.prepare<[string]>(`DELETE FROM ${table} WHERE day < ?`),
  );
  // Remembered update ids and follow-ups are bookkeeping, not records: not counted in what a purge reports.
  const purgeCounted = db.prepare<[string]>("DELETE FROM counted_updates WHERE day < ?");
  const purgeDownvoted = db.prepare<[string]>("DELETE FROM downvoted_messages WHERE day < ?");
  const purge = db.transaction((cutoff: string, countedCutoff: string) => {
    purgeCounted.run(countedCutoff);
    purgeDownvoted.run(cutoff);
    return purgeStatements.reduce((sum, statement) => sum + statement.run(cutoff).changes, 0);
  });

  return {
    apply,
    purge,
    report: reportQueries(db),
    pendingUpdates: db.prepare<[], { id: number; body: string }>(
      "SELECT update_id AS id, body FROM pending_updates ORDER BY update_id",
    ),
    chatLangs: () =>
      db.prepare<[], { chat_key: string; lang: string }>("SELECT chat_key, lang FROM chat_settings").all(),
    getMeta: db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?"),
    deleteMeta: db.prepare("DELETE FROM meta WHERE key = ?"),
    setMeta: db.prepare(
      "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
    ),
    setChatLang,
  };
}

function isLang(value: string): value is Lang {
  return (LANGS as readonly string[]).includes(value);
}

function sqliteStore(
  first: Connection,
  options: SqliteStoreOptions & { logger: StoreLogger; now: () => Date },
): SqliteStore {
  const { now, logger } = options;
  const nearTieGap = options.nearTieGap ?? DEFAULT_NEAR_TIE_GAP;
  const logFailure = throttledFailureLog(logger, now);
  const failures = writeFailureReport(logger);
  let connection = first;
  let sql = statements(connection.db, nearTieGap);
  let open = true;

  const chatLangs = new Map<string, Lang>();
  for (const row of sql.chatLangs()) if (isLang(row.lang)) chatLangs.set(row.chat_key, row.lang);

  /** Runs one read; on a database error logs it and returns the fallback instead of throwing. */
  function guarded<T>(operation: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      logFailure(operation, error);
      return fallback;
    }
  }

  /**
   * The file at the path must still be the one we opened: a deleted file would swallow every write
   * without a word. If it changed, say so loudly and start a new file (chat settings are rewritten from
   * memory; what the old file held is gone with it).
   */
  let lastIdentityCheck = 0;
  function ensureSameFile(force = false): void {
    const at = Date.now();
    if (!force && at - lastIdentityCheck < 1000) return;
    lastIdentityCheck = at;
    if (fileIdentity(options.path) === connection.identity) return;
    logger.error(
      { path: options.path },
      "database file was deleted or replaced underneath the bot; opening a new one at the same path",
    );
    try {
      connection.db.close();
    } catch {
      // The old handle is being abandoned anyway.
    }
    connection = connect(options);
    sql = statements(connection.db, nearTieGap);
    const restore = connection.db.transaction(() => {
      for (const [chatKey, lang] of chatLangs) sql.setChatLang.run(chatKey, lang);
    });
    restore();
  }

  const queue = createWriteQueue<Write>({
    ...options.queue,
    apply(batch) {
      ensureSameFile();
      sql.apply(batch);
    },
    onFailure: (error, lost) => failures.failed(error, lost),
    onRecovery: () => failures.recovered(),
  });

  function purgeExpired(): number {
    const cutoff = retentionCutoff(now(), options.retentionDays);
    const removed = guarded("purge", 0, () => sql.purge(cutoff, daysBefore(now(), COUNTED_UPDATE_DAYS)));
    if (removed > 0) logger.info({ removed, before: cutoff }, "purged entries past the retention period");
    return removed;
  }

  purgeExpired();
  const dailyPurge = setInterval(purgeExpired, DAY_MS);
  dailyPurge.unref();
  const identityWatch = setInterval(() => {
    try {
      ensureSameFile(true);
    } catch (error) {
      failures.failed(error, 0);
    }
  }, options.identityCheckMs ?? 5000);
  identityWatch.unref();

  /** Reads see every write queued before them. */
  async function read<T>(operation: string, fallback: T, run: (report: ReportSource) => T): Promise<T> {
    await queue.drain();
    return guarded(operation, fallback, () => run(sql.report));
  }

  const journal: UpdateJournal = {
    keepUpdates(updates) {
      if (updates.length === 0) return Promise.resolve(true);
      // Not retried: polling waits for the answer, and "not kept" only means it confirms later.
      return new Promise((resolve) =>
        queue.push({ kind: "keepUpdates", updates, retry: false, settle: resolve }, true),
      );
    },
    forgetUpdate(id) {
      queue.push({ kind: "forgetUpdate", id, retry: true });
    },
    pendingUpdates: () => read("pendingUpdates", [], () => sql.pendingUpdates.all()),
  };

  return {
    persistent: true,
    journal,
    ...queuedStoreWrites(queue, chatLangs, () =>
      logFailure("recordQuestion", new Error("day is not YYYY-MM-DD")),
    ),
    getMeta(key) {
      return guarded("getMeta", undefined, () => sql.getMeta.get(key)?.value);
    },
    setMeta(key, value) {
      guarded("setMeta", undefined, () => sql.setMeta.run(key, value));
    },
    deleteMeta(key) {
      guarded("deleteMeta", undefined, () => sql.deleteMeta.run(key));
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
      clearInterval(dailyPurge);
      clearInterval(identityWatch);
      await queue.drain(1000);
      queue.stop();
      failures.stop();
      // Fold the WAL back into the main file so the folder holds one tidy file after shutdown.
      guarded("checkpoint", undefined, () => connection.db.pragma("wal_checkpoint(TRUNCATE)"));
      guarded("close", undefined, () => connection.db.close());
    },
  };
}

/** SQLite REAL columns reject NaN; a broken score is stored as 0 rather than losing the row. */
function finite(n: number): number {
  return Number.isFinite(n) ? n : 0;
}

/** The curators' queries on an open database (shared by the bot's store and the read-only report). */
export function reportQueries(db: Database.Database): ReportSource {
  const daily = db.prepare<[string, string], DailyCount>(`
    SELECT day, SUM(CASE WHEN answered = 1 THEN count ELSE 0 END) AS answered,
                SUM(CASE WHEN answered = 0 THEN count ELSE 0 END) AS declined
    FROM question_counts WHERE day BETWEEN ? AND ? GROUP BY day ORDER BY day`);
  const declinedGroups = db.prepare<
    [string, string, number],
    { groupKey: string; count: number; langs: string; questionLangs: string | null; outOfScope: number }
  >(`
    SELECT group_key AS groupKey, COUNT(*) AS count, GROUP_CONCAT(DISTINCT lang) AS langs,
           GROUP_CONCAT(DISTINCT question_lang) AS questionLangs,
           SUM(decline_reason IS 'out-of-scope') AS outOfScope
    FROM kept_questions WHERE answered = 0 AND day BETWEEN ? AND ?
    GROUP BY group_key ORDER BY count DESC, MAX(day) DESC, group_key LIMIT ?`);
  const groupExample = db.prepare<[string, string, string], { text: string }>(`
    SELECT normalized AS text FROM kept_questions WHERE answered = 0 AND group_key = ? AND day BETWEEN ? AND ?
    GROUP BY normalized ORDER BY COUNT(*) DESC, MAX(id) DESC LIMIT 1`);
  const feedback = db.prepare<[string, string, number], FeedbackRow>(`
    SELECT answer_id AS answerId, SUM(vote = 1) AS up, SUM(vote = -1) AS down, SUM(vote) AS net
    FROM votes WHERE day BETWEEN ? AND ?
    GROUP BY answer_id HAVING down > 0 ORDER BY net, down DESC, answer_id LIMIT ?`);
  const ties = db.prepare<
    [string, string, number],
    { a: string; b: string; count: number; meanGap: number }
  >(`
    SELECT MIN(matched_id, runner_up_id) AS a, MAX(matched_id, runner_up_id) AS b,
           SUM(count) AS count, SUM(gap_sum) / SUM(count) AS meanGap
    FROM near_ties WHERE day BETWEEN ? AND ?
    GROUP BY a, b ORDER BY count DESC, meanGap, a LIMIT ?`);
  const tieExample = db.prepare<[string, string, string, string, string, string], { text: string }>(`
    SELECT normalized AS text FROM kept_questions
    WHERE answered = 1 AND ((matched_id = ? AND runner_up_id = ?) OR (matched_id = ? AND runner_up_id = ?))
      AND day BETWEEN ? AND ?
    ORDER BY id DESC LIMIT 1`);

  return {
    dailyCounts: (from, to) => fillDays(from, to, daily.all(from, to)),
    topDeclined: (from, to, limit): DeclinedGroup[] =>
      declinedGroups.all(from, to, Math.max(0, limit)).map((g) => ({
        groupKey: g.groupKey,
        example: groupExample.get(g.groupKey, from, to)?.text ?? "",
        count: g.count,
        langs: g.langs.split(",").sort(),
        ...(g.questionLangs ? { questionLangs: g.questionLangs.split(",").sort() } : {}),
        outOfScope: g.outOfScope,
      })),
    worstFeedback: (from, to, limit) => feedback.all(from, to, Math.max(0, limit)),
    nearTies: (from, to, limit): NearTiePair[] =>
      ties.all(from, to, Math.max(0, limit)).map((p) => ({
        ...p,
        example: tieExample.get(p.a, p.b, p.b, p.a, from, to)?.text ?? null,
      })),
  };
}

/**
 * Opens an existing database read-only for the report: never creates a file, never migrates or purges.
 * Throws with a plain reason (missing file, older schema) for the command line to print.
 */
export function openReportSource(path: string): ReportSource & { close(): void; version: number } {
  const db = new Database(path, { readonly: true, fileMustExist: true });
  try {
    const version = schemaVersion(db);
    if (version !== LATEST_VERSION) {
      throw new Error(
        `database schema is v${version}, this report reads v${LATEST_VERSION}: start the bot once to migrate it`,
      );
    }
    return { ...reportQueries(db), version, close: () => db.close() };
  } catch (error) {
    db.close();
    throw error;
  }
}
