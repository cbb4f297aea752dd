// The Store on an embedded SQLite file (better-sqlite3 12: synchronous, so a write has reached the WAL
// before the call returns and a restart or SIGTERM loses nothing already recorded).
// A database failure never reaches the bot: every call is guarded, logged without the data, and the bot
// carries on answering. If the file cannot be opened at all, an in-memory store stands in.
import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import Database from "better-sqlite3";
import { LANGS, type Lang } from "../content/schema.ts";
import { type StoreLogger, stderrLogger, throttledFailureLog } from "./log.ts";
import { createMemoryStore } from "./memory.ts";
import { LATEST_VERSION, migrate, schemaVersion } from "./migrations.ts";
import {
  assertRetentionDays,
  DAY_PATTERN,
  DEFAULT_NEAR_TIE_GAP,
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
  VoteEvent,
} from "./store.ts";

export interface SqliteStoreOptions {
  /** File path; its folder is created on first start. */
  path: string;
  /** Entries dated more than this many days ago are purged on open and once a day. */
  retentionDays: number;
  logger?: StoreLogger;
  now?: () => Date;
  nearTieGap?: number;
  /**
   * How long a write waits for a lock held by another connection. Writes are synchronous, so this
   * blocks the bot: keep it short; a write that still cannot proceed is logged and dropped.
   */
  busyTimeoutMs?: number;
}

export type SqliteStore = Store &
  ReportSource &
  MetaStore & {
    /** False when the file could not be opened and an in-memory store is standing in. */
    readonly persistent: boolean;
    /** Drops entries older than the retention period; returns how many rows went. */
    purgeExpired(): number;
  };

const DAY_MS = 86_400_000;

export function openSqliteStore(options: SqliteStoreOptions): SqliteStore {
  assertRetentionDays(options.retentionDays);
  const logger = options.logger ?? stderrLogger;
  const now = options.now ?? (() => new Date());
  let db: Database.Database | undefined;
  try {
    mkdirSync(dirname(options.path), { recursive: true });
    db = new Database(options.path, { timeout: options.busyTimeoutMs ?? 1000 });
    // WAL: the report and /stats read while the bot writes. NORMAL is durable across a process crash.
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = NORMAL");
    const applied = migrate(db);
    if (applied.length > 0) logger.info({ applied, version: LATEST_VERSION }, "database schema migrated");
    return sqliteStore(db, { ...options, logger, now });
  } catch (error) {
    try {
      db?.close();
    } catch {
      // Already failing; the warning below says why.
    }
    throttledFailureLog(logger, now)("open", error);
    logger.warn({}, "database unavailable: questions, votes and settings are kept in memory until restart");
    return { ...createMemoryStore({ retentionDays: options.retentionDays, now }), persistent: false };
  }
}

