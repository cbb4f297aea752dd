// Turns text into matching terms, the same way for the content and for a question:
//   names (aliases)            → "@entity"   (any spelling, any script, the article's misspellings too)
//   cross-language concepts    → "#concept"  (grant / грант / hibe)
//   names the article lacks    → "!id"       (Putin, Kazakhstan…: out of scope)
//   numbers                    → "n:2023"
//   other words                → Snowball stem in the text's language (stop words dropped)
// For questions it also detects the language, corrects typos against the content's own words (before
// names are looked up, so "Kulubaew" and "revolushion" still find theirs) and notes words it does not
// know, capitalised names it has never seen and years the article never gives.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS } from "../content/schema.ts";
import type { DetectedLang } from "./decision.ts";
import { detectLanguage } from "./language.ts";
import { foldKey, lowerCase, mostlyCapitalised, scriptOf, type Token, tokenize } from "./normalize.ts";
import { type PhraseMatch, type PhraseTarget, PhraseTrie, type PhraseTrieData } from "./phrases.ts";
import { type AnalysisLang, stemWord, turkicKey, turkishStem } from "./stem.ts";
import {
  isAskingWord,
  isStopword,
  isTurkicStopword,
  LIGHT_WORDS,
  QUESTION_WORDS,
  questionWordLang,
  TRANSPARENT,
} from "./stopwords.ts";
import { kyrgyzLatinToCyrillic, kyrgyzVowelVariants, latinToCyrillic } from "./translit.ts";
import { OneEditSet, type SpellingData, SpellingIndex } from "./typos.ts";

export interface QueryTerm {
  term: string;
  /** What the user typed for it. */
  surface: string;
  /** No content word or name matched it, even allowing for typos. */
  unknown: boolean;
  clause: number;
  /** It comes from the message's preamble, not from a sentence that asks: context, weighed less. */
  context?: boolean;
}

/** A question token after typo correction. */
interface QueryToken extends Token {
  /** The spelling was corrected to a content word: it is no unknown name. */
  corrected?: boolean;
  /** Its phrase-trie keys, once worked out (the same for the whole question). */
  keys?: string[];
}

export interface Analysis {
  detected: DetectedLang;
  /** The language the words were analysed in. */
  lang: AnalysisLang;
  /** Content terms in order of appearance, one entry per distinct term. */
  terms: QueryTerm[];
  /** Every word (folded, typos corrected), stop words included: small talk is mostly stop words. */
  words: string[];
  outOfScope: { id: string; surface: string }[];
  /** Capitalised words in mid-sentence that are neither content words nor known names. */
  unknownNames: string[];
  /** Years (4 digits) the article never gives. */
  unknownYears: string[];
  /** What the question sets aside ("besides the organisations", "кроме организаций", "örgütler dışında"). */
  excluded: QueryTerm[];
}

const YEAR = /^(1[5-9]\d\d|20\d\d)$/;
const MAX_QUESTION_LENGTH = 4096;

// Words that join two questions in one message ("who met Kulubaev and what did Du say"): a new clause.
const CONJUNCTIONS = new Set(["and", "also", "plus", "и", "а", "также", "ve", "ayrıca", "ayrica", "жана"]);

/** Key namespaces, so a Russian stem never meets an English spelling by accident. */
const key = {
  spelling: (s: string) => `s:${s}`,
  /** "trs": an untruncated Turkish stem (see turkishStem). */
  stem: (lang: AnalysisLang | "trs", s: string) => `${lang}:${s}`,
};

/** What an analyzer has learnt from the content, as plain data (see snapshot.ts). */
export interface AnalyzerData {
  trie: PhraseTrieData;
  nameSpellings: string[];
  singleNames: string[];
  known: string[];
  spellings: { latin: [string, string][]; cyrillic: [string, string][] };
  spellingIndex: { latin: SpellingData<string>; cyrillic: SpellingData<string> };
  soleLanguage: [string, AnalysisLang][];
  numbers: string[];
  phraseWords: string[];
  lazySpellings: [string, AnalysisLang][];
  turkishAlt: [string, string][];
  lightTerms: string[];
  softStems: [string, string][];
  shortNameWords: string[];
  /** Content word stems in order, each with the term it stands for (see relative()). */
  relatives: [string, string][];
}

