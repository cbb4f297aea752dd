// Follow-up questions ("when?", "а где?", "ne zaman?", "who else?", "what did he say?"): a message that
// only makes sense after the last answer is read against it. The question is asked again together with
// the names and ideas of that answer's own question, so the engine finds a curated answer as it always
// does; nothing is stitched together. Uses the engine's public API only.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer, Lang } from "../content/schema.ts";
import { answerNames, namesOfMostAnswers } from "./answer-names.ts";
import { THRESHOLDS } from "./decide.ts";
import type { AskOptions, Candidate, Decision, Declined } from "./decision.ts";
import {
  BARE_TIME,
  DEMONSTRATIVE,
  ELSE,
  ONE_PERSON,
  OPENING,
  PERSONAL,
  POINTING,
  SPECIFICS,
  THERE,
  WHAT_NEXT,
  WHAT_NEXT_FILLER,
} from "./followup-words.ts";
import { plainWords } from "./normalize.ts";
import { SECOND_PERSON } from "./stopwords.ts";

/** The part of the engine a follow-up needs. */
export interface FollowUpEngine {
  ask(text: string, options?: AskOptions): Decision;
  groupKey(text: string): string;
  questionKinds(text: string): string[];
  mayBeSmallTalk(text: string, options?: AskOptions): boolean;
}

/** What the conversation was about: the answers just given, newest first. */
export interface FollowUpContext {
  ids: readonly string[];
  lang: Lang;
  /**
   * The last reply declined and offered `ids[0]` first ("did you mean…?"): a follow-up may be about it,
   * but the bot never gave it, so an answer read against it is given with a hedge.
   */
  offered?: boolean;
}

/**
 * What a reply leaves for the next message to follow up: the answer given, newest first before the
 * earlier ones; after a decline that did not understand the question, the answer it offered first (the
 * user saw it as "did you mean…?"); nothing after a question about something the article never mentions;
 * else what came before.
 */
export function contextAfter(
  decision: Decision,
  before: FollowUpContext | undefined,
  max: number,
): FollowUpContext | undefined {
  // Something the article never mentions is now the topic: "what did he say?" after Putin is not about
  // the answer before.
  if (decision.kind === "decline" && decision.reason === "out-of-scope") return undefined;
  const ids =
    decision.kind === "answer"
      ? decision.ids
      : decision.kind === "decline" && decision.reason === "weak" && decision.related[0]
        ? [decision.related[0].id]
        : undefined;
  if (!ids) return before;
  const earlier = (before?.ids ?? []).filter((id) => !ids.includes(id));
  return {
    ids: [...ids, ...earlier].slice(0, max),
    lang: decision.lang,
    offered: decision.kind !== "answer",
  };
}

export type FollowUpReading =
  /** A question of its own (or small talk): answered as it stands. */
  | { kind: "own"; decision: Decision }
  /**
   * A follow-up, read against the last answer: the engine's answer to the question in context, or its
   * decline when the article lacks what is asked ("and when?" of an answer without a date).
   */
  | { kind: "resolved"; decision: Decision; about: string; query: string }
  /** A follow-up the context does not settle: say so, offer the last answer's related questions. */
  | { kind: "unsettled"; decision: Declined; about: string }
  /** A follow-up with nothing before it: never answered with a citation. */
  | { kind: "no-context"; decision: Declined };

/**
 * What came of an event ("was anything signed?"): asked right after one, about that one, however sure the
 * engine is of another answer alone (the one agreement the article has).
 */
const OUTCOMES: ReadonlySet<string> = new Set(["signed", "outcome"]);
const MAX_OUTCOME_WORDS = 10;

/** Kinds of question asking one detail (a sum, a time, a place, a person). */
const DETAIL_KINDS: ReadonlySet<string> = new Set(["#q-how-much", "#q-when", "#q-where", "#q-who"]);

/** The idea of saying: in "does it say when…?" a frame, not what is asked about. */
const SAY = "#say";

/** Details that are times: one fact's date is no other's. */
const TIMES: ReadonlySet<string> = new Set(["date", "day", "hour", "since", "published"]);

/**
 * A message of at most this many words asking one thing ("на что?") is too short for the engine to be
 * sure of alone: after an answer, it asks about that answer.
 */
const FEWEST_SURE = 2;

/** A follow-up asking a detail of the last answer, naming nothing, has at most this many words. */
const MAX_TERSE_WORDS = 6;

/** A message this short may be read in the conversation's language rather than the one it looks like. */
const MAX_SHORT_WORDS = 3;

/** A follow-up is short: beyond the question words, at most this many terms of its own. */
const MAX_OWN_TERMS = 2;

/**
 * A question the engine answers this well on its own is not a follow-up, pointing words or not ("О чём
 * эта статья?" matches a curated paraphrase exactly). "Who announced it?" alone scores 0.70.
 */
const OWN_ANSWER = 0.9;

/** Without a pointing word, a one-idea question the engine answers this well alone stands alone. */
const WEAK_OWN = 0.6;

/** The terms the engine reads in a text besides question words (names as "@id", ideas as "#id"). */
function termsOf(engine: FollowUpEngine, text: string): string[] {
  return engine
    .groupKey(text)
    .split(" ")
    .filter((t) => t !== "");
}

/** A follow-up asked of the last answer: what the helpers below ask the engine with. */
interface Asking {
  kb: KnowledgeBase;
  engine: FollowUpEngine;
  /** The answer just given. */
  last: string;
  options: AskOptions;
  /** Its names and ideas in Cyrillic spellings (see anchorOf). */
  cyrillic: boolean;
}

/** An answer's first (English) question. */
function firstQuestion(kb: KnowledgeBase, id: string): string {
  return kb.answerById.get(id)?.questions.en[0] ?? "";
}

/**
 * Kinds of question asking one detail that some related answer tells though its first question asks
 * something else. Not "when": the timelines and the sources' access dates answer it of nearly everything.
 */
const TELLING_KINDS: ReadonlySet<string> = new Set(["#q-where"]);

/** The kinds of question any of an answer's curated questions asks, in any language (read once). */
function kindsOfAnyQuestion(a: Asking, id: string): readonly string[] {
  return keptFor(a.engine, `any kinds ${id}`, () => {
    const questions = Object.values(a.kb.answerById.get(id)?.questions ?? {}).flat();
    return [...new Set(questions.flatMap((q) => a.engine.questionKinds(q)))];
  });
}

