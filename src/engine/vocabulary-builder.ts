// Builds the vocabulary from the content, once: first the names and concepts (which languages use each
// spelling decides which stems a name gets), then every indexed text is read into terms (the answer
// index takes them) while its words are learnt, then the words of texts that are not indexed. The
// builder lives only for the build; what it hands out is the immutable Vocabulary.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS } from "../content/langs.ts";
import { detectLanguage } from "./language.ts";
import { key, langForScript, Names, phraseIndex } from "./names.ts";
import { lowerCase, type Token, tokenize } from "./normalize.ts";
import { type PhraseTarget, PhraseTrie } from "./phrases.ts";
import { type AnalysisLang, stemWord, turkicKey, turkishStem } from "./stem.ts";
import { isStopword, LIGHT_WORDS, TRANSPARENT } from "./stopwords.ts";
import { latinToCyrillic } from "./translit.ts";
import { SpellingIndex } from "./typos.ts";
import { Vocabulary } from "./vocabulary.ts";

/** Reads a content text (a paraphrase, an answer, a quote) in its known language into terms. */
export type ReadContent = (text: string, lang: AnalysisLang) => string[];

/**
 * The vocabulary of the content, and what `index` builds from the content's texts as it reads them
 * (the answer index). `isLight` tells the common, topic-poor terms, which weigh less.
 */
export function buildVocabulary<T>(
  kb: KnowledgeBase,
  index: (read: ReadContent, isLight: (term: string) => boolean) => T,
): { vocabulary: Vocabulary; index: T } {
  const builder = new VocabularyBuilder(kb);
  const light = builder.lightTerms;
  const built = index(
    (text, lang) => builder.read(text, lang),
    (term) => light.has(term),
  );
  // Small talk words are known words too: "thanks" is neither a typo nor an unknown name.
  for (const intent of kb.smalltalk)
    for (const [lang, list] of Object.entries(intent.phrases))
      for (const p of list ?? []) builder.learnSpellings(p, lang === "ky" ? "ky" : (lang as AnalysisLang));
  return { vocabulary: builder.finish(), index: built };
}

class VocabularyBuilder {
  readonly lightTerms = new Set<string>();
  private readonly names: Names;
  private readonly trie = new PhraseTrie();
  private readonly nameSpellings = new Set<string>();
  private readonly singleNames = new Set<string>();
  private readonly phraseWords = new Set<string>();
  private readonly shortNameWords = new Set<string>();
  private readonly softStems = new Map<string, string>();
  /** Which language's content uses each spelling. */
  private readonly spellingLangs = new Map<string, Set<AnalysisLang>>();
  /** Stems of one-word names and concept terms → their term. */
  private readonly phraseStems = new Map<string, string>();
  private readonly known = new Set<string>();
  private readonly spellings = { latin: new Map<string, string>(), cyrillic: new Map<string, string>() };
  private readonly spellingIndex = {
    latin: new SpellingIndex<string>(),
    cyrillic: new SpellingIndex<string>(),
  };
  private readonly numbers = new Set<string>();
  private readonly lazySpellings = new Map<string, AnalysisLang>();
  private readonly turkishAlt = new Map<string, string>();