export class Analyzer {
  private readonly trie: PhraseTrie;
  /** Every word of every name (folded): left out of language detection. */
  private readonly nameSpellings: Set<string>;
  /** Names of one word (folded): inside a longer name they add nothing of their own. */
  private readonly singleNames: Set<string>;
  /** Every term the content uses. */
  private readonly known: Set<string>;
  /** Content spellings → term, per script, for exact spelling look-up and typo correction. */
  private readonly spellings: { latin: Map<string, string>; cyrillic: Map<string, string> };
  private readonly spellingIndex: { latin: SpellingIndex<string>; cyrillic: SpellingIndex<string> };
  /** Which language's content each spelling came from, for telling the language of keyword questions. */
  private readonly spellingLangs: Map<string, Set<AnalysisLang>>;
  /** Spellings only one language's content uses → that language (worked out from spellingLangs when frozen). */
  private readonly soleLanguage: Map<string, AnalysisLang>;
  private readonly numbers: Set<string>;
  /** Every word of every name and concept term (folded). */
  private readonly phraseWords: Set<string>;
  /** Question words, for catching them mistyped. */
  private readonly questionWords = new OneEditSet(QUESTION_WORDS);
  /** Known spellings not yet stemmed (see learnSpellings) → the language to stem them in. */
  private readonly lazySpellings: Map<string, AnalysisLang>;
  /** Turkish words' own first letters → the term of the content word they come from. */
  private readonly turkishAlt: Map<string, string>;
  /** Terms of common, topic-poor words ("happened", "expected"), in every language's stemming. */
  private readonly lightTerms: Set<string>;
  /**
   * Russian stems with a soft or hard sign, by the same stem without it: Russian typed in Latin letters
   * has no ь or ъ ("konsultaciyah" → "консултациях"), so its stems are looked up here.
   */
  private readonly softStems: Map<string, string>;
  /**
   * Words of three or four letters inside names ("Азия" in "Борбордук Азия", "Asya" in "Orta Asya"):
   * a Turkic suffix goes past the five letters Turkic words are keyed by ("Азиянын"), so a longer
   * question word is also tried by these beginnings.
   */
  private readonly shortNameWords: Set<string>;
  private frozen = false;

  /** Learns the content's names, concepts and numbers; without `kb`, an empty analyzer for fromData to fill. */
  constructor(kb?: KnowledgeBase, data?: AnalyzerData) {
    this.trie = data ? PhraseTrie.fromData(data.trie) : new PhraseTrie();
    this.spellingIndex = {
      latin: data ? SpellingIndex.fromData(data.spellingIndex.latin) : new SpellingIndex(),
      cyrillic: data ? SpellingIndex.fromData(data.spellingIndex.cyrillic) : new SpellingIndex(),
    };
    this.nameSpellings = new Set(data?.nameSpellings);
    this.singleNames = new Set(data?.singleNames);
    this.known = new Set(data?.known);
    this.spellings = { latin: new Map(data?.spellings.latin), cyrillic: new Map(data?.spellings.cyrillic) };
    this.spellingLangs = new Map();
    this.soleLanguage = new Map(data?.soleLanguage);
    this.numbers = new Set(data?.numbers);
    this.phraseWords = new Set(data?.phraseWords);
    this.lazySpellings = new Map(data?.lazySpellings);
    this.turkishAlt = new Map(data?.turkishAlt);
    this.lightTerms = new Set(data?.lightTerms);
    this.softStems = new Map(data?.softStems);
    this.shortNameWords = new Set(data?.shortNameWords);
    if (data) {
      this.frozen = true;
      this.relatives = new Map(data.relatives);
      this.sortedKnown = data.relatives.map(([stem]) => stem);
      return;
    }
    if (!kb) return;
    // Which languages use each spelling, before the names are read: a name or term that only Turkish
    // content uses needs no English stem, and the other way round (stemming is the costly part of start-up).
    for (const a of kb.answers) {
      for (const lang of LANGS) {
        this.noteLanguages(a.answer[lang], lang);
        for (const q of a.questions[lang]) this.noteLanguages(q, lang);
      }
      for (const q of a.questions.ky ?? []) this.noteLanguages(q, "ky");
    }
    for (const intent of kb.smalltalk)
      for (const [lang, list] of Object.entries(intent.phrases))
        for (const p of list ?? []) this.noteLanguages(p, lang as AnalysisLang);
    for (const [spelling, langs] of this.spellingLangs) {
      if (!langs.has("ru") || !/[ьъ]/.test(spelling)) continue;
      const stem = stemWord(spelling, "ru");
      const hard = stem.replace(/[ьъ]/g, "");
      if (hard !== stem && !this.softStems.has(hard)) this.softStems.set(hard, stem);
    }
    for (const e of kb.entities)
      for (const name of e.names) this.addPhrase(name, { term: `@${e.id}`, kind: "entity", id: e.id });
    const broader = broaderClosure(kb.concepts);
    for (const c of kb.concepts) {
      const target: PhraseTarget = { term: `#${c.id}`, kind: "concept", id: c.id };
      const also = broader.get(c.id);
      if (also && also.length > 0) target.broader = also.map((b) => `#${b}`);
      for (const t of c.terms) this.addPhrase(t, target);
    }
    for (const o of kb.outOfScope)
      for (const name of o.names) this.addPhrase(name, { term: `!${o.id}`, kind: "out-of-scope", id: o.id });
    for (const [lang, words] of Object.entries(LIGHT_WORDS) as [AnalysisLang, ReadonlySet<string>][])
      for (const w of words) this.lightTerms.add(stemWord(w, lang));
    // Numbers the article prints (paragraphs and footnotes): any other year is out of scope.
    const printed = [...kb.article.paragraphs.map((p) => p.text), ...kb.footnotes.map((f) => f.printed)];
    for (const text of printed)
      for (const t of tokenize(text, false)) if (t.isNumber) this.numbers.add(t.lower);
  }

