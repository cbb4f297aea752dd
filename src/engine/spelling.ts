// Typo correction for questions, against the content's own words (before names are looked up, so
// "Kulubaew" and "revolushion" still find theirs): a word the content knows, as spelt or by a stem, is
// left alone; a mistyped question word becomes that word; any other word becomes the nearest content
// word within a few edits, if there is one (see typos.ts).
import type { Reader } from "./names.ts";
import { type Script, scriptOf, type Token } from "./normalize.ts";
import { type AnalysisLang, keptTable, LANG_NUMBER } from "./stem.ts";
import { isStopword, isTurkicStopword, QUESTION_WORDS, questionWordLang, STOPWORDS } from "./stopwords.ts";
import { latinToCyrillic } from "./translit.ts";
import { isAdjacentSwap, OneEditSet } from "./typos.ts";
import type { Vocabulary } from "./vocabulary.ts";

/** A question token after typo correction. */
export interface QueryToken extends Token {
  /** The spelling was corrected to a content word: it is no unknown name. */
  corrected?: boolean;
  /** Its phrase-trie keys, once worked out (the same for the whole question). */
  keys?: readonly string[];
}

const QUESTION: Reader = "question";

/** Shortest typo of a function word corrected ("diyr"): shorter ones are too often other words. */
const MIN_FUNCTION_TYPO = 4;

/** How many words' corrections are kept per way of reading (see SpellingCorrector.correct). */
const CORRECTIONS_KEPT = 20_000;

export class SpellingCorrector {
  /** Question words, for catching them mistyped. */
  private readonly questionWords = new OneEditSet(QUESTION_WORDS);

  constructor(private readonly vocabulary: Vocabulary) {}

  /**
   * The word as the content knows it: unchanged if known, else a mistyped question word or the nearest
   * content word. The same words come in question after question: what became of a word is kept, up to a
   * bound, per way of reading it.
   */
  correct(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): QueryToken {
    if (t.isNumber || t.script === "other") return t;
    const table = keptTable(
      this.kept,
      LANG_NUMBER[lang] * 8 + (ruLatn ? 4 : 0) + (english ? 2 : 0) + (t.capitalisedMidSentence ? 1 : 0),
    );
    const kept = table.get(t.lower);
    if (kept && kept.key === t.key && kept.script === t.script)
      return kept.word === undefined ? t : corrected(t, kept.word);
    const word = this.correction(t, lang, ruLatn, english);
    if (table.size >= CORRECTIONS_KEPT) table.clear();
    table.set(t.lower, { key: t.key, script: t.script, word });
    return word === undefined ? t : corrected(t, word);
  }

  private readonly kept: Map<string, { key: string; script: Script; word: string | undefined }>[] = [];

