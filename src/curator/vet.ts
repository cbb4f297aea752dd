// The engine's own check of a candidate paraphrase: build the engine with it added, decide every question
// of the eval and dev sets with both engines, and ask the new engine the phrasing itself. A candidate is
// safe only when nothing gets worse and the engine then gives the intended answer to it.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Engine } from "../engine/index.ts";
import {
  type Addition,
  compareResults,
  type Effect,
  effectOf,
  type QuestionSet,
  runSets,
  type SetResults,
} from "./effect.ts";
import type { Refusal, Triaged } from "./triage.ts";

export type CandidateGroup = Triaged & { verdict: { status: "candidate" } };

export interface Vetted {
  addition: Addition;
  refusals: Refusal[];
  /** What adding it would change; absent when a cheaper check already refused it. */
  effect?: Effect;
  /** How the engine with the addition reads the phrasing: answer id(s), "decline" or "smalltalk". */
  answeredAs?: string;
}

const comparable = (q: string) =>
  q
    .normalize("NFKC")
    .toLocaleLowerCase()
    .replace(/[\s?!.¿,;:]+/g, " ")
    .trim();

export function isCandidate(t: Triaged): t is CandidateGroup {
  return t.verdict.status === "candidate";
}

export function additionOf(t: CandidateGroup): Addition {
  return { answerId: t.verdict.answerId, under: t.verdict.under, question: t.example };
}

export function createVetting(kb: KnowledgeBase, engine: Pick<Engine, "ask">, sets: readonly QuestionSet[]) {
  const baseline: SetResults[] = runSets(kb, engine, sets);
  const setOf = new Map<string, string>();
  for (const set of sets) for (const q of set.questions) setOf.set(comparable(q.q), set.name);

  function vet(t: CandidateGroup): Vetted {
    const addition = additionOf(t);
    const refusals = [...t.verdict.refusals];
    const heldOut = setOf.get(comparable(t.example));
    if (heldOut)
      refusals.push({
        check: "held-out",
        reason: `is a question of ${heldOut}: adding it would spoil that measurement`,
      });
    if (refusals.length > 0) return { addition, refusals };
    const { effect, engine: after } = effectOf(kb, baseline, sets, [addition]);
    const decision = after.ask(t.example);
    const answeredAs = decision.kind === "answer" ? decision.ids.join("+") : decision.kind;
    if (decision.kind !== "answer" || decision.ids[0] !== addition.answerId)
      refusals.push({
        check: "not-answered",
        reason: `even with it added the engine would not answer it with ${addition.answerId} (it would give: ${answeredAs})`,
      });
    if (effect.worse.length > 0)
      refusals.push({
        check: "worse",
        reason: `would make ${effect.worse.length} question(s) of the eval and dev sets wrong`,
      });
    return { addition, refusals, effect, answeredAs };
  }

  /** Everything `additions` change together (two safe paraphrases can still clash). */
  function together(additions: readonly Addition[]): Effect {
    return additions.length === 0
      ? compareResults(baseline, baseline)
      : effectOf(kb, baseline, sets, additions).effect;
  }

  return { baseline, vet, together };
}
