// Snowball-generated stemmers (Porter for English; Snowball Russian and Turkish) behind one function,
// with a cache: the same few thousand words are stemmed again and again. @orama/stemmers loads one
// small module per language and stems 4–8 times faster than snowball-stemmers (measured on the
// content's 3,360 words: identical Russian and Turkish stems), which is most of the index build.
import { stemmer as english } from "@orama/stemmers/english";
import { stemmer as russian } from "@orama/stemmers/russian";
import { stemmer as turkish } from "@orama/stemmers/turkish";
import { kyrgyzRoot } from "./kyrgyz.ts";
import { foldKey } from "./normalize.ts";

/** The languages words are analysed in; Kyrgyz is analysed like Turkish (both agglutinative, Turkic). */
export type AnalysisLang = "en" | "ru" | "tr" | "ky";

/** Each analysis language's number, for tables kept per language (0–3). */
export const LANG_NUMBER: Readonly<Record<AnalysisLang, number>> = { en: 0, ru: 1, tr: 2, ky: 3 };

/** Table number `n` of a list of tables kept per way of reading a word, made on first use. */
export function keptTable<V>(tables: Map<string, V>[], n: number): Map<string, V> {
  let table = tables[n];
  if (!table) {
    table = new Map();
    tables[n] = table;
  }
  return table;
}

const stemmers = {
  en: { stem: english },
  ru: { stem: russian },
  tr: { stem: turkish },
};

// Turkish and Kyrgyz pile suffixes onto a word; the first five letters of the stem are a robust key
// (fixed-prefix stemming is the standard strong baseline for Turkish retrieval) and they survive
// typing without ç ğ ı ş ö ü.
const TURKIC_PREFIX = 5;

// One cache per language (and one for untruncated Turkish stems): a look-up needs no key string built.
const caches = {
  en: new Map<string, string>(),
  ru: new Map<string, string>(),
  tr: new Map<string, string>(),
  ky: new Map<string, string>(),
  trs: new Map<string, string>(),
};
const CACHE_LIMIT = 50_000;

function remember(cache: Map<string, string>, word: string, stem: string): void {
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(word, stem);
}

/**
 * The Turkish Snowball stem, folded, untruncated: for words inside names of several words, where five
 * letters are too few ("Kırgız Cumhuriyeti" must not swallow "Kırgızistan cumhurbaşkanı").
 */
export function turkishStem(lower: string): string {
  const hit = caches.trs.get(lower);
  if (hit !== undefined) return hit;
  let stem = foldKey(stemmers.tr.stem(lower));
  // Snowball takes a word's own "-tür/-dır" ending for the copula: "kültür" (culture) becomes "kül" (ash),
  // three letters that begin "kullanıldı" (was used) too. A root that short keeps the ending.
  const word = foldKey(lower);
  if (stem.length <= 3 && word.length >= 6 && COPULA.test(word.slice(stem.length))) stem = word;
  remember(caches.trs, lower, stem);
  return stem;
}

/** The copula ending alone ("-dır", "-tür"…), folded. */
const COPULA = /^[dt][iu]r$/;

/** A Turkish noun of ability, folded: "-(y)ebilirlik", "-(y)abilirlik" and their case forms. */
const ABILITY_NOUN = /[ae]bil[iı]r(?:li|lı|lik|lık|lig|lıg)/;

/** A Turkic word's first five letters, folded: the stem-free key. */
export function turkicKey(folded: string): string {
  return folded.slice(0, TURKIC_PREFIX) + abilityMark(folded) + privativeMark(folded);
}

/** Turkish "-sız/-siz/-suz/-süz" (without), folded, after a root of four letters or more. */
const PRIVATIVE = /^.{4,}?(?:siz|suz)/;

/**
 * "Bağımsızlığımız" (our independence) is not "bağımlılık" (dependence), whose first five letters it
 * shares: a word that says "without" is keyed apart from the root it negates.
 */
function privativeMark(folded: string): string {
  return PRIVATIVE.test(folded) ? "~siz" : "";
}

/**
 * "-ebilirlik", the noun of an ability ("sürdürülebilirlik", sustainability), is a word of its own, not
 * its verb ("sürdürmek", to maintain), whose first five letters it shares: its key is marked apart.
 */
function abilityMark(folded: string): string {
  return ABILITY_NOUN.test(folded) ? "~able" : "";
}

/** The matching term of a lower-case word in a language. */
export function stemWord(lower: string, lang: AnalysisLang): string {
  const hit = caches[lang].get(lower);
  if (hit !== undefined) return hit;
  let term: string;
  switch (lang) {
    case "en":
      term = stemmers.en.stem(foldKey(lower));
      break;
    case "ru":
      term = stemmers.ru.stem(lower.replace(/ё/g, "е").replace(/ъ/g, "ь"));
      break;
    case "tr":
      term =
        turkishStem(lower).slice(0, TURKIC_PREFIX) +
        abilityMark(foldKey(lower)) +
        privativeMark(foldKey(lower));
      break;
    case "ky":
      // Folded and with its endings stripped first, so a short root meets its forms ("тил", "тилдерди").
      // A Turkish word read as Kyrgyz (the content's are tried both ways) keeps its mark too.
      term = kyrgyzRoot(lower).slice(0, TURKIC_PREFIX) + abilityMark(foldKey(lower));
      break;
  }
  // A stemmer may strip a short word to almost nothing; keep the word then. Russian two-letter stems
  // are real ones ("Азия", "Азии", "Азию" → "аз"): keeping the word would split the cases apart.
  if (term.length < (lang === "ru" && lower.length >= 4 ? 2 : 3) && lower.length >= 3)
    term = foldKey(lower).slice(0, lang === "tr" || lang === "ky" ? TURKIC_PREFIX : undefined);
  remember(caches[lang], lower, term);
  return term;
}