  constructor(kb: KnowledgeBase) {
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
    // Russian typed in Latin letters drops the soft sign ("tyulpannuyu"): the content's Russian words, and
    // the Russian spellings of its names, are found by their stems without it.
    const russianNames = kb.entities.flatMap((e) => e.names).filter((n) => /\p{Script=Cyrillic}/u.test(n));
    const russianWords = [
      ...[...this.spellingLangs].filter(([, langs]) => langs.has("ru")).map(([spelling]) => spelling),
      ...russianNames.flatMap((n) => tokenize(n, false).map((t) => t.key)),
    ];
    for (const spelling of russianWords) {
      if (!/[ьъ]/.test(spelling)) continue;
      const stem = stemWord(spelling, "ru");
      const hard = stem.replace(/[ьъ]/g, "");
      if (hard !== stem && !this.softStems.has(hard)) this.softStems.set(hard, stem);
    }
    for (const e of kb.entities)
      for (const name of e.names) {
        const target: PhraseTarget = { term: `@${e.id}`, kind: "entity", id: e.id };
        this.addPhrase(name, target);
        // People drop the "and" of a long name ("kuşak yol girişimi", "belt road initiative").
        const without = withoutConjunction(name);
        if (without) this.addPhrase(without, target);
      }
    const broader = broaderClosure(kb.concepts);
    for (const c of kb.concepts) {
      const target: PhraseTarget = { term: `#${c.id}`, kind: "concept", id: c.id };
      const also = broader.get(c.id);
      if (also && also.length > 0) target.broader = also.map((b) => `#${b}`);
      for (const t of c.terms) this.addPhrase(t, target);
    }
    // The article's title names the article ("«Steps to Strengthen…» — who wrote it?"), not the ideas
    // its words name one by one.
    if (kb.concepts.some((c) => c.id === ARTICLE))
      this.addPhrase(kb.article.title, { term: `#${ARTICLE}`, kind: "concept", id: ARTICLE });
    for (const o of kb.outOfScope)
      for (const name of o.names) this.addPhrase(name, { term: `!${o.id}`, kind: "out-of-scope", id: o.id });
    this.names = new Names({
      trie: this.trie,
      nameSpellings: this.nameSpellings,
      singleNames: this.singleNames,
      phraseWords: this.phraseWords,
      shortNameWords: this.shortNameWords,
      softStems: this.softStems,
    });
    for (const [lang, words] of Object.entries(LIGHT_WORDS) as [AnalysisLang, ReadonlySet<string>][])
      for (const w of words) this.lightTerms.add(stemWord(w, lang));
    // Numbers the article prints (paragraphs and footnotes): any other year is out of scope.
    const printed = [...kb.article.paragraphs.map((p) => p.text), ...kb.footnotes.map((f) => f.printed)];
    for (const text of printed)
      for (const t of tokenize(text, false)) if (t.isNumber) this.numbers.add(t.lower);
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
      const stems = lower.map((w) => stemWord(w, lang));
      // Snowball may take half a Turkish name for endings ("Batken" → "bat"): a root that short would
      // claim other words ("batıyla", with the West). The name keeps its first letters (below).
      const cutShort =
        lang === "tr" && target.kind === "entity" && tokens.length === 1 && tooShortARoot(stems[0], lower[0]);
      if (!cutShort)
        this.trie.add(
          stems.map((s) => key.stem(lang, s)),
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
        // A concept word with Turkish letters is Turkish ("fırsat"): an English "first" is no typo of it.
        if (/[çğışöüÇĞİŞÖÜ]/.test(t.original)) this.noteLanguage(t.key, "tr");
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

  private noteLanguage(key: string, lang: AnalysisLang): void {
    const langs = this.spellingLangs.get(key);
    if (langs) langs.add(lang);
    else this.spellingLangs.set(key, new Set([lang]));
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

  /** Reads a content text in its known language into terms, and learns its words. */
  read(text: string, lang: AnalysisLang): string[] {
    const tokens = tokenize(text, lang === "tr").filter((t) => !TRANSPARENT.has(t.key));
    // Paraphrases include Russian typed in Latin letters ("kogda japarov poedet v kitay").
    const ruLatn = (lang === "ru" || lang === "ky") && detectLanguage(tokens) === "ru-latn";
    const terms: string[] = [];
    const phraseAt = phraseIndex(tokens, this.names.findPhrases(tokens, lang, ruLatn, "content"));
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as Token;
      const phrase = phraseAt.get(i);
      // Names and concept words count as used, so a typo prefers them to a rarer neighbour.
      if (phrase && t.script !== "other" && this.phraseWords.has(t.key) && !isStopword(t.key))
        this.spellingIndex[t.script].add(t.key, t.key);
      if (phrase) {
        if (phrase.start === i)
          terms.push(...this.names.phraseTerms(phrase, tokens, lang, ruLatn, "content"));
        continue;
      }
      if (t.isNumber) {
        terms.push(`n:${t.lower}`);
        continue;
      }
      if (isStopword(t.key) || t.script === "other") continue;
      const cyrillic = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
      const as = cyrillic ? "ru" : langForScript(t, lang);
      const term = cyrillic ? this.names.translitStem(cyrillic) : stemWord(t.lower, as);
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
    for (const t of tokenize(text, lang === "tr")) {
      if (t.isNumber || t.script === "other" || isStopword(t.key)) continue;
      if (this.spellings[t.script].has(t.key) || this.lazySpellings.has(t.key)) continue;
      this.lazySpellings.set(t.key, langForScript(t, lang));
      this.spellingIndex[t.script].add(t.key, t.key);
    }
  }

  finish(): Vocabulary {
    const soleLanguage = new Map<string, AnalysisLang>();
    for (const [spelling, langs] of this.spellingLangs) {
      const [only] = langs;
      if (langs.size === 1 && only) soleLanguage.set(spelling, only);
    }
    const relatives = new Map(this.phraseStems);
    for (const t of this.known) if (!/^[@#!]|^n:/.test(t) && !relatives.has(t)) relatives.set(t, t);
    return new Vocabulary({
      names: this.names,
      known: this.known,
      spellings: this.spellings,
      spellingIndex: this.spellingIndex,
      soleLanguage,
      numbers: this.numbers,
      lazySpellings: this.lazySpellings,
      turkishAlt: this.turkishAlt,
      lightTerms: this.lightTerms,
      relatives,
    });
  }
}

/** The lexicon's concept for the article itself. */
const ARTICLE = "article";

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

/** "And" in a name's middle, in the four languages. */
const CONJUNCTIONS: ReadonlySet<string> = new Set(["and", "ve", "и", "жана", "&"]);

/** A name of three or more words without the "and" between them, or undefined if it has none. */
function withoutConjunction(name: string): string | undefined {
  const words = name.split(/\s+/);
  if (words.length < 3) return undefined;
  const kept = words.filter(
    (w, i) => i === 0 || i === words.length - 1 || !CONJUNCTIONS.has(w.toLowerCase()),
  );
  return kept.length < words.length ? kept.join(" ") : undefined;
}

/** A stem of three letters or fewer from a word of six or more: more endings cut than root kept. */
function tooShortARoot(stem: string | undefined, word: string | undefined): boolean {
  return stem !== undefined && word !== undefined && stem.length <= 3 && [...word].length >= 6;
}
