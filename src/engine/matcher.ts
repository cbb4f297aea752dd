// Ranks the curated answers for a question. Each answer is indexed by its paraphrased questions (the
// strongest signal, per the FAQ-retrieval literature) and by its own words (answer texts in every
// language, the article quotes). The score is a two-sided, IDF-weighted coverage:
//   how much of the question the answer explains × how much of the best paraphrase the question hits.
// Unlike BM25 alone, words of the question that the content never uses count against the match, so
// "the weather in Bishkek" does not ride on "Bishkek" to the Japan grant.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS } from "../content/langs.ts";
import { foldKey } from "./normalize.ts";
import type { Analysis, QueryTerm } from "./reading.ts";
import { looksLikeVerb } from "./stopwords.ts";
import type { ReadContent } from "./vocabulary-builder.ts";

interface Paraphrase {
  answer: number;
  terms: readonly string[];
}

interface IndexedAnswer {
  id: string;
  /** Every term of the answer: paraphrases, texts, quotes. */
  bag: ReadonlySet<string>;
  /** What kinds of thing the answer's own text gives: a figure or date, a person. */
  gives: ReadonlySet<AnswerKind>;
  /** Places its own text names: "which countries…" is answered by naming one the question does not. */
  places: ReadonlySet<string>;
  /**
   * Given only when the question asks for its required concepts (content: requires): left out of the
   * document frequencies, so adding one ("how does the article spell the names?") leaves every other
   * answer's weights as they were.
   */
  apart?: boolean;
}

type AnswerKind = "figure" | "person" | "place" | "outlet";

/** "Who reported it?": the reporting word that makes "who" ask for an outlet, which a cited report names. */
export const REPORTED = "#press";

/** What a kind of question asks for: "how much" and "when" need a figure or a date, "who" a person. */
const ASKS_FOR: ReadonlyMap<string, AnswerKind> = new Map([
  ["#q-how-much", "figure"],
  ["#q-when", "figure"],
  ["#q-who", "person"],
  ["#q-which-country", "place"],
]);

export interface Scored {
  id: string;
  /** Confidence, 0..1. */
  score: number;
}

/** Tuning, measured on the development questions (see test/engine/dev-questions.yaml and npm run bench). */
export const SCORING = {
  /** Share of a term's weight earned when the answer has it, but not in the best paraphrase. */
  elsewhereShare: 0.6,
  /**
   * Share earned when only the article around the answer has it: the paragraphs its quotes come from,
   * the titles and outlets of the footnotes it cites (the article's own wording, which no paraphrase uses).
   */
  articleShare: 0.2,
  /** Exponents of question coverage and paraphrase coverage. */
  questionExponent: 1,
  paraphraseExponent: 0.35,
  /** A word the content never uses weighs this much relative to the rarest content word. */
  unknownWeight: 1,
  /** Below this much matched weight a question is too vague to answer with confidence. */
  minEvidence: 1.6,
  /** Share of its weight a word of the message's preamble keeps (context, not the question). */
  contextWeight: 0.15,
  /**
   * A preamble's name at least this rare (share of the rarest term's weight) is evidence for an answer
   * that has it, in full: measured on the seen sets, 0.3 leaves out the four names nearly every answer has.
   */
  contextNameRarity: 0.3,
  /** A preamble weighs at most this share of the question's own words: a long story, a short question. */
  contextCap: 0.5,
  /** Share of its weight a common, topic-poor word keeps ("happened", "expected"). */
  lightWeight: 0.4,
  /**
   * A name in the question that the answer lacks counts this many times over: "When will Japarov visit
   * Moscow?" is not answered by Japarov's visit to Beijing.
   */
  missingNamePenalty: 2.5,
  /** …and weighs at least this share of the rarest term: Russia and China are common in the article, not unimportant. */
  missingNameFloor: 0.5,
  /** What an answer that cannot give what the question asks for (a figure, a person) is missing, in rarest-term weights. */
  unmetQuestionType: 1.5,
  /** Most a question-type marker ("why", "when", "what is") may weigh: it separates answers on one subject. */
  questionTypeWeight: 0.5,
};