/** The names and ideas any of an answer's curated questions has, in every language. */
function ideasOfAnyQuestion(a: Asking, id: string): ReadonlySet<string> {
  return new Set(
    keptFor(a.engine, `any ideas ${id}`, () => {
      const questions = Object.values(a.kb.answerById.get(id)?.questions ?? {}).flat();
      const terms = questions.flatMap((q) => termsOf(a.engine, q));
      return [...new Set(terms.filter((t) => /^[@#]/.test(t) && !t.startsWith("#q-")))];
    }),
  );
}

/** The terms of an answer's first question. */
function questionTerms(a: Asking, id: string): Set<string> {
  return new Set(firstQuestionTerms(a.kb, a.engine, id));
}

const keptPerEngine = new WeakMap<FollowUpEngine, Map<string, readonly string[]>>();

/**
 * What an engine reads in a text of the content (an answer's first question, its anchor), worked out once
 * per engine: every follow-up reads those of the answer before it, and a reader that remembers only the
 * last few texts would read them again each time.
 */
function keptFor(engine: FollowUpEngine, key: string, work: () => readonly string[]): readonly string[] {
  let kept = keptPerEngine.get(engine);
  if (!kept) {
    kept = new Map();
    keptPerEngine.set(engine, kept);
  }
  let found = kept.get(key);
  if (!found) {
    found = work();
    kept.set(key, found);
  }
  return found;
}

/** The terms of an answer's first question. */
function firstQuestionTerms(kb: KnowledgeBase, engine: FollowUpEngine, id: string): readonly string[] {
  return keptFor(engine, `terms ${id}`, () => termsOf(engine, firstQuestion(kb, id)));
}

/** The kinds of question an answer's first question asks. */
function firstQuestionKinds(kb: KnowledgeBase, engine: FollowUpEngine, id: string): readonly string[] {
  return keptFor(engine, `kinds ${id}`, () => engine.questionKinds(firstQuestion(kb, id)));
}

/** The terms of an answer's anchor (see anchorOf), as the engine reads them back. */
function anchorTerms(
  kb: KnowledgeBase,
  engine: FollowUpEngine,
  id: string,
  cyrillic: boolean,
): readonly string[] {
  return keptFor(engine, `anchor ${cyrillic} ${id}`, () =>
    termsOf(engine, anchorOf(kb, engine, id, cyrillic)),
  );
}

/** One sentence: the engine reads a sentence that does not ask as a preamble, worth less. */
function oneSentence(text: string): string {
  return text.replace(/[?!.;\n]+/g, " ").trim();
}

/** The words of a text but "else" ("what else was discussed?"), which asks for another answer. */
function withoutElse(text: string): string {
  return plainWords(text)
    .filter((w) => !ELSE.has(w))
    .join(" ");
}

/**
 * The names and ideas of an answer, as words the engine reads back the same way: the terms of the
 * answer's first question (in English: every name and idea has an English spelling in content).
 * `cyrillic`: in a Cyrillic spelling where content has one, for a message in Kyrgyz typed in Latin
 * letters, whose Latin words the engine reads as Kyrgyz ("discuss" would be a Kyrgyz word no one knows).
 */
export function anchorOf(kb: KnowledgeBase, engine: FollowUpEngine, id: string, cyrillic = false): string {
  return anchorWords(kb, engine, id, () => true, cyrillic).join(" ");
}

/**
 * The names of an answer's first question, each by its first spelling in content; not a name most answers
 * speak of (the article's own country): alone it stands for nothing in particular ("who calls it that?"
 * after the Democracy Island is not whatever "Kyrgyzstan" alone finds).
 */
function anchorNames(kb: KnowledgeBase, engine: FollowUpEngine, id: string, cyrillic: boolean): string[] {
  const everywhere = namesOfMostAnswers(kb);
  return anchorWords(kb, engine, id, (term) => term.startsWith("@") && !everywhere.has(term), cyrillic);
}

/** The terms of an answer's first question that `keep` keeps, each as a word the engine reads back as it. */
function anchorWords(
  kb: KnowledgeBase,
  engine: FollowUpEngine,
  id: string,
  keep: (term: string) => boolean,
  cyrillic: boolean,
): string[] {
  const pick = (spellings: readonly string[] | undefined) =>
    (cyrillic ? spellings?.find((w) => /\p{Script=Cyrillic}/u.test(w)) : undefined) ?? spellings?.[0];
  return firstQuestionTerms(kb, engine, id)
    .filter(keep)
    .flatMap((term) => {
      const word = term.startsWith("@")
        ? pick(kb.entities.find((e) => e.id === term.slice(1))?.names)
        : term.startsWith("#")
          ? pick(kb.concepts.find((c) => c.id === term.slice(1))?.terms)
          : term.startsWith("n:")
            ? term.slice(2)
            : undefined;
      return word ? [word] : [];
    });
}

/**
 * The one answer a question finds with the names of the last answer: all of them together, else each
 * alone when those that find an answer find the same one.
 */
function answerByNames(
  engine: FollowUpEngine,
  sentence: string,
  names: readonly string[],
  options: AskOptions,
): { decision: Decision; query: string } | undefined {
  const ask = (name: string) => {
    const query = `${sentence} ${name}`;
    const decision = engine.ask(query, options);
    return decision.kind === "answer" ? { decision, query, id: decision.ids[0] } : undefined;
  };
  if (names.length > 1) {
    const together = ask(names.join(" "));
    if (together) return together;
  }
  const found = names.flatMap((name) => ask(name) ?? []);
  return found.length > 0 && found.every((f) => f.id === found[0]?.id) ? found[0] : undefined;
}

/**
 * A follow-up found in nothing but the last answer again, though it asks a kind of question or names an
 * idea that answer's own question lacks: asked of the curated related answers whose own question has it,
 * the one the engine answers best with it. An idea of its own picks every related answer whose question
 * has it; failing that, a kind of question picks only the one related answer asking it ("what" is asked
 * by too many to tell). "Who said it?" of an answer naming its people is that answer: it says who.
 */
function askedOfRelated(a: Asking, sentence: string): { decision: Decision; query: string } | undefined {
  const { kb, engine, last } = a;
  const asked = engine.questionKinds(sentence);
  if (asked.includes("#q-who") && peopleOf(kb, last).length > 0) return undefined;
  const kindsOf = (id: string) => firstQuestionKinds(kb, engine, id);
  const lastKinds = new Set(kindsOf(last));
  const lastIdeas = questionTerms(a, last);
  const ideas = termsOf(engine, sentence).filter((t) => !lastIdeas.has(t));
  // An idea the last answer's own curated questions ask about is answered there ("what do people there
  // want out of it?" after why Western capital matters, whose questions ask what the region wants).
  // (Their ideas, and the follow-up alone is answered by the last answer's questions: "why is that
  // needed?" after the fight against foreign-funded structures is not.)
  const askedOfLast = ideasOfAnyQuestion(a, last);
  if (
    ideas.length > 0 &&
    ideas.every((t) => askedOfLast.has(t)) &&
    engine.ask(sentence, { ...a.options, within: [last] }).kind === "answer"
  )
    return undefined;
  const kinds = asked.filter((k) => !lastKinds.has(k));
  const related = (kb.answerById.get(last)?.related ?? []).filter(
    (id) => kb.answerById.get(id)?.kind !== "bot",
  );
  const byIdeas = related.filter((id) => {
    const has = questionTerms(a, id);
    return ideas.length > 0 && ideas.every((t) => has.has(t));
  });
  const byKind = related.filter((id) => kindsOf(id).some((k) => kinds.includes(k)));
  if (byIdeas.length > 0 || byKind.length === 1)
    return bestAskedWith(a, sentence, byIdeas.length > 0 ? byIdeas : byKind);
  // "Where was it?" after what the consultations discussed: the related answer some of whose curated
  // questions ask where (who led the delegations, held in Bishkek), though its first one asks who.
  // (Only a kind that tells one detail: "what" is asked of every answer.)
  // (Where the last answer's own curated questions ask it, the last answer says it: "nerede yapıldı?" after
  // who led the delegations, held in Bishkek.)
  // A gathering answer (the day's events) asked again about one idea ("а о чем говорили?" after who met
  // whom on 23 March) asks it of one of the facts it gathers: the one the engine answers best with it.
  if (byKind.length === 0 && ideas.length > 0 && kb.answerById.get(last)?.kind === "combined") {
    const facts = related.filter((id) => kb.answerById.get(id)?.kind === "fact");
    const gathered = bestAskedWith(a, sentence, facts);
    if (gathered) return gathered;
  }
  if (byKind.length > 0 || !kinds.some((k) => TELLING_KINDS.has(k))) return undefined;
  const lastAsks = kindsOfAnyQuestion(a, last);
  const telling = kinds.filter((k) => TELLING_KINDS.has(k) && !lastAsks.includes(k));
  if (telling.length === 0) return undefined;
  // (A fact's: where the sources were published is no place of the event.)
  const byAnyQuestion = related.filter(
    (id) =>
      kb.answerById.get(id)?.kind === "fact" && kindsOfAnyQuestion(a, id).some((k) => telling.includes(k)),
  );
  return bestAskedWith(a, sentence, byAnyQuestion);
}

/**
 * "Bu onlara ne sağlıyor?" after why the region pursues the policy: the last answer's own words pull the
 * query back to it, with a runner-up close behind. A follow-up asks something new; when its own words,
 * weighed between the two alone, choose the runner-up, the runner-up is what was asked.
 */
function closerRunnerUp(
  a: Asking,
  sentence: string,
  found: Decision,
): { decision: Decision; query: string } | undefined {
  if (found.kind !== "answer" || found.ids[0] !== a.last) return undefined;
  const others = found.alternatives
    .map((c) => c.id)
    .filter((id) => id !== a.last && a.kb.answerById.get(id)?.kind !== "bot");
  if (others.length === 0) return undefined;
  const decision = a.engine.ask(sentence, { ...a.options, within: [a.last, ...others] });
  if (decision.kind !== "answer" || decision.ids[0] === a.last) return undefined;
  return { decision, query: sentence };
}

/**
 * Of these answers, the one the engine gives outright for the text asked with its names and ideas, the
 * best scored.
 */
function bestAskedWith(
  a: Asking,
  text: string,
  ids: readonly string[],
): { decision: Decision; query: string } | undefined {
  let best: { decision: Decision; query: string } | undefined;
  for (const id of ids) {
    const query = `${text} ${anchorOf(a.kb, a.engine, id, a.cyrillic)}`;
    const decision = a.engine.ask(query, a.options);
    if (
      decision.kind === "answer" &&
      decision.ids[0] === id &&
      decision.score >= THRESHOLDS.answer &&
      decision.score > (best?.decision.score ?? 0)
    )
      best = { decision, query };
  }
  return best;
}

/**
 * "What else was discussed?" when the engine's own candidates offer nothing new: the curated related
 * answer not given yet whose own question has every idea the follow-up names, the one the engine
 * answers best when asked with it.
 */
function otherRelated(a: Asking, sentence: string, seen: ReadonlySet<string>): Candidate | undefined {
  const core = withoutElse(sentence);
  const ideas = termsOf(a.engine, core);
  if (ideas.length === 0) return undefined;
  const asking = (a.kb.answerById.get(a.last)?.related ?? []).filter((id) => {
    if (seen.has(id) || a.kb.answerById.get(id)?.kind === "bot") return false;
    const has = questionTerms(a, id);
    return ideas.every((t) => has.has(t));
  });
  const best = bestAskedWith(a, core, asking)?.decision;
  return best?.kind === "answer" ? { id: best.ids[0] as string, score: best.score } : undefined;
}

/**
 * A message of a few words naming nothing, asked of the last answer, declined for a detail that answer
 * lacks (`about` it): that reading, resolved. Undefined otherwise.
 */
function terseLack(a: Asking, text: string, outcomeOnly = false): FollowUpReading | undefined {
  const { engine, last } = a;
  // (What came of it may be asked at more length: "was any joint document signed at the end?")
  const most = outcomeOnly ? MAX_OUTCOME_WORDS : MAX_TERSE_WORDS;
  if (termsOf(engine, text).some((t) => t.startsWith("@"))) return undefined;
  if (plainWords(text).length > most) {
    // Two short questions in one message ("а договорились о чем-то конкретном? документы подписали?"):
    // one asking what came of the last answer's event, which it lacks, is the reading. (Not a date:
    // "Тюльпановая это когда была?" after the Democracy Island asks about the revolution.)
    const parts = text.split(/[?!.;\n]+/).filter((p) => plainWords(p).length > 0);
    if (parts.length < 2) return undefined;
    for (const part of parts.reverse()) {
      if (plainWords(part).length > most) continue;
      const found = terseLack(a, part, true);
      if (!found) continue;
      found.decision = { ...found.decision, question: text };
      return found;
    }
    return undefined;
  }
  const query = `${oneSentence(text)} ${anchorOf(a.kb, engine, last, a.cyrillic)}`;
  const decision = engine.ask(query, { ...a.options, within: [last] });
  return decision.kind === "decline" &&
    decision.reason === "lacks" &&
    decision.about === last &&
    (!outcomeOnly || OUTCOMES.has(decision.detail))
    ? { kind: "resolved", decision: { ...decision, question: text }, about: last, query }
    : undefined;
}

/**
 * A name alone, in a few words ("and China?", "peki Çin?"), after an answer about another name: the one
 * curated related answer whose question names it and none of the last answer's names (after why
 * Russia's influence is felt, what China is doing in the region), when the engine gives that answer
 * asked with it. Given with a hedge: it is a reading of a bare name.
 */
function parallelOf(a: Asking, text: string): FollowUpReading | undefined {
  const { kb, engine, last } = a;
  const terms = termsOf(engine, text);
  const names = terms.filter((t) => t.startsWith("@"));
  // The name and nothing else the engine reads ("and China?", "а Китай что делает?"), but perhaps a
  // plain word of what it names ("а другие страны Центральной Азии?", "Борбор Азия өлкөлөрүчү?").
  const ideas = terms.filter((t) => /^[@#]/.test(t));
  if (
    names.length !== 1 ||
    ideas.length !== 1 ||
    terms.length > 2 ||
    plainWords(text).length > MAX_SHORT_WORDS + 1
  )
    return undefined;
  const lastNames = [...questionTerms(a, last)].filter((t) => t.startsWith("@"));
  // Only a name the last answer's question does not have: "Japanese grant" after the grant is no other.
  if (names.some((n) => lastNames.includes(n))) return undefined;
  // A question of another kind than the last one's is a question of its own: "Who is Sadyr Zhaparov?"
  // after what the ambassador said asks who he is, not what was said of him.
  const kinds = engine.questionKinds(text);
  const lastKinds = firstQuestionKinds(kb, engine, last);
  if (kinds.length > 0 && !kinds.some((k) => lastKinds.includes(k))) return undefined;
  const candidates = (kb.answerById.get(last)?.related ?? []).filter((id) => {
    const has = questionTerms(a, id);
    return (
      kb.answerById.get(id)?.kind === "fact" &&
      names.every((n) => has.has(n)) &&
      !lastNames.some((n) => has.has(n) && !names.includes(n))
    );
  });
  const [only] = candidates;
  if (only === undefined || candidates.length > 1) return undefined;
  const query = `${oneSentence(text)} ${anchorOf(kb, engine, only, a.cyrillic)}`;
  const decision = engine.ask(query, a.options);
  if (decision.kind !== "answer" || decision.ids[0] !== only) return undefined;
  return {
    kind: "resolved",
    decision: { ...decision, question: text, confidence: "hedged" },
    about: last,
    query,
  };
}

/** The people an answer names in its English text (each by its first name in content): who "he" may be. */
/** The answer a decline for naming no one else was about, when it names people the last answer did not. */
function othersAfter(kb: KnowledgeBase, own: Decision, last: string) {
  if (own.kind !== "decline" || own.reason !== "lacks" || own.detail !== "others") return undefined;
  if (own.about === undefined || own.about === last) return undefined;
  const before = new Set(peopleOf(kb, last));
  const answer = kb.answerById.get(own.about);
  return answer && peopleOf(kb, own.about).some((p) => !before.has(p)) ? answer : undefined;
}

function peopleOf(kb: KnowledgeBase, id: string): string[] {
  const named = answerNames(kb).get(id);
  return kb.entities
    .filter((e) => e.kind === "person" && named?.has(`@${e.id}`))
    .flatMap((e) => e.names.slice(0, 1));
}

/**
 * "What did he say?", "что он сказал?", "ne dedi?": someone's words, someone the last answer names.
 * Asked again with each person it names, the one answer that gives that person's words (content's
 * `details: [words]`) is meant, rather than the last answer's other ideas (a visit, a place) pulling
 * the question back to itself. None, or several people with words of their own: undecided here, and
 * the question is read with the last answer's own names and ideas as any follow-up is.
 */
function wordsOfSomeoneNamed(
  a: Asking,
  sentence: string,
  given: readonly string[],
): { decision: Decision; query: string } | undefined {
  const { kb, engine, last, options } = a;
  // After an answer gathering several facts (a day's events), "he" could be any of its people.
  if (kb.answerById.get(last)?.kind !== "fact") return undefined;
  const terms = termsOf(engine, sentence);
  // "What else did he talk about?" after someone's announcement asks for more of his words too.
  const says = terms.includes("#say") || (given.length > 0 && terms.includes("#discuss"));
  if (!says || terms.some((t) => t.startsWith("@"))) return undefined;
  // "Who said it?" asks for the speaker, whom the last answer names, and "when did he say it?" a time:
  // not for words of theirs.
  const kinds = engine.questionKinds(sentence);
  if (kinds.includes("#q-who") || kinds.includes("#q-when")) return undefined;
  const people = peopleOf(kb, last);
  const quoting = people.flatMap((name) => {
    const query = `${sentence} ${name}`;
    const decision = engine.ask(query, options);
    const id = decision.kind === "answer" ? decision.ids[0] : undefined;
    return id && !given.includes(id) && kb.answerById.get(id)?.details.includes("words")
      ? [{ decision, query }]
      : [];
  });
  if (quoting.length > 0) return quoting.length === 1 ? quoting[0] : undefined;
  // Nobody it names is quoted ("what did he say?" after the meeting): with the pronoun read as the
  // people it names, the engine declines the words the article does not give.
  const query = pronounAsPeople(sentence, people);
  if (query === undefined) return undefined;
  const decision = engine.ask(query, options);
  return decision.kind === "decline" && decision.reason === "lacks" ? { decision, query } : undefined;
}

/**
 * A message that points back ("can you give me that quote word for word? want to read it on air") and that
 * the engine only guesses at alone: if asked of the last answer it finds an answer the engine is sure of,
 * and better than the guess, the pointing word meant that answer.
 */
function settledByPointing(asking: Asking, text: string, own: Decision): FollowUpReading | undefined {
  const guess =
    own.kind === "answer" ? own.confidence === "hedged" : own.kind === "decline" && own.reason === "weak";
  if (!guess || !plainWords(text).some((w) => POINTING.has(w))) return undefined;
  const { kb, engine, last, options, cyrillic } = asking;
  const anchor = anchorOf(kb, engine, last, cyrillic);
  // A name of its own the last answer lacks is what it asks about ("later it's spelled X. same guy?").
  const lastTerms = new Set(anchorTerms(kb, engine, last, cyrillic));
  if (termsOf(engine, text).some((t) => t.startsWith("@") && !lastTerms.has(t))) return undefined;
  // The sentences that ask, without the story or the postscript around them ("…? want to read it on air").
  const asked = text.split(/(?<=[.!?…])\s+/u).filter((x) => x.trim().endsWith("?"));
  const query = `${oneSentence(asked.length > 0 ? asked.join(" ") : text)} ${anchor}`;
  const found = engine.ask(query, options);
  if (found.kind !== "answer" || found.score <= own.score) return undefined;
  if (found.confidence !== "sure" && found.ids[0] !== last) return undefined;
  return { kind: "resolved", decision: { ...found, question: text }, about: last, query };
}

/** The sentence with its first personal pronoun read as the people named, if it has one and they are. */
function pronounAsPeople(sentence: string, people: readonly string[]): string | undefined {
  const pronoun = plainWords(sentence).find((w) => PERSONAL.has(w));
  if (pronoun === undefined || people.length === 0) return undefined;
  return sentence.replace(new RegExp(`(?<!\\p{L})${pronoun}(?!\\p{L})`, "iu"), people.join(" "));
}

/**
 * The language of a follow-up's reply. A few Latin words are often Turkish, Kyrgyz and Russian typed in
 * Latin letters alike ("kim bildirdi?", "peki Rusya?"): between those, the conversation's language wins.
 */
function followUpLang(own: Decision, conversation: Lang): Lang {
  const d = own.detected;
  if (d === "unknown") return conversation;
  if (conversation === "tr" && (d === "ky-latn" || d === "ru-latn")) return "tr";
  if (conversation === "ru" && d === "tr") return "ru";
  return own.lang;
}

/**
 * What a follow-up is about: the last answer, unless that only gathered the sources of the fact before it
 * (content: `preferredFor`) and the message asks nothing of sources: "venue?" after "source?" after the
 * meeting asks where the meeting was.
 */
function topicOf(
  kb: KnowledgeBase,
  engine: FollowUpEngine,
  text: string,
  context: FollowUpContext | undefined,
): string | undefined {
  const [first, before] = context?.ids ?? [];
  const gathers = first === undefined ? [] : (kb.answerById.get(first)?.preferredFor ?? []);
  if (gathers.length === 0 || before === undefined || kb.answerById.get(before)?.kind !== "fact")
    return first;
  const asksSources = termsOf(engine, text).some((t) => gathers.some((c) => t === `#${c}`));
  return asksSources ? first : before;
}

/** Does a message ask only what came next ("and then?", "а потом что было?", "peki sonra ne oldu?")? */
function asksWhatNext(text: string): boolean {
  const words = plainWords(text);
  return (
    words.some((w) => WHAT_NEXT.has(w)) && words.every((w) => WHAT_NEXT.has(w) || WHAT_NEXT_FILLER.has(w))
  );
}

/** The last sentence of a message of several, when it asks ("спасибо! а когда это было?"). */
function questionAfterSmallTalk(text: string): string | undefined {
  const sentences = text
    .split(/(?<=[.!?…])\s+/u)
    .map((x) => x.trim())
    .filter((x) => x !== "");
  const last = sentences.at(-1);
  return sentences.length > 1 && last?.endsWith("?") ? last : undefined;
}

/** What a message asks after opening with small talk ("sağol, …", "рахмат! …"), if it does. */
function askedAfterSmallTalk(engine: FollowUpEngine, text: string, options: AskOptions): string | undefined {
  const parts = /^(.+?[,.!…;:]+)\s+(\S.*)$/su.exec(text.trim());
  if (!parts?.[1] || !parts[2]) return undefined;
  // Thanks with words of praise ("Благодарю Вас за обстоятельный ответ."): its first two words say it.
  const opening = parts[1].split(/\s+/).slice(0, 2).join(" ");
  const smalltalk = (t: string) => {
    // Most first clauses are no small talk at all: known without ranking every answer for them.
    if (!engine.mayBeSmallTalk(t, options)) return undefined;
    const d = engine.ask(t, options);
    return d.kind === "smalltalk" ? d.intent : undefined;
  };
  if (smalltalk(parts[1]) === undefined && smalltalk(opening) !== "thanks") return undefined;
  // An opinion may come between the thanks and the question: the question is then the last sentence.
  return questionAfterSmallTalk(parts[2]) ?? parts[2];
}

/** "Is there a source for this claim?", "bu iddia için kaynak var mı?": the source of what was just said. */
function asksSourceOfIt(terms: readonly string[], words: readonly string[]): boolean {
  return terms.includes("#source") && words.some((w) => POINTING.has(w));
}

/**
 * Is this message a follow-up (true), or a question of its own? `aboutBot`: the engine answers it
 * with an answer about the bot itself.
 */
export function isFollowUp(engine: FollowUpEngine, text: string, own: Decision, aboutBot = false): boolean {
  if (own.kind === "smalltalk") return false;
  // A name the article never mentions ("who is Smith?") is asked about, whatever came before.
  if (own.kind === "decline" && own.reason === "out-of-scope") return false;
  const terms = termsOf(engine, text);
  // Question words alone ("when?", "а где?", "ne zaman?"): nothing but a reference to what came before.
  if (terms.length === 0) return plainWords(text).length > 0;
  const all = plainWords(text);
  // (A concept and its broader one, "#agreement" and "#agreement-more", are one idea here.)
  const ideas = terms.filter((t) => !(t.endsWith("-more") && terms.includes(t.slice(0, -5)))).length;
  const sourceOfIt = asksSourceOfIt(terms, all);
  // "Where is this information from?" after an answer asks where that answer comes from, not where
  // the bot's knowledge comes from in general.
  // "What other topics were there?" after an answer asks for more of it, not what the bot can talk about
  // ("what else can you do?", asked of the bot, still is).
  const more = all.some((w) => ELSE.has(w)) && !all.some((w) => SECOND_PERSON.has(w));
  if (aboutBot && (more || all.some((w) => DEMONSTRATIVE.has(w)))) return ideas <= MAX_OWN_TERMS;
  if (
    own.kind === "answer" &&
    own.score >= OWN_ANSWER &&
    !((all.some((w) => THERE.has(w)) || sourceOfIt) && ideas <= MAX_OWN_TERMS)
  )
    return false;
  const pointing = all.some((w) => POINTING.has(w)) || OPENING.has(all[0] ?? "");
  if (pointing) return ideas <= MAX_OWN_TERMS;
  // Russian, Turkish and Kyrgyz drop the pronoun ("ne konuştular?", "что обсуждали?"): one idea and no
  // name, and not an answer of its own, reads as a follow-up too.
  // (Answered alone only as a guess, it is a follow-up still: "на что?" after the railway.)
  // A name alone, two or three words at most ("Rus tarafında?", "а Россия?"): the last question asked
  // of it, unless it is a question of its own the engine is sure of.
  const nameAlone = terms[0]?.startsWith("@") === true && all.length <= 3;
  return (
    terms.length === 1 &&
    (nameAlone || !terms[0]?.startsWith("@")) &&
    !(own.kind === "answer" && own.score >= WEAK_OWN && own.confidence === "sure" && all.length > FEWEST_SURE)
  );
}

/**
 * Reads a message in the light of the conversation. A full question is answered on its own (a switch
 * of topic); a follow-up is asked again with the last answer's names and ideas.
 */
/** The idea of the present ("now", "сейчас", "şimdi"). */
const NOW = "#now";

export function readFollowUp(
  kb: KnowledgeBase,
  engine: FollowUpEngine,
  text: string,
  context: FollowUpContext | undefined,
  options: AskOptions = {},
): FollowUpReading {
  // "Year?" after an answer: asked as "which year?".
  const words = plainWords(text);
  const when = context && words.length === 1 ? BARE_TIME.get(words[0] ?? "") : undefined;
  if (when && context) {
    const reading = readFollowUp(kb, engine, when, context, {
      ...options,
      lang: options.lang ?? context.lang,
    });
    reading.decision = { ...reading.decision, question: text };
    return reading;
  }
  const own = engine.ask(text, options);
  // Kyrgyz is read back with the last answer's Cyrillic words: with English ones beside it, the message
  // reads as English and its Kyrgyz words as unknown ("Борбор Азия өлкөлөрүчү?").
  const cyrillic = own.detected === "ky-latn" || own.detected === "ky";
  // "And then?", "анан эмне болду?" after an answer whose story the article goes on to tell ("Later, …"):
  // what it tells next. (Without such a next part, "what happened next?" is a detail it lacks.)
  const lastGiven = context?.ids[0];
  const next = lastGiven === undefined ? undefined : kb.answerById.get(lastGiven)?.next;
  const told = next === undefined ? undefined : kb.answerById.get(next);
  // The conversation settles it: this answer, given as the last one was (hedged if it was only offered).
  const settledAs = (answer: Answer, score: number, about: string): FollowUpReading => ({
    kind: "resolved",
    decision: {
      kind: "answer",
      question: text,
      lang: options.lang ?? followUpLang(own, context?.lang ?? own.lang),
      detected: own.detected,
      ids: [answer.id],
      score,
      confidence: context?.offered ? "hedged" : "sure",
      alternatives: [],
      footnotes: answer.footnotes,
      shortFor: [],
    },
    about,
    query: text,
  });
  if (context && lastGiven !== undefined && told && asksWhatNext(text))
    return settledAs(told, THRESHOLDS.answer, lastGiven);
  // "Who else took part in the talks?" after the meeting: the answer the engine declines alone for naming
  // no one else names people the last answer did not, and they are the others.
  const others = context && lastGiven !== undefined ? othersAfter(kb, own, lastGiven) : undefined;
  if (others && lastGiven !== undefined) return settledAs(others, own.score, lastGiven);
  // A short question the engine, unsure, answers with the answer just given ("kim açıkladı?" after the
  // visit, "ne için?" after the grant): the conversation settles the doubt.
  if (
    own.kind === "answer" &&
    own.confidence === "hedged" &&
    context?.ids[0] === own.ids[0] &&
    termsOf(engine, text).length <= MAX_OWN_TERMS
  )
    return {
      kind: "resolved",
      decision: { ...own, confidence: context.offered ? "hedged" : "sure" },
      about: own.ids[0],
      query: text,
    };
  // "Thanks! And when was that?", "sağol, hangi dilleri biliyor?": small talk, then a follow-up. The
  // question is what wants a reply, and the thanks no idea of its own.
  if (context) {
    const after =
      own.kind === "smalltalk" ? questionAfterSmallTalk(text) : askedAfterSmallTalk(engine, text, options);
    // (Read alone, small talk is its own reading, never a resolved one.)
    const reading = after === undefined ? undefined : readFollowUp(kb, engine, after, context, options);
    if (reading?.kind === "resolved")
      return { ...reading, decision: { ...reading.decision, question: text } };
    // …and a question of its own after the thanks is answered as it would be alone ("rahmat. makalanyn
    // avtoru kim?"), not with the thanks' words weighing against it.
    if (reading?.kind === "own" && reading.decision.kind === "answer")
      return { kind: "own", decision: { ...reading.decision, question: text } };
  }
  const last = topicOf(kb, engine, text, context);
  // A few Latin words read alone are as often Turkish as Kyrgyz ("kim kol koydu?"): in a conversation,
  // its language says which.
  const replyLang = context && !options.lang ? followUpLang(own, context.lang) : own.lang;
  // Asked of the last answer in the language the message reads in (before the conversation's counts).
  const ofLast: Asking | undefined =
    last === undefined
      ? undefined
      : { kb, engine, last, options: { ...options, lang: options.lang ?? own.lang }, cyrillic };
  // The names and ideas of the last answer, as the engine reads them back.
  const lastTerms: ReadonlySet<string> = new Set(
    last === undefined ? [] : anchorTerms(kb, engine, last, cyrillic),
  );
  // "And China?" after why Russia's influence is felt: the related answer asking the same of China.
  // (Or after an answer before it: "peki ya Rusya?" after China's role, then the railway's countries.)
  // (An earlier answer only for a message the engine is not sure of alone: "Who is Sadyr Zhaparov?" is.)
  if (ofLast && context) {
    const sureOfItself = own.kind === "answer" && own.confidence === "sure";
    const inReplyLang = { ...ofLast.options, lang: options.lang ?? replyLang };
    for (const id of context.ids.slice(0, sureOfItself ? 1 : undefined)) {
      const parallel = parallelOf({ ...ofLast, last: id, options: inReplyLang }, text);
      if (parallel) return parallel;
    }
  }
  const aboutBot = own.kind === "answer" && kb.answerById.get(own.ids[0])?.kind === "bot";
  if (!isFollowUp(engine, text, own, aboutBot)) {
    // A few words asking a detail the last answer lacks, the engine unsure of them alone: about that answer.
    // (Sure of them alone, only what came of the last event is: "was any document signed?")
    const lacking =
      ofLast && own.kind === "answer" ? terseLack(ofLast, text, own.confidence === "sure") : undefined;
    if (lacking) return lacking;
    const settled = ofLast ? settledByPointing(ofLast, text, own) : undefined;
    if (settled) return settled;
    const short = plainWords(text).length <= MAX_SHORT_WORDS;
    return {
      kind: "own",
      decision: short && replyLang !== own.lang ? engine.ask(text, { ...options, lang: replyLang }) : own,
    };
  }
  // A question the engine answers on its own with a name or idea the last answer did not have ("and
  // what about China?", "where did the author get his PhD?") switches the topic.
  // (An answer about the bot itself is no topic: "what did they discuss?" is not a question to the bot.)
  const ownTopic = own.kind === "answer" && kb.answerById.get(own.ids[0])?.kind !== "bot";
  let heldByThere = false;
  let aboutPerson = false;
  if (ownTopic && ofLast) {
    // "There" and "then" point at the last answer's event: "what documents were signed there?" after the
    // meeting asks about the meeting, however well "documents signed" alone finds another answer.
    // (Not with "now": "а сейчас кто президент там?" after the 2005 revolution asks of the country today.)
    const asked = termsOf(engine, text);
    const there =
      !asked.includes(NOW) &&
      (plainWords(text).some((w) => THERE.has(w)) || asksSourceOfIt(asked, plainWords(text)));
    // "else" asks for another answer: it is not a new idea of its own.
    const fresh = termsOf(engine, withoutElse(text)).filter((t) => !lastTerms.has(t));
    // An idea of its own switches only when the engine is sure of it alone: "на что?" after the railway
    // is a guess at the grant on its own, and asks what the railway is for.
    const sureAlone =
      own.score >= WEAK_OWN &&
      (own.confidence === "sure" || fresh.length > 1) &&
      (plainWords(text).length > FEWEST_SURE || fresh.length > 1);
    // "Does he speak Russian?" after the author: "he" is the person the last answer names, and Russia no
    // new topic, unless the engine is sure of the question alone.
    const ofPerson =
      own.confidence !== "sure" &&
      plainWords(text).some((w) => ONE_PERSON.has(w)) &&
      peopleOf(kb, ofLast.last).length > 0;
    if (!ofPerson && (fresh.some((t) => t.startsWith("@")) || (fresh.length > 0 && sureAlone && !there))) {
      // "Was any document signed?" after the consultations: a few words naming nothing, asking a detail
      // the last answer lacks, ask it of that answer, as "there" would.
      // (Not asked of the present, when the engine is sure of it alone: "а сейчас кто президент?" after
      // the 2005 revolution asks of today.)
      const ofToday = own.confidence === "sure" && asked.includes(NOW);
      return (ofToday ? undefined : terseLack(ofLast, text)) ?? { kind: "own", decision: own };
    }
    // Held back by "there" alone: if the context only finds the last answer again, "там" was the article.
    heldByThere = fresh.length > 0 && sureAlone;
    aboutPerson = ofPerson;
  }
  // What the reply offers instead is the bot's choice (the last answer's related questions, or examples).
  const declined = (): Declined => ({
    kind: "decline",
    reason: "weak",
    question: text,
    lang: replyLang,
    detected: own.detected,
    score: 0,
    related: [],
    examples: [],
  });
  if (last === undefined || !context) {
    // Nothing came before: a question the engine answers about the article on its own is asked on its own
    // ("Chto za doktrina Primakova, pro kotoruyu tam pishut?": "tam" is the article).
    const factual = own.kind === "answer" && kb.answerById.get(own.ids[0])?.kind !== "bot";
    // (A guess too, when the question names what it asks about: "what does the article mean by the
    // 'Near Periphery Doctrine' and with whom is it associated?" has nothing to point back at.)
    const named = termsOf(engine, text).some((t) => t.startsWith("@"));
    if (factual && (own.score >= THRESHOLDS.answer || named)) return { kind: "own", decision: own };
    return { kind: "no-context", decision: declined() };
  }

  const lang = options.lang ?? followUpLang(own, context.lang);
  const asking: Asking = { kb, engine, last, options: { ...options, lang }, cyrillic };
  const sentence = oneSentence(text);
  const wantsOther = plainWords(text).some((w) => ELSE.has(w));
  // "What else did he say?": words of his not given yet.
  const quoted = wordsOfSomeoneNamed(asking, sentence, wantsOther ? context.ids : []);
  // (For "what else", only words found: the decline of words nobody gave is no other answer.)
  if (quoted && !(wantsOther && quoted.decision.kind !== "answer"))
    return {
      kind: "resolved",
      decision: { ...quoted.decision, question: text },
      about: last,
      query: quoted.query,
    };
  // "He" read as the person the last answer names, when that is what kept the message a follow-up.
  const asPerson = aboutPerson ? pronounAsPeople(sentence, peopleOf(kb, last)) : undefined;
  let query = asPerson ?? `${sentence} ${anchorOf(kb, engine, last, cyrillic)}`;
  let found = engine.ask(query, { ...options, lang });
  // A time asked of the last answer's own event and nothing new ("hangi yıl?" after Japarov's profile,
  // "when did he say it?" after the ambassador's words), found in another answer: if the last answer
  // lacks the time, that is the reply. One fact's date is no other's (the visit's May 2023 is neither
  // when Japarov came to power nor when the ambassador spoke).
  const timeOfLast =
    engine.questionKinds(sentence).includes("#q-when") &&
    // ("Does it say what year that was?": "say" frames the question, as "does the article mention" does.)
    termsOf(engine, sentence).every((t) => lastTerms.has(t) || t === SAY);
  const ownLack =
    !wantsOther && timeOfLast && !(found.kind === "answer" && found.ids[0] === last)
      ? engine.ask(query, { ...options, lang, within: [last] })
      : undefined;
  const timeLacking = ownLack?.kind === "decline" && ownLack.reason === "lacks" && TIMES.has(ownLack.detail);
  // With all of the last answer's ideas the question may find nothing ("when?" after Japan as the West's
  // ally): asked of its names, together or one at a time, it may find one answer ("when … Japan"). One
  // name only when the names agree on one answer. A detail the last answer lacks stays a decline: "and
  // when?" of the grant is not the date of another Japanese fact.
  // (A lack found in a weak match is no such decline: the match itself is in doubt.)
  const weak = (d: Decision) => d.kind === "decline" && (d.reason !== "lacks" || d.score < THRESHOLDS.answer);
  // …unless someone's words are dated by a curated timeline related to them that names the speaker
  // ("when did he say it?" after the ambassador's words: the article has them said on 23 March, the day
  // its timeline gives). A date, not a finer part of one the last answer gives: "which day exactly?" of
  // the visit in May is not the day the visit was announced.
  const speakers = (kb.answerById.get(last)?.speakers ?? []).map((p) => `@${p}`);
  const dated =
    ownLack?.kind === "decline" &&
    ownLack.reason === "lacks" &&
    ownLack.detail === "date" &&
    speakers.length > 0
      ? bestAskedWith(
          asking,
          sentence,
          (kb.answerById.get(last)?.related ?? []).filter(
            (id) =>
              kb.answerById.get(id)?.kind === "combined" &&
              speakers.every((p) => answerNames(kb).get(id)?.has(p)),
          ),
        )
      : undefined;
  if (dated) ({ decision: found, query } = dated);
  else if (ownLack && timeLacking) found = ownLack;
  else if (weak(found) && !wantsOther) {
    const byNames = answerByNames(engine, sentence, anchorNames(kb, engine, last, cyrillic), {
      ...options,
      lang,
    });
    if (byNames) ({ decision: found, query } = byNames);
  }
  // The same story told by a related answer: "how much money?" after the agreement with Japan is the
  // grant's sum, which the agreement's own answer lacks. Not a time (a date the last answer lacks is not
  // another fact's date), curated related facts only, and only an answer the engine gives outright.
  if (found.kind === "decline" && found.reason === "lacks" && !TIMES.has(found.detail) && !wantsOther) {
    for (const id of kb.answerById.get(last)?.related ?? []) {
      if (kb.answerById.get(id)?.kind !== "fact") continue;
      const q = `${sentence} ${anchorOf(kb, engine, id, cyrillic)}`;
      const d = engine.ask(q, { ...options, lang });
      if (d.kind === "answer" && d.ids[0] === id && d.score >= THRESHOLDS.answer) {
        ({ found, query } = { found: d, query: q });
        break;
      }
    }
  }
  // "And why does that matter?" after the achievement, "что обсуждали?" after the delegations.
  // (…and "peki bunun riski ne?" after the Democracy Island, which with the last answer's words finds it
  // too weakly to give it: the question is about the last answer all the same.)
  const aboutLast =
    found.kind === "answer"
      ? found.ids[0] === last
      : found.kind === "decline" && found.reason === "weak" && found.related[0]?.id === last;
  if (aboutLast && !wantsOther) {
    const other = askedOfRelated(asking, sentence);
    if (other) ({ decision: found, query } = other);
    else {
      const closer = closerRunnerUp(asking, sentence, found);
      if (closer) ({ decision: found, query } = closer);
    }
  }
  // "When was he born?" after the author's profile, whose question names no one: "he" is whom it names.
  const asPeople =
    weak(found) && !wantsOther && !timeLacking ? pronounAsPeople(sentence, peopleOf(kb, last)) : undefined;
  if (asPeople !== undefined) {
    const decision = engine.ask(asPeople, { ...options, lang });
    if (decision.kind === "answer" || (decision.kind === "decline" && decision.reason === "lacks"))
      ({ found, query } = { found: decision, query: asPeople });
  }
  if (wantsOther) {
    // "Who else / what else": the best answer not given yet, from the engine's candidates.
    // A runner-up counts when it would nearly have been answered on its own.
    const seen = new Set(context.ids);
    const scored =
      found.kind === "answer"
        ? [...found.ids.map((id) => ({ id, score: found.score })), ...found.alternatives]
        : found.kind === "decline"
          ? found.related
          : [];
    const candidates = scored.filter(
      (c) => !seen.has(c.id) && c.score >= THRESHOLDS.answer - THRESHOLDS.ambiguityGap,
    );
    const next =
      candidates.find((c) => kb.answerById.get(c.id)?.kind !== "bot") ?? otherRelated(asking, sentence, seen);
    const answer = next ? kb.answerById.get(next.id) : undefined;
    if (!next || !answer) return { kind: "unsettled", decision: declined(), about: last };
    const decision: Decision = {
      kind: "answer",
      question: text,
      lang: found.lang,
      detected: found.detected,
      ids: [next.id],
      score: next.score,
      // A runner-up taken for "what else" is a guess at what was meant.
      confidence: found.kind === "answer" && found.ids[0] === next.id ? found.confidence : "hedged",
      alternatives: [],
      footnotes: answer.footnotes,
      shortFor: found.kind === "answer" ? found.shortFor.filter((id) => id === next.id) : [],
    };
    return { kind: "resolved", decision, about: last, query };
  }
  // Understood in context, and the article lacks what is asked ("and when?" of an answer without a
  // date): say so, naming what it does say, rather than that the question was unclear.
  if (found.kind === "decline" && found.reason === "lacks")
    return { kind: "resolved", decision: { ...found, question: text }, about: last, query };
  if (found.kind !== "answer") return { kind: "unsettled", decision: declined(), about: last };
  // Asked of the last answer, a question about the bot is still one about the bot.
  if (aboutBot && kb.answerById.get(found.ids[0])?.kind === "bot") return { kind: "own", decision: own };
  // "а что за железная дорога там упоминается?" after the visit: a new idea the engine is sure of alone,
  // which in context finds nothing but the answer just given, was asked about the article ("там").
  if (heldByThere && found.ids[0] === last) return { kind: "own", decision: own };
  // A name the last answer never speaks of is not asked of it ("and what is the Chinese counterpart to
  // this?" after the Primakov Doctrine): the context does not settle what is meant.
  const named = answerNames(kb).get(last);
  const everywhere = namesOfMostAnswers(kb);
  const stranger = termsOf(engine, text).some(
    (t) => t.startsWith("@") && !named?.has(t) && !everywhere.has(t),
  );
  if (found.ids[0] === last && stranger) return { kind: "unsettled", decision: declined(), about: last };
  // "Like what exactly?", "а конкретно?" after an answer: the same answer again is no reply; what is
  // asked is more than the article says.
  // (Not a kind of detail the answer speaks to: "how much exactly?" asks the sum it gives.)
  const asksDetail = engine.questionKinds(text).some((k) => DETAIL_KINDS.has(k));
  if (found.ids[0] === last && !asksDetail && plainWords(text).some((w) => SPECIFICS.has(w)))
    return {
      kind: "resolved",
      decision: {
        kind: "decline",
        reason: "lacks",
        detail: "specifics",
        about: last,
        question: text,
        lang: found.lang,
        detected: found.detected,
        score: found.score,
        related: [{ id: last, score: found.score }],
        examples: [],
      },
      about: last,
      query,
    };
  // The confidence model weighed the query with the last answer's words added, not what the user typed:
  // its doubt is about that stand-in. The follow-up reading itself decided the message refers to it,
  // unless what it refers to was only offered.
  return {
    kind: "resolved",
    decision: { ...found, question: text, confidence: context.offered ? "hedged" : "sure" },
    about: last,
    query,
  };
}