  /** The analyzer of a snapshot (see snapshot.ts), frozen as it was saved. */
  static fromData(data: AnalyzerData): Analyzer {
    return new Analyzer(undefined, data);
  }

  /** What the analyzer has learnt, as plain data; only a frozen analyzer is saved. */
  toData(): AnalyzerData {
    if (!this.frozen) throw new Error("only a frozen analyzer is saved");
    return {
      trie: this.trie.toData(),
      nameSpellings: [...this.nameSpellings],
      singleNames: [...this.singleNames],
      known: [...this.known],
      spellings: { latin: [...this.spellings.latin], cyrillic: [...this.spellings.cyrillic] },
      spellingIndex: {
        latin: this.spellingIndex.latin.toData(),
        cyrillic: this.spellingIndex.cyrillic.toData(),
      },
      soleLanguage: [...this.soleLanguage],
      numbers: [...this.numbers],
      phraseWords: [...this.phraseWords],
      lazySpellings: [...this.lazySpellings],
      turkishAlt: [...this.turkishAlt],
      lightTerms: [...this.lightTerms],
      softStems: [...this.softStems],
      shortNameWords: [...this.shortNameWords],
      relatives: this.sortedKnown.map((stem) => [stem, this.relatives.get(stem) ?? stem]),
    };
  }

  private addPhrase(name: string, target: PhraseTarget): void {
    const tokens = tokenize(name, true);
    if (tokens.length === 0) return;
    const folded = tokens.map((t) => t.key);
    // A name that is also a common word ("US") only counts when typed as the name is written.
    const single = tokens.length === 1 ? tokens[0] : undefined;
    const onlyCapitals =
      single && isStopword(single.key) && /\p{Lu}/u.test(single.original) ? single.original : undefined;
    const withCaps: PhraseTarget = onlyCapitals ? { ...target, needsCapitals: onlyCapitals } : target;
    this.trie.add(folded.map(key.spelling), withCaps);
    // Names the article lacks are matched as spelt (apostrophe suffixes dropped, other suffixes by
    // prefix): stemming them would only cost start-up time.
    const stemmed = target.kind === "out-of-scope" ? [] : this.stemLanguages(tokens);
    for (const lang of stemmed) {
      // Turkish five-letter keys only for one-word names: within longer ones they collide.
      if (lang === "tr" && tokens.length > 1) {
        this.trie.add(
          tokens.map((t) => key.stem("trs", turkishStem(t.lower))),
          withCaps,
        );
        continue;
      }
      // The tokens were lower-cased the Turkish way; other languages lower-case I and İ to i.
      const lower = tokens.map((t) => (lang === "tr" ? t.lower : lowerCase(t.original, false)));
      this.trie.add(
        lower.map((w) => key.stem(lang, stemWord(w, lang))),
        withCaps,
      );
      // Snowball may cut a name shorter than its inflected forms ("Кыргызстан" → "кыргызста", but
      // "Кыргызстане" → "кыргызстан"): a one-word name is also keyed by itself as a stem.
      const whole = lower[0];
      if (lang === "ru" && tokens.length === 1 && whole !== undefined)
        this.trie.add([key.stem("ru", whole)], withCaps);
      // A one-word Turkish term also by its own first letters ("hibe", which Snowball stems to "hip").
      if (lang === "tr") this.trie.add([key.stem("tr", turkicKey(tokens[0]?.key ?? ""))], withCaps);
    }
    if (tokens.length > 1)
      for (const t of tokens) if (t.key.length >= 3 && t.key.length <= 4) this.shortNameWords.add(t.key);
    if (!onlyCapitals) {
      // Misspelt names and concept words are corrected to them like any content word.
      for (const t of tokens) {
        this.phraseWords.add(t.key);
        // A function word ("деген" in "деген эмне", "give") is no word to correct a typo into.
        if (t.script !== "other" && !isStopword(t.key))
          this.spellingIndex[t.script].add(t.key, tokens.length === 1 ? target.term : t.key);
      }
    }
    if (single && !onlyCapitals && target.kind !== "concept") {
      this.trie.addSingleWord(single.key, withCaps);
      this.singleNames.add(single.key);
    }
    // Relatives by prefix ("influential" → "#influence") are looked for in English and Russian only.
    if (single && !onlyCapitals && (stemmed.includes("en") || stemmed.includes("ru"))) {
      const stem = single.script === "latin" ? stemWord(single.key, "en") : stemWord(single.lower, "ru");
      if (!this.phraseStems.has(stem)) this.phraseStems.set(stem, target.term);
    }
    if (target.kind !== "concept") for (const f of folded) this.nameSpellings.add(f);
  }

  private noteLanguages(text: string, lang: AnalysisLang): void {
    for (const t of tokenize(text, lang === "tr"))
      if (!t.isNumber && t.script !== "other") this.noteLanguage(t.key, lang);
  }

