// From a question to a Decision: small talk, an out-of-scope decline, a weak decline, one answer (with a
// close runner-up offered), or two answers when the question asks two things.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Lang } from "../content/schema.ts";
import { answerNames, namesOfMostAnswers } from "./answer-names.ts";
import { type ConfidenceModel, featuresOf, probability } from "./confidence.ts";
import type { Answered, AskOptions, Candidate, Decision, Declined } from "./decision.ts";
import type { DetailCheck } from "./detail-check.ts";
import { langFromUserCode, outsideQuotes, quotedPhrases, replyLangOf } from "./language.ts";
import type { AnswerIndex, Scored } from "./matcher.ts";
import { plainWords, tokenize, withoutClosingThanks } from "./normalize.ts";
import { checksAClaim, type PremiseKind, withoutDetails, wrongDetails } from "./premise.ts";
import type { QuotedPhrases } from "./quoted.ts";
import { type Analysis, FOOTNOTE_STARTS, type QueryTerm, type QuestionReader } from "./reading.ts";
import type { SmalltalkMatcher } from "./smalltalk.ts";
import { isAskingWord, SECOND_PERSON, TURKIC_PLACE_CASE } from "./stopwords.ts";

/**
 * Thresholds, measured on the development questions (npm run bench prints the sweep). FAQ products sit
 * around 0.5 to answer and a 0.1 gap for "did you mean" (anchors §1); ours are set the same way.
 */
export const THRESHOLDS: Thresholds = {
  /** Below this the best answer is too weak to give outright: given with a hedge if it passes the band's gates, else declined. */
  answer: 0.5,
  /**
   * The hedged band: a best answer scoring from here to `answer` is given with the visible hedge when it
   * is clearly ahead of the runner-up (hedgeMargin), the confidence model gives it at least
   * hedgeProbability, it lacks no name of the question and gives the kind of thing asked (a figure for
   * "how much", a person for "who"), and the detail check passes. Measured on the seen sets (npm run bench).
   */
  hedge: 0.35,
  hedgeMargin: 0.1,
  hedgeProbability: 0.3,
  /** A runner-up within this of the best is offered as "you may also mean". */
  ambiguityGap: 0.1,
  /** Weakly related answers above this are suggested on a decline. */
  suggest: 0.2,
  /** Small talk when its phrase explains this share of the message (and no strong answer, or an exact phrase). */
  smalltalk: 0.75,
  /** Each part of a two-part question must match its own answer this well. */
  combinedPart: 0.6,
  /** …and the best single answer must explain the whole question less well than this. */
  combinedSingle: 0.75,
  /** A part naming nobody that matches its answer this well is a question of its own, not one about the rest's names. */
  standalonePart: 0.95,
  /** A clause answered alone counts for this share of its score (the rest of the message is unexplained). */
  clauseDiscount: 0.9,
};

export interface Thresholds {
  answer: number;
  hedge: number;
  hedgeMargin: number;
  hedgeProbability: number;
  ambiguityGap: number;
  suggest: number;
  smalltalk: number;
  combinedPart: number;
  combinedSingle: number;
  standalonePart: number;
  clauseDiscount: number;
}

export interface EngineParts {
  thresholds: Thresholds;
  kb: KnowledgeBase;
  reader: QuestionReader;
  index: AnswerIndex;
  smalltalk: SmalltalkMatcher;
  examples: (lang: Lang, n: number) => { id: string; question: string }[];
  /** The kinds of question ("#q-who", "#q-when"…) an answer's main question asks: what its short answer answers. */
  shortKinds: (id: string) => ReadonlySet<string>;
  /** Sure or hedged: the fitted confidence model (confidence.ts). */
  confidence: ConfidenceModel;
  /** Near misses: a detail asked for that the answer lacks. */
  details: DetailCheck;
  /** The article's own words, quoted by the question. */
  quoted: QuotedPhrases;
}

/**
 * The index's ranking without the answers whose required concepts (content: requires) the question does
 * not ask for: "when is Japarov going to Beijing?" is not about how the article spells his name.
 */
export function rankAsked(
  kb: KnowledgeBase,
  index: AnswerIndex,
  analysis: Analysis,
  terms: readonly QueryTerm[] = analysis.terms,
): Scored[] {
  const ranked = index.rank(analysis, terms);
  if (!kb.answers.some((a) => a.requires.length > 0)) return ranked;
  return ranked.filter((s) => {
    const requires = kb.answerById.get(s.id)?.requires ?? [];
    return requires.length === 0 || requires.some((c) => analysis.terms.some((t) => t.term === `#${c}`));
  });
}

/** The kinds of question a text asks: the question-word concepts of its analysis. */
export function questionKinds(analysis: Pick<Analysis, "terms">): Set<string> {
  const terms = analysis.terms.map((t) => t.term);
  const kinds = new Set(terms.filter((t) => t.startsWith("#q-")));
  // What was discussed or said is a "what", though Russian, Turkish and Kyrgyz ask it with a stop word
  // ("что обсуждали?", "ne konuştular?"): no "who" short answer ("Oleg Syromolotov") on top of it.
  if (kinds.size === 0 && terms.some((t) => CONTENT_ASKED.has(t))) kinds.add("#q-what-is");
  return kinds;
}

/** Ideas whose question asks for what was said or discussed. */
const CONTENT_ASKED: ReadonlySet<string> = new Set(["#discuss", "#say"]);

/**
 * Does an answer's short answer answer what was asked? Yes when the question asks one of the kinds its
 * main question asks, or asks no kind at all ("Zhaparov?"); "what did they discuss?" after "who did
 * Kulubaev meet?" does not get "Oleg Syromolotov" on top.
 */
function shortFits(asked: ReadonlySet<string>, answers: ReadonlySet<string>): boolean {
  if (asked.size === 0) return true;
  for (const k of asked) if (answers.has(k)) return true;
  return false;
}

const MAX_SUGGESTIONS = 3;

/** A question as decide reads it: in the asker's language when the text does not tell. */
function readAsked(parts: EngineParts, question: string, opts: AskOptions): Analysis {
  const userLang = langFromUserCode(opts.userLanguageCode);
  const lang = opts.lang ?? userLang ?? "en";
  return whoOfALabel(parts.kb, titleAsTheArticle(parts, question, parts.reader.read(question, lang)));
}

