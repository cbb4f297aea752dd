// The names and concepts the content knows, and how the words of a text find them:
//   names (aliases)            → "@entity"   (any spelling, any script, the article's misspellings too)
//   cross-language concepts    → "#concept"  (grant / грант / hibe)
//   names the article lacks    → "!id"       (Putin, Kazakhstan…: out of scope)
// Every token offers the phrase trie several keys (its spelling, its stem in each likely language), so
// "Кулубаевым" finds "Кулубаев" and "Japonya'dan" finds "Japonya". Built once (vocabulary-builder.ts),
// read by content and questions alike.
import { mostlyCapitalised, type Script, type Token } from "./normalize.ts";
import { type PhraseMatch, type PhraseTarget, PhraseTrie, type PhraseTrieData } from "./phrases.ts";
import { type AnalysisLang, keptTable, LANG_NUMBER, stemWord, turkishStem } from "./stem.ts";
import { isStopword, LIGHT_WORDS, STEM_COLLISIONS } from "./stopwords.ts";
import { latinToCyrillic } from "./translit.ts";

/** Key namespaces, so a Russian stem never meets an English spelling by accident. */
export const key = {
  spelling: (s: string) => `s:${s}`,
  /** "trs": an untruncated Turkish stem (see turkishStem). */
  stem: (lang: AnalysisLang | "trs", s: string) => `${lang}:${s}`,
};

/** A token of a text being read, with its phrase-trie keys once worked out. */
export interface KeyedToken extends Token {
  keys?: readonly string[];
}

/** How many words' keys are kept per way of reading (see Names.keysOf). */
const KEYS_KEPT = 20_000;

/** Who reads: content is read in its known language; a question may also borrow another's words. */
export type Reader = "content" | "question";

export interface NamesData {
  trie: PhraseTrieData;
  /** Every word of every name (folded, concepts left out): left out of language detection. */
  nameSpellings: string[];
  /** Names of one word (folded): inside a longer name they add nothing of their own. */
  singleNames: string[];
  /** Every word of every name and concept term (folded). */
  phraseWords: string[];
  /**
   * Words of three or four letters inside names ("Азия" in "Борбордук Азия", "Asya" in "Orta Asya"):
   * a Turkic suffix goes past the five letters Turkic words are keyed by ("Азиянын"), so a longer
   * question word is also tried by these beginnings.
   */
  shortNameWords: string[];
  /**
   * Russian stems with a soft or hard sign, by the same stem without it: Russian typed in Latin letters
   * has no ь or ъ ("konsultaciyah" → "консултациях"), so its stems are looked up here.
   */
  softStems: [string, string][];
}

export interface NamesParts {
  trie: PhraseTrie;
  nameSpellings: ReadonlySet<string>;
  singleNames: ReadonlySet<string>;
  phraseWords: ReadonlySet<string>;
  shortNameWords: ReadonlySet<string>;
  softStems: ReadonlyMap<string, string>;
}

export class Names {
  readonly trie: PhraseTrie;
  readonly nameSpellings: ReadonlySet<string>;
  readonly singleNames: ReadonlySet<string>;
  readonly phraseWords: ReadonlySet<string>;
  readonly shortNameWords: ReadonlySet<string>;
  private readonly softStems: ReadonlyMap<string, string>;

  constructor(parts: NamesParts) {
    this.trie = parts.trie;
    this.nameSpellings = parts.nameSpellings;
    this.singleNames = parts.singleNames;
    this.phraseWords = parts.phraseWords;
    this.shortNameWords = parts.shortNameWords;
    this.softStems = parts.softStems;
  }

  static fromData(data: NamesData): Names {
    return new Names({
      trie: PhraseTrie.fromData(data.trie),
      nameSpellings: new Set(data.nameSpellings),
      singleNames: new Set(data.singleNames),
      phraseWords: new Set(data.phraseWords),
      shortNameWords: new Set(data.shortNameWords),
      softStems: new Map(data.softStems),
    });
  }

