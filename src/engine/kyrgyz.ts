// Kyrgyz word forms, for matching: people type Kyrgyz on Russian keyboards and phones without ө ү ң,
// and with long vowels written once or twice ("таасир", "тасир"), so words are compared folded; and a
// root takes a chain of case, possessive, plural and tense endings ("элчисинин", "тилдерди"), which are
// stripped so that short roots meet their inflected forms. Linguistic data only.

const FOLD: Record<string, string> = { ө: "о", ү: "у", ң: "н", ё: "е" };

/** Lower-case Cyrillic Kyrgyz without ө ү ң and with long vowels written once. */
export function foldKyrgyz(lower: string): string {
  return lower.replace(/[өүңё]/g, (c) => FOLD[c] ?? c).replace(/([аоуэыиеюя])\1+/g, "$1");
}

// Endings as folded (ө → о, ү → у, long vowels single): case, possessive, plural, person, tense, the
// question particle. Longest first; a word keeps at least three letters. "-ын" is left alone: after л it
// is the passive ("бөлүн-", allocated), which would make "бөлүнгөн" the verb "to be" ("бол-") once folded.
const SUFFIXES = `
  дагы деги тагы теги
  нын нин нун дын дин дун тын тин тун
  дан ден дон тан тен тон нан нен нон
  лар лер лор дар дер дор тар тер тор
  ган ген гон кан кен кон
  сын син сун сына сине суна ына ине уна
  мын мин мун мыз миз быз биз пыз пиз сыз сиз суз
  дык дик дук тык тик тук лык лик лук
  га ге го ка ке ко на не
  да де до та те то
  ны ни ну ды ди ду ты ти ту
  сы си су ым им ум бы би бу пы пи пу ча че чо
  ы и у`
  .split(/\s+/)
  .filter(Boolean)
  .sort((a, b) => b.length - a.length);

const MIN_ROOT = 3;
const MAX_STRIPS = 4;
const VOWEL = /[аоуэыиеюя]/;
const VOICELESS = /[кпстфхцчшщ]/;

/**
 * An ending's first letter agrees with the letter before it (Kyrgyz assimilates): т, к, п after a
 * voiceless consonant, д, г, б elsewhere; н- and с- forms after a vowel, vowel-initial ones after a
 * consonant. "гранты" is "грант" + "ы", not "гран" + "ты".
 */
function fits(prev: string, suffix: string): boolean {
  const first = suffix[0] ?? "";
  if (VOWEL.test(first)) return !VOWEL.test(prev);
  if ("тпк".includes(first)) return VOICELESS.test(prev);
  if ("дгб".includes(first)) return !VOICELESS.test(prev);
  if (first === "н" || (first === "с" && !suffix.endsWith("з"))) return VOWEL.test(prev);
  return true;
}

/** A Kyrgyz word's root as the matcher compares it: folded, endings stripped. */
export function kyrgyzRoot(lower: string): string {
  let word = foldKyrgyz(lower);
  for (let n = 0; n < MAX_STRIPS; n++) {
    const suffix = SUFFIXES.find(
      (s) =>
        word.endsWith(s) &&
        word.length - s.length >= MIN_ROOT &&
        fits(word[word.length - s.length - 1] ?? "", s),
    );
    if (!suffix) break;
    const root = word.slice(0, -suffix.length);
    if (!VOWEL.test(root)) break;
    word = root;
  }
  return word;
}

// Roots of the auxiliary verbs ("болгон", "болууну", "жатат"): grammar, whatever their ending.
const AUXILIARY_ROOTS: ReadonlySet<string> = new Set(["бол", "жат"]);

/** A form of an auxiliary verb (lower-case Cyrillic). */
export function isKyrgyzAuxiliary(lower: string): boolean {
  return AUXILIARY_ROOTS.has(kyrgyzRoot(lower));
}
