// The declined groups split the way the report, `suggest` and /unanswered all show them: the to-do list,
// what names something the article never mentions, what the engine answers by now, and noise (counted
// apart, never listed as something to answer).
import type { DeclinedGroup } from "../storage/store.ts";
import { noiseReason } from "./noise.ts";
import type { Triaged } from "./triage.ts";

/** A group and, when content loaded, what the engine makes of its example today. */
export type SortedGroup = DeclinedGroup & { triaged?: Triaged };

export interface DeclinedLists {
  /** What people asked that the article, as curated, did not answer: add a paraphrase or an answer. */
  todo: SortedGroup[];
  /** Declined because they name something the article never mentions, by the engine's own reason. */
  notInArticle: (SortedGroup & { name: string | null })[];
  /** The engine answers these now, or reads them as small talk (content changed since). */
  settled: SortedGroup[];
  noise: { questions: number; groups: number };
}

/**
 * Sorts groups (most asked first) into the lists, `limit` rows each. With `triage`, verdicts are the
 * engine's today; without it (content did not load), only the reason the bot recorded when it declined.
 */
export function sortDeclined(
  groups: readonly DeclinedGroup[],
  triage: ((g: DeclinedGroup) => Triaged) | undefined,
  limit: number,
): DeclinedLists {
  const lists: DeclinedLists = {
    todo: [],
    notInArticle: [],
    settled: [],
    noise: { questions: 0, groups: 0 },
  };
  for (const group of groups) {
    if (noiseReason(group.example)) {
      lists.noise.questions += group.count;
      lists.noise.groups += 1;
      continue;
    }
    const triaged = triage?.(group);
    const row: SortedGroup = triaged ? { ...group, triaged } : { ...group };
    const status = triaged?.verdict.status;
    if (status === "not-in-article")
      lists.notInArticle.push({
        ...row,
        name: triaged?.verdict.status === "not-in-article" ? triaged.verdict.name : null,
      });
    else if (!triaged && (group.outOfScope ?? 0) >= group.count && group.count > 0)
      lists.notInArticle.push({ ...row, name: null });
    else if (status === "answered-now" || status === "smalltalk") lists.settled.push(row);
    else lists.todo.push(row);
  }
  return {
    ...lists,
    todo: lists.todo.slice(0, limit),
    notInArticle: lists.notInArticle.slice(0, limit),
    settled: lists.settled.slice(0, limit),
  };
}

/** What the engine says about a to-do group today, in a few words. */
export function engineSays(row: SortedGroup): string {
  const verdict = row.triaged?.verdict;
  if (!verdict) return (row.outOfScope ?? 0) > 0 ? `${row.outOfScope} declined as out of scope` : "declined";
  switch (verdict.status) {
    case "candidate":
      return `closest: ${verdict.answerId}`;
    case "nothing-close":
      return "no close answer";
    case "answered-now":
      return `answered now: ${verdict.ids.join("+")}`;
    case "smalltalk":
      return "small talk now";
    case "not-in-article":
      return `not in the article: ${verdict.name}`;
    case "noise":
      return `noise: ${verdict.reason}`;
  }
}

/**
 * The question's language as the engine read it when it was asked (rows kept before that was recorded:
 * as it reads the kept text today).
 */
export function questionLangOf(row: SortedGroup): string {
  return row.questionLangs?.length ? row.questionLangs.join(",") : (row.triaged?.readAs ?? "?");
}

/** "tr", or "tr (replied ru)" when the replies were in another language. */
export function languagesLabel(questionLang: string, replyLangs: readonly string[]): string {
  const replies = replyLangs.join(",");
  return replies === questionLang ? questionLang : `${questionLang} (replied ${replies})`;
}
