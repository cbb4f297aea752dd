// Everything the content's words are, built once from the content (vocabulary-builder.ts) or restored
// from a snapshot, and never changed after: its names and concepts, every term it uses, the spellings
// behind them (for exact look-up and typo correction), the numbers the article prints, the common words
// that weigh less. Questions are read against it (reading.ts, spelling.ts).
import { Names, type NamesData } from "./names.ts";
import type { Token } from "./normalize.ts";
import { type AnalysisLang, stemWord } from "./stem.ts";
import { latinToCyrillic } from "./translit.ts";
import { type SpellingData, SpellingIndex } from "./typos.ts";

/** The vocabulary as plain data (see snapshot.ts). */
export interface VocabularyData {
  names: NamesData;
  known: string[];
  spellings: { latin: [string, string][]; cyrillic: [string, string][] };
  spellingIndex: { latin: SpellingData<string>; cyrillic: SpellingData<string> };
  soleLanguage: [string, AnalysisLang][];
  numbers: string[];
  lazySpellings: [string, AnalysisLang][];
  turkishAlt: [string, string][];
  lightTerms: string[];
  /** Content word stems in order, each with the term it stands for (see relative()). */
  relatives: [string, string][];
}

export interface VocabularyParts {
  names: Names;
  /** Every term the content uses. */
  known: ReadonlySet<string>;
  /** Content spellings → term, per script, for exact spelling look-up. */
  spellings: { latin: ReadonlyMap<string, string>; cyrillic: ReadonlyMap<string, string> };
  /** The same spellings (and names' words) for typo correction. */
  spellingIndex: { latin: SpellingIndex<string>; cyrillic: SpellingIndex<string> };
  /** Spellings only one language's content uses → that language, for telling the language of keyword questions. */
  soleLanguage: ReadonlyMap<string, AnalysisLang>;
  /** Numbers the article prints (paragraphs and footnotes): any other year is out of scope. */
  numbers: ReadonlySet<string>;
  /** Known spellings not stemmed at build time (the rest of the article, small talk) → the language to stem them in. */
  lazySpellings: ReadonlyMap<string, AnalysisLang>;
  /** Turkish words' own first letters → the term of the content word they come from. */
  turkishAlt: ReadonlyMap<string, string>;
  /** Terms of common, topic-poor words ("happened", "expected"), in every language's stemming. */
  lightTerms: ReadonlySet<string>;
  /** Content word stems → the term each stands for (a one-word name or concept, or itself). */
  relatives: ReadonlyMap<string, string>;
}

export class Vocabulary {
  readonly names: Names;
  readonly known: ReadonlySet<string>;
  readonly spellings: VocabularyParts["spellings"];
  readonly spellingIndex: VocabularyParts["spellingIndex"];
  readonly soleLanguage: ReadonlyMap<string, AnalysisLang>;
  readonly numbers: ReadonlySet<string>;
  readonly lazySpellings: ReadonlyMap<string, AnalysisLang>;
  private readonly turkishAlt: ReadonlyMap<string, string>;
  private readonly lightTerms: ReadonlySet<string>;
  private readonly relatives: ReadonlyMap<string, string>;
  /** The relatives' stems in order, for finding a word's relatives by prefix. */
  private readonly sortedStems: readonly string[];

  constructor(parts: VocabularyParts) {
    this.names = parts.names;
    this.known = parts.known;
    this.spellings = parts.spellings;
    this.spellingIndex = parts.spellingIndex;
    this.soleLanguage = parts.soleLanguage;
    this.numbers = parts.numbers;
    this.lazySpellings = parts.lazySpellings;
    this.turkishAlt = parts.turkishAlt;
    this.lightTerms = parts.lightTerms;
    this.relatives = parts.relatives;
    this.sortedStems = [...parts.relatives.keys()].sort();
  }

  static fromData(data: VocabularyData): Vocabulary {
    return new Vocabulary({
      names: Names.fromData(data.names),
      known: new Set(data.known),
      spellings: { latin: new Map(data.spellings.latin), cyrillic: new Map(data.spellings.cyrillic) },
      spellingIndex: {
        latin: SpellingIndex.fromData(data.spellingIndex.latin),
        cyrillic: SpellingIndex.fromData(data.spellingIndex.cyrillic),
      },
      soleLanguage: new Map(data.soleLanguage),
      numbers: new Set(data.numbers),
      lazySpellings: new Map(data.lazySpellings),
      turkishAlt: new Map(data.turkishAlt),
      lightTerms: new Set(data.lightTerms),
      relatives: new Map(data.relatives),
    });
  }

