// Near misses: a question asking for a detail its best answer does not give ("what exactly did
// Syromolotov say?" when the article quotes no words of his; "when?" of an answer without a date;
// "who signed?" of one that names nobody). Such a question is declined, naming what the article does
// say, instead of getting the nearest fact. What a question asks is read from its kind of question
// (the lexicon's #q-when, #q-how-much, #q-who; #say outside "what does the article say"); what an
// answer gives is read from its English text (dates, figures, people's names) plus its `details`
// in content/answers. Finer details ("what exact day", "in som", "did they sign anything", "the name of
// the law") are asked by the words content/details.yaml lists in every language, and given by what that
// file says shows them in an answer.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS } from "../content/langs.ts";
import type { Answer, Detail, DetailAsk, Lang } from "../content/schema.ts";
import { namedByMost } from "./answer-names.ts";
import { REPORTED } from "./matcher.ts";
import { foldKey, lowerCase, tokenize } from "./normalize.ts";
import type { Analysis } from "./reading.ts";
import { ABOUT_AFTER, ABOUT_BEFORE } from "./stopwords.ts";

const MONTH = "January|February|March|April|May|June|July|August|September|October|November|December";
const YEAR = /\b(1[5-9]\d\d|20\d\d)\b/g;
// A day of a month, in words or in figures ("23 March", "March 23", "24.03.2023").
const DAY_MONTH = new RegExp(
  `\\b\\d{1,2}(st|nd|rd|th)? (${MONTH})\\b|\\b(${MONTH}) \\d{1,2}\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b`,
  "g",
);
const A_MONTH = new RegExp(`\\b(${MONTH})\\b|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{4}\\b`);
const A_DAY = new RegExp(DAY_MONTH.source);
/** A sum of money as the answers print it. */
const MONEY = /[$€£¥]\s?\d|\d\s?(million|billion|thousand)?\s?(dollars?|euros?|yen|som|rubles?)\b/i;
/** A length, or a length of time: "280 km", "for 5 years". */
const LENGTH = /\d\s?(km|kilomet(er|re)s?|miles?|years?|months?)\b/i;

/** Giving or allocating, and signing (content: lexicon). */
const GIVING = "#allocate";
/** What a kind of question asks for. */
const ASKS: ReadonlyMap<string, Detail> = new Map([
  ["#q-when", "date"],
  ["#q-how-much", "amount"],
  ["#q-who", "person"],
]);

/** One word of a term as folded text: whole, or (written with a final "*") as the start of a longer word. */
interface TermWord {
  key: string;
  prefix: boolean;
  /** How many other words may come before this one (after an ellipsis in the term). */
  gap?: number;
}

const ELLIPSIS = /…|\.\.\./;
const GAP = 2;

/** A finer detail and one of the word sequences that ask for it. */
interface FinerAsk {
  detail: Detail;
  words: TermWord[];
}

/** A DetailCheck as plain data, for the saved index (src/engine/snapshot.ts). */
export interface DetailCheckData {
  gives: [string, Detail[]][];
  finer: FinerAsk[];
  speakers: string[];
  /** Ideas only a person does, and offices (content/lexicon.yaml kinds personal and office). */
  personal: string[];
  /** Ties between countries (content/lexicon.yaml kind tie). */
  ties: string[];
  listDetails: Detail[];
  named: [string, string[]][];
  places: string[];
  people: string[];
  /** Per answer, the months its English text gives a day of ("23 March": "march"). */
  dayMonths: [string, string[]][];
  sayWords: string[];
  /** Per answer giving someone's words, whose words they are, as terms ("@du-dewen"); content: speakers. */
  quoted: [string, string[]][];
}

