// A Store kept in process memory: for tests, the terminal chat, and standing in when the database cannot
// be opened. Same rules as the SQLite store (rules.ts), so a test written against one holds for the
// other. Nothing survives a restart, and every table is bounded: a flood of questions while the
// database is down must not exhaust the heap (the oldest entries go first).
import { LANGS, type Lang } from "../content/langs.ts";
import {
  assertRetentionDays,
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
  StoreHealth,
  VoteEvent,
  VoteResult,
} from "./store.ts";

export interface MemoryStoreOptions {
  retentionDays?: number;
  now?: () => Date;
  nearTieGap?: number;
  /** Most kept question texts (and most votes, chat settings, remembered update ids). */
  maxRows?: number;
  /** Set when standing in for a database that failed: health() says "degraded" with this reason. */
  degradedReason?: string;
}

export type MemoryStore = Store &
  MetaStore & {
    /** Drops entries older than the retention period; returns how many. */
    purgeExpired(): number;
    /** The same reads, synchronously (tests, the terminal chat). */
    readonly report: ReportSource;
  };

/** Enough for weeks of declined questions of a busy bot; about 2 MB of text at the 500-character cap. */
export const MEMORY_MAX_ROWS = 5000;

/** Map.set that drops the oldest entry beyond `max` (Maps keep insertion order). */
function setBounded<K, V>(map: Map<K, V>, key: K, value: V, max: number): void {
  map.delete(key);
  map.set(key, value);
  if (map.size > max) map.delete(map.keys().next().value as K);
}

interface KeptQuestion {
  day: string;
  answered: boolean;
  text: string;
  groupKey: string;
  lang: string;
  questionLang: string | null;
  followUpOf: string | null;
  matchedId: string | null;
  runnerUpId: string | null;
  declineReason: string | null;
}

interface Vote {
  answerId: string;
  vote: 1 | -1;
  day: string;
}

