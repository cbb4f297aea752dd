// The engine's answer to one question: a plain value. The bot and the command line only render it.
import type { Lang } from "../content/schema.ts";

export type { Lang };

/** What the text looked like: Kyrgyz is understood but answered in Russian; "ru-latn" is Russian typed in Latin letters. */
export type DetectedLang = "en" | "ru" | "tr" | "ky" | "ru-latn" | "unknown";

export interface Candidate {
  id: string;
  score: number;
}

export interface Decision {
  /**
   * answer: one curated answer (or several, for a question that spans them, e.g. a timeline);
   * decline: the article does not answer this; smalltalk: greeting, thanks, "who are you"…
   */
  kind: "answer" | "decline" | "smalltalk";
  question: string;
  /** Language of the reply. */
  lang: Lang;
  detected: DetectedLang;
  /** Answers given, best first; empty unless kind is "answer". */
  ids: string[];
  /** Confidence of the best candidate, 0..1. */
  score: number;
  /** Close runners-up to offer ("did you mean…"), or, on decline, answerable questions to suggest. */
  alternatives: Candidate[];
  /** Footnote numbers the reply cites. */
  footnotes: number[];
  declineReason?: "empty" | "weak" | "out-of-scope";
  /** On an out-of-scope decline: the name as the user wrote it. */
  outOfScope?: string;
  /** On smalltalk: the intent id from content/smalltalk.yaml. */
  smalltalk?: string;
}

export interface AskOptions {
  /** An explicit choice (/lang, --lang): overrides detection. */
  lang?: Lang;
  /** Telegram's language_code of the user: used when the text is too short to tell. */
  userLanguageCode?: string;
}