export class DetailCheck {
  private readonly gives = new Map<string, ReadonlySet<Detail>>();
  /** The word sequences that ask for a finer detail, in content/details.yaml's order. */
  private readonly finer: FinerAsk[];
  /**
   * Where to look for them: the sequences by their first word, and those whose one word is a prefix.
   * A question's words then pick the few sequences worth trying instead of all of them (about 300).
   */
  private readonly finerByFirst = new Map<string, number[]>();
  private readonly finerByPrefix: number[] = [];
  /** finerAsked's answer per question (lacking asks it for each candidate answer). */
  private readonly finerOf = new WeakMap<readonly string[], readonly Detail[]>();
  /** Terms that name someone who could be quoted: people, and offices (content/lexicon.yaml kind office). */
  private readonly speakers: ReadonlySet<string>;
  /** Asked who did one of these, a country is no answer ("who signed?", "who led the delegation?"). */
  private readonly personal: ReadonlySet<string>;
  /** Asked with whom of one of these, the countries an answer names are the answer ("kime bağımlı?"). */
  private readonly ties: ReadonlySet<string>;
  /** Details a list of names gives ("which organisations exactly"). */
  private readonly listDetails: ReadonlySet<Detail>;
  /** The article's names each answer's English text gives, as terms ("@csto"). */
  private readonly named = new Map<string, ReadonlySet<string>>();
  /** Names of places ("@russia"): the setting of most answers, a list only when there are several. */
  private readonly places: ReadonlySet<string>;
  private readonly people: ReadonlySet<string>;
  /** Names most answers give (the article's own country): the setting, never a giver. */
  private readonly everywhere: ReadonlySet<string>;
  private readonly dayMonths = new Map<string, ReadonlySet<string>>();
  private readonly quoted = new Map<string, ReadonlySet<string>>();
  /** The one-word terms of the lexicon's "say" concept. */
  private readonly sayWords: ReadonlySet<string>;

  /** From a saved index's data (src/engine/snapshot.ts); `DetailCheck.fromContent` works it out. */
  constructor(data: DetailCheckData) {
    this.speakers = new Set(data.speakers);
    this.personal = new Set(data.personal);
    this.ties = new Set(data.ties);
    this.sayWords = new Set(data.sayWords);
    this.listDetails = new Set(data.listDetails);
    this.places = new Set(data.places);
    this.people = new Set(data.people);
    for (const [id, months] of data.dayMonths) this.dayMonths.set(id, new Set(months));
    for (const [id, people] of data.quoted) this.quoted.set(id, new Set(people));
    this.finer = data.finer;
    this.finer.forEach((ask, i) => {
      const first = ask.words[0];
      if (!first) return;
      if (first.prefix) this.finerByPrefix.push(i);
      else {
        const list = this.finerByFirst.get(first.key);
        if (list) list.push(i);
        else this.finerByFirst.set(first.key, [i]);
      }
    });
    for (const [id, gives] of data.gives) this.gives.set(id, new Set(gives));
    for (const [id, named] of data.named) this.named.set(id, new Set(named));
    this.everywhere = namedByMost([...this.named.values()]);
  }

  /** Reads what each answer gives and how each finer detail is asked (tens of ms: kept in the saved index). */
  static fromContent(kb: KnowledgeBase): DetailCheck {
    const people = kb.entities.filter((e) => e.kind === "person").flatMap((e) => e.names.map(wordsOf));
    // Every spelling of every name as whole words, worked out once for all the answers.
    const nameWords = kb.entities.map((e) => ({ term: `@${e.id}`, words: e.names.map(wordsOf) }));
    const places = new Set(kb.entities.filter((e) => e.kind === "place").map((e) => `@${e.id}`));
    const gives: [string, Detail[]][] = [];
    const named: [string, string[]][] = [];
    const dayMonths: [string, string[]][] = [];
    for (const a of kb.answers) {
      const words = wordsOf(a.answer.en);
      const names = nameWords.filter((e) => e.words.some((w) => words.includes(w))).map((e) => e.term);
      const namesPlace = names.some((n) => places.has(n));
      const given = new Set(detailsOf(a, people));
      for (const d of kb.detailAsks)
        if ((a.kind !== "fact" && a.kind !== "combined") || finerShown(a, d, namesPlace)) given.add(d.detail);
      gives.push([a.id, [...given]]);
      dayMonths.push([a.id, monthsWithDay(a.answer.en)]);
      named.push([a.id, names]);
    }
    return new DetailCheck({
      gives,
      named,
      places: kb.entities.filter((e) => e.kind === "place").map((e) => `@${e.id}`),
      people: kb.entities.filter((e) => e.kind === "person").map((e) => `@${e.id}`),
      dayMonths,
      speakers: [
        ...kb.entities.filter((e) => e.kind === "person").map((e) => `@${e.id}`),
        ...kb.concepts.filter((c) => c.kind === "office").map((c) => `#${c.id}`),
      ],
      personal: kb.concepts
        .filter((c) => c.kind === "personal" || c.kind === "office")
        .map((c) => `#${c.id}`),
      ties: kb.concepts.filter((c) => c.kind === "tie").map((c) => `#${c.id}`),
      sayWords: kb.concepts.filter((c) => c.id === "say").flatMap((c) => c.terms.map((t) => t.toLowerCase())),
      quoted: kb.answers
        .filter((a) => a.speakers.length > 0)
        .map((a) => [a.id, a.speakers.map((s) => `@${s}`)]),
      listDetails: kb.detailAsks.filter((d) => d.shownBy === "list").map((d) => d.detail),
      finer: kb.detailAsks.flatMap((d) =>
        (["en", "ru", "tr", "ky"] as const).flatMap((lang) =>
          d.asks[lang].map((term) => ({ detail: d.detail, words: termWords(term, lang) })),
        ),
      ),
    });
  }

