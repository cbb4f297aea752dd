// The preamble check: a question the engine answers right on its own should be answered the same after a
// chatty opening that asks nothing ("Hi! I'm a student in Osh and my teacher sent us this article.").
// It needs no labels beyond the kept sets' own, so it measures how the reading of chat traffic holds up
// on thousands of messages no one wrote. No I/O here: the callers read the files.
import { parse } from "yaml";
import * as z from "zod";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { type EvalQuestion, isCorrect, type Verdict } from "./evaluation.ts";

/** Where the openings live (a subfolder: not a question set of its own). */
export const PREAMBLES_FILE = "test/eval/robustness/preambles.yaml";

const PerLanguage = z.record(z.string(), z.array(z.string().min(1)).min(1));
const PreamblesSchema = z.object({ preambles: PerLanguage, postscripts: PerLanguage.default({}) }).strict();

/**
 * Per question language ("en", "ru", "tr"): openings put before a question, and closings put after it
 * (thanks typed straight after the question, with no stop between: "кто автор заранее спасибо").
 */
export interface Preambles {
  preambles: Readonly<Record<string, readonly string[]>>;
  postscripts: Readonly<Record<string, readonly string[]>>;
}

export function parsePreambles(yamlText: string): Preambles {
  return PreamblesSchema.parse(parse(yamlText));
}

/** Every how-many-th eligible question is tried (all of them would take a minute; this a few seconds). */
export const SAMPLE_EVERY = 7;

export interface PreambleBreak {
  question: EvalQuestion;
  /** The whole message tried. */
  text: string;
  got: Verdict;
}

/** Tries of changed questions: how many, which changed their answer, how many of those to a wrong one. */
export interface Tally {
  tries: number;
  broken: PreambleBreak[];
  /** Of the broken, those now given a wrong answer (not merely declined). */
  wrong: number;
}

export interface PreambleReport extends Tally {
  /** Questions tried (answered right alone, each with every opening of its language). */
  questions: number;
}

/** Asks `text`, a changed form of `q`, and counts it in `tally`. */
export function tryChanged(
  kb: KnowledgeBase,
  tally: Tally,
  q: EvalQuestion,
  text: string,
  ask: (q: string) => Verdict,
): void {
  tally.tries += 1;
  const got = ask(text);
  if (isCorrect(kb, q, got)) return;
  tally.broken.push({ question: q, text, got });
  if (got.kind === "answer") tally.wrong += 1;
}

/**
 * Puts each opening of its language before, and each closing after, every SAMPLE_EVERY-th question that
 * the engine answers right alone (questions that expect an answer, not already chatty), and lists where
 * the answer changes.
 */
export function checkPreambles(
  kb: KnowledgeBase,
  questions: readonly EvalQuestion[],
  added: Preambles,
  ask: (q: string) => Verdict,
): PreambleReport {
  const report: PreambleReport = { questions: 0, tries: 0, broken: [], wrong: 0 };
  let seen = 0;
  for (const q of questions) {
    const openings = added.preambles[q.lang] ?? [];
    const closings = added.postscripts[q.lang] ?? [];
    if (openings.length + closings.length === 0) continue;
    if (q.category === "chatty" || q.expect === "decline" || q.expect === "smalltalk") continue;
    if (seen++ % SAMPLE_EVERY !== 0) continue;
    if (!isCorrect(kb, q, ask(q.q))) continue;
    report.questions += 1;
    const texts = [
      ...openings.map((p) => `${p.trimEnd()} ${q.q}`),
      ...closings.map((p) => `${q.q} ${p.trimStart()}`),
    ];
    for (const text of texts) tryChanged(kb, report, q, text, ask);
  }
  return report;
}