  toData(): NamesData {
    return {
      trie: this.trie.toData(),
      nameSpellings: [...this.nameSpellings],
      singleNames: [...this.singleNames],
      phraseWords: [...this.phraseWords],
      shortNameWords: [...this.shortNameWords],
      softStems: [...this.softStems],
    };
  }

  /** The Russian stem of a transliterated word, with the soft sign the content spells it with. */
  translitStem(cyrillic: string): string {
    const stem = stemWord(cyrillic, "ru");
    return this.softStems.get(stem) ?? stem;
  }

  /**
   * Keys a token offers to the phrase trie, given the language it is read in (stems are costly: only the
   * likely ones). The same words come in question after question: a word's keys are kept, up to a bound,
   * per way of reading it (the list is shared: callers only read it).
   */
  keysOf(t: Token, lang: AnalysisLang, ruLatn: boolean, reader: Reader): readonly string[] {
    const table = keptTable(
      this.keysKept,
      (reader === "question" ? 8 : 0) + LANG_NUMBER[lang] * 2 + (ruLatn ? 1 : 0),
    );
    const kept = table.get(t.lower);
    if (kept && kept.key === t.key && kept.script === t.script) return kept.keys;
    const keys = this.workOutKeys(t, lang, ruLatn, reader);
    if (table.size >= KEYS_KEPT) table.clear();
    table.set(t.lower, { key: t.key, script: t.script, keys });
    return keys;
  }

  private readonly keysKept: Map<string, { key: string; script: Script; keys: readonly string[] }>[] = [];

  private workOutKeys(t: Token, lang: AnalysisLang, ruLatn: boolean, reader: Reader): string[] {
    const keys = [key.spelling(t.key)];
    // A common Turkic verb is itself, not a name or concept its short stem collides with ("кылды", did, is
    // not "кылым", century). English light words may still be concepts ("expect", "call").
    if (reader === "question" && (lang === "ky" || lang === "tr") && LIGHT_WORDS[lang].has(t.key))
      return keys;
    if (reader === "question" && STEM_COLLISIONS.has(t.key)) return keys;
    // A short name word with a long Turkic ending ("Азиянын"). In a question, tried after the word's own
    // stems: "атаандаштык" (rivalry) is that word before it is anything beginning "ата".
    const shortStartsFirst = reader === "content";
    if (shortStartsFirst) this.pushShortStarts(keys, t, lang);
    if (t.script === "latin") {
      if (lang === "tr")
        keys.push(key.stem("tr", stemWord(t.lower, "tr")), key.stem("trs", turkishStem(t.lower)));
      else keys.push(key.stem("en", stemWord(t.key, "en")));
      if (ruLatn) {
        const cyr = latinToCyrillic(t.key);
        keys.push(key.spelling(cyr));
        if (!isStopword(cyr)) keys.push(key.stem("ru", this.translitStem(cyr)));
      }
    } else if (t.script === "cyrillic") {
      // Function words are a closed list, matched as spelt: Snowball reads "какие" as "как" ("how"),
      // and Kyrgyz "кандай" (what kind) shares its first five letters with "кандайча" (how).
      if (isStopword(t.key)) return keys;
      if (lang === "ky") keys.push(key.stem("ky", stemWord(t.lower, "ky")));
      // Kyrgyz content is read as Kyrgyz; a Kyrgyz question may also borrow Russian words.
      if (lang !== "ky" || reader === "question") keys.push(key.stem("ru", stemWord(t.lower, "ru")));
    }
    if (!shortStartsFirst) this.pushShortStarts(keys, t, lang);
    return keys;
  }

  private pushShortStarts(keys: string[], t: Token, lang: AnalysisLang): void {
    // Not when the word is a longer name with a suffix: "kulubaevin" is Kulubaev's, not a word on "kul".
    if ((lang === "tr" || lang === "ky") && t.key.length > 4 && !this.trie.prefixName(t.key, 5, 5))
      for (const n of [4, 3]) {
        const start = t.key.slice(0, n);
        if (!this.shortNameWords.has(start)) continue;
        if (t.script === "cyrillic") keys.push(key.stem("ky", start));
        else keys.push(key.stem("trs", turkishStem(start)), key.stem("tr", stemWord(start, "tr")));
      }
  }