  toData(): DetailCheckData {
    return {
      gives: [...this.gives].map(([id, gives]) => [id, [...gives]]),
      finer: this.finer,
      speakers: [...this.speakers],
      personal: [...this.personal],
      ties: [...this.ties],
      listDetails: [...this.listDetails],
      named: [...this.named].map(([id, named]) => [id, [...named]]),
      places: [...this.places],
      people: [...this.people],
      dayMonths: [...this.dayMonths].map(([id, months]) => [id, [...months]]),
      sayWords: [...this.sayWords],
      quoted: [...this.quoted].map(([id, people]) => [id, [...people]]),
    };
  }

  /** The finer details the asking sentences of a question ask for, in content/details.yaml's order. */
  finerAsked(words: readonly string[]): readonly Detail[] {
    const known = this.finerOf.get(words);
    if (known) return known;
    const candidates = new Set<number>(this.finerByPrefix);
    for (const w of words) for (const i of this.finerByFirst.get(w) ?? []) candidates.add(i);
    const out: Detail[] = [];
    for (const i of [...candidates].sort((a, b) => a - b)) {
      const ask = this.finer[i] as FinerAsk;
      if (!out.includes(ask.detail) && occurs(ask.words, words)) out.push(ask.detail);
    }
    this.finerOf.set(words, out);
    return out;
  }

  /** Does the answer give this kind of detail (a sum, a date, a place…)? */
  givesDetail(answerId: string, detail: Detail): boolean {
    return this.gives.get(answerId)?.has(detail) ?? false;
  }

  /** The detail the question asks for that the answer lacks, if any. */
  lacking(
    analysis: Pick<
      Analysis,
      "terms" | "framed" | "words" | "askingWords" | "askingTyped" | "quoting" | "lang"
    >,
    answerId: string,
  ): Detail | undefined {
    const gives = this.gives.get(answerId);
    if (!gives) return undefined;
    const finer = this.finerLacking(analysis, answerId);
    if (finer) return finer;
    // "When in May…?", "which date in May": the day within a month the question names. An answer giving
    // only the month ("in May 2023"), or a day of another month, lacks it.
    if (this.asksDayOf(analysis, answerId)) return "day";
    // "Where is Batken?": where a place itself lies, which no answer says (they say what happens there).
    if (asksWhereAPlaceIs(analysis, this.places)) return "location";
    // "Who was the interpreter?": a role the content never names is a person the article does not name,
    // whoever else the answer names.
    if (asksUnknownRole(analysis)) return "person";
    const wants = this.asked(analysis);
    // One detail asked in one question: a message of several questions, or one asking for two kinds of
    // thing ("when, and what did he say?"), is answered in parts, not judged by one of them.
    if (wants.length !== 1) return undefined;
    const [detail] = wants as [Detail];
    // "Who gave the money?": a giver may be a country the answer names ("a grant from Japan"). Not who
    // signed: that is a person.
    if (detail === "person" && this.givenByCountry(analysis, answerId)) return undefined;
    if (!gives.has(detail)) return detail;
    return detail === "words" || detail === "verbatim" ? this.othersWords(analysis, answerId) : undefined;
  }

