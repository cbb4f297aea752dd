// A claim checked with one detail wrong ("Japan gave 5.3 million for Osh, right?", "Lale Devrimi 2010'da
// olmuştu değil mi?"): the wrong detail is a name, year or figure the article does not have, and the rest
// of the message is a question the article answers. The answer corrects it; declining it ("the article does
// not mention Osh") leaves the reader with the mistake. Linguistic data and the reading's findings only.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { foldKey, plainWords } from "./normalize.ts";
import type { Analysis } from "./reading.ts";

/** Words and phrases that check a claim rather than ask afresh ("…, right?", "değil mi", "туурабы"). */
const CHECKING: readonly (readonly string[])[] =
  `isn't it|isnt it|is that so|who's right|whos right|am i right|i think|i understood|i read
правильно|верно|правда|так ли|не так ли|я правильно понял|я правильно поняла
değil mi|degil mi|doğru mu|dogru mu|öyle mi|oyle mi|sanırım|sanirim|galiba
туурабы|туура эмеспи|чынбы|беле|tuurabi|tuurabı|chynby|bele`
    .split(/[|\n]/)
    .map((p) => plainWords(p).map(foldKey));

/** English words that check a claim only as its tag ("…, right?"), not inside it ("right now"). */
const TAG = /\b(right|correct|true)\s*\?/i;

/** Does the message check a claim? */
export function checksAClaim(question: string): boolean {
  if (TAG.test(question)) return true;
  const words = plainWords(question).map(foldKey);
  return CHECKING.some((phrase) =>
    words.some((_, i) => phrase.length > 0 && phrase.every((w, k) => words[i + k] === w)),
  );
}

/** The kind of detail a wrong premise gets wrong, and what an answer must show to correct it. */
export type PremiseKind = "person" | "place" | "year" | "figure";

export interface Premise {
  surface: string;
  kind: PremiseKind;
}

const YEAR = /^(1[89]|20)\d\d$/;

/**
 * The details of a message the article lacks that a correction can set right: a person or place the
 * article never mentions (content: out-of-scope), a year no later than the article's own, a figure it
 * does not print. None when anything else it lacks is named (an idea, an organisation, a later year).
 */
export function wrongDetails(
  kb: KnowledgeBase,
  analysis: Analysis,
  latestYear: number,
): Premise[] | undefined {
  const out: Premise[] = [];
  // One name set wrong ("…for Osh, right?"); two ("Kazakhstan… Tokayev…") are another subject.
  if (analysis.outOfScope.length > 1) return undefined;
  for (const o of analysis.outOfScope) {
    const kind = kb.outOfScope.find((e) => e.id === o.id)?.kind;
    if (kind !== "person" && kind !== "place") return undefined;
    out.push({ surface: o.surface, kind });
  }
  if (analysis.unknownNames.length > 0) return undefined;
  for (const y of analysis.unknownYears) {
    if (Number(y) > latestYear) return undefined;
    out.push({ surface: y, kind: "year" });
  }
  for (const t of analysis.terms)
    if (t.unknown && !t.context && t.term.startsWith("n:") && !YEAR.test(t.surface))
      out.push({ surface: t.surface, kind: "figure" });
  return out.length > 0 ? out : undefined;
}

/** The message with the wrong details taken out, for the question it asks of the article. */
export function withoutDetails(question: string, premises: readonly Premise[]): string {
  let text = question;
  for (const p of premises) text = text.replace(p.surface, " ");
  return text;
}
