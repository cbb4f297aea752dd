// Greetings, thanks, "who are you": recognised when the message is (almost) nothing but small-talk
// phrases, so "hi, who did Kulubaev meet?" is still a question about the article.
import type { SmalltalkIntent } from "../content/schema.ts";
import { tokenize } from "./normalize.ts";
import { isAskingWord, isStopword } from "./stopwords.ts";

// Words that may surround a phrase without changing the intent ("hi there", "thanks a lot, bot").
const FILLER = new Set(
  `there bot dear friend so much very lot a all again please guys everyone you ok okay well oh and
  today бот бро очень большое огромное всем всё все весьма ещё еще раз ну же вам тебе пожалуйста а и вообще сегодня
  bot çok cok teşekkürler sana size herkese tekrar peki ve da de canım dostum
  сага сизге көп чоң бана bugün bugun бүгүн абдан`
    .split(/\s+/)
    .filter(Boolean),
);

/** The intents whose one-word phrases are chatter beside a question. */
const CHAT_INTENTS: ReadonlySet<string> = new Set(["greeting", "thanks"]);

/** Most words of a small-talk message that neither a phrase nor filler explains ("thanks, great job"). */
const MAX_UNEXPLAINED = 2;

export interface SmalltalkMatch {
  intent: string;
  /** Share of the message's words that small-talk phrases (and filler) explain, 0..1. */
  coverage: number;
  /** One phrase is the whole message. */
  exact: boolean;
}

/** A small-talk phrase as its words (folded), in the content's order: the matcher's saved form. */
export interface SmalltalkPhrase {
  intent: string;
  words: string[];
}

interface Phrase extends SmalltalkPhrase {
  /** Position in the content's order. */
  order: number;
}

export class SmalltalkMatcher {
  /** Phrases by their first word: every word of a phrase must be present, so its first one too. */
  private readonly byFirstWord = new Map<string, Phrase[]>();

  /** The phrases of the content's intents, tokenised. */
  static fromContent(intents: readonly SmalltalkIntent[]): SmalltalkMatcher {
    const phrases: SmalltalkPhrase[] = [];
    for (const intent of intents)
      for (const list of Object.values(intent.phrases))
        for (const p of list ?? []) {
          const words = tokenize(p, true).map((t) => t.key);
          if (words.length > 0) phrases.push({ intent: intent.id, words });
        }
    return new SmalltalkMatcher(phrases);
  }

  constructor(private readonly phrases: readonly SmalltalkPhrase[]) {
    phrases.forEach((p, order) => {
      const first = p.words[0] as string;
      const phrase = { intent: p.intent, words: p.words, order };
      const same = this.byFirstWord.get(first);
      if (same) same.push(phrase);
      else this.byFirstWord.set(first, [phrase]);
    });
  }

  /**
   * The words that are a greeting or thanks alone ("thx", "спасибо", "selam"). (Not other intents' words:
   * "start" and "good" are small talk alone, and words of a question beside others.)
   */
  greetingAndThanksWords(): Set<string> {
    return new Set(
      this.phrases
        .filter((p) => p.words.length === 1 && CHAT_INTENTS.has(p.intent))
        .map((p) => p.words[0] as string),
    );
  }

  /** The phrases as plain data (see snapshot.ts): `new SmalltalkMatcher(phrases)` is this matcher. */
  toData(): SmalltalkPhrase[] {
    return this.phrases.map((p) => ({ intent: p.intent, words: [...p.words] }));
  }

  /**
   * The share of the message that small-talk phrases (and filler) explain, and the intent meant: of the
   * phrases present, the one that ends last ("ok thanks bye" is a goodbye), the longer one on a tie.
   * Every word of a phrase must be present. `words` are the message's words after typo correction
   * against all the content, small talk included ("thnaks" is "thanks", "grant" stays "grant").
   * `topical`: the words the reading found names or ideas of the article in (asked for only when needed).
   */
  match(
    words: readonly string[],
    topical: () => ReadonlySet<string> = () => new Set(),
  ): SmalltalkMatch | undefined {
    if (!words.some((w) => this.byFirstWord.has(w))) return undefined;
    const at = new Map<string, number>();
    words.forEach((w, i) => {
      if (!at.has(w)) at.set(w, i);
    });
    const explained = new Set<number>();
    let best: { intent: string; end: number; length: number } | undefined;
    const candidates: Phrase[] = [];
    for (const w of at.keys()) for (const p of this.byFirstWord.get(w) ?? []) candidates.push(p);
    // In their file order, as before: a tie between phrases goes to the one listed first.
    candidates.sort((a, b) => a.order - b.order);
    for (const p of candidates) {
      let end = -1;
      let present = true;
      for (const w of p.words) {
        const i = at.get(w);
        if (i === undefined) {
          present = false;
          break;
        }
        if (i > end) end = i;
      }
      if (!present) continue;
      for (const w of p.words) explained.add(at.get(w) as number);
      if (!best || end > best.end || (end === best.end && p.words.length > best.length))
        best = { intent: p.intent, end, length: p.words.length };
    }
    if (!best) return undefined;
    // Function words ("for", "a", "that") carry neither an intent nor a question: filler too. A question
    // word outside a phrase asks something ("peki neden?" is "so why?", not "okay").
    words.forEach((w, i) => {
      if ((FILLER.has(w) || isStopword(w)) && !isAskingWord(w)) explained.add(i);
    });
    // A long message of function words around a greeting still says something when several of its
    // words are explained by nothing ("cheers… does it say anything about the base at Kant?").
    const unexplained = words.length - explained.size;
    // A word of the article's names or ideas that no phrase explains asks about it ("what other stuff
    // came up" holds "what … up", but "came up" is talk about a meeting).
    const asks = explained.size < words.length && words.some((w, i) => !explained.has(i) && topical().has(w));
    const coverage = unexplained > MAX_UNEXPLAINED || asks ? 0 : explained.size / words.length;
    return { intent: best.intent, coverage, exact: coverage === 1 && best.length === words.length };
  }
}
