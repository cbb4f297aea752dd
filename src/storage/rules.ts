// Rules every Store backend applies the same way, so the SQLite and in-memory stores cannot drift apart.
import { THRESHOLDS } from "../engine/decide.ts";
import type { DailyCount, QuestionEvent } from "./store.ts";

/** Longest question text kept: enough to read the question, bounded so one message cannot bloat the file. */
export const MAX_KEPT_TEXT = 500;

/**
 * A runner-up within this score gap counts as a near tie: the engine could as well have picked it.
 * The engine's own ambiguity gap (0.1, Rasa's default between the two best intents): one constant.
 */
export const DEFAULT_NEAR_TIE_GAP = THRESHOLDS.ambiguityGap;

export const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** UTC day of a date, YYYY-MM-DD. */
export function dayOf(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** The day `days` days before `date` (UTC). */
export function daysBefore(date: Date, days: number): string {
  return dayOf(new Date(date.getTime() - days * 86_400_000));
}

/** Rows dated before this day are purged. With 90 days, today and the 90 days before it are kept. */
export function retentionCutoff(now: Date, retentionDays: number): string {
  return daysBefore(now, retentionDays);
}

/**
 * Personal data people type into questions, replaced before anything is kept: e-mail addresses,
 * @usernames, phone numbers (a + and 7 or more digits, or 9 or more digits in groups) and any other run
 * of 6 or more digits (passport, card and account numbers). Years and short figures stay: curators need
 * "2005-2010" and "1.5 billion" to read the question.
 */
const PERSONAL_DATA: [RegExp, string][] = [
  [/[\p{L}\p{N}._%+-]+@[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+)*\.\p{L}{2,}/gu, "[email]"],
  [/(?<![\p{L}\p{N}_])@[A-Za-z0-9_]{3,32}/gu, "[user]"],
  [/\+\d(?:[\s().-]*\d){6,}/g, "[phone]"],
  [/(?<!\d)\d(?:[\s().-]*\d){8,}(?!\d)/g, "[phone]"],
  [/\d{6,}/g, "[number]"],
];

export function redactPersonalData(text: string): string {
  return PERSONAL_DATA.reduce((out, [pattern, label]) => out.replace(pattern, label), text);
}

/**
 * The question text worth keeping, redacted, or null: callers send text only for declined and
 * low-confidence ones.
 */
export function keptText(event: QuestionEvent): string | null {
  const text = event.normalized?.trim();
  if (!text) return null;
  const redacted = redactPersonalData(text);
  return redacted.length > MAX_KEPT_TEXT ? redacted.slice(0, MAX_KEPT_TEXT) : redacted;
}

/** The key declined questions are grouped by (redacted too): the engine's stemmed key, else the text. */
export function groupingKey(event: QuestionEvent): string | null {
  const key = event.groupKey?.trim();
  return key ? redactPersonalData(key) : keptText(event);
}

/** The near-tie pair an answered question shows, or null when the runner-up was not close. */
export function nearTieOf(
  event: QuestionEvent,
  maxGap: number,
): { matchedId: string; runnerUpId: string; gap: number } | null {
  if (!event.answered || !event.matchedId || !event.runnerUpId || event.runnerUpScore === undefined)
    return null;
  if (event.runnerUpId === event.matchedId) return null;
  const gap = Math.max(0, event.score - event.runnerUpScore);
  return gap <= maxGap ? { matchedId: event.matchedId, runnerUpId: event.runnerUpId, gap } : null;
}

export function assertRetentionDays(retentionDays: number): void {
  if (!Number.isInteger(retentionDays) || retentionDays < 0) {
    throw new RangeError("retentionDays must be a whole number of days, 0 or more");
  }
}

/** Longest range a daily series is filled for (ten years): keeps every loop bounded whatever the input. */
export const MAX_RANGE_DAYS = 3660;

/** Every day from `fromDay` to `toDay` inclusive, zero where `rows` has nothing. */
export function fillDays(fromDay: string, toDay: string, rows: DailyCount[]): DailyCount[] {
  if (!DAY_PATTERN.test(fromDay) || !DAY_PATTERN.test(toDay) || fromDay > toDay) return [];
  const byDay = new Map(rows.map((r) => [r.day, r]));
  const out: DailyCount[] = [];
  const start = Date.parse(`${fromDay}T00:00:00Z`);
  for (let i = 0; i < MAX_RANGE_DAYS; i++) {
    const day = dayOf(new Date(start + i * 86_400_000));
    if (day > toDay) break;
    const row = byDay.get(day);
    out.push({ day, answered: row?.answered ?? 0, declined: row?.declined ?? 0 });
  }
  return out;
}