  /** The content word a word stands for, when it is not the word as typed. */
  private correction(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): string | undefined {
    if (t.isNumber || t.script === "other" || isQuestionStopword(t, lang, ruLatn)) return undefined;
    // A lower-case word the content spells only inside a longer name, one edit from a question word, is
    // that question word mistyped: "wen is the ambassador saying…" ("Wen" of "Du De Wen").
    const asked = this.mistypedQuestionWord(t, lang);
    // (Latin letters only: Kyrgyz "чет", foreign, is a word of its own beside "чем".)
    if (
      asked !== undefined &&
      t.script === "latin" &&
      t.original === t.lower &&
      this.isNameWordOnly(t, lang, ruLatn)
    )
      return asked;
    if (this.isKnownWord(t, lang, ruLatn, english)) return undefined;
    // Russian chat spells the reflexive ending as it sounds: "меняеца", "называеца", "считаетса".
    const spoken = t.script === "cyrillic" ? t.key.replace(SPOKEN_REFLEXIVE, "тся") : t.key;
    if (spoken !== t.key && this.isKnownWord(corrected(t, spoken), lang, ruLatn, english)) return spoken;
    // …and "и" for a final "й" ("такои", "какои", "Китаи"): a function word or a content word so spelt.
    const yot = t.script === "cyrillic" ? t.key.replace(FINAL_YOT, "й") : t.key;
    if (
      yot !== t.key &&
      (isQuestionStopword({ ...t, key: yot }, lang, ruLatn) ||
        this.isKnownWord(corrected(t, yot), lang, ruLatn, english))
    )
      return yot;
    if (asked !== undefined) return asked;
    const translit = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
    const index = this.vocabulary.spellingIndex;
    let near = (translit ? index.cyrillic.nearest(translit) : undefined) ?? index[t.script].nearest(t.key);
    // English plurals and possessives typed without the apostrophe ("the autors main work"): the word
    // without its "s" may be the nearer idea ("author") than a plain word as near ("actors").
    if (english && /[^s]s$/.test(t.key)) {
      const single = index.latin.nearest(t.key.slice(0, -1));
      if (
        single &&
        /^[#@]/.test(single.value) &&
        (!near || (single.distance <= near.distance && !/^[#@]/.test(near.value)))
      )
        near = single;
    }
    // Inflected, a word may be near no spelling the content has and still be a known word with two
    // letters swapped or one doubled ("Центарльной", "Бээижнге", "Оруисянын" are "Центральной", "Бээжинге",
    // "Орусиянын", known by their stems).
    // (Cyrillic only: Turkish stems are short enough for a slip to land on another word, "önceki" on "önem".)
    if (near === undefined && t.script === "cyrillic" && t.key.length >= MIN_SLIP_LENGTH) {
      const slip = slipsOf(t.key).find((v) => this.isKnownWord(corrected(t, v), lang, ruLatn, english));
      if (slip !== undefined) return slip;
      // …or a name with a letter dropped before its ending ("Баткнге", "Сыромоотовым"): the word without
      // its last letters is one edit from the name's spelling.
      for (let cut = 1; cut <= MAX_ENDING; cut++) {
        const name = index.cyrillic.nearest(t.key.slice(0, -cut));
        // (A name of five letters or more: "ирония" is no "Иран".)
        if (name?.distance !== 1 || name.word.length < MIN_SLIP_LENGTH - 1) continue;
        if (!this.vocabulary.names.nameSpellings.has(name.word)) continue;
        const whole = name.word + t.key.slice(-cut);
        if (this.isKnownWord(corrected(t, whole), lang, ruLatn, english)) return whole;
      }
    }
    // In Latin letters, only a doubled letter is undone ("voobbshe", "polittika", "Yazıının"): one letter
    // fewer lands on no other word as a swap can.
    if (near === undefined && t.script === "latin" && t.key.length >= MIN_SLIP_LENGTH) {
      const slip = slipsOf(t.key).find(
        (v) => v.length < t.key.length && this.isKnownWord(corrected(t, v), lang, ruLatn, english),
      );
      if (slip !== undefined) return slip;
      // Turkish piles its endings on a stem: a letter dropped from the stem ("lisnsını", "makalnin") is
      // found by the stem, one letter short of a content word of five letters or more, and its ending.
      if (lang === "tr") {
        const whole = withStemLetterBack(t.key, index.latin);
        if (whole !== undefined) return whole;
      }
    }
    const word = near?.word;
    // A word typed in lower case a letter or two off a name the article never mentions, same length, is
    // more likely a word of its own than that name ("bilen" is no "Biden"): it would decline the question.
    // (A dropped, doubled or swapped letter is a typo still: "putn", "Putinn".)
    if (
      word !== undefined &&
      near?.value.startsWith("!") &&
      !t.capitalisedMidSentence &&
      word.length === t.key.length &&
      !isAdjacentSwap(t.key, word)
    )
      return undefined;
    // An English word the content lacks is not a mistyped Turkish one ("first" is not "fırsat").
    const only = word === undefined ? undefined : this.vocabulary.soleLanguage.get(word);
    if (english && only !== undefined && only !== "en") return undefined;
    // Near no content word: perhaps a function word of the question's language with a letter dropped
    // or two swapped ("diyr" is "diyor", "thnaks" "thanks"), which then weighs nothing rather than as a
    // word the content lacks. Not one letter for another: "сому" (som) is no "кому", "bugun" no "бунун".
    // …and before a content word with one letter for another ("helo" is "hello", not "held").
    const replaced = word !== undefined && word.length === t.key.length && !isAdjacentSwap(t.key, word);
    if ((word === undefined || replaced) && t.key.length >= MIN_FUNCTION_TYPO) {
      const fn = functionWords(lang).find(t.key);
      if (fn !== undefined && (fn.length === t.key.length + 1 || isAdjacentSwap(t.key, fn))) return fn;
    }
    return word;
  }

  /** A word of six letters or more one edit from a name's spelling. */
  private isMistypedName(t: Token): boolean {
    if (t.key.length < 6) return false;
    const near = this.vocabulary.spellingIndex[t.script === "cyrillic" ? "cyrillic" : "latin"].nearest(t.key);
    return near !== undefined && near.distance === 1 && this.vocabulary.names.nameSpellings.has(near.word);
  }

  /** The question word of the question's language `t` is one edit from, if any. */
  private mistypedQuestionWord(t: Token, lang: AnalysisLang): string | undefined {
    if (t.key.length < 3 || t.key.length > 6 || t.capitalisedMidSentence) return undefined;
    const questionWord = this.questionWords.find(t.key);
    const wordLang = questionWord === undefined ? undefined : questionWordLang(questionWord);
    // Only a question word of the question's own language (Kyrgyz questions borrow Russian ones).
    return questionWord && (wordLang === lang || (lang === "ky" && wordLang === "ru"))
      ? questionWord
      : undefined;
  }

  /** The content spells `t` only as one word of a longer name: no name, idea or common word alone. */
  private isNameWordOnly(t: Token, lang: AnalysisLang, ruLatn: boolean): boolean {
    return this.vocabulary.names.nameSpellings.has(t.key) && !this.isOneWordName(t, lang, ruLatn);
  }

  /** A one-word name or concept is `t` by one of its keys (its stems); the keys stay on the token. */
  private isOneWordName(t: Token, lang: AnalysisLang, ruLatn: boolean): boolean {
    const { names } = this.vocabulary;
    const keys = names.keysOf(t, lang, ruLatn, QUESTION);
    (t as QueryToken).keys = keys;
    return (
      names.trie.findAll(
        1,
        () => keys,
        () => true,
      ).length > 0
    );
  }

  /** The content (or a name, or a concept) has this word, as spelt or by its stem. */
  private isKnownWord(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): boolean {
    const vocabulary = this.vocabulary;
    const translit = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
    for (const spelling of translit ? [t.key, translit] : [t.key])
      if (vocabulary.hasSpelling(spelling)) return true;
    if (vocabulary.knownReading(t, lang, ruLatn, english) !== undefined) return true;
    // A common word ("происходит") is a word, not a typo of a content word ("приходит").
    if (vocabulary.isLightWord(t, lang, ruLatn, english)) return true;
    // A one-word name or concept by its stem ("hibeyi" is "hibe").
    if (this.isOneWordName(t, lang, ruLatn))
      // …unless the word is a name mistyped by one letter and the stem a short guess at it ("Kulibaev"
      // is Kulubaev, not Turkish "kül…", culture).
      return !this.isMistypedName(t);
    return vocabulary.names.trie.prefixName(t.key, 5, 5) !== undefined;
  }
}

/** Words this long or longer are tried with a slip undone (shorter ones meet too many other words). */
const MIN_SLIP_LENGTH = 6;
/** The longest ending tried after a name with a slip ("-нын", "-дан", "-ым"). */
const MAX_ENDING = 4;
/** Shortest stem, as typed, by which a mistyped Turkish word is found (see withStemLetterBack). */
const MIN_STEM = 4;

/** The word with two neighbouring letters swapped back, or one of two equal neighbours dropped. */
function slipsOf(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i + 1 < word.length; i++) {
    const a = word[i] as string;
    const b = word[i + 1] as string;
    if (a !== b) out.push(word.slice(0, i) + b + a + word.slice(i + 2));
    else out.push(word.slice(0, i) + word.slice(i + 1));
  }
  return out;
}

/** A function word of the question's language (of Russian, for Russian typed in Latin letters). */
export function isQuestionStopword(t: Token, lang: AnalysisLang, ruLatn: boolean): boolean {
  if (lang === "tr" || lang === "ky" ? isTurkicStopword(t.key) : isStopword(t.key)) return true;
  return ruLatn && t.script === "latin" && isStopword(latinToCyrillic(t.key));
}

/** Function words of four letters or more per language, for catching them mistyped: built once, when first needed. */
const FUNCTION_WORDS = new Map<AnalysisLang, OneEditSet>();

function functionWords(lang: AnalysisLang): OneEditSet {
  let set = FUNCTION_WORDS.get(lang);
  if (!set) {
    set = new OneEditSet([...STOPWORDS[lang]].filter((w) => w.length >= MIN_FUNCTION_TYPO));
    FUNCTION_WORDS.set(lang, set);
  }
  return set;
}

/** A final "и" after a vowel, typed for "й" ("такои", "мои"). */
const FINAL_YOT = /(?<=[аеоуыэюя])и$/;

/** The reflexive verb ending "-тся" written as said ("-ца", "-цца", "-тса"), after a vowel. */
const SPOKEN_REFLEXIVE = /(?<=[аеиоуяю])(?:цц?а|тса)$/;

/** A token respelt as the content word it was corrected to. */
function corrected(t: Token, word: string): QueryToken {
  return { ...t, key: word, lower: word, script: scriptOf(word), corrected: true, keys: undefined };
}

/** The word with a letter put back into its stem: a content word one letter longer, then the ending. */
function withStemLetterBack(key: string, index: Vocabulary["spellingIndex"]["latin"]): string | undefined {
  for (let cut = 1; cut <= MAX_ENDING; cut++) {
    const stem = key.slice(0, -cut);
    if (stem.length < MIN_STEM) break;
    const near = index.nearest(stem);
    // (A stem the content has as typed: the word is that stem and its endings, no typo.)
    if (near?.distance === 0) return undefined;
    if (near?.distance === 1 && near.word.length === stem.length + 1) return near.word + key.slice(-cut);
  }
  return undefined;
}