  /**
   * Asked who of an answer naming a country (not the article's own): who gave or allocated something,
   * or whom a country depends on, competes or cooperates with ("kime karşı bağımlılık?": Russia and
   * China), a country the question does not name. Not who signed, said, met, led or wrote: a person does.
   */
  private givenByCountry(analysis: Pick<Analysis, "terms">, answerId: string): boolean {
    const own = new Set(analysis.terms.filter((t) => !t.context).map((t) => t.term));
    if ([...own].some((t) => this.personal.has(t))) return false;
    const giving = own.has(GIVING);
    if (!giving && ![...own].some((t) => this.ties.has(t))) return false;
    // "Who was Primakov?" asks who someone is, whatever countries the answer names.
    if (!giving && [...own].some((t) => t.startsWith("@") && !this.places.has(t))) return false;
    for (const name of this.named.get(answerId) ?? [])
      if (this.places.has(name) && !this.everywhere.has(name) && (giving || !own.has(name))) return true;
    return false;
  }

  /**
   * A finer detail named in so many words that the answer lacks: each one asked must be given ("how
   * long is the railway and how much will it cost" lacks both).
   */
  finerLacking(
    analysis: Pick<Analysis, "terms" | "askingWords" | "askingTyped">,
    answerId: string,
  ): Detail | undefined {
    const gives = this.gives.get(answerId);
    if (!gives) return undefined;
    const asked = analysis.askingTyped
      ? [...new Set([...this.finerAsked(analysis.askingWords), ...this.finerAsked(analysis.askingTyped)])]
      : this.finerAsked(analysis.askingWords);
    // "На какие именно цели?" asks what it is for, not for names one by one.
    const forWhat = analysis.terms.some((t) => t.term === "#use-for");
    for (const detail of asked) {
      if (gives.has(detail)) continue;
      if (this.listDetails.has(detail) && (forWhat || this.listsNames(analysis, answerId))) continue;
      return detail;
    }
    return undefined;
  }

  /**
   * Someone's words asked of an answer quoting someone else: "what did Japarov say about the visit?" of
   * the ambassador's announcement of it. The people the question names must include one it quotes; an
   * office it names ("what did the Chinese envoy say about Zhaparov?") may be the quoted person's.
   */
  private othersWords(analysis: Pick<Analysis, "terms" | "words">, answerId: string): Detail | undefined {
    const quoted = this.quoted.get(answerId);
    if (!quoted) return undefined;
    const own = analysis.terms.filter((t) => !t.context);
    // A report's words, or a claim being checked ("my neighbour said Japarov will go; is it true?").
    if (own.some((t) => t.term === REPORTED || t.term === "#confirm")) return undefined;
    // Whom the words are about is no speaker: "what did he say about Japarov", "Caparov hakkında".
    const named = own.filter(
      (t) =>
        this.speakers.has(t.term) &&
        !aboutWord(analysis.words, analysis.words.indexOf(foldKey(lowerCase(t.surface, false)))),
    );
    // Named just before the verb of saying, the speaker; after it, whom it was said to: "what did Japarov
    // reply to the ambassador?" asks Japarov's words, which the announcement does not quote. (Only just
    // before: "когда Жапаров едет в Пекин и что сказал посол?" asks the ambassador's.)
    const sayAt = own.findIndex((t) => t.term === SAYING);
    const subject = sayAt > 0 ? named.find((t) => t === own[sayAt - 1]) : undefined;
    const speaking = subject ? [subject] : named;
    if (speaking.some((t) => !this.people.has(t.term))) return undefined;
    return speaking.length > 0 && !speaking.some((t) => quoted.has(t.term)) ? "words" : undefined;
  }

