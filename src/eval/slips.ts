// The slip check: a question the engine answers right as written should mostly survive a slip of the
// finger in its longest word (two neighbouring letters swapped, one dropped, one doubled). Like the
// preamble check it needs no new labels, so it measures typo tolerance on many messages no one wrote.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { type EvalQuestion, isCorrect, type Verdict } from "./evaluation.ts";
import { type Tally, tryChanged } from "./preambles.ts";

export const SLIPS = ["swap", "drop", "double"] as const;
export type Slip = (typeof SLIPS)[number];

/** Every how-many-th eligible question is tried. */
export const SLIP_SAMPLE_EVERY = 5;
/** Only words this long get a slip: in shorter ones a slip is as often another word. */
const MIN_WORD = 6;

/** The text with one slip in the middle of its longest word, or undefined when no word is long enough. */
export function withSlip(text: string, slip: Slip): string | undefined {
  const words = text.split(/\s+/);
  let at = -1;
  for (const [i, w] of words.entries())
    if (new RegExp(`^\\p{L}{${MIN_WORD},}$`, "u").test(w) && (at < 0 || w.length > (words[at] ?? "").length))
      at = i;
  const w = words[at];
  if (w === undefined) return undefined;
  const k = Math.floor(w.length / 2);
  const changed =
    slip === "swap"
      ? w.slice(0, k - 1) + w.charAt(k) + w.charAt(k - 1) + w.slice(k + 1)
      : slip === "drop"
        ? w.slice(0, k) + w.slice(k + 1)
        : w.slice(0, k + 1) + w.slice(k);
  return [...words.slice(0, at), changed, ...words.slice(at + 1)].join(" ");
}

export interface SlipReport extends Tally {
  slip: Slip;
}

/** Each slip in every SLIP_SAMPLE_EVERY-th question that expects an answer and is answered right. */
export function checkSlips(
  kb: KnowledgeBase,
  questions: readonly EvalQuestion[],
  ask: (q: string) => Verdict,
): SlipReport[] {
  const reports = SLIPS.map((slip): SlipReport => ({ slip, tries: 0, broken: [], wrong: 0 }));
  let seen = 0;
  for (const q of questions) {
    if (q.category === "chatty" || q.expect === "decline" || q.expect === "smalltalk") continue;
    if (seen++ % SLIP_SAMPLE_EVERY !== 0) continue;
    if (!isCorrect(kb, q, ask(q.q))) continue;
    for (const report of reports) {
      const text = withSlip(q.q, report.slip);
      if (text !== undefined) tryChanged(kb, report, q, text, ask);
    }
  }
  return reports;
}
