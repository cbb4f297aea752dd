// The article's own words, quoted: "who is called a 'potential hegemonic power'?", "what does
// «Demokrasi Adası» mean here?". A phrase the user puts in quotation marks and that stands word for
// word in one answer's texts or article quotes (and in few others) says which answer is meant better
// than any weighing of its words: the words of a coined label are often common ones ("island",
// "power", "logic"), and the question around it often asks "who" of a sentence that names a country.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { quotedPhrases } from "./language.ts";
import { foldKey } from "./normalize.ts";
import { editDistance, maxEdits } from "./typos.ts";

/** A quoted phrase counts with this many words or more: one word is a name or a term, weighed already. */
const MIN_WORDS = 2;
/** …and when this many answers or fewer have it: a phrase found everywhere ("multi-vector") tells nothing. */
const MAX_ANSWERS = 2;

/** Each fact answer's texts (every language) and article quotes, folded, space-padded for whole-word search. */
export type QuotedTexts = { id: string; text: string }[];

export class QuotedPhrases {
  /** From a saved index's data (src/engine/snapshot.ts); `QuotedPhrases.fromContent` works it out. */
  constructor(private readonly texts: QuotedTexts) {}

  static fromContent(kb: KnowledgeBase): QuotedPhrases {
    return new QuotedPhrases(
      kb.answers
        .filter((a) => a.kind !== "bot")
        .map((a) => ({
          id: a.id,
          text: ` ${[...Object.values(a.answer), ...a.quotes.map((q) => q.text)].map(plain).join(" | ")} `,
        })),
    );
  }

  toData(): QuotedTexts {
    return this.texts;
  }

  /** The answers that have, word for word, a phrase the question quotes; none when no phrase is specific. */
  answersQuoted(question: string): string[] {
    const found = new Set<string>();
    for (const quoted of quotedPhrases(question)) {
      const phrase = plain(quoted);
      if (phrase.split(" ").length < MIN_WORDS) continue;
      let ids = this.texts.filter((t) => t.text.includes(` ${phrase} `)).map((t) => t.id);
      // A slip of the finger inside the quote ("an agrement on foreign currency notes…"): one word may
      // be one edit off, when the others stand as quoted.
      if (ids.length === 0) ids = this.texts.filter((t) => nearlyHas(t.text, phrase)).map((t) => t.id);
      if (ids.length > 0 && ids.length <= MAX_ANSWERS) for (const id of ids) found.add(id);
    }
    return [...found];
  }
}

/** Lower case, diacritics and punctuation folded away, words separated by single spaces. */
function plain(text: string): string {
  return foldKey(text.toLowerCase())
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();
}

/** Does `text` have the phrase's words in a row, all as quoted but one that is a typo away? */
function nearlyHas(text: string, phrase: string): boolean {
  const want = phrase.split(" ");
  const words = text.trim().split(" ");
  const slip = (typed: string, there: string) =>
    typed.length >= MIN_SLIP_WORD && editDistance(typed, there, maxEdits(typed.length)) <= 1;
  for (let start = 0; start + want.length <= words.length; start++) {
    const differ = want.flatMap((typed, k) => (typed === words[start + k] ? [] : [k]));
    const k = differ[0];
    if (differ.length === 1 && k !== undefined && slip(want[k] as string, words[start + k] as string))
      return true;
  }
  return false;
}

/** A word shorter than this is never taken for a typo of another in a quote. */
const MIN_SLIP_WORD = 5;