  private asksDayOf(
    analysis: Pick<Analysis, "terms" | "askingWords" | "quoting">,
    answerId: string,
  ): boolean {
    // A month in a quoted title ("«…посетит Китай в мае 2023 года» — when was it accessed?") is the title's.
    if (analysis.quoting) return false;
    const own = analysis.terms.filter((t) => !t.context);
    // "When…", or a day asked in other words ("what exact day in May?", "mayısın hangi günü?").
    const when = own.find((t) => t.term === "#q-when" || t.term === "#day");
    if (!when) return false;
    // A month in a clause of its own after "when" is a guess offered, not the month asked about: "a kogda
    // zhaparov s vizitom v kitai, v mae?" asks when, and the answer's month is the reply.
    const months = new Set(
      own.filter((t) => MONTH_TERMS.has(t.term) && t.clause <= when.clause).map((t) => t.term.slice(1)),
    );
    // English "may" is a stop word: "in May", "May 2023" name the month.
    analysis.askingWords.forEach((w, i) => {
      const before = analysis.askingWords[i - 1] ?? "";
      const after = analysis.askingWords[i + 1] ?? "";
      if (MONTH_TERMS.has(`#${w}`) && (before === "in" || before === "of" || /^\d+$/.test(after)))
        months.add(w);
    });
    // One month: "between March and May" asks something else.
    if (months.size !== 1) return false;
    return !this.dayMonths.get(answerId)?.has([...months][0] as string);
  }

  /**
   * Does the answer name two or more of the article's names besides those the question gives? "Which
   * Soros organisations were closed in Kyrgyzstan?" is not answered by a text naming Soros and Kyrgyzstan.
   * Places are where most answers happen ("Kulubaev met Syromolotov" names Kyrgyzstan and Russia): they
   * make a list only three or more at a time ("Russia, China and the West"). Three organisations or
   * events are a list even when the question names them too ("which organisations, CSTO, SCO, CIS?").
   */
  private listsNames(analysis: Pick<Analysis, "terms">, answerId: string): boolean {
    const asked = new Set(analysis.terms.map((t) => t.term));
    let other = 0;
    let places = 0;
    let things = 0;
    for (const name of this.named.get(answerId) ?? []) {
      const place = this.places.has(name);
      if (!place && !this.people.has(name)) things += 1;
      if (asked.has(name)) continue;
      if (place) places += 1;
      else other += 1;
    }
    return other >= 2 || places >= 3 || things >= 3;
  }

  /** The details a question asks for: its kinds of question, and someone's words when it asks what someone said. */
  asked(
    analysis: Pick<Analysis, "terms" | "framed" | "words" | "askingWords" | "lang" | "askedAgain">,
  ): Detail[] {
    const own = analysis.terms.filter((t) => !t.context);
    const terms = new Set(own.map((t) => t.term));
    // Several question words ("when… and what… / why…"): several questions, not one detail.
    if ([...terms].filter((t) => t.startsWith("#q-")).length > 1) return [];
    // What is asked is in the last clause ("When they met, which organisations did they discuss?" asks
    // for organisations; "In what year…? And what is the grant for?" is two questions).
    // (A question word typed again there counts there: "…кайсы жылы келген? … бирок качан?")
    const again = analysis.askedAgain ?? [];
    const last = Math.max(...own.map((t) => t.clause), ...again.map((a) => a.clause));
    const inLast = (term: string) =>
      own.some((t) => t.term === term && t.clause === last) ||
      again.some((a) => a.term === term && a.clause === last);
    const out: Detail[] = [];
    // "Who reported it?" asks for an outlet, which a cited report gives, not for a person.
    const reported = terms.has(REPORTED);
    for (const [term, detail] of ASKS)
      if (inLast(term)) out.push(detail === "person" && reported ? "outlet" : detail);
    // "What is the name of Japan's ambassador?" asks for a person, as "who" does.
    if (
      !out.includes("person") &&
      inLast("#name") &&
      own.some((t) => t.clause === last && t.term.startsWith("#") && this.speakers.has(t.term))
    )
      out.push("person");
    // …and so does "which official", "какой чиновник", "hangi yetkili": which holder of an office.
    if (
      !out.includes("person") &&
      own.some(
        (t) =>
          t.clause === last &&
          t.term.startsWith("#") &&
          this.speakers.has(t.term) &&
          whichBefore(analysis.askingWords, foldKey(lowerCase(t.surface.split(/\s+/)[0] ?? "", false))),
      )
    )
      out.push("person");
    // "What did Du Dewen / the ambassador say?" asks for words; "what does it / the author say about…"
    // asks what the article says.
    const speaker = [...terms].some((t) => this.speakers.has(t));
    // Asked in any clause of the question, or in a fragment after it ("what did they talk about? any
    // quotes?"): a term counts once, where it first appears, and a trailing fragment reads as context.
    const firstOwn = Math.min(...own.map((t) => t.clause));
    const asksSay =
      inLast("#say") || analysis.terms.some((t) => t.term === "#say" && (!t.context || t.clause > firstOwn));
    // The article or its author telling frames the question, in the clause that says so ("what does the
    // article say about Syromolotov?"), not in another ("what did he say? is there a quote in the text?").
    const framing = (clause: number) =>
      own.some((t) => (t.term === "#author" || t.term === "#article") && t.clause === clause);
    const sayClauses = own.filter((t) => t.term === "#say").map((t) => t.clause);
    // "Does the article quote Kulubaev?" asks for his words in the article: the article frames a quote.
    // (A word is read once: "ne söyledi? … alıntı var mı?" keeps "söyledi" as the term, so the words tell.)
    const quoteAsked = terms.has("#say") && analysis.askingWords.some((w) => QUOTING.test(w));
    const tellingFrame =
      !quoteAsked &&
      (sayClauses.length === 0
        ? own.some((t) => t.term === "#author" || t.term === "#article")
        : sayClauses.every(framing));
    // A quote of a person the article names but never quotes is asked all the same.
    const quotedPerson = quoteAsked && own.some((t) => this.people.has(t.term));
    if (
      asksSay &&
      (speaker || quotedPerson) &&
      (!analysis.framed || quoteAsked) &&
      !tellingFrame &&
      !pronounSays(analysis.words, this.sayWords)
    )
      // "What exactly did Syromolotov say?" asks for his own words, which only a quotation gives; "what did
      // he say about Afghanistan?" is answered by what the talks covered (content: details).
      out.push(
        analysis.askingWords.some((w) => EXACTLY.has(w) || (w === "так" && analysis.lang === "ky"))
          ? "verbatim"
          : "words",
      );
    return out;
  }
}

