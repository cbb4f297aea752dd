// Does a question ask about what an answer says? Its names, places, numbers and dates must all occur in
// the answer (its texts, quotes or questions), it may name nothing the article never mentions, and every
// idea the engine's lexicon reads in it (money, visit, author…) must be one the answer touches: a
// paraphrase that brings in "Moscow", "2019" or "money" would teach the engine to give this answer to
// questions about those.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer } from "../content/schema.ts";
import type { Engine } from "../engine/index.ts";

export interface Disagreement {
  check: "names" | "numbers" | "dates" | "topic";
  reason: string;
}

interface AnswerFacts {
  /** The engine's terms for everything the answer says or is asked as (names as @id, concepts as #id). */
  terms: Set<string>;
  numbers: Set<string>;
  /** Months 0-11 the answer's texts mention. */
  months: Set<number>;
}

const LOCALES = ["en", "ru", "tr", "ky"] as const;

/**
 * Month names from the runtime's own calendar data (nominative and, for Russian, genitive forms).
 * Made on first use: 96 date formatters cost the bot's start-up about 80 ms, and only a curator's
 * check reads them.
 */
let monthFormsMade: { month: number; form: string }[] | undefined;
const monthForms = (): { month: number; form: string }[] =>
  (monthFormsMade ??= LOCALES.flatMap((locale) =>
    Array.from({ length: 12 }, (_, month) => {
      const day = new Date(Date.UTC(2024, month, 15));
      const long = new Intl.DateTimeFormat(locale, { month: "long", timeZone: "UTC" }).format(day);
      const inDate = new Intl.DateTimeFormat(locale, { month: "long", day: "numeric", timeZone: "UTC" })
        .formatToParts(day)
        .find((p) => p.type === "month")?.value;
      return [...new Set([long, inDate ?? long])].map((form) => ({
        month,
        form: form.toLocaleLowerCase(locale),
      }));
    }).flat(),
  ));
/** Month names that are also everyday words ("may", "march", aralık "interval", ocak "hearth"). */
const EVERYDAY_WORDS = new Set(["may", "march", "aralık", "ocak"]);

function monthOf(word: string): number | undefined {
  for (const { month, form } of monthForms()) {
    if (word === form) return month;
    // Inflected forms: марте, июне (Russian endings replace a final ь/я), martta, mayısta; a stem shorter
    // than three letters (мая) only matches itself.
    const stem = /[ья]$/.test(form) ? form.slice(0, -1) : form.length >= 6 ? form.slice(0, -1) : form;
    if (stem.length >= 3 && form.length >= 4 && word.startsWith(stem) && word.length <= stem.length + 4)
      return month;
  }
  return undefined;
}

const NUMBER = /\d+(?:[.,]\d+)*/g;
const numbersIn = (text: string) => new Set((text.match(NUMBER) ?? []).map((n) => n.replace(/,/g, ".")));

/** Months a text names; an everyday-word month counts only next to a number ("may 2024", "3 march"). */
export function monthsIn(text: string): Set<number> {
  const words = text.toLocaleLowerCase().match(/[\p{L}\d]+/gu) ?? [];
  const months = new Set<number>();
  words.forEach((word, i) => {
    const month = monthOf(word);
    if (month === undefined) return;
    const nearNumber = [words[i - 1], words[i + 1]].some((w) => w !== undefined && /^\d+$/.test(w));
    if (!EVERYDAY_WORDS.has(word) || nearNumber) months.add(month);
  });
  return months;
}

function textsOf(answer: Answer): string[] {
  return [
    ...Object.values(answer.answer),
    ...answer.quotes.map((q) => q.text),
    ...Object.values(answer.questions).flatMap((list) => list ?? []),
  ];
}

function monthName(month: number): string {
  return new Intl.DateTimeFormat("en", { month: "long", timeZone: "UTC" }).format(
    new Date(Date.UTC(2024, month, 15)),
  );
}

/** Checks questions against answers; an answer's facts are worked out once, on first use. */
export function createAgreement(kb: KnowledgeBase, engine: Pick<Engine, "groupKey">) {
  const facts = new Map<string, AnswerFacts>();
  const termsOf = (text: string) => engine.groupKey(text).split(" ").filter(Boolean);
  const entityName = (term: string) =>
    kb.entities.find((e) => e.id === term.slice(1))?.names[0] ??
    kb.outOfScope.find((e) => e.id === term.slice(1))?.names[0] ??
    term.slice(1);

  function factsOf(answer: Answer): AnswerFacts {
    let f = facts.get(answer.id);
    if (!f) {
      const texts = textsOf(answer);
      f = {
        terms: new Set(texts.flatMap(termsOf)),
        numbers: new Set(texts.flatMap((t) => [...numbersIn(t)])),
        months: new Set(texts.flatMap((t) => [...monthsIn(t)])),
      };
      facts.set(answer.id, f);
    }
    return f;
  }

  /** Every way `question` disagrees with the answer; empty when it asks only about what the answer says. */
  function disagreements(question: string, answer: Answer): Disagreement[] {
    const f = factsOf(answer);
    const out: Disagreement[] = [];
    const terms = termsOf(question);
    const outside = terms.filter((t) => t.startsWith("!"));
    if (outside.length > 0) {
      out.push({
        check: "names",
        reason: `names ${outside.map(entityName).join(", ")}, which the article never mentions`,
      });
    }
    const otherNames = terms.filter((t) => t.startsWith("@") && !f.terms.has(t));
    if (otherNames.length > 0) {
      out.push({
        check: "names",
        reason: `names ${otherNames.map(entityName).join(", ")}, which ${answer.id} does not mention`,
      });
    }
    const numbers = [...numbersIn(question)].filter((n) => !f.numbers.has(n));
    if (numbers.length > 0) {
      out.push({
        check: "numbers",
        reason: `says ${numbers.join(", ")}, a number ${answer.id} does not give`,
      });
    }
    const months = [...monthsIn(question)].filter((m) => !f.months.has(m));
    if (months.length > 0) {
      out.push({
        check: "dates",
        reason: `names ${months.map(monthName).join(", ")}, a month ${answer.id} does not mention`,
      });
    }
    // Concepts are the lexicon's ideas (grant, visit, author, money): one the answer never touches means
    // the question asks about something else. Plain words are left to the eval check: a typo or a light
    // word ("giv", "insist") is no reason to refuse.
    const concepts = terms.filter((t) => t.startsWith("#") && !f.terms.has(t));
    if (concepts.length > 0) {
      out.push({
        check: "topic",
        reason: `asks about ${concepts.map((w) => `"${w.slice(1)}"`).join(", ")}, which ${answer.id} never mentions`,
      });
    }
    return out;
  }

  return { disagreements };
}
