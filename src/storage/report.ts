// The curators' report as one plain value, built from any ReportSource. The command line prints it as
// text, JSON or an HTML page; the value itself knows nothing of formats.
import type { DailyCount, DeclinedGroup, FeedbackRow, NearTiePair, ReportSource } from "./store.ts";

export interface ReportRange {
  from: string;
  to: string;
}

export interface CuratorReport {
  range: ReportRange;
  generatedAt: string;
  totals: { answered: number; declined: number; declinedShare: number };
  /** Every day of the range, zeros included. */
  daily: DailyCount[];
  /** The to-do list: what people asked that the article, as curated, did not answer. */
  topDeclined: DeclinedGroup[];
  worstFeedback: (FeedbackRow & { question?: string })[];
  nearTies: (NearTiePair & { questionA?: string; questionB?: string })[];
}

export interface ReportOptions {
  /** Rows per list. */
  limit: number;
  /** A readable name for an answer id (e.g. its first English question), when content is at hand. */
  describeAnswer?: (id: string) => string | undefined;
  now?: Date;
}

export function buildReport(source: ReportSource, range: ReportRange, options: ReportOptions): CuratorReport {
  const describe = options.describeAnswer ?? (() => undefined);
  const daily = source.dailyCounts(range.from, range.to);
  const answered = daily.reduce((sum, d) => sum + d.answered, 0);
  const declined = daily.reduce((sum, d) => sum + d.declined, 0);
  return {
    range,
    generatedAt: (options.now ?? new Date()).toISOString(),
    totals: {
      answered,
      declined,
      declinedShare: answered + declined === 0 ? 0 : round(declined / (answered + declined), 3),
    },
    daily,
    topDeclined: source.topDeclined(range.from, range.to, options.limit),
    worstFeedback: source
      .worstFeedback(range.from, range.to, options.limit)
      .map((row) => withOptional(row, { question: describe(row.answerId) })),
    nearTies: source
      .nearTies(range.from, range.to, options.limit)
      .map((pair) =>
        withOptional(
          { ...pair, meanGap: round(pair.meanGap, 3) },
          { questionA: describe(pair.a), questionB: describe(pair.b) },
        ),
      ),
  };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

/** Adds only the fields that have a value, so the JSON carries no `undefined` keys. */
function withOptional<T extends object, E extends Record<string, string | undefined>>(
  base: T,
  extra: E,
): T & Partial<Record<keyof E, string>> {
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(extra)) if (v !== undefined) out[k] = v;
  return out as T & Partial<Record<keyof E, string>>;
}
