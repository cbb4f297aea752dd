// Greetings, thanks, "who are you": recognised when the message is (almost) nothing but one of the
// intent's phrases, so "hi, who did Kulubaev meet?" is still a question about the article.
import type { SmalltalkIntent } from "../content/schema.ts";
import { tokenize } from "./normalize.ts";
import { editDistance, maxEdits } from "./typos.ts";

// Words that may surround a phrase without changing the intent ("hi there", "thanks a lot, bot").
const FILLER = new Set(
  `there bot dear friend so much very lot a all again please guys everyone you ok okay well oh and
  бот бро очень большое огромное всем ещё еще раз ну же вам тебе пожалуйста а и
  bot çok cok teşekkürler sana size herkese tekrar peki ve da de canım dostum
  сага сизге көп чоң`
    .split(/\s+/)
    .filter(Boolean),
);

export interface SmalltalkMatch {
  intent: string;
  /** Share of the message's words that the phrase (and filler) explains, 0..1. */
  coverage: number;
  /** The phrase is the whole message. */
  exact: boolean;
}

interface Phrase {
  intent: string;
  words: string[];
}

function sameWord(a: string, b: string): boolean {
  if (a === b) return true;
  const max = Math.min(maxEdits(a.length), 1);
  return max > 0 && editDistance(a, b, max) <= max;
}

export class SmalltalkMatcher {
  private readonly phrases: Phrase[] = [];

  constructor(intents: readonly SmalltalkIntent[]) {
    for (const intent of intents)
      for (const list of Object.values(intent.phrases))
        for (const p of list ?? []) {
          const words = tokenize(p, true).map((t) => t.key);
          if (words.length > 0) this.phrases.push({ intent: intent.id, words });
        }
  }

  /** The intent whose phrase covers the most of the message (every phrase word must be present). */
  match(words: readonly string[]): SmalltalkMatch | undefined {
    if (words.length === 0) return undefined;
    let best: SmalltalkMatch | undefined;
    let bestLength = 0;
    for (const p of this.phrases) {
      if (!p.words.every((w) => words.some((x) => sameWord(x, w)))) continue;
      const explained = words.filter((x) => FILLER.has(x) || p.words.some((w) => sameWord(x, w))).length;
      const coverage = explained / words.length;
      const exact = p.words.length === words.length && coverage === 1;
      // Prefer the phrase that explains more; then the longer, more specific phrase.
      if (!best || coverage > best.coverage || (coverage === best.coverage && p.words.length > bestLength)) {
        best = { intent: p.intent, coverage, exact };
        bestLength = p.words.length;
      }
    }
    return best;
  }
}