  toData(): VocabularyData {
    return {
      names: this.names.toData(),
      known: [...this.known],
      spellings: { latin: [...this.spellings.latin], cyrillic: [...this.spellings.cyrillic] },
      spellingIndex: {
        latin: this.spellingIndex.latin.toData(),
        cyrillic: this.spellingIndex.cyrillic.toData(),
      },
      soleLanguage: [...this.soleLanguage],
      numbers: [...this.numbers],
      lazySpellings: [...this.lazySpellings],
      turkishAlt: [...this.turkishAlt],
      lightTerms: [...this.lightTerms],
      relatives: this.sortedStems.map((stem) => [stem, this.relatives.get(stem) ?? stem]),
    };
  }

  /** A common word that says little about the topic: it weighs less, in questions and content alike. */
  isLight(term: string): boolean {
    return this.lightTerms.has(term);
  }

  /** The content spells a word so (a name's or concept's word, a content word, a word of the rest of the article). */
  hasSpelling(spelling: string): boolean {
    return (
      this.names.phraseWords.has(spelling) ||
      this.spellings.latin.has(spelling) ||
      this.spellings.cyrillic.has(spelling) ||
      this.lazySpellings.has(spelling)
    );
  }

  /**
   * A content term sharing a long beginning with the stem ("influential" → "influence"): Snowball
   * strips inflections, not derivations. Seven letters in common keep "investigation" from "investment".
   */
  relative(stem: string): string | undefined {
    const MIN = 7;
    if (stem.length < MIN) return undefined;
    const prefix = stem.slice(0, MIN);
    const sorted = this.sortedStems;
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((sorted[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    let best: string | undefined;
    let bestShared = 0;
    for (let i = lo; i < sorted.length; i++) {
      const term = sorted[i] as string;
      if (!term.startsWith(prefix)) break;
      let shared = MIN;
      while (shared < term.length && shared < stem.length && term[shared] === stem[shared]) shared++;
      if (shared > bestShared || (shared === bestShared && best !== undefined && term.length < best.length)) {
        best = term;
        bestShared = shared;
      }
    }
    return best === undefined ? undefined : this.relatives.get(best);
  }

  /** The first reading the content knows (stemming lazily: it is the costly part), or undefined. */
  knownReading(t: Token, lang: AnalysisLang, ruLatn: boolean, english = false): string | undefined {
    for (const [word, as] of readings(t, lang, ruLatn, english)) {
      const term = this.readingStem(t, word, as);
      if (this.known.has(term)) return term;
      const alt = as === "tr" ? this.turkishAlt.get(term) : undefined;
      if (alt !== undefined) return alt;
    }
    return undefined;
  }

  /** One of the word's readings is a common, topic-poor word ("происходит" is no typo of "приходит"). */
  isLightWord(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): boolean {
    for (const [word, as] of readings(t, lang, ruLatn, english))
      if (this.lightTerms.has(this.readingStem(t, word, as))) return true;
    return false;
  }

  /** The term of the word's most likely reading, known or not. */
  primaryTerm(t: Token, lang: AnalysisLang, ruLatn: boolean): string {
    const [word, as] = readings(t, lang, ruLatn)[0] ?? [t.key, lang];
    return this.readingStem(t, word, as);
  }

  /** A Russian reading of a Latin word is a transliteration (see Names.translitStem). */
  private readingStem(t: Token, word: string, as: AnalysisLang): string {
    return as === "ru" && t.script === "latin" ? this.names.translitStem(word) : stemWord(word, as);
  }
}

/** The readings of a question word to try, most likely first: [how to spell it, which stemmer]. */
function readings(t: Token, lang: AnalysisLang, ruLatn: boolean, english = false): [string, AnalysisLang][] {
  if (t.script === "latin") {
    const out: [string, AnalysisLang][] = ruLatn ? [[latinToCyrillic(t.key), "ru"]] : [];
    if (lang === "tr") out.push([t.lower, "tr"], [t.key, "en"]);
    // In a question that is clearly English, a Latin word is not read as Turkish (a costly stem).
    else if (english) out.push([t.key, "en"]);
    else out.push([t.key, "en"], [t.lower, "tr"]);
    return out;
  }
  return lang === "ky"
    ? [
        [t.lower, "ky"],
        [t.lower, "ru"],
      ]
    : [
        [t.lower, "ru"],
        [t.lower, "ky"],
      ];
}
