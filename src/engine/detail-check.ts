// Near misses: a question asking for a detail its best answer does not give ("what exactly did
// Syromolotov say?" when the article quotes no words of his; "when?" of an answer without a date;
// "who signed?" of one that names nobody). Such a question is declined, naming what the article does
// say, instead of getting the nearest fact. What a question asks is read from its kind of question
// (the lexicon's #q-when, #q-how-much, #q-who; #say outside "what does the article say"); what an
// answer gives is read from its English text (dates, figures, people's names) plus its `details`
// in content/answers.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer, Detail } from "../content/schema.ts";
import type { Analysis } from "./reading.ts";

const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/g;
const DAY_MONTH = new RegExp(`\\b\\d{1,2}(st|nd|rd|th)? (${MONTH})\\b|\\b(${MONTH}) \\d{1,2}\\b`, "g");
const A_MONTH = new RegExp(`\\b(${MONTH})\\b`);

/** What a kind of question asks for. */
const ASKS: ReadonlyMap<string, Detail> = new Map([
  ["#q-when", "date"],
  ["#q-how-much", "amount"],
  ["#q-who", "person"],
]);

export class DetailCheck {
  private readonly gives = new Map<string, ReadonlySet<Detail>>();
  /** Terms that name someone who could be quoted: people, and offices (content/lexicon.yaml kind office). */
  private readonly speakers: ReadonlySet<string>;
  /** The one-word terms of the lexicon's "say" concept. */
  private readonly sayWords: ReadonlySet<string>;

  constructor(kb: KnowledgeBase) {
    this.speakers = new Set([
      ...kb.entities.filter((e) => e.kind === "person").map((e) => `@${e.id}`),
      ...kb.concepts.filter((c) => c.kind === "office").map((c) => `#${c.id}`),
    ]);
    this.sayWords = new Set(
      kb.concepts.filter((c) => c.id === "say").flatMap((c) => c.terms.map((t) => t.toLowerCase())),
    );
    const people = kb.entities.filter((e) => e.kind === "person").flatMap((e) => e.names.map(wordsOf));
    for (const a of kb.answers) this.gives.set(a.id, detailsOf(a, people));
  }

  /** The detail the question asks for that the answer lacks, if any. */
  lacking(analysis: Pick<Analysis, "terms" | "framed" | "words">, answerId: string): Detail | undefined {
    const gives = this.gives.get(answerId);
    const wants = this.asked(analysis);
    // One detail asked in one question: a message of several questions, or one asking for two kinds of
    // thing ("when, and what did he say?"), is answered in parts, not judged by one of them.
    if (!gives || wants.length !== 1) return undefined;
    const [detail] = wants as [Detail];
    return gives.has(detail) ? undefined : detail;
  }

  /** The details a question asks for: its kinds of question, and someone's words when it asks what someone said. */
  asked(analysis: Pick<Analysis, "terms" | "framed" | "words">): Detail[] {
    const own = analysis.terms.filter((t) => !t.context);
    const terms = new Set(own.map((t) => t.term));
    // Several question words ("when… and what… / why…"): several questions, not one detail.
    if ([...terms].filter((t) => t.startsWith("#q-")).length > 1) return [];
    // What is asked is in the last clause ("When they met, which organisations did they discuss?" asks
    // for organisations; "In what year…? And what is the grant for?" is two questions).
    const last = Math.max(...own.map((t) => t.clause));
    const inLast = (term: string) => own.some((t) => t.term === term && t.clause === last);
    const out: Detail[] = [];
    for (const [term, detail] of ASKS) if (inLast(term)) out.push(detail);
    // "What did Du Dewen / the ambassador say?" asks for words; "what does it / the author say about…"
    // asks what the article says.
    const speaker = [...terms].some((t) => this.speakers.has(t));
    if (
      inLast("#say") &&
      speaker &&
      !analysis.framed &&
      !terms.has("#author") &&
      !terms.has("#article") &&
      !pronounSays(analysis.words, this.sayWords)
    )
      out.push("words");
    return out;
  }
}

/** Pronouns that, just before "say", make the article or its author the one saying ("what does it say"). */
const PRONOUNS = new Set(["it", "he", "she", "they", "он", "она", "оно", "они"]);

/** "What does it say…", "what does he say was…": the pronoun says it, not the person the question names. */
function pronounSays(words: readonly string[], sayWords: ReadonlySet<string>): boolean {
  return words.some(
    (w, i) =>
      (sayWords.has(w) || sayWords.has(w.replace(/s$/, ""))) &&
      (PRONOUNS.has(words[i - 1] ?? "") || PRONOUNS.has(words[i - 2] ?? "")),
  );
}

/** Lower-case words between spaces, so a name is found as whole words: " du dewen ". */
function wordsOf(text: string): string {
  return ` ${text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim()} `;
}

function detailsOf(a: Answer, people: readonly string[]): ReadonlySet<Detail> {
  const text = a.answer.en;
  const out = new Set<Detail>(a.details);
  if (YEAR.test(text) || A_MONTH.test(text)) out.add("date");
  YEAR.lastIndex = 0;
  // A figure other than a date: "5.3 million dollars", not "23 March 2023".
  if (/\d/.test(text.replace(DAY_MONTH, " ").replace(YEAR, " "))) out.add("amount");
  const words = wordsOf(text);
  if (people.some((name) => words.includes(name))) out.add("person");
  // An answer about the bot, or one gathering several facts, is no near miss of a detail.
  if (a.kind !== "fact") for (const d of ["date", "amount", "person", "words"] as const) out.add(d);
  return out;
}
