// The engine's answer to one question: a plain value, one of three kinds. The bot and the command line
// only render it; a switch over `kind` is exhaustive, and no number doubles as a flag.
import type { Detail, Lang } from "../content/schema.ts";

export type { Lang };

/**
 * What the text looked like: Kyrgyz is understood but answered in Russian; "ru-latn" and "ky-latn" are
 * Russian and Kyrgyz typed in Latin letters.
 */
export type DetectedLang = "en" | "ru" | "tr" | "ky" | "ru-latn" | "ky-latn" | "unknown";

/** An answer the engine scored for this question. */
export interface Candidate {
  id: string;
  /** How well it matched, 0..1. */
  score: number;
}

interface Common {
  question: string;
  /** Language of the reply. */
  lang: Lang;
  detected: DetectedLang;
  /** Confidence of the best candidate (for small talk: how much of the message its phrase explains), 0..1. */
  score: number;
}

/** One curated answer, or several for a question that spans them (two questions in one, a timeline). */
export interface Answered extends Common {
  kind: "answer";
  /** Answers given, best first; never empty. */
  ids: [string, ...string[]];
  /**
   * "sure", or "hedged": the best answer is ahead but the confidence model is not sure of it, so the
   * reply says it is a guess at what was asked ("I think you are asking about …"). Counts as answered.
   */
  confidence: "sure" | "hedged";
  /** Close runners-up to offer ("you may also mean"). */
  alternatives: Candidate[];
  /** Footnote numbers the reply cites. */
  footnotes: number[];
  /**
   * Answers (of `ids` and `alternatives`) whose curated short answer answers the kind of question asked
   * (who, when, how much…): only these show it first. "What did they discuss?" is not answered by a name.
   */
  shortFor: string[];
}

/**
 * Why the article gives no answer: nothing to match, too weak a match, a name it never mentions, or a
 * detail the matched answer lacks.
 */
export type DeclineReason = "empty" | "weak" | "out-of-scope" | "lacks";

interface DeclinedCommon extends Common {
  kind: "decline";
  /** Answers that matched in part, best first: perhaps what was meant. */
  related: Candidate[];
  /** Answerable questions to offer besides (answer ids, spread over the topics). */
  examples: string[];
}

export type Declined = DeclinedCommon &
  (
    | { reason: "empty" }
    /**
     * `broad`: the question asks about one name as a whole ("what does the article say about Russia?"),
     * which several answers speak of (they are `related`); the name as the user wrote it.
     */
    | { reason: "weak"; broad?: string }
    /** `name`: the person, place, event or year as the user wrote it. */
    | { reason: "out-of-scope"; name: string }
    /**
     * A near miss: the question asks for a detail (a date, a figure, a person, someone's words) that
     * `about`, the answer it matched, does not give. `about` is offered first in `related`.
     */
    | { reason: "lacks"; detail: Detail; about: string }
  );

/** A greeting, thanks, "who are you"…: the intent's reply from content/smalltalk.yaml. */
export interface SmallTalk extends Common {
  kind: "smalltalk";
  intent: string;
  /** Answerable questions to offer (answer ids). */
  examples: string[];
}

export type Decision = Answered | Declined | SmallTalk;

/** The answers a decision gives: none unless it answered. */
export function answerIds(decision: Decision): readonly string[] {
  return decision.kind === "answer" ? decision.ids : [];
}

/** Every answer a decision offers beside its own (runners-up, related answers, examples), in order. */
export function offeredIds(decision: Decision): string[] {
  switch (decision.kind) {
    case "answer":
      return decision.alternatives.map((c) => c.id);
    case "decline":
      return [...decision.related.map((c) => c.id), ...decision.examples];
    case "smalltalk":
      return decision.examples;
  }
}

export interface AskOptions {
  /** An explicit choice (/lang, --lang): overrides detection. */
  lang?: Lang;
  /** Telegram's language_code of the user: used when the text is too short to tell. */
  userLanguageCode?: string;
  /** Only these answers may be chosen: a question asked of what was just said (a follow-up). */
  within?: readonly string[];
}