/** Only "where" and one place: "where is Batken?", "Баткен кайда?", "batken nerde". */
function asksWhereAPlaceIs(analysis: Pick<Analysis, "terms">, places: ReadonlySet<string>): boolean {
  const own = analysis.terms.filter((t) => !t.context);
  return own.length === 2 && own.some((t) => t.term === "#q-where") && own.some((t) => places.has(t.term));
}

/** Words between "who" and the role it asks about ("who was the…", "кто был…"), and the Turkic "who" after it. */
const ROLE_GAP: ReadonlySet<string> = new Set(
  "is was were are the a an will be of был была были будет является из".split(" "),
);
const WHO_BEFORE: ReadonlySet<string> = new Set("who кто".split(" "));
const WHO_AFTER: ReadonlySet<string> = new Set("kim kimdi kimdir ким кимдер кимди".split(" ").map(foldKey));

/** Does a "who" question ask for a role the content never uses ("who was the interpreter", "tercüman kimdi")? */
function asksUnknownRole(analysis: Pick<Analysis, "terms" | "words">): boolean {
  const own = analysis.terms.filter((t) => !t.context);
  const unknown = new Set(own.filter((t) => t.unknown).map((t) => foldKey(lowerCase(t.surface, false))));
  if (unknown.size === 0) return false;
  const { words } = analysis;
  return words.some((w, i) => {
    if (WHO_AFTER.has(w)) return unknown.has(words[i - 1] ?? "");
    if (!WHO_BEFORE.has(w)) return false;
    let j = i + 1;
    while (ROLE_GAP.has(words[j] ?? "")) j++;
    // An English "who" asking, not joining ("…Isaev who sat down"), is followed by a verb of being.
    return (j > i + 1 || w !== "who") && unknown.has(words[j] ?? "");
  });
}

function aboutWord(words: readonly string[], i: number): boolean {
  return i >= 0 && (ABOUT_BEFORE.has(words[i - 1] ?? "") || ABOUT_AFTER.has(words[i + 1] ?? ""));
}

/** Words that ask for someone's very words: "what exactly did he say", "что именно сказал". */
const EXACTLY: ReadonlySet<string> = new Set(
  "exactly exact precisely verbatim literally именно конкретно дословно точно tam aynen birebir".split(" "),
);

