// Fits the engine's confidence model (src/engine/confidence.ts) on the content itself, no test question:
//  - positives and confusions: each answer's curated paraphrases held out in turn (five folds, so a
//    paraphrase is never matched against itself nor its words learnt), asked of an index built without
//    them; right when the best answer is its own, wrong otherwise;
//  - negatives: whole answers held out in turn (five folds), their paraphrases asked of an index that
//    lacks them: whatever comes first is wrong (the near miss of a question the article does not answer);
//    the small-talk phrases: no answer is right for them.
// Then a logistic regression (standardised signals, L2, plain gradient descent; a few dozen lines: no
// package earns its place for that) and the cut point between a sure and a hedged answer.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer, Lang } from "../content/schema.ts";
import {
  type ConfidenceModel,
  FEATURES,
  type Features,
  featuresOf,
  MODEL_VERSION,
  probability,
} from "../engine/confidence.ts";
import { rankAsked } from "../engine/decide.ts";
import { buildIndex } from "../engine/index.ts";
import { QuestionReader } from "../engine/reading.ts";

const FOLDS = 5;

export interface Example {
  question: string;
  features: Features;
  right: boolean;
  source: "paraphrase" | "held-out-answer" | "smalltalk";
}

type Asked = { q: string; lang: Lang | "ky" };

function paraphrasesOf(a: Answer): Asked[] {
  return Object.entries(a.questions).flatMap(([lang, list]) =>
    (list ?? []).map((q: string) => ({ q, lang: lang as Lang | "ky" })),
  );
}

function withAnswers(kb: KnowledgeBase, answers: Answer[]): KnowledgeBase {
  return { ...kb, answers, answerById: new Map(answers.map((a) => [a.id, a])) };
}

/** The content's index and a reader of questions against its vocabulary. */
function indexed(kb: KnowledgeBase) {
  const { vocabulary, index } = buildIndex(kb);
  return { kb, reader: new QuestionReader(vocabulary), index };
}

function ask(parts: ReturnType<typeof indexed>, q: string) {
  const analysis = parts.reader.read(q, "en");
  const ranked = rankAsked(parts.kb, parts.index, analysis);
  const r = featuresOf(parts.index, analysis, ranked);
  return r && { features: r.features, top: ranked[0]?.id };
}

/** The training examples, deterministic for given content. */
export function trainingExamples(content: KnowledgeBase): Example[] {
  // An answer given only when its required concepts are asked ("how does the article spell…") never
  // competes with the rest: it is left out, so adding one does not move the model.
  const kb = withAnswers(
    content,
    content.answers.filter((a) => a.requires.length === 0),
  );
  const out: Example[] = [];
  for (let fold = 0; fold < FOLDS; fold++) {
    // Paraphrases held out: every FOLDS-th of each answer's list.
    const held: { answer: string; asked: Asked }[] = [];
    const answers = kb.answers.map((a) => {
      const questions: Answer["questions"] = { ...a.questions };
      for (const lang of Object.keys(questions) as (keyof Answer["questions"])[]) {
        const list = questions[lang] ?? [];
        questions[lang] = list.filter((q, i) => {
          const out = (i + fold) % FOLDS === 0 && list.length > 1;
          if (out) held.push({ answer: a.id, asked: { q, lang } });
          return !out;
        }) as never;
      }
      return { ...a, questions };
    });
    const parts = indexed(withAnswers(kb, answers));
    for (const h of held) {
      const r = ask(parts, h.asked.q);
      if (r)
        out.push({
          question: h.asked.q,
          features: r.features,
          right: r.top === h.answer,
          source: "paraphrase",
        });
    }
    // Whole answers held out (never the bot's own, which every question about the bot needs).
    const kept = kb.answers.filter((a, i) => a.kind === "bot" || i % FOLDS !== fold);
    const missing = kb.answers.filter((a) => !kept.includes(a));
    const partsWithout = indexed(withAnswers(kb, kept));
    for (const a of missing)
      for (const asked of paraphrasesOf(a)) {
        const r = ask(partsWithout, asked.q);
        if (r) out.push({ question: asked.q, features: r.features, right: false, source: "held-out-answer" });
      }
  }
  const full = indexed(kb);
  for (const intent of kb.smalltalk)
    for (const list of Object.values(intent.phrases))
      for (const q of list ?? []) {
        const r = ask(full, q);
        if (r) out.push({ question: q, features: r.features, right: false, source: "smalltalk" });
      }
  return out;
}

