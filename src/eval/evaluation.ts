// Scores a question set against anything that decides like the engine (the engine itself, or a
// baseline in the benchmark): accuracy per category, reply language, and every miss. No I/O here:
// the callers read the files.
import { parse } from "yaml";
import * as z from "zod";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS } from "../content/langs.ts";
import type { Lang } from "../content/schema.ts";

/** What is scored of a decision: the engine's Decision is one; the benchmark's baselines make their own. */
export type Verdict = { score: number; lang: Lang } & (
  | { kind: "answer"; ids: readonly string[] }
  | { kind: "decline" }
  | { kind: "smalltalk"; intent?: string }
);

export const CATEGORIES = [
  "en",
  "ru",
  "tr",
  "ky",
  "ky-latn",
  "ru-latn",
  "typo",
  "chatty",
  "article-wording",
  "keyword",
  "combined",
  "out-of-scope",
  "near-miss",
  "smalltalk",
] as const;
export type Category = (typeof CATEGORIES)[number];

/**
 * Minimum share correct per category. en/ru/tr, out-of-scope, near-miss and small talk are the issue's
 * targets. Ours for the rest: Kyrgyz is understood only through names, shared loanwords and the lexicon
 * (no Kyrgyz stemmer exists), Latin-typed Russian loses information in transliteration, typos and bare
 * keywords give less to match: 90% for typo, keyword and combined, 85% for ky and ru-latn, 80% for Kyrgyz
 * typed in Latin letters (two lossy steps). Chatty messages (a story, then the question) are the issue's
 * 85%; questions in the article's own wording the same.
 */
export const TARGETS: Record<Category, number> = {
  en: 0.98,
  ru: 0.95,
  tr: 0.95,
  ky: 0.85,
  "ky-latn": 0.8,
  "ru-latn": 0.85,
  typo: 0.9,
  chatty: 0.85,
  "article-wording": 0.85,
  keyword: 0.9,
  combined: 0.9,
  "out-of-scope": 0.95,
  "near-miss": 0.85,
  smalltalk: 1,
};
/** Every reply must be in the question's language. */
export const LANGUAGE_TARGET = 1;

export const EvalQuestionSchema = z
  .object({
    q: z.string().min(1),
    expect: z.string().min(1),
    category: z.enum(CATEGORIES),
    lang: z.enum(LANGS),
    also: z.array(z.string()).optional(),
  })
  .strict();
export type EvalQuestion = z.infer<typeof EvalQuestionSchema>;

/** Parses a question set (YAML text with a `questions` list); throws on a malformed entry. */
export function parseQuestions(yamlText: string): EvalQuestion[] {
  const raw = parse(yamlText) as { questions?: unknown };
  return z.array(EvalQuestionSchema).parse(raw?.questions);
}

/** Checks the set's expectations against the content: an unknown id is a broken question, not a miss. */
export function unknownIds(
  kb: KnowledgeBase,
  questions: readonly Pick<EvalQuestion, "expect" | "also">[],
): string[] {
  const bad = new Set<string>();
  for (const q of questions)
    for (const id of [q.expect, ...(q.also ?? [])])
      if (id !== "decline" && id !== "smalltalk" && !kb.answerById.has(id)) bad.add(id);
  return [...bad];
}

/**
 * Correct: the expected answer first (or an accepted other), a decline, or small talk without a fact. A
 * decline may also accept answers (`also`) that themselves say the article lacks what was asked.
 */
export function isCorrect(kb: KnowledgeBase, q: Pick<EvalQuestion, "expect" | "also">, d: Verdict): boolean {
  if (q.expect === "decline")
    return d.kind === "decline" || (d.kind === "answer" && (q.also ?? []).includes(d.ids[0] ?? ""));
  if (q.expect === "smalltalk")
    return (
      d.kind === "smalltalk" ||
      (d.kind === "answer" && d.ids.every((id) => kb.answerById.get(id)?.kind === "bot"))
    );
  const first = d.kind === "answer" ? d.ids[0] : undefined;
  return first !== undefined && (first === q.expect || (q.also ?? []).includes(first));
}

export interface Miss {
  question: EvalQuestion;
  got: string;
  score: number;
  langOk: boolean;
}

export interface CategoryResult {
  category: Category;
  total: number;
  correct: number;
  accuracy: number;
  target: number;
}

export interface EvalReport {
  categories: CategoryResult[];
  total: number;
  correct: number;
  langCorrect: number;
  misses: Miss[];
}

/** What a decision said, for a miss line: the answer id, "decline" or "smalltalk". */
export function describe(d: Verdict): string {
  if (d.kind === "answer") return d.ids.join("+");
  if (d.kind === "smalltalk") return `smalltalk${d.intent ? `:${d.intent}` : ""}`;
  return "decline";
}

export function evaluate(
  kb: KnowledgeBase,
  questions: readonly EvalQuestion[],
  ask: (q: string) => Verdict,
): EvalReport {
  const per = new Map<Category, { total: number; correct: number }>();
  const misses: Miss[] = [];
  let correct = 0;
  let langCorrect = 0;
  for (const q of questions) {
    const d = ask(q.q);
    const ok = isCorrect(kb, q, d);
    const langOk = d.lang === q.lang;
    const c = per.get(q.category) ?? { total: 0, correct: 0 };
    c.total += 1;
    if (ok) c.correct += 1;
    per.set(q.category, c);
    if (ok) correct += 1;
    if (langOk) langCorrect += 1;
    if (!ok || !langOk) misses.push({ question: q, got: describe(d), score: d.score, langOk });
  }
  const categories = CATEGORIES.filter((c) => per.has(c)).map((category) => {
    const c = per.get(category) ?? { total: 0, correct: 0 };
    return { category, ...c, accuracy: c.total ? c.correct / c.total : 0, target: TARGETS[category] };
  });
  return { categories, total: questions.length, correct, langCorrect, misses };
}

export function percent(x: number): string {
  return `${(x * 100).toFixed(1)}%`;
}