  /**
   * The languages to stem a name or term in: Cyrillic ones as Russian and Kyrgyz; Latin ones as the
   * languages whose content uses their words (Turkish letters mean Turkish), or both when none does.
   */
  private stemLanguages(tokens: readonly Token[]): AnalysisLang[] {
    const langs = new Set<AnalysisLang>();
    if (tokens.some((t) => t.script === "cyrillic")) {
      // Kyrgyz words (only Kyrgyz content uses them, or they have ң ө ү) need no Russian stem.
      const kyrgyzOnly = tokens.every((t) => {
        const used = this.spellingLangs.get(t.key);
        return /[ңөү]/.test(t.lower) || (used !== undefined && used.size === 1 && used.has("ky"));
      });
      return kyrgyzOnly ? ["ky"] : ["ru", "ky"];
    }
    for (const t of tokens) {
      if (/[çğışöüâî]/.test(t.lower)) langs.add("tr");
      for (const l of this.spellingLangs.get(t.key) ?? []) if (l === "en" || l === "tr") langs.add(l);
    }
    return langs.size > 0 ? [...langs] : ["en", "tr"];
  }

  /** Keys a token offers to the phrase trie, given the language it is read in (stems are costly: only the likely ones). */
  private keysOf(t: Token, lang: AnalysisLang, ruLatn: boolean): string[] {
    const keys = [key.spelling(t.key)];
    if ((lang === "tr" || lang === "ky") && t.key.length > 4)
      for (const n of [4, 3]) {
        const start = t.key.slice(0, n);
        if (!this.shortNameWords.has(start)) continue;
        if (t.script === "cyrillic") keys.push(key.stem("ky", start));
        else keys.push(key.stem("trs", turkishStem(start)), key.stem("tr", stemWord(start, "tr")));
      }
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
      if (lang !== "ky" || this.frozen) keys.push(key.stem("ru", stemWord(t.lower, "ru")));
    }
    return keys;
  }

  private findPhrases(tokens: QueryToken[], lang: AnalysisLang, ruLatn: boolean): PhraseMatch[] {
    const keys = tokens.map((t) => t.keys ?? this.keysOf(t, lang, ruLatn));
    return this.trie.findAll(
      tokens.length,
      (i) => keys[i] ?? [],
      (m) => {
        // A function or conversational word alone is itself, never a name it merely stems like
        // (Turkish "peki", "so", is "Pekin" less its genitive ending); within a phrase ("Kuşak ve Yol")
        // it may be stemmed with the rest.
        const single = m.end - m.start === 1 ? tokens[m.start] : undefined;
        if (single && isStopword(single.key) && !this.phraseWords.has(single.key)) return false;
        const caps = m.target.needsCapitals;
        return !caps || tokens[m.start]?.original === caps;
      },
    );
  }

  /** Analyses a content text (a paraphrase, an answer, a quote) in its known language and learns its words. */
  analyzeContent(text: string, lang: AnalysisLang): string[] {
    if (this.frozen) throw new Error("the analyzer is frozen: content is analysed before questions");
    const tokens = tokenize(text, lang === "tr").filter((t) => !TRANSPARENT.has(t.key));
    // Paraphrases include Russian typed in Latin letters ("kogda japarov poedet v kitay").
    const ruLatn = (lang === "ru" || lang === "ky") && detectLanguage(tokens) === "ru-latn";
    const terms: string[] = [];
    const phraseAt = this.phraseIndex(tokens, this.findPhrases(tokens, lang, ruLatn));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const phrase = phraseAt.get(i);
      // Names and concept words count as used, so a typo prefers them to a rarer neighbour.
      if (phrase && t.script !== "other" && this.phraseWords.has(t.key) && !isStopword(t.key))
        this.spellingIndex[t.script].add(t.key, t.key);
      if (phrase) {
        if (phrase.start === i) terms.push(...this.phraseTerms(phrase, tokens, lang, ruLatn, true));
        continue;
      }
      if (t.isNumber) {
        terms.push(`n:${t.lower}`);
        continue;
      }
      if (isStopword(t.key) || t.script === "other") continue;
      const cyrillic = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
      const as = cyrillic ? "ru" : this.langForScript(t, lang);
      const term = cyrillic ? this.translitStem(cyrillic) : stemWord(t.lower, as);
      terms.push(term);
      // Snowball reads Turkish "hibe" as "hib" + dative ("hip"), but "hibeyi" as "hibe": remember the
      // word's own first letters too, so the inflected form finds it.
      if (as === "tr") {
        const plain = turkicKey(t.key);
        if (plain !== term && !this.turkishAlt.has(plain)) this.turkishAlt.set(plain, term);
      }
      const script = cyrillic ? "cyrillic" : t.script;
      const spelling = cyrillic ?? t.key;
      if (!this.spellings[script].has(spelling)) this.spellings[script].set(spelling, term);
      this.spellingIndex[script].add(spelling, term);
    }
    for (const term of terms) this.known.add(term);
    return terms;
  }

  /**
   * Learns the words of a text that is not indexed (the rest of the article, small talk) as known
   * spellings, stemmed only if a question ever uses them: they are not typos nor unknown names.
   */
  learnSpellings(text: string, lang: AnalysisLang): void {
    if (this.frozen) throw new Error("the analyzer is frozen: content is analysed before questions");
    for (const t of tokenize(text, lang === "tr")) {
      if (t.isNumber || t.script === "other" || isStopword(t.key)) continue;
      if (this.spellings[t.script].has(t.key) || this.lazySpellings.has(t.key)) continue;
      this.lazySpellings.set(t.key, this.langForScript(t, lang));
      this.spellingIndex[t.script].add(t.key, t.key);
    }
  }

  private noteLanguage(spelling: string, lang: AnalysisLang): void {
    const langs = this.spellingLangs.get(spelling);
    if (langs) langs.add(lang);
    else this.spellingLangs.set(spelling, new Set([lang]));
  }

  /**
   * The terms a matched phrase stands for: its own and its broader concepts. In the content, a name of
   * several words also lends its meaningful words to the answer ("Gazi University" is about a
   * university), so a question using that word alone finds it; questions do not add them, which would
   * weigh a name twice.
   */
  private phraseTerms(
    phrase: PhraseMatch,
    tokens: readonly Token[],
    lang: AnalysisLang,
    ruLatn: boolean,
    inContent: boolean,
  ): string[] {
    const target = phrase.target;
    if (isMeta(target)) return [];
    const out = [target.term, ...(target.broader ?? [])];
    if (!inContent || target.kind !== "entity" || phrase.end - phrase.start < 2) return out;
    for (let i = phrase.start; i < phrase.end; i++) {
      const t = tokens[i] as Token;
      if (t.isNumber || t.script === "other" || isStopword(t.key) || this.singleNames.has(t.key)) continue;
      const inner = this.trie.findAll(
        1,
        () => this.keysOf(t, lang, ruLatn),
        (m) => m.target.kind === "concept",
      )[0];
      if (inner) {
        if (!isMeta(inner.target)) out.push(inner.target.term, ...(inner.target.broader ?? []));
      } else out.push(stemWord(t.script === "latin" ? t.key : t.lower, this.langForScript(t, lang)));
    }
    return out;
  }

  /** Stops learning: from now on only questions are analysed. */
  freeze(): void {
    this.frozen = true;
    for (const [spelling, langs] of this.spellingLangs) {
      const [only] = langs;
      if (langs.size === 1 && only) this.soleLanguage.set(spelling, only);
    }
    const byStem = new Map(this.phraseStems);
    for (const t of this.known) if (!/^[@#!]|^n:/.test(t) && !byStem.has(t)) byStem.set(t, t);
    this.sortedKnown = [...byStem.keys()].sort();
    this.relatives = byStem;
  }

  /** Content word stems in order, for finding a word's relatives by prefix, and the term each stands for. */
  private sortedKnown: string[] = [];
  private relatives = new Map<string, string>();
  /** Stems of one-word names and concept terms → their term. */
  private readonly phraseStems = new Map<string, string>();

  /**
   * A content term sharing a long beginning with the stem ("influential" → "influence"): Snowball
   * strips inflections, not derivations. Seven letters in common keep "investigation" from "investment".
   */
  private relative(stem: string): string | undefined {
    const MIN = 7;
    if (stem.length < MIN) return undefined;
    const prefix = stem.slice(0, MIN);
    let lo = 0;
    let hi = this.sortedKnown.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if ((this.sortedKnown[mid] as string) < prefix) lo = mid + 1;
      else hi = mid;
    }
    let best: string | undefined;
    let bestShared = 0;
    for (let i = lo; i < this.sortedKnown.length; i++) {
      const term = this.sortedKnown[i] as string;
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

  private phraseIndex(tokens: Token[], phrases: PhraseMatch[]): Map<number, PhraseMatch> {
    const at = new Map<number, PhraseMatch>();
    for (const p of phrases) for (let i = p.start; i < p.end && i < tokens.length; i++) at.set(i, p);
    return at;
  }

  /** A Latin word in a Russian text is read as English; a Cyrillic word in an English text as Russian. */
  private langForScript(t: Token, lang: AnalysisLang): AnalysisLang {
    if (t.script === "latin") return lang === "tr" ? "tr" : "en";
    return lang === "ky" ? "ky" : "ru";
  }

  /** The readings of a question word to try, most likely first: [how to spell it, which stemmer]. */
  private readings(t: Token, lang: AnalysisLang, ruLatn: boolean, english = false): [string, AnalysisLang][] {
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

  /** The first reading the content knows (stemming lazily: it is the costly part), or undefined. */
  private knownReading(t: Token, lang: AnalysisLang, ruLatn: boolean, english = false): string | undefined {
    for (const [word, as] of this.readings(t, lang, ruLatn, english)) {
      const term = this.readingStem(t, word, as);
      if (this.known.has(term)) return term;
      const alt = as === "tr" ? this.turkishAlt.get(term) : undefined;
      if (alt !== undefined) return alt;
    }
    return undefined;
  }

  private primaryTerm(t: Token, lang: AnalysisLang, ruLatn: boolean): string {
    const [word, as] = this.readings(t, lang, ruLatn)[0] ?? [t.key, lang];
    return this.readingStem(t, word, as);
  }

  /** A Russian reading of a Latin word is a transliteration (see translitStem). */
  private readingStem(t: Token, word: string, as: AnalysisLang): string {
    return as === "ru" && t.script === "latin" ? this.translitStem(word) : stemWord(word, as);
  }

  /** The Russian stem of a transliterated word, with the soft sign the content spells it with. */
  private translitStem(cyrillic: string): string {
    const stem = stemWord(cyrillic, "ru");
    return this.softStems.get(stem) ?? stem;
  }

  /** The language of a question, falling back to the languages its content words come from. */
  detect(tokens: Token[]): DetectedLang {
    // Names first left out ("Who is Doğacan Başaran?" is English), then, if nothing else tells, counted.
    const all = tokens.filter((t) => !t.isNumber);
    const words = all.filter((t) => !this.nameSpellings.has(t.key));
    const detected = detectLanguage(words.length > 0 ? words : all);
    if (detected !== "unknown") return detected;
    if (words.length < all.length) {
      const withNames = detectLanguage(all);
      if (withNames !== "unknown") return withNames;
    }
    // Keyword questions ("japan grant", "lale devrimi"): which language's content alone uses these
    // words? A spelling several languages use (a name such as "Kulubaev") tells nothing.
    const votes = new Map<AnalysisLang, number>();
    for (const t of all) {
      const only = this.soleLanguage.get(t.key);
      if (only) votes.set(only, (votes.get(only) ?? 0) + 1);
    }
    const ranked = [...votes].sort((a, b) => b[1] - a[1]);
    const [first, second] = ranked;
    if (!first || (second && second[1] === first[1])) return "unknown";
    // A Latin word only Russian content uses is Russian typed in Latin letters.
    if (first[0] === "ru" && all.every((t) => t.script === "latin")) return "ru-latn";
    return first[0];
  }

  /** Analyses a question. `fallback` is the analysis language when the text does not tell. */
  analyzeQuery(question: string, fallback: AnalysisLang = "en"): Analysis {
    // Telegram's own limit; the engine bounds its work whoever calls it.
    let text = question.slice(0, MAX_QUESTION_LENGTH);
    let raw = tokenize(text, false);
    const detected = this.detect(raw);
    // Kyrgyz in Latin letters is read as the Kyrgyz it stands for.
    if (detected === "ky-latn") {
      text = this.kyrgyzInCyrillic(text);
      raw = tokenize(text, false);
    }
    const lang: AnalysisLang =
      detected === "unknown"
        ? fallback
        : detected === "ru-latn"
          ? "ru"
          : detected === "ky-latn"
            ? "ky"
            : (detected as AnalysisLang);
    if (lang === "tr") raw = tokenize(text, true);
    const ruLatn = detected === "ru-latn";
    const capitalsMeanNothing = mostlyCapitalised(raw);
    const english = detected === "en";
    const tokens = raw
      .filter((t) => !TRANSPARENT.has(t.key))
      .map((t) => this.correct(t, lang, ruLatn, english));

    const phraseAt = this.phraseIndex(tokens, this.findPhrases(tokens, lang, ruLatn));
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    const outOfScope: Analysis["outOfScope"] = [];
    const unknownNames: string[] = [];
    const unknownYears: string[] = [];

    const inPreamble = preambleOf(tokens);
    const setAside = setAsideTokens(tokens, phraseAt, (t) => this.isQuestionStopword(t, lang, ruLatn));
    const excluded: QueryTerm[] = [];
    const excludedSeen = new Set<string>();
    let clauseShift = 0;
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as QueryToken;
      if (CONJUNCTIONS.has(t.key) && !phraseAt.has(i)) clauseShift += 1;
      const clause = t.clause + clauseShift;
      // The preamble's known words are context; its unknown words, names and years claim nothing.
      const context = inPreamble(t);
      const own = context ? { clause, context } : { clause };
      const phrase = phraseAt.get(i);
      if (phrase && phrase.start !== i) continue;
      // What the question sets aside is kept apart from what it asks about.
      const aside = setAside.has(i);
      const into = aside ? excluded : terms;
      const intoSeen = aside ? excludedSeen : seen;
      if (phrase) {
        const surface = tokens
          .slice(phrase.start, phrase.end)
          .map((x) => x.original)
          .join(" ");
        if (phrase.target.kind === "out-of-scope") {
          if (!context) outOfScope.push({ id: phrase.target.id, surface });
          else continue;
        }
        for (const term of this.phraseTerms(phrase, tokens, lang, ruLatn, false))
          pushTerm(into, intoSeen, { term, surface, unknown: false, ...own });
        continue;
      }
      if (t.isNumber) {
        const term = `n:${t.lower}`;
        const known = this.known.has(term);
        if (context && !known) continue;
        if (YEAR.test(t.lower) && !this.numbers.has(t.lower)) unknownYears.push(t.original);
        pushTerm(into, intoSeen, { term, surface: t.original, unknown: !known, ...own });
        continue;
      }
      if (t.script === "other" || this.isQuestionStopword(t, lang, ruLatn)) continue;
      const term = this.resolveWord(t, lang, ruLatn, english);
      if (term) {
        pushTerm(into, intoSeen, { term, surface: t.original, unknown: false, ...own });
        continue;
      }
      // A suffixed name: "Жапаровдун", "Caparovun".
      const name = this.trie.prefixName(t.key, 5, 5);
      if (name) {
        if (name.kind === "out-of-scope") {
          if (context) continue;
          outOfScope.push({ id: name.id, surface: t.original });
        }
        pushTerm(into, intoSeen, { term: name.term, surface: t.original, unknown: false, ...own });
        continue;
      }
      if (context) continue;
      if (t.capitalisedMidSentence && !t.corrected && !capitalsMeanNothing && t.key.length >= 3)
        unknownNames.push(t.original);
      pushTerm(into, intoSeen, {
        term: this.primaryTerm(t, lang, ruLatn),
        surface: t.original,
        unknown: true,
        clause,
      });
    }
    return {
      detected,
      lang,
      terms,
      words: tokens.map((t) => t.key),
      outOfScope,
      unknownNames,
      unknownYears,
      excluded,
    };
  }

  /** Latin-typed Kyrgyz in Cyrillic, with ө and ү where the content (or a function word) is spelt so. */
  private kyrgyzInCyrillic(text: string): string {
    return text.replace(/\p{Script=Latin}+/gu, (word) => {
      const lower = word.toLowerCase();
      const variants = kyrgyzVowelVariants(kyrgyzLatinToCyrillic(lower));
      const known = variants.find(
        (v) =>
          isTurkicStopword(v) ||
          this.spellings.cyrillic.has(v) ||
          this.phraseWords.has(v) ||
          this.lazySpellings.has(v),
      );
      const cyr = known ?? variants[0] ?? lower;
      return word[0] !== lower[0] ? cyr.charAt(0).toUpperCase() + cyr.slice(1) : cyr;
    });
  }

  private isQuestionStopword(t: Token, lang: AnalysisLang, ruLatn: boolean): boolean {
    if (lang === "tr" || lang === "ky" ? isTurkicStopword(t.key) : isStopword(t.key)) return true;
    return ruLatn && t.script === "latin" && isStopword(latinToCyrillic(t.key));
  }

  /** The word as the content knows it: unchanged if known, else a mistyped question word or the nearest content word. */
  private correct(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): QueryToken {
    if (t.isNumber || t.script === "other" || this.isQuestionStopword(t, lang, ruLatn)) return t;
    if (this.isKnownWord(t, lang, ruLatn, english)) return t;
    if (t.key.length >= 3 && t.key.length <= 6 && !t.capitalisedMidSentence) {
      const questionWord = this.questionWords.find(t.key);
      const wordLang = questionWord === undefined ? undefined : questionWordLang(questionWord);
      // Only a question word of the question's own language (Kyrgyz questions borrow Russian ones).
      if (questionWord && (wordLang === lang || (lang === "ky" && wordLang === "ru")))
        return corrected(t, questionWord);
    }
    const translit = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
    const near =
      (translit ? this.spellingIndex.cyrillic.nearest(translit) : undefined) ??
      this.spellingIndex[t.script].nearest(t.key);
    return near ? corrected(t, near.word) : t;
  }

  /** The content (or a name, or a concept) has this word, as spelt or by its stem. */
  private isKnownWord(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): boolean {
    const translit = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
    for (const spelling of translit ? [t.key, translit] : [t.key])
      if (
        this.phraseWords.has(spelling) ||
        this.spellings.latin.has(spelling) ||
        this.spellings.cyrillic.has(spelling) ||
        this.lazySpellings.has(spelling)
      )
        return true;
    if (this.knownReading(t, lang, ruLatn, english) !== undefined) return true;
    // A common word ("происходит") is a word, not a typo of a content word ("приходит").
    for (const [word, as] of this.readings(t, lang, ruLatn, english))
      if (this.lightTerms.has(this.readingStem(t, word, as))) return true;
    // A one-word name or concept by its stem ("hibeyi" is "hibe").
    const keys = this.keysOf(t, lang, ruLatn);
    (t as QueryToken).keys = keys;
    if (
      this.trie.findAll(
        1,
        () => keys,
        () => true,
      ).length > 0
    )
      return true;
    return this.trie.prefixName(t.key, 5, 5) !== undefined;
  }

  /** The content term a question word stands for: its stem in a likely language, or its spelling's term. */
  private resolveWord(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): string | undefined {
    const reading = this.knownReading(t, lang, ruLatn, english);
    if (reading !== undefined) return reading;
    const translit = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
    const spelt =
      (translit ? this.spellings.cyrillic.get(translit) : undefined) ??
      this.spellings.cyrillic.get(t.key) ??
      this.spellings.latin.get(t.key);
    if (spelt !== undefined) return spelt;
    const lazy = this.lazySpellings.get(translit ?? t.key);
    if (lazy !== undefined)
      return translit && lazy === "ru"
        ? this.translitStem(translit)
        : stemWord(translit ?? (t.script === "latin" ? t.key : t.lower), lazy);
    if (lang === "tr" || lang === "ky") return undefined;
    return this.relative(this.primaryTerm(t, lang, ruLatn));
  }

  /** A common word that says little about the topic: it weighs less, in questions and content alike. */
  isLight(term: string): boolean {
    return this.lightTerms.has(term);
  }
}

/** A question term, once: the first mention of a term stands for all (a mention in the question itself outranks the preamble's). */
function pushTerm(terms: QueryTerm[], seen: Set<string>, q: QueryTerm): void {
  if (seen.has(q.term)) {
    if (q.context) return;
    const earlier = terms.findIndex((t) => t.term === q.term && t.context);
    if (earlier >= 0) terms[earlier] = q;
    return;
  }
  seen.add(q.term);
  terms.push(q);
}

// "besides X", "кроме X": the set-aside thing follows; "X dışında", "X башка": it comes first.
const ASIDE_BEFORE = new Set(["besides", "except", "excluding", "кроме", "помимо", "krome", "pomimo"]);
const ASIDE_BEFORE_PAIRS = new Set(["apart from", "aside from", "other than"]);
const ASIDE_AFTER = new Set(["disinda", "haric", "башка", "тышкары"]);

/** The tokens (a word, or a whole name or phrase) a question sets aside. */
function setAsideTokens(
  tokens: readonly Token[],
  phraseAt: ReadonlyMap<number, PhraseMatch>,
  isFunctionWord: (t: Token) => boolean,
): Set<number> {
  const out = new Set<number>();
  const take = (j: number) => {
    const p = phraseAt.get(j);
    if (p) for (let k = p.start; k < p.end; k++) out.add(k);
    else out.add(j);
  };
  const content = (j: number) => {
    const t = tokens[j] as Token;
    return phraseAt.has(j) || (!isFunctionWord(t) && t.script !== "other");
  };
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const pair = next ? `${t.key} ${next.key}` : "";
    const before = ASIDE_BEFORE.has(t.key) ? i + 1 : ASIDE_BEFORE_PAIRS.has(pair) ? i + 2 : -1;
    if (before >= 0) {
      for (let j = before; j < tokens.length && (tokens[j] as Token).clause === t.clause; j++)
        if (content(j)) {
          take(j);
          break;
        }
    } else if (ASIDE_AFTER.has(t.key)) {
      for (let j = i - 1; j >= 0 && (tokens[j] as Token).clause === t.clause; j--)
        if (content(j)) {
          take(j);
          break;
        }
    }
  }
  return out;
}

/**
 * Which tokens are a message's preamble: sentences that neither end in a question mark nor contain a
 * question word, in a message where some other sentence does ("I'm from Osh and always thought… Which
 * region is the grant for?"). A message that is all question, or all statement, has no preamble.
 */
function preambleOf(tokens: readonly Token[]): (t: Token) => boolean {
  const asking = new Set<number>();
  const sentences = new Set<number>();
  for (const t of tokens) {
    sentences.add(t.sentence);
    // As typed: "whole" corrected to "whose" asks nothing.
    const typed = (t as QueryToken).corrected ? foldKey(lowerCase(t.original, false)) : t.key;
    if (t.questionMark || isAskingWord(typed)) asking.add(t.sentence);
  }
  if (asking.size === 0 || asking.size === sentences.size) return () => false;
  return (t) => !asking.has(t.sentence);
}

/** A token respelt as the content word it was corrected to. */
function corrected(t: Token, word: string): QueryToken {
  return { ...t, key: word, lower: word, script: scriptOf(word), corrected: true, keys: undefined };
}

/** "According to the article", "in the text": how a question is framed, not what it asks. */
function isMeta(target: PhraseTarget): boolean {
  return target.kind === "concept" && target.id.startsWith("meta-");
}

/** Every concept's broader concepts, followed transitively (cycles are cut). */
function broaderClosure(concepts: KnowledgeBase["concepts"]): Map<string, string[]> {
  const direct = new Map(concepts.map((c) => [c.id, c.broader ?? []]));
  const out = new Map<string, string[]>();
  for (const c of concepts) {
    const seen = new Set<string>();
    const stack = [...(direct.get(c.id) ?? [])];
    while (stack.length > 0) {
      const b = stack.pop() as string;
      if (seen.has(b) || b === c.id) continue;
      seen.add(b);
      stack.push(...(direct.get(b) ?? []));
    }
    out.set(c.id, [...seen]);
  }
  return out;
}

/** Stems every word in one fixed language: used for grouping when no content is at hand. */
export function plainTerms(text: string): string[] {
  const tokens = tokenize(text, false);
  const detected = detectLanguage(tokens);
  const lang: AnalysisLang =
    detected === "ky" ? "ky" : detected === "tr" ? "tr" : detected === "en" ? "en" : "ru";
  const out: string[] = [];
  for (const t of tokens) {
    if (isStopword(t.key) || t.script === "other") continue;
    if (t.isNumber) out.push(`n:${t.lower}`);
    else if (t.script === "latin" && detected === "ru-latn") out.push(stemWord(latinToCyrillic(t.key), "ru"));
    else if (t.script === "latin")
      out.push(stemWord(lang === "tr" ? t.lower : t.key, lang === "tr" ? "tr" : "en"));
    else out.push(stemWord(t.lower, lang === "ky" ? "ky" : "ru"));
  }
  return out;
}
