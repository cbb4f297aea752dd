// One declined group, sorted into what a curator can do about it. Shared by `npm run suggest`, the
// report and /unanswered, so all three tell the same story. A verdict comes from the engine's own
// decision on the question today: "names something the article never mentions" only when the engine
// says so (and names it), never guessed from counts or from a missing match.
import { createHash } from "node:crypto";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { DetectedLang, Engine } from "../engine/index.ts";
import type { DeclinedGroup } from "../storage/store.ts";
import { createAgreement, type Disagreement } from "./agreement.ts";
import type { QuestionsKey } from "./effect.ts";
import { markupIn, noiseReason } from "./noise.ts";

export interface Refusal {
  check: Disagreement["check"] | "markup" | "language" | "held-out" | "not-answered" | "worse";
  reason: string;
}

export type Verdict =
  /** No letters, markup only, a single character: not a question. */
  | { status: "noise"; reason: string }
  /** The engine answers it now (content changed since): nothing to do. */
  | { status: "answered-now"; ids: string[]; score: number }
  | { status: "smalltalk" }
  /** The engine declines it because it names something the article never mentions (its own reason). */
  | { status: "not-in-article"; name: string }
  /** The engine's closest answer, and whether the question could be added to it as a paraphrase. */
  | { status: "candidate"; answerId: string; score: number; under: QuestionsKey; refusals: Refusal[] }
  /** No answer is close as the engine reads it: a new answer, if the article says anything about it. */
  | { status: "nothing-close" };

export type Triaged = DeclinedGroup & {
  /** Stable id of the example text: what `suggest --apply` takes. */
  id: string;
  /** The language the engine reads the example in today. */
  readAs: DetectedLang;
  verdict: Verdict;
};

export function suggestionId(example: string): string {
  return `s${createHash("sha256").update(example).digest("hex").slice(0, 6)}`;
}

/** The questions list a question belongs in, or null when the engine could not tell its language. */
export function questionsKeyOf(detected: DetectedLang): QuestionsKey | null {
  if (detected === "unknown") return null;
  if (detected === "ky-latn") return "ky";
  return detected === "ru-latn" ? "ru" : detected;
}

export function createTriage(kb: KnowledgeBase, engine: Pick<Engine, "ask" | "groupKey">) {
  const agreement = createAgreement(kb, engine);

  function verdictOf(example: string, outOfScopeThen: number): { readAs: DetectedLang; verdict: Verdict } {
    const noise = noiseReason(example);
    const decision = engine.ask(example);
    const readAs = decision.detected;
    if (noise) return { readAs, verdict: { status: "noise", reason: noise } };
    if (decision.kind === "answer")
      return { readAs, verdict: { status: "answered-now", ids: decision.ids, score: decision.score } };
    if (decision.kind === "smalltalk") return { readAs, verdict: { status: "smalltalk" } };
    if (decision.reason === "out-of-scope")
      return { readAs, verdict: { status: "not-in-article", name: decision.name } };
    const best = decision.related[0];
    const answer = best ? kb.answerById.get(best.id) : undefined;
    if (!best || !answer) return { readAs, verdict: { status: "nothing-close" } };
    const under = questionsKeyOf(readAs);
    const refusals: Refusal[] = [];
    const markup = markupIn(example);
    if (markup)
      refusals.push({ check: "markup", reason: `contains markup (${markup}): a paraphrase is plain text` });
    if (!under)
      refusals.push({
        check: "language",
        reason: "the engine cannot tell its language, so it belongs in no questions list",
      });
    refusals.push(...agreement.disagreements(example, answer));
    // The kept text is lower-cased; as typed, capitals let the engine spot a name it does not know.
    if (outOfScopeThen > 0)
      refusals.push({
        check: "names",
        reason: `was declined ${outOfScopeThen}× for naming something the article never mentions (as typed, before lower-casing)`,
      });
    return {
      readAs,
      verdict: {
        status: "candidate",
        answerId: answer.id,
        score: best.score,
        under: under ?? "en",
        refusals,
      },
    };
  }

  return (group: DeclinedGroup): Triaged => ({
    ...group,
    id: suggestionId(group.example),
    ...verdictOf(group.example, group.outOfScope ?? 0),
  });
}