/** Words for quoting (quote, цитирует, цитата, alıntı, iktibas), folded. */
// (…or someone's words asked for as such: "есть его слова в статье?", "sözleri geçiyor mu?")
const QUOTING = /^(quot|цитир|цитат|alint|iktibas)|^(words|слова|sozleri|sozlerini|сөздөрү)$/u;

/** The lexicon's month concepts, if it has them ("#may"): language data, named in English. */
const MONTH_TERMS: ReadonlySet<string> = new Set(
  MONTH.toLowerCase()
    .split("|")
    .map((m) => `#${m}`),
);

/** The months an English text gives a day of: "23 March 2023" and "March 23" give "march". */
function monthsWithDay(text: string): string[] {
  return [...new Set([...text.matchAll(DAY_MONTH)].map((m) => (m[2] ?? m[3] ?? "").toLowerCase()))];
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

/** Words asking which one of a kind ("which official", "какой чиновник", "hangi yetkili", "кайсы министр"). */
const WHICH: ReadonlySet<string> = new Set(
  ["which", "what", "какой", "какая", "какие", "какого", "какому", "hangi", "кайсы"].map(foldKey),
);

/** Is the word asked about one or two words after a word asking which ("which Japanese official")? */
function whichBefore(words: readonly string[], word: string): boolean {
  const at = words.indexOf(word);
  return at > 0 && (WHICH.has(words[at - 1] ?? "") || WHICH.has(words[at - 2] ?? ""));
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

/** A term of content/details.yaml as folded words, the way questions are tokenised. */
function termWords(term: string, lang: Lang | "ky"): TermWord[] {
  // "which … organisations": up to GAP words may stand where the ellipsis does ("which Soros-funded ngos").
  const parts = term.replace(/\*/g, "").split(ELLIPSIS);
  const last = parts.length - 1;
  return parts.flatMap((part, p) =>
    tokenize(part, lang === "tr").map((t, i, all) => ({
      key: t.key,
      prefix: p === last && i === all.length - 1 && term.trimEnd().endsWith("*"),
      ...(p > 0 && i === 0 ? { gap: GAP } : {}),
    })),
  );
}

/** The idea of saying something (said, told, replied), as the reader finds it. */
const SAYING = "#say";

/** Does the sequence occur in `words`, word after word? */
function occurs(seq: readonly TermWord[], words: readonly string[]): boolean {
  if (seq.length === 0) return false;
  for (let i = 0; i < words.length; i++) if (occursAt(seq, 0, words, i)) return true;
  return false;
}

/** Does seq[k…] start at words[i] (a word with a gap may come up to `gap` words later)? */
function occursAt(seq: readonly TermWord[], k: number, words: readonly string[], i: number): boolean {
  const t = seq[k];
  if (!t) return true;
  for (let skip = 0; skip <= (t.gap ?? 0); skip++) {
    const w = words[i + skip];
    if (w === undefined) return false;
    if ((t.prefix ? w.startsWith(t.key) : w === t.key) && occursAt(seq, k + 1, words, i + skip + 1))
      return true;
  }
  return false;
}

/** Does the answer give a finer detail: its English text shows it, or its text in some language has a word that does. */
function finerShown(a: Answer, d: DetailAsk, namesPlace: boolean): boolean {
  const en = a.answer.en;
  if (d.shownBy === "place" && namesPlace) return true;
  if (d.shownBy === "day" && A_DAY.test(en)) return true;
  if (d.shownBy === "month" && A_MONTH.test(en)) return true;
  if (d.shownBy === "money" && MONEY.test(en)) return true;
  if (d.shownBy === "length" && LENGTH.test(en)) return true;
  // A footnote names the outlet that reported it.
  if (d.shownBy === "footnote" && a.footnotes.length > 0) return true;
  if (d.givenBy.length === 0) return false;
  const given = d.givenBy.map((w) => termWords(w, "en"));
  return LANGS.some((lang) => {
    const words = tokenize(a.answer[lang], lang === "tr").map((t) => t.key);
    return given.some((seq) => occurs(seq, words));
  });
}