/** L2-regularised logistic regression by full-batch gradient descent on standardised signals. */
export function fitLogistic(
  examples: readonly Example[],
  opts = { iterations: 3000, rate: 0.5, l2: 1e-3 },
): Pick<ConfidenceModel, "mean" | "scale" | "weights" | "intercept"> {
  const n = FEATURES.length;
  const mean = Array.from({ length: n }, (_, j) => avg(examples.map((e) => e.features[j] as number)));
  const scale = Array.from({ length: n }, (_, j) => {
    const sd = Math.sqrt(avg(examples.map((e) => ((e.features[j] as number) - (mean[j] as number)) ** 2)));
    return sd > 1e-9 ? sd : 1;
  });
  const xs = examples.map((e) => e.features.map((v, j) => (v - (mean[j] as number)) / (scale[j] as number)));
  const ys = examples.map((e) => (e.right ? 1 : 0));
  const w = new Array<number>(n).fill(0);
  let b = 0;
  for (let it = 0; it < opts.iterations; it++) {
    const gw = new Array<number>(n).fill(0);
    let gb = 0;
    xs.forEach((x, i) => {
      let z = b;
      for (let j = 0; j < n; j++) z += (w[j] as number) * (x[j] as number);
      const err = 1 / (1 + Math.exp(-z)) - (ys[i] as number);
      for (let j = 0; j < n; j++) gw[j] = (gw[j] as number) + err * (x[j] as number);
      gb += err;
    });
    for (let j = 0; j < n; j++)
      w[j] = (w[j] as number) - opts.rate * ((gw[j] as number) / xs.length + opts.l2 * (w[j] as number));
    b -= (opts.rate * gb) / xs.length;
  }
  return { mean: mean.map(r6), scale: scale.map(r6), weights: w.map(r6), intercept: r6(b) };
}

/**
 * The lowest probability at which the examples above it are right at least `precision` of the time
 * (scanning from the most confident down): the cut point for that precision on the training material.
 */
export function cutFor(examples: readonly { p: number; right: boolean }[], precision: number): number {
  const sorted = [...examples].sort((a, b) => b.p - a.p);
  let right = 0;
  let cut = 1;
  sorted.forEach((e, i) => {
    if (e.right) right += 1;
    if (right / (i + 1) >= precision) cut = e.p;
  });
  return r6(cut);
}

/**
 * Precision a sure answer is held to on the training material; an answer below the cut is given with a
 * hedge. 0.9: on the eval sets this hedges about a third of the answers, among them most wrong ones.
 */
export const SURE_PRECISION = 0.9;

export function fitModel(kb: KnowledgeBase): { model: ConfidenceModel; examples: Example[] } {
  const examples = trainingExamples(kb);
  const fitted = fitLogistic(examples);
  const model: ConfidenceModel = {
    version: MODEL_VERSION,
    features: [...FEATURES],
    ...fitted,
    sure: 1,
  };
  const scored = examples.map((e) => ({ p: probability(model, e.features), right: e.right }));
  model.sure = cutFor(scored, SURE_PRECISION);
  return { model, examples };
}

/** The model as the TypeScript module the engine imports. */
export function modelSource(model: ConfidenceModel): string {
  return `// Generated by \`npm run fit\` (src/cli/fit-confidence.ts) from content/: do not edit by hand.
import type { ConfidenceModel } from "./confidence.ts";

export const MODEL: ConfidenceModel = ${JSON.stringify(model, null, 2)};
`;
}

function avg(xs: readonly number[]): number {
  return xs.reduce((a, b) => a + b, 0) / (xs.length || 1);
}

function r6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