/**
 * An answer lacking the article's own country misses a fifth of what it would miss of another name: every
 * answer is about the country, said or not; but a question naming it beside a region ("only Kyrgyzstan or
 * all of Central Asia?") still leans to the answer that names both. 0.2 measured on the kept sets
 * (0.5: 3 fewer right; 0: 2 more wrong).
 */
const SUBJECT_SHARE = 0.2;

/** The parts of one paraphrase's score. */
interface Coverage {
  /** How much of the question the answer explains. */
  questionCoverage: number;
  /** How much of the paraphrase the question hits. */
  paraphraseCoverage: number;
  /** Enough matched weight to answer with confidence, 0..1. */
  evidence: number;
}

/** One answer's match, taken apart (see AnswerIndex.explain); shares are of the question's weight. */
export interface MatchDetail extends Coverage {
  score: number;
  /** Matched in the best paraphrase. */
  paraphraseShare: number;
  /** Matched elsewhere in the answer: other paraphrases, its texts, its quotes. */
  elsewhereShare: number;
  /** Matched only in the article around it: paragraphs, footnote titles. */
  articleShare: number;
  /** Names of the question the answer lacks, share of the question and mismatch. */
  missingNames: number;
  /** The question asks a kind of thing (a figure, a person) the answer cannot give. */
  unmetType: boolean;
  /** Words the content never uses. */
  unknownShare: number;
  /** The preamble's share of the question's (unreduced) weight. */
  contextShare: number;
}

function coverage(
  matched: number,
  matchedFully: number,
  weight: number,
  inAnswer: number,
  inAnswerFully: number,
  inArticle: number,
  total: number,
  missing: number,
): Coverage {
  // The paraphrase's terms are among the answer's: the rest of the answer's matches are elsewhere.
  const elsewhere = inAnswer - matched;
  const article = SCORING.articleShare * inArticle;
  // The preamble is context, not evidence against: its words weigh little in the question (an unmatched
  // one costs little), but a specific name of it that matches counts in full for the paraphrase and as
  // evidence (see evidenceWeight).
  const paraphraseCoverage = weight > 0 ? Math.min(1, matchedFully / weight) : 0;
  return {
    questionCoverage: (matched + SCORING.elsewhereShare * elsewhere + article) / (total + missing),
    paraphraseCoverage,
    // A question that is one of the paraphrases needs no more evidence than that.
    evidence: paraphraseCoverage >= 0.999 ? 1 : Math.min(1, inAnswerFully / SCORING.minEvidence),
  };
}

const POWER_STEPS = 1024;
let powerTable = { exponent: Number.NaN, bounds: new Float64Array(0) };

/**
 * Upper bounds of x ** exponent for x in [0, 1], by x's step of 1/POWER_STEPS: entry k bounds every x
 * below (k + 1) / POWER_STEPS, with a step to spare against rounding; x = 1 (the last entry) is exact.
 */
function powerBounds(exponent: number): Float64Array {
  if (powerTable.exponent !== exponent) {
    const bounds = new Float64Array(POWER_STEPS + 1);
    // A negative exponent falls as x grows: no bound then.
    for (let k = 0; k <= POWER_STEPS; k++)
      bounds[k] = exponent < 0 ? Number.POSITIVE_INFINITY : Math.min(1, (k + 2) / POWER_STEPS) ** exponent;
    powerTable = { exponent, bounds };
  }
  return powerTable.bounds;
}

/** A question term an answer may fail (see AnswerIndex.asking): a name it lacks, or the kind of thing asked. */
interface Asking {
  i: number;
  term: string;
  name: boolean;
  asks: AnswerKind | undefined;
}

/** Best score first; equal scores by id. */
function byScore(a: Scored, b: Scored): number {
  return b.score - a.score || a.id.localeCompare(b.id);
}

/** explain's reusable working arrays (see AnswerIndex.explainScratch). */
interface ExplainScratch {
  matchedIn: Float64Array;
  matchedFullyIn: Float64Array;
  marked: Uint8Array;
  order: Int32Array;
}

