// What adding paraphrases would change: the engine is built again with them added, and every question of
// the eval and dev sets is decided by both engines. A question that was right and goes wrong is "worse";
// any such question makes the addition unsafe.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer } from "../content/schema.ts";
import { createEngine, type Engine } from "../engine/index.ts";
import { describe, type EvalQuestion, isCorrect } from "../eval/evaluation.ts";

export type QuestionsKey = "en" | "ru" | "tr" | "ky";

export interface Addition {
  answerId: string;
  under: QuestionsKey;
  question: string;
}

export interface QuestionSet {
  /** Its file, as the curator knows it (test/eval/questions.yaml). */
  name: string;
  questions: EvalQuestion[];
}

/** Each question's outcome on one engine, in set order. */
export interface SetResults {
  name: string;
  outcomes: { question: EvalQuestion; correct: boolean; got: string }[];
}

export interface Change {
  set: string;
  question: string;
  expected: string;
  before: string;
  after: string;
}

export interface Effect {
  worse: Change[];
  better: Change[];
  /** Decisions that changed without getting better or worse (another accepted answer, a new decline…). */
  otherwise: number;
  /** Right answers per set, before and after. */
  totals: { set: string; before: number; after: number; total: number }[];
}

/** The knowledge base with the paraphrases added (the original is not touched). */
export function withAdditions(kb: KnowledgeBase, additions: readonly Addition[]): KnowledgeBase {
  if (additions.length === 0) return kb;
  const answers = kb.answers.map((answer): Answer => {
    const mine = additions.filter((a) => a.answerId === answer.id);
    if (mine.length === 0) return answer;
    const questions = { ...answer.questions };
    for (const a of mine) questions[a.under] = [...(questions[a.under] ?? []), a.question];
    return { ...answer, questions };
  });
  return { ...kb, answers, answerById: new Map(answers.map((a) => [a.id, a])) };
}

export function runSets(
  kb: KnowledgeBase,
  engine: Pick<Engine, "ask">,
  sets: readonly QuestionSet[],
): SetResults[] {
  return sets.map((set) => ({
    name: set.name,
    outcomes: set.questions.map((question) => {
      const decision = engine.ask(question.q);
      return { question, correct: isCorrect(kb, question, decision), got: describe(decision) };
    }),
  }));
}

export function compareResults(before: readonly SetResults[], after: readonly SetResults[]): Effect {
  const effect: Effect = { worse: [], better: [], otherwise: 0, totals: [] };
  before.forEach((set, i) => {
    const next = after[i];
    if (!next) return;
    set.outcomes.forEach((was, j) => {
      const now = next.outcomes[j];
      if (!now || now.got === was.got) return;
      const change = {
        set: set.name,
        question: was.question.q,
        expected: [was.question.expect, ...(was.question.also ?? [])].join("|"),
        before: was.got,
        after: now.got,
      };
      if (was.correct && !now.correct) effect.worse.push(change);
      else if (!was.correct && now.correct) effect.better.push(change);
      else effect.otherwise++;
    });
    effect.totals.push({
      set: set.name,
      before: set.outcomes.filter((o) => o.correct).length,
      after: next.outcomes.filter((o) => o.correct).length,
      total: set.outcomes.length,
    });
  });
  return effect;
}

/**
 * Builds the engine with `additions` and compares it with `baseline` (the current engine's results).
 * Also returns that engine, so a caller can ask it how it now reads the added phrasings.
 */
export function effectOf(
  kb: KnowledgeBase,
  baseline: readonly SetResults[],
  sets: readonly QuestionSet[],
  additions: readonly Addition[],
): { effect: Effect; engine: Engine; kb: KnowledgeBase } {
  const changed = withAdditions(kb, additions);
  const engine = createEngine(changed);
  return { effect: compareResults(baseline, runSets(changed, engine, sets)), engine, kb: changed };
}
