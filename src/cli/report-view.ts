// The report as `npm run report` prints it (text, JSON, HTML): the store's report with the declined
// groups sorted by src/curator/declined.ts.
import {
  type DeclinedLists,
  engineSays,
  languagesLabel,
  questionLangOf,
  type SortedGroup,
} from "../curator/declined.ts";
import type { CuratorReport } from "../storage/report.ts";

export type Report = Omit<CuratorReport, "topDeclined"> & {
  /** The to-do list, noise and what the article never mentions left out. */
  topDeclined: ReturnType<typeof declinedRow>[];
  notInArticle: (ReturnType<typeof declinedRow> & { name: string | null })[];
  /** Answered by now, or small talk: nothing to do. */
  settled: ReturnType<typeof declinedRow>[];
  noise: DeclinedLists["noise"];
};

export function declinedRow(g: SortedGroup) {
  return {
    groupKey: g.groupKey,
    example: g.example,
    count: g.count,
    /** Reply languages. */
    langs: g.langs,
    /** The question's language as the engine read it. */
    questionLang: questionLangOf(g),
    outOfScope: g.outOfScope ?? 0,
    engineSays: engineSays(g),
  };
}

export const langs = (g: { questionLang: string; langs: string[] }) =>
  languagesLabel(g.questionLang, g.langs);