/** Each answer's first paraphrase number, and the count after the last: the paraphrases come in answer order. */
function firstParaphrases(paraphraseAnswer: Int32Array, answers: number): Int32Array {
  const first = new Int32Array(answers + 1).fill(paraphraseAnswer.length);
  for (let p = paraphraseAnswer.length - 1; p >= 0; p--) {
    const a = paraphraseAnswer[p] as number;
    if (p > 0 && (paraphraseAnswer[p - 1] as number) > a) throw new Error("paraphrases out of answer order");
    first[a] = p;
  }
  // An answer without paraphrases starts (and ends) where the next one starts.
  for (let a = answers - 1; a >= 0; a--)
    if ((first[a] as number) > (first[a + 1] as number)) first[a] = first[a + 1] as number;
  return first;
}

/** The first position of an ascending list holding a value at least `value`. */
function lowerBound(list: Int32Array, value: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((list[mid] as number) < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** rank's reusable working arrays (see AnswerIndex.scratch). */
interface Scratch {
  inParaphrase: Float64Array;
  fully: Float64Array;
  touched: Int32Array;
  inAnswer: Float64Array;
  inAnswerFully: Float64Array;
  inArticle: Float64Array;
  mismatch: Float64Array;
  best: Float64Array;
}

/** An index as plain data (see snapshot.ts); what follows from it (document frequencies, answer postings) is derived again. */
export interface AnswerIndexData {
  answers: { id: string; bag: string[]; gives: AnswerKind[]; places: string[]; apart?: boolean }[];
  /** Name term → the name it stands for ("@bishkek" → "@kyrgyzstan"). */
  standsFor: [string, string][];
  paraphraseAnswer: number[];
  paraphraseWeight: number[];
  postings: [string, number[]][];
  articlePostings: [string, number[]][];
}

export class AnswerIndex {
  private readonly answers: IndexedAnswer[] = [];
  /** Per paraphrase (by number): its answer and its terms' summed weight. Flat arrays: rank reads them for every paraphrase a question touches. */
  private readonly paraphraseAnswer: Int32Array;
  private readonly paraphraseWeight: Float64Array;
  /** Term → the paraphrases that have it. */
  private readonly postings = new Map<string, Int32Array>();
  /** Term → the answers that have it anywhere. */
  private readonly answerPostings = new Map<string, number[]>();
  /** Term → the answers whose paragraphs or footnotes have it (and the answer itself does not). */
  private readonly articlePostings = new Map<string, number[]>();
  private readonly df = new Map<string, number>();
  /** Answer id → its number. */
  private readonly answerNumber = new Map<string, number>();
  /**
   * Answer number → its first paraphrase's number (one more entry: the paraphrase count). An answer's
   * paraphrases are numbered consecutively, in answer order (see the constructor).
   */
  private readonly firstParaphrase: Int32Array;
  private maxIdf = 1;
  /** Name term → the name it stands for: a capital for its country (content: standsFor). */
  private readonly standsFor = new Map<string, string>();
  /** Answers counted in the document frequencies (not the ones apart). */
  private counted = 0;

  /**
   * Indexes the content's texts as `read` reads them; or, given `data`, the index a snapshot holds.
   * `isLight` tells the common, topic-poor terms (see weightOf).
   */
  constructor(
    kb: KnowledgeBase | undefined,
    read: ReadContent | undefined,
    private readonly isLight: (term: string) => boolean,
    data?: AnswerIndexData,
  ) {
    if (data) {
      for (const a of data.answers)
        this.addAnswer({
          id: a.id,
          bag: new Set(a.bag),
          gives: new Set(a.gives),
          places: new Set(a.places),
          ...(a.apart ? { apart: true } : {}),
        });
      for (const [t, list] of data.articlePostings) this.articlePostings.set(t, list);
      for (const [name, country] of data.standsFor) this.standsFor.set(name, country);
      this.maxIdf = this.idf(0);
      this.paraphraseAnswer = Int32Array.from(data.paraphraseAnswer);
      this.firstParaphrase = firstParaphrases(this.paraphraseAnswer, this.answers.length);
      this.paraphraseWeight = Float64Array.from(data.paraphraseWeight);
      for (const [t, list] of data.postings) this.postings.set(t, Int32Array.from(list));
      return;
    }
    if (!kb || !read) throw new Error("an answer index is built from the content or restored from its data");
    const people = new Set(kb.entities.filter((e) => e.kind === "person").map((e) => `@${e.id}`));
    for (const e of kb.entities) if (e.standsFor) this.standsFor.set(`@${e.id}`, `@${e.standsFor}`);
    const placeTerms = new Set(kb.entities.filter((e) => e.kind === "place").map((e) => `@${e.id}`));
    const paraphrases: Paraphrase[] = [];
    // The same terms for the same answer (the wording differed only in stop words, case or language)
    // score the same: one is enough.
    const seen = new Set<string>();
    kb.answers.forEach((a, index) => {
      const bag = new Set<string>();
      for (const lang of [...LANGS, "ky"] as const) {
        for (const q of a.questions[lang] ?? []) {
          const terms = [...new Set(read(q, lang))];
          if (terms.length === 0) continue;
          for (const t of terms) bag.add(t);
          const key = `${index} ${[...terms].sort().join(" ")}`;
          if (seen.has(key)) continue;
          seen.add(key);
          paraphrases.push({ answer: index, terms });
        }
      }
      const gives = new Set<AnswerKind>();
      const places = new Set<string>();
      if (/\d/.test(a.answer.en)) gives.add("figure");
      if (a.footnotes.length > 0) gives.add("outlet");
      // An answer about the bot itself lists the article's topics: those words say what the bot can
      // answer, not that the question is about the bot ("what about China?"). Only its paraphrases count.
      const ownWords = a.kind !== "bot";
      for (const lang of LANGS)
        for (const t of read(a.answer[lang], lang)) {
          if (ownWords) bag.add(t);
          if (people.has(t)) gives.add("person");
          if (placeTerms.has(t)) places.add(t);
        }
      for (const q of a.quotes) for (const t of read(q.text, "en")) if (ownWords) bag.add(t);
      this.addAnswer({ id: a.id, bag, gives, places, ...(a.requires.length > 0 ? { apart: true } : {}) });
    });
    // The article around each answer: the paragraphs it quotes, the footnotes it cites.
    const paragraphTerms = new Map(kb.article.paragraphs.map((p) => [p.n, read(p.text, "en")] as const));
    const footnoteTerms = new Map(
      kb.footnotes.map((f) => {
        const terms = [...read(`${f.outlet}. ${f.title}`, f.titleLang)];
        for (const lang of LANGS) {
          const t = f.translations[lang];
          if (t) terms.push(...read(t, lang));
        }
        return [f.n, terms] as const;
      }),
    );
    kb.answers.forEach((a, index) => {
      if (a.kind === "bot") return;
      const around = new Set<string>();
      for (const q of a.quotes) for (const t of paragraphTerms.get(q.p) ?? []) around.add(t);
      for (const n of a.footnotes) for (const t of footnoteTerms.get(n) ?? []) around.add(t);
      const own = (this.answers[index] as IndexedAnswer).bag;
      for (const t of around) {
        if (own.has(t) || t.startsWith("#q-")) continue;
        const list = this.articlePostings.get(t);
        if (list) list.push(index);
        else this.articlePostings.set(t, [index]);
      }
    });
    this.maxIdf = this.idf(0);
    this.paraphraseAnswer = Int32Array.from(paraphrases, (p) => p.answer);
    this.firstParaphrase = firstParaphrases(this.paraphraseAnswer, this.answers.length);
    this.paraphraseWeight = Float64Array.from(paraphrases, (p) =>
      p.terms.reduce((sum, t) => sum + this.weightOf(t), 0),
    );
    const lists = new Map<string, number[]>();
    paraphrases.forEach((p, i) => {
      for (const t of p.terms) {
        const list = lists.get(t);
        if (list) list.push(i);
        else lists.set(t, [i]);
      }
    });
    for (const [t, list] of lists) this.postings.set(t, Int32Array.from(list));
  }

  /** The index of a snapshot; `isLight` from the vocabulary restored from the same snapshot. */
  static fromData(data: AnswerIndexData, isLight: (term: string) => boolean): AnswerIndex {
    return new AnswerIndex(undefined, undefined, isLight, data);
  }

  toData(): AnswerIndexData {
    return {
      answers: this.answers.map((a) => ({
        id: a.id,
        bag: [...a.bag],
        gives: [...a.gives],
        places: [...a.places],
        ...(a.apart ? { apart: true } : {}),
      })),
      paraphraseAnswer: [...this.paraphraseAnswer],
      paraphraseWeight: [...this.paraphraseWeight],
      postings: [...this.postings].map(([t, list]) => [t, [...list]]),
      articlePostings: [...this.articlePostings],
      standsFor: [...this.standsFor],
    };
  }

  /** Adds the next answer and its terms to the document frequencies and answer postings. */
  private addAnswer(answer: IndexedAnswer): void {
    const index = this.answers.length;
    this.answers.push(answer);
    if (!this.answerNumber.has(answer.id)) this.answerNumber.set(answer.id, index);
    if (!answer.apart) this.counted += 1;
    for (const t of answer.bag) {
      if (!answer.apart) this.df.set(t, (this.df.get(t) ?? 0) + 1);
      const list = this.answerPostings.get(t);
      if (list) list.push(index);
      else this.answerPostings.set(t, [index]);
    }
  }

  /** BM25's idf: rare terms tell answers apart, terms in every answer ("Kyrgyzstan") tell nothing. */
  private idf(df: number): number {
    const n = this.counted;
    return Math.log(1 + (n - df + 0.5) / (df + 0.5));
  }

  /**
   * A term's weight: its idf (the unknown-word weight when no answer uses it), capped for question-type
   * markers and reduced for common words. The same for questions and paraphrases.
   */
  weightOf(term: string): number {
    const df = this.df.get(term) ?? 0;
    const w = df === 0 ? this.maxIdf * SCORING.unknownWeight : this.idf(df);
    if (term.startsWith("#q-")) return Math.min(w, SCORING.questionTypeWeight);
    return this.isLight(term) ? w * SCORING.lightWeight : w;
  }

  /** The question's term weights, the preamble's held to a share of the question's own (contextCap). */
  private queryWeights(terms: readonly QueryTerm[], lang: Analysis["lang"]): number[] {
    const weights = terms.map((q) => this.queryWeight(q, lang));
    let own = 0;
    let context = 0;
    terms.forEach((q, i) => {
      if (q.context) context += weights[i] as number;
      else own += weights[i] as number;
    });
    const cap = SCORING.contextCap * own;
    if (own === 0 || context <= cap) return weights;
    const scale = cap / context;
    return weights.map((w, i) => (terms[i]?.context ? w * scale : w));
  }

  /** A question term's weight: an unknown word that looks like a verb weighs as a common word… */
  private queryWeight(q: QueryTerm, lang: Analysis["lang"]): number {
    const w = this.weightOf(q.term) * (q.context ? SCORING.contextWeight : 1);
    // …and so does one of a chatty message's question (the reading marks it).
    return q.unknown && (q.chatter || q.verb || looksLikeVerb(foldKey(q.surface.toLowerCase()), lang))
      ? w * SCORING.lightWeight
      : w;
  }

  /**
   * A matched term's weight as evidence for an answer. A name the preamble gives counts in full when it
   * is specific (Japan, Batken, the colour revolutions), not when most answers have it (Kyrgyzstan,
   * Russia): "just watched a video on colour revolutions. did Kyrgyzstan have one?" (see coverage).
   */
  private evidenceWeight(q: QueryTerm, weight: number): number {
    if (!q.context || q.term.charCodeAt(0) !== 64 /* @ */) return weight;
    const full = this.weightOf(q.term);
    return full >= SCORING.contextNameRarity * this.maxIdf ? full : weight;
  }

  /** All answers with any evidence, best first. */
  rank(analysis: Analysis, terms: readonly QueryTerm[] = analysis.terms): Scored[] {
    if (terms.length === 0) return [];
    const weights = this.queryWeights(terms, analysis.lang);
    const total = weights.reduce((a, b) => a + b, 0);
    const hasContext = terms.some((q) => q.context);
    // Matched weight per paraphrase and per answer (all its terms), via the postings of the question's
    // terms. Typed arrays and a list of the paraphrases touched: this loop is most of a question's time.
    const count = this.paraphraseAnswer.length;
    const work = this.scratch(count);
    const { inParaphrase, touched, inAnswer, inArticle, mismatch, best } = work;
    const asking = this.asking(terms);
    const powerBound = powerBounds(SCORING.paraphraseExponent);
    // Only a message with a preamble weighs its matches twice (see coverage).
    const fully = hasContext ? work.fully : inParaphrase;
    let touchedCount = 0;
    const inAnswerFully = hasContext ? work.inAnswerFully : inAnswer;
    for (let i = 0; i < terms.length; i++) {
      const q = terms[i] as QueryTerm;
      const term = q.term;
      const w = weights[i] as number;
      const full = this.evidenceWeight(q, w);
      const postings = this.postings.get(term);
      if (postings)
        for (let k = 0; k < postings.length; k++) {
          const p = postings[k] as number;
          if (inParaphrase[p] === 0) touched[touchedCount++] = p;
          inParaphrase[p] = (inParaphrase[p] as number) + w;
          if (hasContext) fully[p] = (fully[p] as number) + full;
        }
      const answers = this.answerPostings.get(term);
      if (answers)
        for (const a of answers) {
          inAnswer[a] = (inAnswer[a] as number) + w;
          if (hasContext) inAnswerFully[a] = (inAnswerFully[a] as number) + full;
        }
      const around = this.articlePostings.get(term);
      if (around) for (const a of around) inArticle[a] = (inArticle[a] as number) + w;
    }
    for (let k = 0; k < touchedCount; k++) {
      const pi = touched[k] as number;
      const matched = inParaphrase[pi] as number;
      const matchedFully = fully[pi] as number;
      inParaphrase[pi] = 0;
      const answer = this.paraphraseAnswer[pi] as number;
      const weight = this.paraphraseWeight[pi] as number;
      let missing = mismatch[answer] as number;
      if (missing < 0) {
        missing = this.mismatch(this.answers[answer] as IndexedAnswer, terms, weights, asking);
        mismatch[answer] = missing;
      }
      const c = coverage(
        matched,
        matchedFully,
        weight,
        inAnswer[answer] as number,
        inAnswerFully[answer] as number,
        inArticle[answer] as number,
        total,
        missing,
      );
      // Paraphrase coverage is at most 1: a paraphrase that cannot beat its answer's best is not scored.
      const q = SCORING.questionExponent;
      const bound = (q === 1 ? c.questionCoverage : c.questionCoverage ** q) * c.evidence;
      if (bound <= (best[answer] as number)) continue;
      // The power is the loop's costliest step: a tabled bound on it skips most of the rest.
      if (
        bound * (powerBound[Math.floor(c.paraphraseCoverage * POWER_STEPS)] as number) <=
        (best[answer] as number)
      )
        continue;
      const score = bound * c.paraphraseCoverage ** SCORING.paraphraseExponent;
      if (score > (best[answer] as number)) best[answer] = score;
    }
    // Left zeroed for the next question, like inParaphrase above.
    if (hasContext) for (let k = 0; k < touchedCount; k++) fully[touched[k] as number] = 0;
    // Best first, by binary insertion as they come (stable, like Array.prototype.sort, whose copy of the
    // list was a sixth of a question's allocation).
    const out: Scored[] = [];
    for (let ai = 0; ai < best.length; ai++) {
      const score = best[ai] as number;
      if (!(score > 0)) continue;
      const scored = { id: (this.answers[ai] as IndexedAnswer).id, score: Math.min(1, score) };
      let lo = 0;
      let hi = out.length;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (byScore(out[mid] as Scored, scored) <= 0) lo = mid + 1;
        else hi = mid;
      }
      out.push(scored);
      for (let k = out.length - 1; k > lo; k--) out[k] = out[k - 1] as Scored;
      out[lo] = scored;
    }
    return out;
  }

  /**
   * How one answer's score came about (its best paraphrase's parts, which fields matched, what it
   * lacks): the signals the confidence model weighs. Only asked for the best answers, so plain loops.
   */
  explain(
    analysis: Analysis,
    id: string,
    terms: readonly QueryTerm[] = analysis.terms,
  ): MatchDetail | undefined {
    const ai = this.answerNumber.get(id) ?? -1;
    const answer = this.answers[ai];
    if (!answer || terms.length === 0) return undefined;
    const weights = this.queryWeights(terms, analysis.lang);
    const total = weights.reduce((a, b) => a + b, 0);
    let inAnswer = 0;
    let inAnswerFully = 0;
    let inArticle = 0;
    let unknown = 0;
    let context = 0;
    let raw = 0;
    // The answer's paraphrases are numbers first..end-1 and every posting list is ascending: each term's
    // matches in this answer are found by bisection, and summed in scratch arrays (explain runs for the
    // best answers of every question; a Map per call was a third of a question's allocation).
    const first = this.firstParaphrase[ai] as number;
    const end = this.firstParaphrase[ai + 1] as number;
    const { matchedIn, matchedFullyIn, marked, order } = this.explainScratch(end - first);
    let touched = 0;
    for (let i = 0; i < terms.length; i++) {
      const q = terms[i] as QueryTerm;
      const w = weights[i] as number;
      const full = this.evidenceWeight(q, w);
      if (q.unknown) unknown += w;
      const plain = this.weightOf(q.term);
      raw += plain;
      if (q.context) context += plain;
      const postings = this.postings.get(q.term);
      if (postings)
        for (let k = lowerBound(postings, first); k < postings.length; k++) {
          const p = (postings[k] as number) - first;
          if (p >= end - first) break;
          if (marked[p] === 0) {
            marked[p] = 1;
            order[touched++] = p;
          }
          matchedIn[p] = (matchedIn[p] as number) + w;
          matchedFullyIn[p] = (matchedFullyIn[p] as number) + full;
        }
      if (this.answerPostings.get(q.term)?.includes(ai)) {
        inAnswer += w;
        inAnswerFully += full;
      }
      if (this.articlePostings.get(q.term)?.includes(ai)) inArticle += w;
    }
    const { names, type } = this.mismatchParts(answer, terms, weights);
    // The best paraphrase first (a score each), then its detail, once.
    let bestScore = -1;
    let bestMatched = 0;
    let bestMatchedFully = 0;
    let bestWeight = 0;
    for (let k = 0; k < touched; k++) {
      const local = order[k] as number;
      const matched = matchedIn[local] as number;
      const matchedFully = matchedFullyIn[local] as number;
      // Left zeroed for the next call.
      matchedIn[local] = 0;
      matchedFullyIn[local] = 0;
      marked[local] = 0;
      const weight = this.paraphraseWeight[local + first] as number;
      const c = coverage(
        matched,
        matchedFully,
        weight,
        inAnswer,
        inAnswerFully,
        inArticle,
        total,
        names + type,
      );
      const score =
        c.questionCoverage ** SCORING.questionExponent *
        c.evidence *
        c.paraphraseCoverage ** SCORING.paraphraseExponent;
      // Against the best's score as reported (at most 1).
      if (bestScore >= 0 && score <= Math.min(1, bestScore)) continue;
      bestScore = score;
      bestMatched = matched;
      bestMatchedFully = matchedFully;
      bestWeight = weight;
    }
    const best: MatchDetail | undefined =
      bestScore < 0
        ? undefined
        : {
            score: Math.min(1, bestScore),
            ...coverage(
              bestMatched,
              bestMatchedFully,
              bestWeight,
              inAnswer,
              inAnswerFully,
              inArticle,
              total,
              names + type,
            ),
            paraphraseShare: bestMatched / total,
            elsewhereShare: (inAnswer - bestMatched) / total,
            articleShare: inArticle / total,
            missingNames: names / (total + names + type),
            unmetType: type > 0,
            unknownShare: unknown / total,
            contextShare: raw > 0 ? context / raw : 0,
          };
    return (
      best ?? {
        score: 0,
        questionCoverage: 0,
        paraphraseCoverage: 0,
        evidence: 0,
        paraphraseShare: 0,
        elsewhereShare: inAnswer / total,
        articleShare: inArticle / total,
        missingNames: names / (total + names + type),
        unmetType: type > 0,
        unknownShare: unknown / total,
        contextShare: raw > 0 ? context / raw : 0,
      }
    );
  }

  /**
   * rank's working arrays, made once and reused (rank runs twice per question, and each array of this
   * size was a separate allocation outside the heap): the per-paraphrase sums, which rank leaves zeroed
   * again, and the per-answer ones, reset here.
   */
  private scratch(size: number): Scratch {
    const n = this.answers.length;
    if (this.work === undefined || this.work.inParaphrase.length !== size || this.work.best.length !== n)
      this.work = {
        inParaphrase: new Float64Array(size),
        fully: new Float64Array(size),
        touched: new Int32Array(size),
        inAnswer: new Float64Array(n),
        inAnswerFully: new Float64Array(n),
        inArticle: new Float64Array(n),
        mismatch: new Float64Array(n),
        best: new Float64Array(n),
      };
    const w = this.work;
    w.inAnswer.fill(0);
    w.inAnswerFully.fill(0);
    w.inArticle.fill(0);
    w.mismatch.fill(-1);
    w.best.fill(0);
    return w;
  }

  private work: Scratch | undefined;

  /** explain's working arrays, by paraphrase number within one answer; explain leaves them zeroed. */
  private explainScratch(size: number): ExplainScratch {
    if (this.explainWork === undefined || this.explainWork.order.length < size)
      this.explainWork = {
        matchedIn: new Float64Array(size),
        matchedFullyIn: new Float64Array(size),
        marked: new Uint8Array(size),
        order: new Int32Array(size),
      };
    return this.explainWork;
  }

  private explainWork: ExplainScratch | undefined;

  /**
   * What an answer cannot give though the question asks for it, counted on top of the question's
   * weight: names it lacks, a figure for "how much", a date for "when", a person for "who".
   */
  private mismatch(
    answer: IndexedAnswer,
    terms: readonly QueryTerm[],
    weights: readonly number[],
    asking: readonly Asking[],
  ): number {
    const { names, type } = this.mismatchParts(answer, terms, weights, asking);
    return names + type;
  }

  /** The question's terms that an answer may fail: its names and what it asks for (rank checks every answer against them). */
  private asking(terms: readonly QueryTerm[]): Asking[] {
    const out: Asking[] = [];
    for (let i = 0; i < terms.length; i++) {
      const q = terms[i] as QueryTerm;
      const term = q.term;
      // A name of the preamble is context: an answer without it lacks nothing that was asked.
      const name = term.charCodeAt(0) === 64 /* @ */ && !q.context;
      const asks = ASKS_FOR.get(term);
      if (name || asks) out.push({ i, term, name, asks });
    }
    return out;
  }

  /** Names most answers have (the article's own country): every answer is about them, said or not. */
  private subjects: ReadonlySet<string> | undefined;

  private subjectNames(): ReadonlySet<string> {
    if (!this.subjects) {
      const counts = new Map<string, number>();
      for (const a of this.answers)
        for (const t of a.bag) if (t.charCodeAt(0) === 64 /* @ */) counts.set(t, (counts.get(t) ?? 0) + 1);
      this.subjects = new Set([...counts].filter(([, c]) => c * 2 > this.answers.length).map(([t]) => t));
    }
    return this.subjects;
  }

  private mismatchParts(
    answer: IndexedAnswer,
    terms: readonly QueryTerm[],
    weights: readonly number[],
    asking: readonly Asking[] = this.asking(terms),
  ): { names: number; type: number } {
    let names = 0;
    let type = 0;
    for (const { i, term, name, asks } of asking) {
      if (name && !answer.bag.has(term) && !answer.bag.has(this.standsFor.get(term) ?? ""))
        names +=
          (this.subjectNames().has(term) ? SUBJECT_SHARE : 1) *
          Math.max(weights[i] as number, this.maxIdf * SCORING.missingNameFloor) *
          (SCORING.missingNamePenalty - 1);
      if (asks && !this.gives(answer, asks, terms)) type += this.maxIdf * SCORING.unmetQuestionType;
    }
    return { names, type };
  }

  private gives(answer: IndexedAnswer, kind: AnswerKind, terms: readonly QueryTerm[]): boolean {
    if (kind === "person" && terms.some((t) => t.term === REPORTED) && answer.gives.has("outlet"))
      return true;
    if (kind !== "place") return answer.gives.has(kind);
    for (const place of answer.places) if (!terms.some((t) => t.term === place)) return true;
    return false;
  }
}