/** The ideas of the article's title, as the reader reads them: read once per engine. */
const titleTermsByParts = new WeakMap<EngineParts, ReadonlySet<string>>();

/** Any quotation mark (most messages have none: no need to look for quoted phrases). */
const QUOTE_MARK = /["«»“”„'‘’]/;

/** The article, asked about by its title: the title's ideas make no question of their own. */
const ARTICLE = "#article";

/**
 * The article's title, quoted in any language ("«Шаги по укреплению многовекторной внешней политики
 * Кыргызстана» — кто автор?"), names the article: its words are read as the article, not as the steps
 * and policy they name. Read by its ideas, so a translation of the title counts as the title does.
 */
function titleAsTheArticle(parts: EngineParts, question: string, analysis: Analysis): Analysis {
  if (!QUOTE_MARK.test(question)) return analysis;
  const quoted = quotedPhrases(question);
  if (quoted.length === 0) return analysis;
  let title = titleTermsByParts.get(parts);
  if (!title) {
    // Read in two parts: whole, the title is itself a phrase for the article.
    const [head = "", ...rest] = parts.kb.article.title.split(" ");
    title = new Set([
      ...conceptsOf(parts.reader.read(head, "en")),
      ...conceptsOf(parts.reader.read(rest.join(" "), "en")),
    ]);
    titleTermsByParts.set(parts, title);
  }
  if (title.size < 2) return analysis;
  const names = (phrase: string) => {
    const own = conceptsOf(parts.reader.read(phrase, analysis.lang));
    return [...title].every((t) => own.has(t)) && own.size <= title.size + 1;
  };
  const named = quoted.find(names)?.toLowerCase();
  if (named === undefined) return analysis;
  // Only the title's own words: "…these steps, one by one?" after it still asks about the steps.
  const inTitle = (t: QueryTerm) => title.has(t.term) && named.includes(t.surface.toLowerCase());
  const first = analysis.terms.find(inTitle);
  if (!first) return analysis;
  const terms = analysis.terms.filter((t) => !inTitle(t) && t.term !== ARTICLE);
  const article: QueryTerm = { term: ARTICLE, surface: first.surface, unknown: false, clause: first.clause };
  terms.unshift(first.context ? { ...article, context: true } : article);
  return { ...analysis, terms };
}

/** The names and ideas a reading found. */
function conceptsOf(analysis: Analysis): Set<string> {
  return new Set(analysis.terms.map((t) => t.term).filter((t) => /^[@#]/.test(t) && !t.startsWith("#q-")));
}

/** The small talk a reading matches, if any (none when a word of it was only guessed). */
function smallTalkIn(parts: EngineParts, analysis: Analysis) {
  return guessedWord(analysis)
    ? undefined
    : parts.smalltalk.match(analysis.words, () => topicalWords(parts.kb, analysis));
}

/**
 * Could `decide` read this text as small talk? False when no small-talk phrase is in it, or its phrases
 * cover too little of it and it is no thanks: the conditions decide checks before it would say so, on the
 * same reading, without ranking the answers. True means "ask decide".
 */
export function mayBeSmallTalk(parts: EngineParts, question: string, opts: AskOptions): boolean {
  const chat = smallTalkIn(parts, readAsked(parts, question, opts));
  return chat !== undefined && (chat.coverage >= parts.thresholds.smalltalk || chat.intent === "thanks");
}

export function decide(parts: EngineParts, question: string, opts: AskOptions): Decision {
  const decision = decideWithThanks(parts, question, opts);
  if (decision.kind !== "decline" || (decision.reason !== "out-of-scope" && decision.reason !== "weak"))
    return decision;
  return correctedPremise(parts, question, opts) ?? decision;
}

/**
 * "Japan gave 5.3 million for Osh, right?": a claim checked with a name, year or figure the article does
 * not have, whose question without it the article answers with the right one, gets that answer (hedged:
 * it answers a question the reader did not quite ask).
 */
function correctedPremise(parts: EngineParts, question: string, opts: AskOptions): Decision | undefined {
  if (!checksAClaim(question)) return undefined;
  const { kb } = parts;
  const analysis = readAsked(parts, question, opts);
  const premises = wrongDetails(kb, analysis, latestYearOf(kb));
  if (!premises) return undefined;
  // The claim is about something the article tells of, named: "Japan gave…", "Lale Devrimi…", not
  // "what did Putin say about Kyrgyzstan, right?".
  const everywhere = namesOfMostAnswers(kb);
  if (!analysis.terms.some((t) => !t.context && t.term.startsWith("@") && !everywhere.has(t.term)))
    return undefined;
  const asked = decideWithThanks(parts, withoutDetails(question, premises), opts);
  if (asked.kind !== "answer" || !isFact(kb, asked.ids[0] as string)) return undefined;
  const answer = kb.answerById.get(asked.ids[0] as string);
  if (!answer || !premises.every((p) => corrects(kb, answer.id, answer.answer.en, p.kind))) return undefined;
  return { ...asked, question, ids: [answer.id], confidence: "hedged" };
}

/** Does the answer give a detail of the kind the premise got wrong (a person, a place, a year, a figure)? */
function corrects(kb: KnowledgeBase, id: string, text: string, kind: PremiseKind): boolean {
  if (kind === "year") return /\b(1[89]|20)\d\d\b/.test(text);
  if (kind === "figure") return /\d/.test(text);
  const named = answerNames(kb).get(id) ?? new Set<string>();
  const everywhere = namesOfMostAnswers(kb);
  return kb.entities.some((e) => e.kind === kind && named.has(`@${e.id}`) && !everywhere.has(`@${e.id}`));
}

const latestYears = new WeakMap<KnowledgeBase, number>();

/** The latest year the article prints: a year after it is later news, not a slip. */
function latestYearOf(kb: KnowledgeBase): number {
  const known = latestYears.get(kb);
  if (known !== undefined) return known;
  const years = kb.article.paragraphs.flatMap((p) => p.text.match(/\b(1[89]|20)\d\d\b/g) ?? []).map(Number);
  const latest = Math.max(0, ...years);
  latestYears.set(kb, latest);
  return latest;
}

function decideWithThanks(parts: EngineParts, question: string, opts: AskOptions): Decision {
  // "кто автор заранее спасибо": thanks typed straight after a question are not its words, unless the
  // whole message is thanks ("жакшы болду рахмат", "ok got it thanks") and what comes before the thanks
  // is no question the engine is sure of ("o chem eta statya spasibo" asks what the article is about).
  const bare = withoutClosingThanks(question);
  if (bare === question) return decideAsTyped(parts, question, opts);
  const asked = { ...decideAsTyped(parts, bare, opts), question };
  // (Whether the message as typed may be small talk is known from its reading, without ranking it.)
  if (!mayBeSmallTalk(parts, question, opts)) return asked;
  const typed = decideAsTyped(parts, question, opts);
  if (typed.kind !== "smalltalk") return asked;
  return asked.kind === "answer" && asked.confidence === "sure" ? asked : typed;
}

function decideAsTyped(parts: EngineParts, question: string, opts: AskOptions): Decision {
  const { kb, index } = parts;
  const limits = parts.thresholds;
  const userLang = langFromUserCode(opts.userLanguageCode);
  const analysis = readAsked(parts, question, opts);
  const lang: Lang = opts.lang ?? replyLangOf(analysis.detected) ?? userLang ?? "en";
  const base = { question, lang, detected: analysis.detected };
  const asked = questionKinds(analysis);
  const answered = (
    ids: [string, ...string[]],
    score: number,
    alternatives: Candidate[],
    confidence: Answered["confidence"],
  ): Answered => {
    const fits = [...ids, ...alternatives.map((c) => c.id)].filter(
      (id) => kb.answerById.get(id)?.short !== undefined && shortFits(asked, parts.shortKinds(id)),
    );
    const footnotes = [...new Set(ids.flatMap((id) => kb.answerById.get(id)?.footnotes ?? []))];
    return {
      ...base,
      kind: "answer",
      ids,
      score: round(score),
      confidence,
      alternatives,
      footnotes,
      shortFor: fits,
    };
  };
  // How sure the model is of the best of `ranked` (for the question, or one clause of it).
  const sureOf = (list: Scored[], terms = analysis.terms): Answered["confidence"] => {
    const signals = featuresOf(index, analysis, list, terms);
    if (!signals) return "hedged";
    // One of the answer's curated questions, as written, is the curated case (the model, fitted on
    // held-out paraphrases, never saw one matched whole).
    if (curatedAnswer(kb, question) === list[0]?.id) return "sure";
    return probability(parts.confidence, signals.features) >= parts.confidence.sure ? "sure" : "hedged";
  };

  // Related answers (scored), then examples to fill up to MAX_SUGGESTIONS.
  const offers = (ranked: Scored[], exclude: readonly string[] = []) => {
    const related = ranked
      .filter((s) => s.score >= limits.suggest && !exclude.includes(s.id) && isFact(kb, s.id))
      .slice(0, MAX_SUGGESTIONS)
      .map((s) => ({ id: s.id, score: round(s.score) }));
    const examples: string[] = [];
    for (const e of parts.examples(lang, MAX_SUGGESTIONS * 2)) {
      if (related.length + examples.length >= MAX_SUGGESTIONS) break;
      if (!related.some((r) => r.id === e.id) && !examples.includes(e.id) && !exclude.includes(e.id))
        examples.push(e.id);
    }
    return { related, examples };
  };

  if (analysis.words.length === 0) {
    return { ...base, kind: "decline", reason: "empty", score: 0, ...offers([]) };
  }

  // "Besides the organisations": the set-aside words do not count, and the answer about them is not the
  // answer, unless it is also the best for the rest ("topics besides terrorism": one list holds both).
  const within = opts.within;
  const rank = (terms?: readonly QueryTerm[]) => {
    const ranked = rankAsked(kb, index, analysis, terms);
    return within ? ranked.filter((s) => within.includes(s.id)) : ranked;
  };
  const aside = analysis.excluded.length > 0 ? rank(analysis.excluded)[0]?.id : undefined;
  // What is set aside still says where the rest belongs ("what was discussed besides the CSTO, SCO and
  // CIS?" is about the consultations): it counts as context.
  const rest = rank();
  const all =
    aside === undefined
      ? rest
      : rank([...analysis.terms, ...analysis.excluded.map((t) => ({ ...t, context: true }))]);
  const preferred = preferArticleOverBot(
    kb,
    analysis,
    preferOfficeShown(
      kb,
      analysis,
      preferAsked(
        kb,
        analysis,
        preferNarrowed(
          kb,
          analysis,
          preferGathering(kb, rest[0]?.id === aside ? all : all.filter((s) => s.id !== aside)),
        ),
        limits.suggest,
      ),
    ),
  );
  const ranked = preferCitedFact(kb, analysis, question, preferred, rank, limits.suggest);
  const best = ranked[0];
  const chat = smallTalkIn(parts, analysis);
  // Small talk wins over a weak answer, and over one about the bot itself ("салам, кандайсың?" is a
  // greeting, not a question about the bot's sources).
  const factual = best && best.score >= limits.answer && isFact(kb, best.id);
  // …but a message naming something the article never mentions asks about it ("does the article say
  // anything about the Kumtor gold mine?" is no "good").
  const namesOutside = analysis.outOfScope.length > 0 && !chat?.exact;
  // Thanks with praise and no question ("Благодарю Вас, весьма познавательная беседа."): nothing asked,
  // no name given, no question mark, no asking word, and nothing the article says comes near it.
  // Thanks, whatever the praise's words.
  const thanksOnly =
    chat?.intent === "thanks" &&
    !/[?？]/.test(question) &&
    !analysis.words.some(isAskingWord) &&
    !analysis.terms.some((t) => t.term.startsWith("@") || t.term.startsWith("#q-")) &&
    (best?.score ?? 0) < limits.suggest;
  if (
    chat &&
    (chat.coverage >= limits.smalltalk || thanksOnly) &&
    (chat.exact || !factual) &&
    !namesOutside
  ) {
    return {
      ...base,
      kind: "smalltalk",
      intent: chat.intent,
      score: round(chat.coverage),
      examples: offers([]).examples,
    };
  }

  // A person, place, event or year the article never mentions: decline, whatever else matches.
  const outside = analysis.outOfScope[0]?.surface ?? analysis.unknownNames[0] ?? analysis.unknownYears[0];
  if (outside !== undefined) {
    const rest = analysis.terms.filter((t) => !t.term.startsWith("!") && t.surface !== outside);
    return {
      ...base,
      kind: "decline",
      reason: "out-of-scope",
      name: outside,
      score: round(best?.score ?? 0),
      ...offers(rank(rest)),
    };
  }

  // A near miss: what was asked is a detail the matched answer does not give. Say so, and offer the
  // answer as what the article does say.
  const lacking = (
    found: Scored,
    detail = parts.details.lacking(analysis, found.id),
  ): Extract<Declined, { reason: "lacks" }> | undefined => {
    if (!detail) return undefined;
    const { related, examples } = offers(ranked, [found.id]);
    return {
      ...base,
      kind: "decline",
      reason: "lacks",
      detail,
      about: found.id,
      score: round(found.score),
      related: [{ id: found.id, score: round(found.score) }, ...related].slice(0, MAX_SUGGESTIONS),
      examples: examples.slice(0, Math.max(0, MAX_SUGGESTIONS - 1 - related.length)),
    };
  };

  // "Which agreement was signed with Japan, and for what sum?": the detail the best answer lacks, asked in
  // a clause of its own, is given by a related answer that matches nearly as well (the grant): both are
  // the reply. Asked in the same clause ("when was it signed?"), it stays a near miss.
  const completedBy = (near: Extract<Declined, { reason: "lacks" }>): Decision | undefined => {
    const asksApart = clausesOf(analysis).some(
      (terms) => terms.length > 0 && terms.every((t) => t.term.startsWith("#q-") && !t.context),
    );
    if (!asksApart || clausesOf(analysis).length < 2) return undefined;
    const related = kb.answerById.get(near.about)?.related ?? [];
    const score = ranked.find((s) => s.id === near.about)?.score ?? near.score;
    const other = ranked.find(
      (s) =>
        s.id !== near.about &&
        related.includes(s.id) &&
        s.score >= score - limits.ambiguityGap &&
        parts.details.givesDetail(s.id, near.detail),
    );
    return other
      ? answered([near.about, other.id], Math.min(near.score, other.score), [], "hedged")
      : undefined;
  };

  // A phrase quoted word for word from one answer's text or quotes names the answer ("who is called a
  // 'potential hegemonic power'?"): it is given, with a hedge unless it is also a strong match, when its
  // words match at all; the detail check still declines a near miss.
  const quotedIds = parts.quoted.answersQuoted(question);
  const quoted = quotedIds.length > 0 ? ranked.find((s) => quotedIds.includes(s.id)) : undefined;
  // …unless the message tells a story before its question (where the quote often stands) and another
  // answer matches the question clearly better ("меня удивило, что Японию записали в «западный вектор».
  // Почему автор так считает?" asks why Japan, not about the label).
  const inStory = analysis.terms.some((t) => t.context);
  const outmatched =
    inStory &&
    best !== undefined &&
    best.score >= limits.answer &&
    quoted !== undefined &&
    quoted.score < best.score - limits.hedgeMargin;
  if (quoted && quoted.score >= limits.suggest && !outmatched) {
    const strong = quoted === best && quoted.score >= limits.answer;
    // "Who" of a quoted label asks what it stands for, a country as often as a person.
    const near = lacking(quoted);
    if (near && near.detail !== "person") return near;
    return answered([quoted.id], quoted.score, [], strong ? sureOf(ranked) : "hedged");
  }

  // Both the two-part and the one-clause readings rank each clause: once is enough.
  const clauses = new ClauseTops(rank, analysis);
  // A clause that names nobody is the question only if its answer has the names the rest of the question
  // gives (not its preamble): "what did Kulubaev and Syromolotov agree on? any signed documents?" is not
  // about the Japanese agreement, however well "signed documents" alone matches it.
  const names = analysis.terms.filter((t) => t.term.startsWith("@") && !t.context);
  const hasNames = (id: string) =>
    names.length === 0 || (index.explain(analysis, id, names)?.missingNames ?? 0) === 0;
  const twoParts = best ? twoPartAnswer(clauses, best, limits, hasNames) : undefined;
  if (best && twoParts) {
    // A finer detail asked in so many words that neither part gives ("which organisations, and by which
    // law?") is what the article does not say: declined with the part closest to it.
    const finer = parts.details.finerLacking(analysis, best.id);
    const neither =
      finer !== undefined && twoParts.ids.every((id) => parts.details.finerLacking(analysis, id));
    // …and so is any detail both parts lack ("what exactly did Kulubaev say? write me his words": the
    // meeting and the list of sources that names it quote nobody).
    const detail = parts.details.lacking(analysis, best.id);
    const bothLack =
      detail !== undefined && twoParts.ids.every((id) => parts.details.lacking(analysis, id) === detail);
    const near = neither ? lacking(best, finer) : bothLack ? lacking(best, detail) : undefined;
    if (near) return near;
    return answered(twoParts.ids, twoParts.score, [], "sure");
  }

  // A long, chatty message ("I'm a student writing a paper… what is the Japanese money for?"): the
  // question is often one clause of it. Not one about the bot itself, which is asked whole ("what can
  // you do?"), not as a clause of a message about the article ("…the Primakov doctrine lol. what does
  // kyrgyzstan have to do with it?").
  const clause =
    best && best.score < limits.answer
      ? bestClause(clauses, limits, hasNames, (id) => isFact(kb, id))
      : undefined;
  if (clause) {
    const near = lacking(clause);
    if (near) return completedBy(near) ?? near;
    const terms = clauses.terms[clause.clause] ?? [];
    return answered([clause.id], clause.score, [], sureOf(rank(terms), terms));
  }

  const hedged = best && best.score < limits.answer ? inBand(parts, analysis, ranked) : false;
  if (best && hedged) return lacking(best) ?? answered([best.id], best.score, [], "hedged");

  if (!best || best.score < limits.answer) {
    // A detail asked in so many words that the nearest answer lacks ("how old is the author?": the
    // profile gives no age) is what the article does not say, however weakly the rest matched.
    // (Asked of given answers, a weak match is still about them.)
    const finer =
      best && (best.score >= limits.suggest || within)
        ? lacking(best, parts.details.finerLacking(analysis, best.id))
        : undefined;
    if (finer) return finer;
    const score = round(best?.score ?? 0);
    if (analysis.terms.length === 0)
      return { ...base, kind: "decline", reason: "empty", score, ...offers(ranked) };
    // A name asked about as a whole: the answers that speak of it most are offered, whatever the
    // story before the question matched.
    const whole = askedAsAWhole(analysis);
    const nameRanked = whole ? rank([{ ...whole, clause: 0 }]) : [];
    // …and one that stands clearly ahead by the name alone is what the story's words hid: given, hedged.
    const [top, next] = nameRanked;
    if (top && top.score >= limits.answer && top.score - (next?.score ?? 0) >= limits.hedgeMargin)
      return lacking(top) ?? answered([top.id], top.score, [], "hedged");
    const byName = whole ? offers(nameRanked) : undefined;
    if (whole && byName && byName.related.length >= 2)
      return { ...base, kind: "decline", reason: "weak", score, ...byName, broad: whole.surface };
    return { ...base, kind: "decline", reason: "weak", score, ...offers(ranked) };
  }

  const near = lacking(best);
  if (near) return completedBy(near) ?? near;

  const runnerUp = ranked.find((s) => s.id !== best.id);
  const alternatives =
    runnerUp && runnerUp.score >= Math.max(limits.answer, best.score - limits.ambiguityGap)
      ? [{ id: runnerUp.id, score: round(runnerUp.score) }]
      : [];
  return answered([best.id], best.score, alternatives, sureOf(ranked));
}

const labelsByKb = new WeakMap<KnowledgeBase, { labels: ReadonlySet<string>; places: ReadonlySet<string> }>();

/**
 * "Who is the 'Democracy Island'?", "«остров демократии» это кто?": "who" of a label the article gives
 * (content: an entity of kind concept) asks what it stands for, a country as often as a person. The
 * reading, with "who" read as "what".
 */
function whoOfALabel(kb: KnowledgeBase, analysis: Analysis): Analysis {
  let kinds = labelsByKb.get(kb);
  if (!kinds) {
    const of = (kind: string) => new Set(kb.entities.filter((e) => e.kind === kind).map((e) => `@${e.id}`));
    kinds = { labels: of("concept"), places: of("place") };
    labelsByKb.set(kb, kinds);
  }
  const { labels, places } = kinds;
  const own = analysis.terms.filter((t) => !t.context);
  const names = own.filter((t) => t.term.startsWith("@"));
  // Only "who is it?" of the label: "who put the doctrine forward?" asks for a person.
  if (!own.some((t) => t.term === "#q-who") || names.length === 0 || own.length !== names.length + 1)
    return analysis;
  // The label in full ("Primakov" alone is the man the doctrine is named after), perhaps with where it
  // is ("the Democracy Island of Central Asia"), and no person.
  const label = (t: QueryTerm) => labels.has(t.term) && /\s/.test(t.surface.trim());
  if (!names.some(label) || names.some((t) => !label(t) && !places.has(t.term))) return analysis;
  return {
    ...analysis,
    terms: analysis.terms.map((t) => (t.term === "#q-who" && !t.context ? { ...t, term: "#q-what-is" } : t)),
  };
}

/** The one name a question asks about and nothing else ("Russia?", "что в статье про Россию?"), as written. */
function askedAsAWhole(analysis: Analysis): QueryTerm | undefined {
  const own = analysis.terms.filter((t) => !t.context && !t.term.startsWith("#q-"));
  const [only] = own;
  return own.length === 1 && only?.term.startsWith("@") ? only : undefined;
}

/**
 * Is a best answer below the answer threshold still worth giving with a hedge? It must score in the
 * band, stand clearly ahead of the runner-up, lack no name the question gives, give the kind of thing
 * asked, and the confidence model must not think it unlikely.
 */
function inBand(parts: EngineParts, analysis: Analysis, ranked: readonly Scored[]): boolean {
  const limits = parts.thresholds;
  const best = ranked[0];
  if (!best || best.score < limits.hedge) return false;
  if (best.score - (ranked[1]?.score ?? 0) < limits.hedgeMargin) return false;
  const signals = featuresOf(parts.index, analysis, ranked);
  if (!signals || signals.detail.missingNames > 0 || signals.detail.unmetType) return false;
  return probability(parts.confidence, signals.features) >= limits.hedgeProbability;
}

/**
 * "What did Du Dewen announce, and how much did Japan give?": when no single answer explains the whole
 * question well and two of its clauses each match a different answer strongly, give both.
 */
function twoPartAnswer(
  clauses: ClauseTops,
  best: Scored,
  limits: Thresholds,
  hasNames: (id: string) => boolean,
): { ids: [string, string]; score: number } | undefined {
  if (clauses.terms.length < 2) return undefined;
  const parts: Scored[] = [];
  for (const [i, terms] of clauses.terms.entries()) {
    // A preamble's clause is context, not a second question.
    if (terms.filter((t) => !t.term.startsWith("#q-")).length < 2 || terms.every((t) => t.context)) continue;
    const top = clauses.top(i);
    // A part naming nobody ("…and what was signed there?") leans on the names of the rest, unless it is
    // a question of its own that its answer matches nearly word for word ("…and who wrote the article?").
    const leans =
      !terms.some((t) => t.term.startsWith("@")) && top !== undefined && top.score < limits.standalonePart;
    if (!top || (leans && !hasNames(top.id))) continue;
    // A clause of names only that gives what the whole message is best answered by offers a guess for
    // the question before it ("which organisations did they discuss? csto sco something?").
    if (top.id === best.id && terms.every((t) => t.term.startsWith("@"))) continue;
    if (top.score >= limits.combinedPart && !parts.some((p) => p.id === top.id)) parts.push(top);
  }
  if (parts.length < 2) return undefined;
  const [a, b] = parts as [Scored, Scored];
  // A whole message its best answer matches well is one question, unless each of two questions in it is
  // matched nearly word for word on its own ("Makalenin sonucu ne? … ne kazandırmış?").
  if (best.score >= limits.combinedSingle && Math.min(a.score, b.score) < limits.standalonePart)
    return undefined;
  return { ids: [a.id, b.id], score: Math.min(a.score, b.score) };
}

/** The best answer to one clause of a several-clause question, if it is strong enough on its own. */
function bestClause(
  clauses: ClauseTops,
  limits: Thresholds,
  hasNames: (id: string) => boolean,
  isFactual: (id: string) => boolean,
): (Scored & { clause: number }) | undefined {
  if (clauses.terms.length < 2) return undefined;
  let best: (Scored & { clause: number }) | undefined;
  for (const [i, terms] of clauses.terms.entries()) {
    // A clause counts with two words of its own, or one in a clause that asks ("what … multi-vector?").
    const own = terms.filter((t) => !t.term.startsWith("#q-")).length;
    if (own < 2 && !(own === 1 && own < terms.length)) continue;
    if (terms.every((t) => t.recalled)) continue;
    const top = clauses.top(i);
    // A clause naming nobody ("any signed documents?") leans on the names of the rest of the question.
    if (!top || !isFactual(top.id) || (!terms.some((t) => t.term.startsWith("@")) && !hasNames(top.id)))
      continue;
    const score = top.score * limits.clauseDiscount;
    if (score >= limits.answer && (!best || score > best.score)) best = { ...top, score, clause: i };
  }
  return best;
}

/** A question's clauses, each ranked on first need. */
class ClauseTops {
  readonly terms: QueryTerm[][];
  private readonly tops = new Map<number, Scored | undefined>();

  constructor(
    private readonly rank: (terms: readonly QueryTerm[]) => Scored[],
    analysis: Analysis,
  ) {
    this.terms = clausesOf(analysis);
  }

  top(clause: number): Scored | undefined {
    if (!this.tops.has(clause)) this.tops.set(clause, this.rank(this.terms[clause] ?? [])[0]);
    return this.tops.get(clause);
  }
}

function clausesOf(analysis: Analysis): QueryTerm[][] {
  const clauses = new Map<number, QueryTerm[]>();
  for (const t of analysis.terms) clauses.set(t.clause, [...(clauses.get(t.clause) ?? []), t]);
  return [...clauses.values()];
}

/**
 * A one-word message whose word was taken for another of the same length ("water" for "later", "gold"
 * for "good"): as likely a word of its own as a typo, so it is no small talk ("thnaks", "helo" still are).
 */
function guessedWord(analysis: Analysis): boolean {
  const typed = analysis.askingTyped;
  const word = analysis.words[0];
  if (analysis.words.length !== 1 || typed?.length !== 1 || word === undefined) return false;
  const was = typed[0] as string;
  if (was === word || was.length !== word.length) return false;
  // A swap of two letters ("thnaks") is a typo; one letter for another may be another word.
  return [...was].filter((c, i) => c !== word[i]).length === 1;
}

const curatedByKb = new WeakMap<KnowledgeBase, Map<string, string>>();

/** The answer whose curated question this is, word for word (case and punctuation aside). */
function curatedAnswer(kb: KnowledgeBase, question: string): string | undefined {
  let curated = curatedByKb.get(kb);
  if (!curated) {
    curated = new Map();
    for (const a of kb.answers)
      for (const list of Object.values(a.questions))
        for (const q of list ?? []) curated.set(plainText(q), a.id);
    curatedByKb.set(kb, curated);
  }
  return curated.get(plainText(question));
}

function plainText(s: string): string {
  return s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

function isFact(kb: KnowledgeBase, id: string): boolean {
  return kb.answerById.get(id)?.kind !== "bot";
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

/** Scores this close are one match: the rounding of idf weights, not the question, tells them apart. */
const SAME_SCORE = 0.005;

/**
 * Between two answers that match equally well, one gathering several facts (a day's timeline) before a
 * single fact it contains: it answers the question at least as fully ("who met whom on 23 March?"); and a
 * reported fact before a reading of it (below).
 */
function preferGathering(kb: KnowledgeBase, ranked: Scored[]): Scored[] {
  const [first, second] = ranked;
  if (!first || !second || first.score - second.score > SAME_SCORE) return ranked;
  const a = kb.answerById.get(first.id);
  const b = kb.answerById.get(second.id);
  if (a?.kind === "fact" && b?.kind === "combined") return [second, first, ...ranked.slice(2)];
  // …and between two single facts, the one a footnote reports before the article's reading of it ("what
  // is the Japan grant?": the grant itself, then what the author makes of it).
  if (a?.kind === "fact" && b?.kind === "fact" && a.footnotes.length === 0 && b.footnotes.length > 0)
    return [second, first, ...ranked.slice(2)];
  return ranked;
}

/** How close a fact must come to a day's timeline to stand before it when the question narrows the day. */
const NARROWED_GAP = 0.25;

/**
 * "What did Kyrgyzstan and Russia discuss on 23 March?": a day's timeline first, and one fact it
 * gathers close behind that names the question's names (Russia) while the day's other facts do not: the
 * question narrows the day to that fact.
 */
function preferNarrowed(kb: KnowledgeBase, analysis: Analysis, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  const gathering = first && kb.answerById.get(first.id);
  if (!first || gathering?.kind !== "combined") return ranked;
  // A question about what the gathering answer is for (the sources, the outlets) is answered by it whole.
  if (gathering.preferredFor.some((c) => analysis.terms.some((t) => t.term === `#${c}`))) return ranked;
  const asked = [
    ...new Set(analysis.terms.filter((t) => !t.context && t.term.startsWith("@")).map((t) => t.term)),
  ];
  const everywhere = namesOfMostAnswers(kb);
  const narrowing = asked.filter((n) => !everywhere.has(n));
  if (narrowing.length === 0) return ranked;
  const named = answerNames(kb);
  const gathered = ranked.filter((s) => {
    const a = kb.answerById.get(s.id);
    return (
      a?.kind === "fact" &&
      s.score >= first.score - NARROWED_GAP &&
      a.footnotes.length > 0 &&
      a.footnotes.every((n) => gathering.footnotes.includes(n))
    );
  });
  const naming = gathered.filter((s) => narrowing.every((n) => named.get(s.id)?.has(n)));
  const [only] = naming;
  if (naming.length !== 1 || !only) return ranked;
  return [{ id: only.id, score: first.score }, ...ranked.filter((s) => s.id !== only.id)];
}

/** How close a runner-up must be to stand in for a best answer that does not show the office asked. */
const OFFICE_GAP = 0.1;

/**
 * "Who is the Chinese ambassador?": an answer whose text names the office asked about ("Chinese Ambassador
 * to Bishkek Du Dewen announced…") rather than one quoting the same man without it ("Du Dewen said…"),
 * when the two are close.
 */
function preferOfficeShown(kb: KnowledgeBase, analysis: Analysis, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  const own = analysis.terms.filter((t) => !t.context);
  if (!first || !own.some((t) => t.term === "#q-who" || t.term === "#name")) return ranked;
  const showing = officesShown(kb);
  const offices = own.flatMap((t) => showing.get(t.term) ?? []);
  if (offices.length === 0) return ranked;
  const shows = (id: string) => offices.some((ids) => ids.has(id));
  if (shows(first.id)) return ranked;
  const other = ranked.find((s) => s.score >= first.score - OFFICE_GAP && shows(s.id));
  if (!other) return ranked;
  return [{ id: other.id, score: first.score }, ...ranked.filter((s) => s.id !== other.id)];
}

/** How close an answer about the article must be to stand before one about the bot. */
const ARTICLE_GAP = 0.1;

/**
 * "Откуда информация в статье?", "макаладагы маалымат кайдан алынган?": a question about the article's
 * information, not addressed to the bot, asks for the article's sources rather than the bot's, when an
 * answer about the article is close.
 */
function preferArticleOverBot(kb: KnowledgeBase, analysis: Analysis, ranked: Scored[]): Scored[] {
  const [first] = ranked;
  if (!first || isFact(kb, first.id)) return ranked;
  const ofArticle = analysis.framed || analysis.terms.some((t) => !t.context && t.term === "#article");
  // What was discussed or said, not asked of the bot, is the article's events ("what was discussed?"
  // is not "what topics do you cover?"): never an answer about the bot.
  const discussed = analysis.terms.some((t) => !t.context && CONTENT_ASKED.has(t.term));
  if ((!ofArticle && !discussed) || analysis.words.some((w) => SECOND_PERSON.has(w))) return ranked;
  // The article's own title or language is what the bot's answer about the article gives.
  if (analysis.terms.some((t) => t.term === "#title" || t.term === "#language")) return ranked;
  if (discussed && !ofArticle) return ranked.filter((s) => isFact(kb, s.id));
  const other = ranked.find((s) => s.score >= first.score - ARTICLE_GAP && isFact(kb, s.id));
  if (!other) return ranked;
  return [{ id: other.id, score: first.score }, ...ranked.filter((s) => s.id !== other.id)];
}

const officesShownOf = new WeakMap<KnowledgeBase, ReadonlyMap<string, ReadonlySet<string>>>();

/** Per office ("#ambassador"), the answers whose English text names it: worked out once per content. */
function officesShown(kb: KnowledgeBase): ReadonlyMap<string, ReadonlySet<string>> {
  const known = officesShownOf.get(kb);
  if (known) return known;
  const out = new Map<string, ReadonlySet<string>>();
  for (const c of kb.concepts.filter((c) => c.kind === "office")) {
    const words = c.terms.map((w) => w.toLowerCase());
    out.set(
      `#${c.id}`,
      new Set(
        kb.answers.filter((a) => words.some((w) => a.answer.en.toLowerCase().includes(w))).map((a) => a.id),
      ),
    );
  }
  officesShownOf.set(kb, out);
  return out;
}

/**
 * "Which outlet reported Japarov's visit?", "where was the ambassador's quote published?": a question
 * asking, in its own words, for what a combined answer is preferred for (content: preferredFor) about a
 * fact that answer gathers (it cites all the fact's footnotes) gets the combined answer first, as sure
 * as the fact, and the fact right after it (offered as "you may also mean").
 */
function preferAsked(kb: KnowledgeBase, analysis: Analysis, ranked: Scored[], floor: number): Scored[] {
  const [first] = ranked;
  const fact = first && kb.answerById.get(first.id);
  if (!first || fact?.kind !== "fact" || fact.footnotes.length === 0) return ranked;
  const asks = (concept: string) => analysis.terms.some((t) => !t.context && t.term === `#${concept}`);
  const gathering = ranked.find((s) => {
    const a = kb.answerById.get(s.id);
    return (
      s.score >= floor &&
      a?.kind === "combined" &&
      a.preferredFor.some(asks) &&
      fact.footnotes.every((n) => a.footnotes.includes(n))
    );
  });
  if (!gathering) return ranked;
  return [
    { id: gathering.id, score: Math.max(first.score, gathering.score) },
    ...ranked.filter((s) => s.id !== gathering.id),
  ];
}

/** What asks about a source itself (its outlet, title, date, the article citing it), not what it reports. */
const ABOUT_A_SOURCE: ReadonlySet<string> = new Set([
  "#source",
  "#source-link",
  "#title",
  "#accessed",
  "#press-outlet",
  "#press",
  "#article",
  "#author",
]);

/**
 * "Footnote 2: what was discussed there?", "what does «В Бишкеке состоялись кыргызско-российские
 * консультации…» say was discussed?": a question about what one footnote reports, named by its number
 * or its quoted title, is asked of the facts that cite it, not of the list of sources that names it.
 * The list stays first when only the source itself is asked about ("what is footnote 2 about?", "who
 * published it?").
 */
function preferCitedFact(
  kb: KnowledgeBase,
  analysis: Analysis,
  question: string,
  ranked: Scored[],
  rank: (terms: readonly QueryTerm[]) => Scored[],
  floor: number,
): Scored[] {
  const [first] = ranked;
  const top = first && kb.answerById.get(first.id);
  if (!first || !top) return ranked;
  const isList = top.kind === "combined" && top.preferredFor.length > 0;
  if (!isList && top.kind !== "fact") return ranked;
  const cited = citedFootnote(kb, analysis, question);
  if (!cited) return ranked;
  // A fact citing a quoted title matched by the title's own words ("Про что была новость «В Бишкеке
  // состоялись … консультации…»? Что там обсуждали?"): the rest of the question picks among the facts
  // that cite it.
  const byTitle = !isList && cited.title !== "" && top.footnotes.includes(cited.n);
  if (!isList && !byTitle) return ranked;
  const outlets = new Set(kb.footnotes.map((f) => plainText(f.outlet)));
  // (Named by number, the footnote may be described by its title's words too: "footnote 2, the one about
  // consultations on regional security: which outlet?")
  const title = cited.title !== "" ? cited.title : ` ${footnoteTitles(kb, cited.n).join(" ")} `;
  const rest = analysis.terms.filter(
    (t) =>
      !ABOUT_A_SOURCE.has(t.term) &&
      !t.term.startsWith("n:") &&
      !outlets.has(plainText(t.surface)) &&
      !title.includes(` ${plainText(t.surface)} `),
  );
  const asksContent = rest.some((t) => !t.context && t.term !== "#q-what-is" && !t.unknown);
  if (!asksContent || asksForASource(question)) return ranked;
  // …and the rest of the question, asked alone, is best answered by one of them: else it still asks
  // about the source ("which outlet is that from?").
  const citing = (id: string) => kb.answerById.get(id)?.footnotes.includes(cited.n) === true;
  const [fact] = byTitle ? rank(rest).filter((s) => citing(s.id)) : rank(rest);
  if (byTitle && fact?.id === first.id) return ranked;
  const answer = fact && kb.answerById.get(fact.id);
  if (!fact || answer?.kind !== "fact" || !answer.footnotes.includes(cited.n) || fact.score < floor)
    return ranked;
  return [fact, ...ranked.filter((s) => s.id !== fact.id)];
}

/** A footnote's title in every language it is given in, as plain words. */
function footnoteTitles(kb: KnowledgeBase, n: number): string[] {
  const f = kb.footnoteByNumber.get(n);
  if (!f) return [];
  return [f.title, ...Object.values(f.translations)]
    .filter((t): t is string => t !== undefined)
    .map(plainText);
}

/** The footnote a question names by its quoted title or by number beside a word for one; the title as quoted. */
function citedFootnote(
  kb: KnowledgeBase,
  analysis: Analysis,
  question: string,
): { n: number; title: string } | undefined {
  const titles = (f: (typeof kb.footnotes)[number]) => footnoteTitles(kb, f.n);
  // (The title's words, as quoted: the question's other words are its own, "consultations" too.)
  for (const quoted of quotedPhrases(question)) {
    const phrase = plainText(quoted);
    if (phrase.split(" ").length < MIN_TITLE_WORDS) continue;
    const named = kb.footnotes.filter((f) => titles(f).some((t) => t.includes(phrase)));
    if (named.length === 1 && named[0]) return { n: named[0].n, title: ` ${phrase} ` };
  }
  // …or by its outlet and the words of its title, unquoted ("the Aki Press piece on Kyrgyz-Russian
  // consultations on regional security"): one footnote of that outlet shares the most of them.
  const plain = ` ${plainText(outsideQuotes(question))} `;
  const byOutlet = kb.footnotes.filter((f) => plain.includes(` ${plainText(f.outlet)} `));
  const shared = (f: (typeof kb.footnotes)[number]) => {
    const words = new Set(titles(f).flatMap((t) => t.split(" ").filter((w) => w.length >= 4)));
    return [...words].filter((w) => plain.includes(` ${w} `));
  };
  const sharing = byOutlet
    .map((f) => ({ f, words: shared(f) }))
    .filter((x) => x.words.length >= MIN_TITLE_WORDS)
    .sort((a, b) => b.words.length - a.words.length);
  const [best, next] = sharing;
  if (best && (!next || next.words.length < best.words.length))
    return { n: best.f.n, title: ` ${best.words.join(" ")} ` };
  if (!analysis.terms.some((t) => t.term === "#source")) return undefined;
  const numbers = analysis.terms
    .filter((t) => /^\d$/.test(t.surface) && t.term === `n:${t.surface}`)
    .map((t) => Number(t.surface))
    .filter((n) => kb.footnoteByNumber.has(n));
  return numbers.length === 1 && numbers[0] !== undefined ? { n: numbers[0], title: "" } : undefined;
}

/** Words before a word for a footnote that make it say where ("in the footnote", "в сноске"). */
const IN_WORDS: ReadonlySet<string> = new Set(["in", "в", "во", "из"]);

/**
 * Does a question ask about a source itself ("what is the source for footnote 2?", "это единственный
 * источник?"), not merely say where something stands ("footnote 2: what was discussed?", "в сноске 1
 * …", "in the footnotes there's…")? Quoted titles aside.
 */
function asksForASource(question: string): boolean {
  const words = plainText(outsideQuotes(question)).split(" ");
  return words.some((w, i) => {
    if (!FOOTNOTE_STARTS.some((f) => w.startsWith(f))) return false;
    const before = words[i - 1] === "the" ? words[i - 2] : words[i - 1];
    const locates =
      /^\d$/.test(words[i + 1] ?? "") || IN_WORDS.has(before ?? "") || TURKIC_PLACE_CASE.test(w);
    return !locates;
  });
}

/** A quoted title counts with this many words or more. */
const MIN_TITLE_WORDS = 3;

/**
 * The concepts of the article's own ideas: a term of theirs is a word of the article ("discussed",
 * "grant"). Not those about the bot ("answer") or the kind of question asked ("who", "person").
 */
const articleConcepts = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

function articleConceptsOf(kb: KnowledgeBase): ReadonlySet<string> {
  let found = articleConcepts.get(kb);
  if (!found) {
    const text = ` ${kb.article.paragraphs.map((p) => plainWords(p.text).join(" ")).join(" ")} `;
    const asking = (id: string) => id.startsWith("q-");
    found = new Set(
      kb.concepts
        .filter((c) => !asking(c.id) && !(c.broader ?? []).some(asking))
        .filter((c) => c.terms.some((t) => text.includes(` ${plainWords(t).join(" ")} `)))
        .map((c) => `#${c.id}`),
    );
    articleConcepts.set(kb, found);
  }
  return found;
}

/** The words (as the small-talk matcher sees them) in which the reading found the article's names or ideas. */
function topicalWords(kb: KnowledgeBase, analysis: Analysis): Set<string> {
  const ideas = articleConceptsOf(kb);
  const words = new Set<string>();
  for (const t of analysis.terms)
    if (ideas.has(t.term) || t.term.startsWith("@"))
      for (const w of tokenize(t.surface, true)) words.add(w.key);
  return words;
}