function sqliteStore(
  db: Database.Database,
  options: SqliteStoreOptions & { logger: StoreLogger; now: () => Date },
): SqliteStore {
  const { now, logger } = options;
  const nearTieGap = options.nearTieGap ?? DEFAULT_NEAR_TIE_GAP;
  const logFailure = throttledFailureLog(logger, now);
  const queries = reportQueries(db);

  /** Runs one storage call; on a database error logs it and returns the fallback instead of throwing. */
  function guarded<T>(operation: string, fallback: T, run: () => T): T {
    try {
      return run();
    } catch (error) {
      logFailure(operation, error);
      return fallback;
    }
  }

  const countQuestion = db.prepare(`
    INSERT INTO question_counts (day, answered, matched_id, lang, chat_type, count) VALUES (?, ?, ?, ?, ?, 1)
    ON CONFLICT DO UPDATE SET count = count + 1`);
  const keepQuestion = db.prepare(`
    INSERT INTO kept_questions
      (day, answered, normalized, group_key, lang, chat_type, matched_id, score, runner_up_id, runner_up_score,
       decline_reason, question_lang)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const countNearTie = db.prepare(`
    INSERT INTO near_ties (day, matched_id, runner_up_id, count, gap_sum) VALUES (?, ?, ?, 1, ?)
    ON CONFLICT DO UPDATE SET count = count + 1, gap_sum = gap_sum + excluded.gap_sum`);
  const recordQuestion = db.transaction((e: QuestionEvent) => {
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
      );
    }
    const tie = nearTieOf(e, nearTieGap);
    if (tie) countNearTie.run(e.day, tie.matchedId, tie.runnerUpId, tie.gap);
  });

  const findVote = db.prepare<[string, string], { vote: number }>(
    "SELECT vote FROM votes WHERE message_key = ? AND voter_key = ?",
  );
  const putVote = db.prepare(`
    INSERT INTO votes (message_key, voter_key, answer_id, vote, day) VALUES (?, ?, ?, ?, ?)
    ON CONFLICT DO UPDATE SET answer_id = excluded.answer_id, vote = excluded.vote, day = excluded.day`);
  const recordVote = db.transaction((e: VoteEvent): "new" | "changed" | "same" => {
    const before = findVote.get(e.messageKey, e.voterKey);
    if (before?.vote === e.vote) return "same";
    putVote.run(e.messageKey, e.voterKey, e.answerId, e.vote, e.day);
    return before ? "changed" : "new";
  });

  const getChatLang = db.prepare<[string], { lang: string }>(
    "SELECT lang FROM chat_settings WHERE chat_key = ?",
  );
  const setChatLang = db.prepare(
    "INSERT INTO chat_settings (chat_key, lang) VALUES (?, ?) ON CONFLICT DO UPDATE SET lang = excluded.lang",
  );
  const clearChatLang = db.prepare("DELETE FROM chat_settings WHERE chat_key = ?");
  const getMeta = db.prepare<[string], { value: string }>("SELECT value FROM meta WHERE key = ?");
  const setMeta = db.prepare(
    "INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT DO UPDATE SET value = excluded.value",
  );

  const purgeStatements = ["question_counts", "kept_questions", "near_ties", "votes"].map((table) =>
    db.prepare(`DELETE FROM ${table} WHERE day < ?`),
  );
  const purge = db.transaction((cutoff: string) =>
    purgeStatements.reduce((sum, statement) => sum + statement.run(cutoff).changes, 0),
  );
  function purgeExpired(): number {
    const cutoff = retentionCutoff(now(), options.retentionDays);
    const removed = guarded("purge", 0, () => purge(cutoff));
    if (removed > 0) logger.info({ removed, before: cutoff }, "purged entries past the retention period");
    return removed;
  }

  purgeExpired();
  const dailyPurge = setInterval(purgeExpired, DAY_MS);
  dailyPurge.unref();
  let open = true;

  return {
    persistent: true,
    recordQuestion(event) {
      if (!DAY_PATTERN.test(event.day))
        return logFailure("recordQuestion", new Error("day is not YYYY-MM-DD"));
      guarded("recordQuestion", undefined, () => recordQuestion(event));
    },
    recordVote(event) {
      // If the vote cannot be stored the user still gets a thank-you: the failure is the operator's to fix.
      return guarded("recordVote", "new" as const, () => recordVote(event));
    },
    getChatLang(chatKey) {
      const lang = guarded("getChatLang", undefined, () => getChatLang.get(chatKey)?.lang);
      return (LANGS as readonly string[]).includes(lang ?? "") ? (lang as Lang) : undefined;
    },
    setChatLang(chatKey, lang) {
      guarded("setChatLang", undefined, () =>
        lang === null ? clearChatLang.run(chatKey) : setChatLang.run(chatKey, lang),
      );
    },
    getMeta(key) {
      return guarded("getMeta", undefined, () => getMeta.get(key)?.value);
    },
    setMeta(key, value) {
      guarded("setMeta", undefined, () => setMeta.run(key, value));
    },
    dailyCounts: (from, to) => guarded("dailyCounts", [], () => queries.dailyCounts(from, to)),
    topDeclined: (from, to, limit) => guarded("topDeclined", [], () => queries.topDeclined(from, to, limit)),
    worstFeedback: (from, to, limit) =>
      guarded("worstFeedback", [], () => queries.worstFeedback(from, to, limit)),
    nearTies: (from, to, limit) => guarded("nearTies", [], () => queries.nearTies(from, to, limit)),
    purgeExpired,
    close() {
      if (!open) return;
      open = false;
      clearInterval(dailyPurge);
      // Fold the WAL back into the main file so the folder holds one tidy file after shutdown.
      guarded("checkpoint", undefined, () => db.pragma("wal_checkpoint(TRUNCATE)"));
      guarded("close", undefined, () => db.close());
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
