// The answering engine: createEngine(kb) builds the index once; engine.ask(question) returns a
// Decision (answer, decline or small talk). Pure: no I/O, no grammY; the bot and the CLI render it.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Lang } from "../content/schema.ts";
import { committedModel } from "./confidence.ts";
import { decide, mayBeSmallTalk, questionKinds, THRESHOLDS, type Thresholds } from "./decide.ts";
import type { AskOptions, Decision } from "./decision.ts";
import { DetailCheck } from "./detail-check.ts";
import { pickExamples } from "./examples.ts";
import { AnswerIndex } from "./matcher.ts";
import { QuotedPhrases } from "./quoted.ts";
import { plainTerms, RememberingReader } from "./reading.ts";
import { SmalltalkMatcher } from "./smalltalk.ts";
import { type IndexParts, type IndexSnapshot, restoreSnapshot, takeSnapshot } from "./snapshot.ts";
import { buildVocabulary } from "./vocabulary-builder.ts";

export type { Thresholds } from "./decide.ts";
export type {
  Answered,
  AskOptions,
  Candidate,
  Decision,
  Declined,
  DeclineReason,
  DetectedLang,
  SmallTalk,
} from "./decision.ts";
export { answerIds, offeredIds } from "./decision.ts";
export type { IndexSnapshot } from "./snapshot.ts";
export { contentHash, SNAPSHOT_FORMAT, SnapshotError } from "./snapshot.ts";

export interface Engine {
  ask(question: string, opts?: AskOptions): Decision;
  /** Answerable questions to offer: the first question of answers spread over the topics; deterministic. */
  examples(lang: Lang, n: number): { id: string; question: string }[];
  /**
   * Key that groups declined questions in reports: sorted distinct terms, with every spelling of a
   * name (aliases) and every language's word for a concept (lexicon) folded into one term.
   */
  groupKey(text: string): string;
  /** The kinds of question a text asks ("#q-who", "#q-when"…), as the engine reads them. */
  questionKinds(text: string): string[];
  /** False when `ask` would surely not read the text as small talk; found without ranking the answers. */
  mayBeSmallTalk(text: string, opts?: AskOptions): boolean;
  /** The built index as plain data: `createEngine(kb, { snapshot })` starts from it instead of building. */
  snapshot(): IndexSnapshot;
}

export interface EngineOptions {
  /** Decision thresholds other than the measured defaults (the benchmark's sweep uses this). */
  thresholds?: Partial<Thresholds>;
  /** The confidence model's sure-or-hedged cut other than the fitted one (the benchmark's sweep). */
  sure?: number;
  /**
   * A snapshot taken by `engine.snapshot()` with this engine code (the caller checks that, see
   * src/index-cache.ts). Throws SnapshotError when it is of another format or other content.
   */
  snapshot?: unknown;
}

/** Analyses and indexes every paraphrase, answer text and quote: the costly part of start-up. */
export function buildIndex(kb: KnowledgeBase): IndexParts {
  const { vocabulary, index } = buildVocabulary(kb, (read, isLight) => new AnswerIndex(kb, read, isLight));
  return {
    vocabulary,
    index,
    smalltalk: SmalltalkMatcher.fromContent(kb.smalltalk),
    details: DetailCheck.fromContent(kb),
    quoted: QuotedPhrases.fromContent(kb),
  };
}

export function createEngine(kb: KnowledgeBase, options: EngineOptions = {}): Engine {
  const thresholds = { ...THRESHOLDS, ...options.thresholds };
  const { vocabulary, index, smalltalk, details, quoted } =
    options.snapshot !== undefined ? restoreSnapshot(kb, options.snapshot) : buildIndex(kb);
  // The bot asks about a message, checks it for a follow-up and groups it for the report: read once.
  const reader = new RememberingReader(vocabulary, smalltalk.greetingAndThanksWords());
  const fitted = committedModel();
  const confidence = options.sure === undefined ? fitted : { ...fitted, sure: options.sure };
  // The same few lists are asked for on every decline: worked out once each.
  const picked = new Map<string, { id: string; question: string }[]>();
  const examples = (lang: Lang, n: number) => {
    const key = `${lang}:${n}`;
    let list = picked.get(key);
    if (!list) {
      list = pickExamples(kb, lang, n);
      picked.set(key, list);
    }
    return list.slice();
  };

  const termsRead = (text: string): string[] => reader.read(text).terms.map((t) => t.term);

  // What each short answer answers: the kinds of question its answer's main (first English) question asks.
  const kinds = new Map<string, ReadonlySet<string>>();
  const shortKinds = (id: string): ReadonlySet<string> => {
    let found = kinds.get(id);
    if (!found) {
      found = questionKinds(reader.read(kb.answerById.get(id)?.questions.en[0] ?? "", "en"));
      kinds.set(id, found);
    }
    return found;
  };

  const parts = {
    thresholds,
    kb,
    reader,
    index,
    smalltalk,
    examples,
    shortKinds,
    confidence,
    details,
    quoted,
  };
  return {
    ask: (question, opts = {}) => decide(parts, question, opts),
    mayBeSmallTalk: (text, opts = {}) => mayBeSmallTalk(parts, text, opts),
    examples,
    // The kind of question ("what is", "why") does not change what was asked about.
    groupKey: (text) => keyOf(termsRead(text).filter((t) => !t.startsWith("#q-"))),
    // As the question words read them (not decide's questionKinds, which reads "что обсуждали?" as "what").
    questionKinds: (text) => [...new Set(termsRead(text).filter((t) => t.startsWith("#q-")))],
    snapshot: () => takeSnapshot(kb, { vocabulary, index, smalltalk, details, quoted }),
  };
}

function keyOf(terms: readonly string[]): string {
  return [...new Set(terms)].sort().join(" ");
}

/**
 * Grouping key without the content: stems in the detected language, stop words dropped, sorted.
 * Same key for "weather in Bishkek?" and "Weather in bishkek". Prefer `engine.groupKey`, which also
 * unifies spellings of names and languages of concepts.
 */
export function groupKey(text: string): string {
  return keyOf(plainTerms(text));
}