export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const retentionDays = options.retentionDays ?? 90;
  assertRetentionDays(retentionDays);
  const now = options.now ?? (() => new Date());
  const nearTieGap = options.nearTieGap ?? DEFAULT_NEAR_TIE_GAP;

  const maxRows = options.maxRows ?? MEMORY_MAX_ROWS;

  // Counts are aggregated per day and outcome, like the database's question_counts: bounded by days.
  const counts = new Map<string, { day: string; answered: boolean; count: number }>();
  const kept: KeptQuestion[] = [];
  const ties: { day: string; matchedId: string; runnerUpId: string; gap: number }[] = [];
  const votes = new Map<string, Vote>();
  const downvotedMessages = new Map<string, true>();
  const countedUpdates = new Map<number, true>();
  const chatLangs = new Map<string, Lang>();
  const meta = new Map<string, string>();
  const inRange = (day: string, from: string, to: string) => day >= from && day <= to;
  const bounded = <T>(rows: T[]) => {
    if (rows.length > maxRows) rows.splice(0, rows.length - maxRows);
  };

  const report: ReportSource = {
    dailyCounts(fromDay, toDay): DailyCount[] {
      const perDay = new Map<string, DailyCount>();
      for (const c of counts.values()) {
        if (!inRange(c.day, fromDay, toDay)) continue;
        const row = perDay.get(c.day) ?? { day: c.day, answered: 0, declined: 0 };
        if (c.answered) row.answered += c.count;
        else row.declined += c.count;
        perDay.set(c.day, row);
      }
      return fillDays(fromDay, toDay, [...perDay.values()]);
    },

    topDeclined(fromDay, toDay, limit): DeclinedGroup[] {
      const groups = new Map<string, { rows: KeptQuestion[]; lastDay: string }>();
      for (const q of kept) {
        if (q.answered || !inRange(q.day, fromDay, toDay)) continue;
        const g = groups.get(q.groupKey) ?? { rows: [], lastDay: q.day };
        g.rows.push(q);
        if (q.day > g.lastDay) g.lastDay = q.day;
        groups.set(q.groupKey, g);
      }
      return [...groups.entries()]
        .sort(
          ([ka, a], [kb, b]) =>
            b.rows.length - a.rows.length || b.lastDay.localeCompare(a.lastDay) || ka.localeCompare(kb),
        )
        .slice(0, Math.max(0, limit))
        .map(([groupKey, g]) => ({
          groupKey,
          example: mostFrequentText(g.rows),
          count: g.rows.length,
          langs: [...new Set(g.rows.map((r) => r.lang))].sort(),
          outOfScope: g.rows.filter((r) => r.declineReason === "out-of-scope").length,
          ...questionLangsOf(g.rows),
        }));
    },

    worstFeedback(fromDay, toDay, limit): FeedbackRow[] {
      const perAnswer = new Map<string, FeedbackRow>();
      for (const v of votes.values()) {
        if (!inRange(v.day, fromDay, toDay)) continue;
        const row = perAnswer.get(v.answerId) ?? { answerId: v.answerId, up: 0, down: 0, net: 0 };
        if (v.vote === 1) row.up++;
        else row.down++;
        row.net = row.up - row.down;
        perAnswer.set(v.answerId, row);
      }
      return [...perAnswer.values()]
        .filter((r) => r.down > 0)
        .sort((a, b) => a.net - b.net || b.down - a.down || a.answerId.localeCompare(b.answerId))
        .slice(0, Math.max(0, limit));
    },

    nearTies(fromDay, toDay, limit): NearTiePair[] {
      const pairs = new Map<string, { a: string; b: string; count: number; gapSum: number }>();
      for (const t of ties) {
        if (!inRange(t.day, fromDay, toDay)) continue;
        const [a, b] = [t.matchedId, t.runnerUpId].sort() as [string, string];
        const key = `${a}\u0000${b}`;
        const p = pairs.get(key) ?? { a, b, count: 0, gapSum: 0 };
        p.count++;
        p.gapSum += t.gap;
        pairs.set(key, p);
      }
      return [...pairs.values()]
        .sort(
          (x, y) => y.count - x.count || x.gapSum / x.count - y.gapSum / y.count || x.a.localeCompare(y.a),
        )
        .slice(0, Math.max(0, limit))
        .map((p) => {
          const example = kept.findLast(
            (q) =>
              q.answered &&
              inRange(q.day, fromDay, toDay) &&
              ((q.matchedId === p.a && q.runnerUpId === p.b) ||
                (q.matchedId === p.b && q.runnerUpId === p.a)),
          );
          return {
            a: p.a,
            b: p.b,
            count: p.count,
            meanGap: p.gapSum / p.count,
            example: example?.text ?? null,
          };
        });
    },
  };

  function recordQuestion(event: QuestionEvent): void {
    if (event.updateId !== undefined) {
      if (countedUpdates.has(event.updateId)) return;
      setBounded(countedUpdates, event.updateId, true, maxRows);
    }
    const countKey = `${event.day}\u0000${event.answered}`;
    const count = counts.get(countKey) ?? { day: event.day, answered: event.answered, count: 0 };
    count.count++;
    counts.set(countKey, count);
    const text = keptText(event);
    const key = groupingKey(event);
    if (text && key) {
      kept.push({
        day: event.day,
        answered: event.answered,
        text,
        groupKey: key,
        lang: event.lang,
        questionLang: event.questionLang ?? null,
        followUpOf: event.followUpOf ?? null,
        matchedId: event.matchedId,
        runnerUpId: event.runnerUpId ?? null,
        declineReason: event.answered ? null : (event.declineReason ?? null),
      });
      bounded(kept);
    }
    const tie = nearTieOf(event, nearTieGap);
    if (tie) {
      ties.push({ day: event.day, ...tie });
      bounded(ties);
    }
  }

  function recordVote(event: VoteEvent): VoteResult {
    const key = `${event.answerId}\u0000${event.voterKey}`;
    const before = votes.get(key);
    if (before?.vote === event.vote) return { status: "same", firstDownvote: false };
    setBounded(votes, key, { answerId: event.answerId, vote: event.vote, day: event.day }, maxRows);
    let firstDownvote = false;
    if (event.vote === -1 && !downvotedMessages.has(event.messageKey)) {
      setBounded(downvotedMessages, event.messageKey, true, maxRows);
      firstDownvote = true;
    }
    return { status: before ? "changed" : "new", firstDownvote };
  }

  function purgeExpired(): number {
    const cutoff = retentionCutoff(now(), retentionDays);
    let removed = 0;
    const keepRecent = <T extends { day: string }>(rows: T[]) => {
      const before = rows.length;
      const recent = rows.filter((r) => r.day >= cutoff);
      rows.length = 0;
      for (const r of recent) rows.push(r);
      removed += before - recent.length;
    };
    keepRecent(kept);
    keepRecent(ties);
    for (const map of [counts, votes] as Map<unknown, { day: string }>[]) {
      for (const [key, row] of map) {
        if (row.day < cutoff) {
          map.delete(key);
          removed++;
        }
      }
    }
    return removed;
  }

  const health: StoreHealth = options.degradedReason
    ? { state: "degraded", persistent: false, reason: options.degradedReason, queued: 0, failedWrites: 0 }
    : { state: "ok", persistent: false, queued: 0, failedWrites: 0 };

  return {
    recordQuestion,
    recordVote: async (event) => recordVote(event),
    getChatLang: (chatKey) => chatLangs.get(chatKey),
    setChatLang(chatKey, lang) {
      if (lang === null) chatLangs.delete(chatKey);
      else if ((LANGS as readonly string[]).includes(lang)) setBounded(chatLangs, chatKey, lang, maxRows);
    },
    getMeta: (key) => meta.get(key),
    setMeta(key, value) {
      meta.set(key, value);
    },
    dailyCounts: async (from, to) => report.dailyCounts(from, to),
    topDeclined: async (from, to, limit) => report.topDeclined(from, to, limit),
    worstFeedback: async (from, to, limit) => report.worstFeedback(from, to, limit),
    nearTies: async (from, to, limit) => report.nearTies(from, to, limit),
    report,
    purgeExpired,
    health: () => ({ ...health }),
    flush: async () => {},
    close: async () => {},
  };
}

/** The text asked most often in a group (the latest one on a tie): the example a curator reads. */
function mostFrequentText(rows: { text: string }[]): string {
  const seen = new Map<string, { count: number; last: number }>();
  rows.forEach((r, i) => {
    seen.set(r.text, { count: (seen.get(r.text)?.count ?? 0) + 1, last: i });
  });
  let best = "";
  let top = { count: 0, last: -1 };
  for (const [text, s] of seen) {
    if (s.count > top.count || (s.count === top.count && s.last > top.last)) {
      best = text;
      top = s;
    }
  }
  return best;
}

/** The question languages of a group, when any row has one (rows kept before they were recorded do not). */
function questionLangsOf(rows: KeptQuestion[]): { questionLangs?: string[] } {
  const langs = [...new Set(rows.flatMap((r) => (r.questionLang ? [r.questionLang] : [])))].sort();
  return langs.length > 0 ? { questionLangs: langs } : {};
}