  /** The names and concepts in a sequence of tokens, longest first. */
  findPhrases(tokens: KeyedToken[], lang: AnalysisLang, ruLatn: boolean, reader: Reader): PhraseMatch[] {
    const keys = tokens.map((t) => t.keys ?? this.keysOf(t, lang, ruLatn, reader));
    // In a message typed in capitals, capitals tell no name from a word ("TELL US ABOUT…").
    const shouting = () => mostlyCapitalised(tokens);
    return this.trie.findAll(
      tokens.length,
      (i) => keys[i] ?? [],
      (m) => {
        // A function or conversational word alone is itself, never a name it merely stems like
        // (Turkish "peki", "so", is "Pekin" less its genitive ending); within a phrase ("Kuşak ve Yol")
        // it may be stemmed with the rest.
        const single = m.end - m.start === 1 ? tokens[m.start] : undefined;
        const caps = m.target.needsCapitals;
        // A name written as the name is ("US"), not the word ("us").
        if (caps) return tokens[m.start]?.original === caps && !shouting();
        if (!single) return true;
        if (isStopword(single.key) && !this.phraseWords.has(single.key)) return false;
        // …and so is one typed in Latin letters in Russian, though another language's content has the
        // Latin word ("ili" is "или", not the Turkish "ili", province); a question word is a question word.
        return !(
          ruLatn &&
          single.script === "latin" &&
          !m.target.term.startsWith("#q-") &&
          isStopword(latinToCyrillic(single.key))
        );
      },
    );
  }

  /**
   * The terms a matched phrase stands for: its own and its broader concepts. In the content, a name of
   * several words also lends its meaningful words to the answer ("Gazi University" is about a
   * university), so a question using that word alone finds it; questions do not add them, which would
   * weigh a name twice.
   */
  phraseTerms(
    phrase: PhraseMatch,
    tokens: readonly Token[],
    lang: AnalysisLang,
    ruLatn: boolean,
    reader: Reader,
  ): string[] {
    const target = phrase.target;
    if (isMeta(target)) return [];
    const out = [target.term, ...(target.broader ?? [])];
    if (reader !== "content" || target.kind !== "entity" || phrase.end - phrase.start < 2) return out;
    for (let i = phrase.start; i < phrase.end; i++) {
      const t = tokens[i] as Token;
      if (t.isNumber || t.script === "other" || isStopword(t.key) || this.singleNames.has(t.key)) continue;
      const inner = this.trie.findAll(
        1,
        () => this.keysOf(t, lang, ruLatn, reader),
        (m) => m.target.kind === "concept",
      )[0];
      if (inner) {
        if (!isMeta(inner.target)) out.push(inner.target.term, ...(inner.target.broader ?? []));
      } else out.push(stemWord(t.script === "latin" ? t.key : t.lower, langForScript(t, lang)));
    }
    return out;
  }
}

/** Each token's phrase, by token position. */
export function phraseIndex(
  tokens: readonly Token[],
  phrases: readonly PhraseMatch[],
): Map<number, PhraseMatch> {
  const at = new Map<number, PhraseMatch>();
  for (const p of phrases) for (let i = p.start; i < p.end && i < tokens.length; i++) at.set(i, p);
  return at;
}

/** A Latin word in a Russian text is read as English; a Cyrillic word in an English text as Russian. */
export function langForScript(t: Token, lang: AnalysisLang): AnalysisLang {
  if (t.script === "latin") return lang === "tr" ? "tr" : "en";
  return lang === "ky" ? "ky" : "ru";
}

/** "According to the article", "in the text": how a question is framed, not what it asks. */
export function isMeta(target: PhraseTarget): boolean {
  return target.kind === "concept" && target.id.startsWith("meta-");
}
