// Russian typed in Latin letters ("kogda Japarov poedet v Kitay"): turn it back into Cyrillic so it can
// be stemmed and matched as Russian. Covers the common informal schemes (zh/kh/ch/sh/shch, ya/ja, yu/ju,
// y as ы or й); names are matched by their aliases before this runs, so it need not be perfect.

const MULTI: [string, string][] = [
  ["shch", "щ"],
  ["sch", "щ"],
  ["zh", "ж"],
  ["kh", "х"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ju", "ю"],
  ["ya", "я"],
  ["ja", "я"],
  ["yo", "ё"],
  ["jo", "ё"],
  ["iya", "ия"],
  ["iyu", "ию"],
  ["iye", "ие"],
  ["iyo", "иё"],
  ["iy", "ий"],
  ["yy", "ый"],
];

const SINGLE: Record<string, string> = {
  a: "а",
  b: "б",
  v: "в",
  w: "в",
  g: "г",
  d: "д",
  e: "е",
  z: "з",
  i: "и",
  j: "й",
  k: "к",
  q: "к",
  l: "л",
  m: "м",
  n: "н",
  o: "о",
  p: "п",
  r: "р",
  s: "с",
  t: "т",
  u: "у",
  f: "ф",
  h: "х",
  c: "ц",
  x: "кс",
  "'": "ь",
};

const VOWELS = new Set(["a", "e", "i", "o", "u", "y"]);

/** Transliterates one lower-case Latin word to Cyrillic. */
export function latinToCyrillic(word: string): string {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const rest = word.slice(i);
    // A word beginning "sch" is сч (schitaet, schet, schastye): Russian words begin with щ far less often.
    if (i === 0 && rest.startsWith("sch") && !rest.startsWith("shch")) {
      out += "сч";
      i += 3;
      continue;
    }
    // The reflexive ending is -тся, not -ця: schitaetsya, nazyvaetsya, kazhetsya.
    if (i > 0 && (rest === "tsya" || rest === "tsja")) {
      out += "тся";
      break;
    }
    const multi = MULTI.find(([latin]) => rest.startsWith(latin));
    if (multi) {
      out += multi[1];
      i += multi[0].length;
      continue;
    }
    const c = word[i] ?? "";
    if (c === "y") {
      // After a vowel "y" is й (Kitay, moy); elsewhere ы (vy, byl).
      const prev = word[i - 1];
      out += prev !== undefined && VOWELS.has(prev) ? "й" : "ы";
    } else if (c === "i" && i === word.length - 1 && /[aeouy]/.test(word[i - 1] ?? "")) {
      // A final "i" after a vowel is й: kakoi, drugoi, kotoryi (not after i: organizatsii).
      out += "й";
    } else if (c === "i" && word[i - 1] === "i" && /[bcdfgklmnpqrstvxz]/.test(word[i + 1] ?? "")) {
      // "ii" before a consonant is ий: rossiiskii, rossiiskuyu.
      out += "й";
    } else if (c === "e" && i === 0) {
      // это, этот, экономика; but его, ее, ей, ему, еще begin with е.
      out += /^e(?:g|e|i|j|m|y|sh|s?ch)/.test(word) ? "е" : "э";
    } else {
      out += SINGLE[c] ?? c;
    }
    i += 1;
  }
  return out;
}

// Kyrgyz typed in Latin letters ("Japarov Kytaiga kachan barat"): j is ж (jana, Japarov), i or y after a
// vowel is й (kaisy, Kytai), e at the start of a word is э (emne, elchi). Informal typing has no ө, ү or ң:
// o, u and n stand for them, and the question reader puts them back where the content spells a word so.
const KY_MULTI: [string, string][] = [
  ["zh", "ж"],
  ["iia", "ия"],
  ["iiu", "ию"],
  ["ia", "ия"],
  ["iu", "ию"],
  ["kh", "х"],
  ["ch", "ч"],
  ["sh", "ш"],
  ["ts", "ц"],
  ["yu", "ю"],
  ["ya", "я"],
  ["yo", "ё"],
  ["iya", "ия"],
  ["iyu", "ию"],
];

const KY_SINGLE: Record<string, string> = {
  ...SINGLE,
  j: "ж",
  c: "ц",
  x: "х",
  ö: "ө",
  ü: "ү",
  ñ: "ң",
  ı: "ы",
  // Turkish letters on a Turkish keyboard stand for the Kyrgyz sounds they spell.
  ç: "ч",
  ş: "ш",
  ğ: "г",
};

// Vowels as Kyrgyz is typed in Latin letters: a "y" or "i" after one is й ("kaisy", "süylöshüü").
const KY_VOWELS = new Set(["a", "e", "i", "o", "u", "y", "ö", "ü", "ı"]);

/** Transliterates one lower-case Latin word of Kyrgyz to Cyrillic. */
export function kyrgyzLatinToCyrillic(word: string): string {
  let out = "";
  let i = 0;
  while (i < word.length) {
    const rest = word.slice(i);
    const multi = KY_MULTI.find(([latin]) => rest.startsWith(latin));
    if (multi) {
      out += multi[1];
      i += multi[0].length;
      continue;
    }
    const c = word[i] ?? "";
    const prev = word[i - 1];
    const afterVowel = prev !== undefined && KY_VOWELS.has(prev);
    if (c === "y" || c === "i") out += afterVowel ? "й" : c === "y" ? "ы" : "и";
    else if (c === "e" && i === 0) out += "э";
    else out += KY_SINGLE[c] ?? c;
    i += 1;
  }
  return out;
}

// Letters informal typing merges, as [typed, meant]: "ng" for ң, a final n for ң ("kandaysyn"),
// German-style oe ue for ө ү, ts across a suffix boundary ("salamatsyzby") read as ц.
const RESPELLINGS: [RegExp, string][] = [
  [/нг/g, "ң"],
  [/н$/, "ң"],
  [/ое/g, "ө"],
  [/уе/g, "ү"],
  [/ц/g, "тс"],
];

/**
 * Spellings with ө for о and ү for у (at most 4 letters varied) and the respellings above, the typed
 * one first: the reader takes the first the content knows.
 */
export function kyrgyzVowelVariants(word: string): string[] {
  let bases = [word];
  for (const [typed, meant] of RESPELLINGS)
    if (word.search(typed) >= 0) bases = [...bases, ...bases.map((b) => b.replace(typed, meant))];
  const out: string[] = [];
  for (const base of bases) {
    const at: number[] = [];
    for (let i = 0; i < base.length && at.length < 4; i++) if (base[i] === "о" || base[i] === "у") at.push(i);
    for (let mask = 0; mask < 1 << at.length; mask++) {
      const chars = [...base];
      at.forEach((pos, bit) => {
        if (mask & (1 << bit)) chars[pos] = chars[pos] === "о" ? "ө" : "ү";
      });
      out.push(chars.join(""));
    }
  }
  return out;
}
