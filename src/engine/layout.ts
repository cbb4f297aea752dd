// Russian typed with the keyboard still on the English layout ("rnj fdnjh cnfnmb?" for "кто автор
// статьи?"): each key stands for its letter on the Russian (ЙЦУКЕН) layout. A message is read so only
// when none of its words is a word as typed and most of them are, keyed again, Russian words the
// reader knows.
import { plainWords } from "./normalize.ts";

const ENGLISH_KEYS = "qwertyuiop[]asdfghjkl;'zxcvbnm,.`";
const RUSSIAN_KEYS = "йцукенгшщзхъфывапролджэячсмитьбюё";
const KEY_MAP: ReadonlyMap<string, string> = new Map(
  [...ENGLISH_KEYS].map((k, i) => [k, RUSSIAN_KEYS[i] as string]),
);
/** Keys that are letters on the Russian layout but punctuation on the English one: letters only inside a word. */
const PUNCTUATION_KEYS = new Set("[];',.`");

/** The text as typed on the Russian layout with the same keys (letters' case kept). */
export function russianKeys(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    const lower = c.toLowerCase();
    const mapped = KEY_MAP.get(lower);
    const inWord = /\p{L}/u.test(text[i - 1] ?? "") && /\p{L}/u.test(text[i + 1] ?? "");
    if (mapped === undefined || (PUNCTUATION_KEYS.has(lower) && !inWord)) out += c;
    else out += c === lower ? mapped : mapped.toUpperCase();
  }
  return out;
}

const LATIN_WORD = /^[a-z]+$/;

/**
 * The message keyed again on the Russian layout, when it is Russian typed on the English one: Latin
 * letters only, no word of it known as typed (`known`), and at least half of its words known once keyed
 * again. Otherwise undefined.
 */
export function wrongLayoutRussian(text: string, known: (word: string) => boolean): string | undefined {
  if ([...text].some((c) => (c.codePointAt(0) ?? 0) > 127)) return undefined;
  const typed = words(text);
  if (typed.length === 0 || !typed.every((w) => LATIN_WORD.test(w)) || typed.some(known)) return undefined;
  const keyed = russianKeys(text);
  const russian = words(keyed);
  const recognised = russian.filter(known).length;
  return recognised > 0 && recognised * 2 >= russian.length ? keyed : undefined;
}

/** The words of the text (digits part words here, as any other key that is no letter). */
function words(text: string): string[] {
  return plainWords(text.replace(/\d/g, " "));
}
