// Text clean-up shared by indexing and asking: one Unicode form, one set of quotes and dashes, no
// emoji, case folded the way each language expects, and tokens that keep what matters for matching.

/** Lower-case for matching; Turkish gets its own I/İ rules so "KIRGIZ" becomes "kırgız", not "kirgiz". */
export function lowerCase(text: string, turkish: boolean): string {
  if (turkish && /[Iİ]/.test(text)) return text.toLocaleLowerCase("tr");
  // Outside Turkish, "İ" would lower-case to "i" plus a combining dot; drop the dot.
  const lower = text.toLowerCase();
  return lower.includes("\u0307") ? lower.replace(/i\u0307/g, "i") : lower;
}

// Everything cleanText changes, in one pass: typographic quotes and dashes, emoji and pictographs,
// variation selectors and joiners, currency and maths signs, control and format characters (not \n).
const UNCLEAN =
  /[\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc\u02bb`\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033\u2010-\u2015\u2212]|\p{Extended_Pictographic}+|[\p{So}\p{Sk}\p{Sm}\p{Sc}]|(?!\n)[\p{Cc}\p{Cf}]/gu;
const PICTOGRAPHS = /^\p{Extended_Pictographic}/u;
const SINGLE_QUOTES = "\u2018\u2019\u201a\u201b\u2032\u00b4\u02bc\u02bb`";
const DOUBLE_QUOTES = "\u201c\u201d\u201e\u201f\u00ab\u00bb\u2033";
/** Only Latin, Cyrillic, spaces and ASCII punctuation, precomposed: NFKC would change nothing. */
const ALREADY_NFKC = /^[\n\x20-\x7e\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u024f\u0400-\u04ff]*$/;

// A smiley standing alone between spaces (or at either end), or brackets doubled as one ("привет)))").
const EMOTICON = /(^|\s)(?:[:;=]-?[()DPpOo3[\]|*]+|[xX][dD]+|\^_*\^)(?=\s|$)|\){2,}|\({2,}/g;
/** "@username": Telegram's usernames are Latin letters, digits and underscores. */
const MENTION = /(^|[\s(,;:])@[A-Za-z0-9_]{2,32}(?![\p{L}\p{N}_@.])/gu;
const EMOTICON_HINT = /[()^:;=]|[xX][dD]/;

/** A Telegram mention ("@bot who wrote it?", "@aibek look") addresses someone; it asks about nothing. */
export function withoutMentions(raw: string): string {
  return raw.includes("@") ? raw.replace(MENTION, "$1 ") : raw;
}

/**
 * Thanks closing a message without a stop before it ("кто автор заранее спасибо", "lale devrimi
 * şimdiden teşekkürler", "who wrote it thanks in advance"): no words of the question. (Not "please": "names
 * please" still asks for names.)
 */
const CLOSING_PHRASES = [
  "thanks in advance",
  "thank you in advance",
  "thanks a lot",
  "thank you",
  "thanks",
  "thx",
  "заранее спасибо",
  "спасибо заранее",
  "спасибо большое",
  "большое спасибо",
  "спасибо",
  "şimdiden teşekkürler",
  "şimdiden teşekkür ederim",
  "teşekkür ederim",
  "teşekkürler",
  "sağ ol",
  "sağol",
  "алдын ала рахмат",
  "чоң рахмат",
  "рахмат",
];
const CLOSING = new RegExp(`(\\S)\\s+(${CLOSING_PHRASES.join("|")})([\\s!.)]*)$`, "iu");

/**
 * The message without thanks closing it, when anything comes before them ("Primakov thanks in
 * advance!"); the message itself when nothing closes it so. (Decide keeps the message as typed when it is
 * small talk and what comes before the thanks is no sure answer: "ok thanks", "жакшы болду рахмат".)
 */
export function withoutClosingThanks(text: string): string {
  // Most messages end otherwise: their last word says so without trying the pattern at every position.
  let end = text.length;
  while (end > 0 && " \n\t!.)".includes(text.charAt(end - 1))) end -= 1;
  const start = Math.max(text.lastIndexOf(" ", end - 1), text.lastIndexOf("\n", end - 1)) + 1;
  if (!CLOSING_LAST_WORDS.has(text.slice(start, end).toLowerCase())) return text;
  const m = CLOSING.exec(text);
  if (!m) return text;
  const before = text.slice(0, m.index + 1);
  return before.trim().length > 0 ? before : text;
}

/** The words the closing phrases end with: a message ending otherwise is not tried against CLOSING. */
const CLOSING_LAST_WORDS: ReadonlySet<string> = new Set(CLOSING_PHRASES.map((p) => p.split(" ").at(-1) ?? p));

/** NFKC, typographic quotes and dashes made plain, emoji into line breaks, other symbols into spaces. */
export function cleanText(raw: string): string {
  const addressed = withoutMentions(raw);
  // Chat ends a sentence with a typed smiley (":)", ":D", "xD", ")))") as often as with a full stop.
  const text = EMOTICON_HINT.test(addressed)
    ? loneBrackets(addressed.replace(EMOTICON, "$1 \n "))
    : addressed;
  // Plain ASCII needs none of it (the common case, and the Unicode-wide regex is the costly part).
  if (/^[\x20-\x7e\n]*$/.test(text)) return text.replace(/`/g, "'");
  const normal = ALREADY_NFKC.test(text) ? text : text.normalize("NFKC");
  return normal.replace(UNCLEAN, (c) => {
    if (SINGLE_QUOTES.includes(c)) return "'";
    if (DOUBLE_QUOTES.includes(c)) return '"';
    if (/[\u2010-\u2015\u2212]/.test(c)) return "-";
    // Chat messages end a sentence with an emoji as often as with a full stop ("…this article 😂 what does").
    if (PICTOGRAPHS.test(c)) return " \n ";
    return " ";
  });
}

/**
 * A bracket that pairs with none is a smiley, and ends its sentence as the doubled ones do: Russian chat
 * types "навеки) а что…" and "жаль( но…". Brackets that pair ("(AKIpress)") stay as they are.
 */
function loneBrackets(text: string): string {
  if (!text.includes(")") && !text.includes("(")) return text;
  const open: number[] = [];
  const lone: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 40) open.push(i);
    else if (c === 41) {
      if (open.length > 0) open.pop();
      else lone.push(i);
    }
  }
  lone.push(...open);
  if (lone.length === 0) return text;
  const parts: string[] = [];
  let from = 0;
  for (const i of lone.sort((a, b) => a - b)) {
    parts.push(text.slice(from, i), " \n ");
    from = i + 1;
  }
  parts.push(text.slice(from));
  return parts.join("");
}

/** A quotation mark, or an apostrophe that is not inside a word. */
const QUOTATION = /["«»“”„]|(?<!\p{L})'|'(?!\p{L})/u;

// Nothing to fold: ASCII letters and digits, or Cyrillic without ё or ъ (the common cases, kept fast).
const PLAIN = /^(?:[a-z0-9]*|[а-еж-щы-я]*)$/;

const LATIN_FOLD: Record<string, string> = { ı: "i", ß: "ss", æ: "ae", ø: "o", œ: "oe", ł: "l", đ: "d" };

/**
 * The key two spellings share when they differ only by Latin diacritics or ё: people often type
 * Turkish without ç ğ ı ş ö ü, and Russian without ё, and ь for ъ ("обьясните"). Cyrillic letters such
 * as й keep their marks.
 */
export function foldKey(word: string): string {
  if (PLAIN.test(word)) return word;
  return word
    .replace(/[ıßæøœłđ]/g, (c) => LATIN_FOLD[c] ?? c)
    .normalize("NFD")
    .replace(/([a-z])[\u0300-\u036f]+/g, "$1")
    .normalize("NFC")
    .replace(/ё/g, "е")
    .replace(/ъ/g, "ь");
}

/** A text's words, lower-cased, split at anything but letters and digits ("Du Dewen's" → du, dewen, s). */
export function plainWords(text: string): string[] {
  return text
    .toLocaleLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== "");
}

export type Script = "latin" | "cyrillic" | "other";

/** The script of a word, from its first letter (char ranges: a per-token regex is measurably slow). */
export function scriptOf(word: string): Script {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (
      (c >= 0x41 && c <= 0x5a) ||
      (c >= 0x61 && c <= 0x7a) ||
      (c >= 0xc0 && c <= 0x24f) ||
      (c >= 0x1e00 && c <= 0x1eff)
    )
      return "latin";
    if (c >= 0x400 && c <= 0x52f) return "cyrillic";
    if (c >= 0x30 && c <= 0x39) continue;
    if (c > 0x7f && /\p{L}/u.test(word[i] ?? "")) return "other";
  }
  return "other";
}

export interface Token {
  /** As typed (after cleanText), without a trailing apostrophe suffix. */
  original: string;
  /** Lower-cased with the language's rules. */
  lower: string;
  /** foldKey(lower): the spelling-tolerant key. */
  key: string;
  script: Script;
  isNumber: boolean;
  /** Starts with a capital letter where a sentence does not start. */
  capitalisedMidSentence: boolean;
  /** Index of the clause the token is in (clauses split at ? ! ; . , and line breaks). */
  clause: number;
  /** Index of the sentence the token is in (sentences split at ? ! ; . and line breaks, not commas). */
  sentence: number;
  /** Its sentence ends with a question mark. */
  questionMark: boolean;
  /** The apostrophe suffix typed after it ("den" of "Isaev'den"), lower-cased, or "". */
  suffix: string;
}

// A word, optionally with an apostrophe suffix (Kyrgyzstan's, Japonya'dan): the suffix is grammar, not meaning.
// Numbers keep their decimal part (5.3, 5,3).
// A Russian indefinite pronoun ("кого-то", "что-нибудь") is one word: "кого" alone would ask "whom".
const WORD_CHAR = /[\p{L}\p{N}]/u;
const TOKEN =
  /\p{N}+(?:[.,]\p{N}+)*|[\p{L}\p{M}]+(?:'[\p{L}\p{M}]+)*(?:-(?:то|нибудь|либо|nibud|libo)|(?<=\b(?:kto|kogo|komu|chto|chego|kak|gde|kogda|kuda|kakoi|kakoy|kakie|pochemu|zachem))-to)?(?![\p{L}\p{M}])|[?!;.,\n]+|:(?=\s)/gu;

// The same words come again and again (content, then questions): their lower-cased and folded forms
// are kept, up to a bound.
interface Shape {
  lower: string;
  key: string;
  script: Script;
}
// One table per casing rule (Turkish or not), so a look-up needs no key string built.
const shapes = { turkish: new Map<string, Shape>(), other: new Map<string, Shape>() };
const SHAPES_LIMIT = 50_000;

function shapeOf(original: string, turkish: boolean): Shape {
  const table = turkish ? shapes.turkish : shapes.other;
  let shape = table.get(original);
  if (!shape) {
    const lower = lowerCase(original, turkish);
    shape = { lower, key: foldKey(lower), script: scriptOf(original) };
    if (table.size >= SHAPES_LIMIT) table.clear();
    table.set(original, shape);
  }
  return shape;
}

/** Starts with a digit of any script (ASCII checked first: the regex is the slow path). */
function startsWithDigit(raw: string): boolean {
  const c = raw.charCodeAt(0);
  if (c < 0x80) return c >= 0x30 && c <= 0x39;
  return /^\p{N}/u.test(raw);
}

const MAX_WORD_LENGTH = 40;

/** Splits cleaned text into word tokens; `turkish` selects the I/İ rules. */
export function tokenize(text: string, turkish: boolean): Token[] {
  const tokens: Token[] = [];
  let clause = 0;
  let sentence = 0;
  let sentenceStart = true;
  let sentenceAt = 0;
  const cleaned = cleanText(text);
  // exec on the one pattern, not matchAll, which copies the pattern and makes an iterator per text.
  TOKEN.lastIndex = 0;
  for (let m = TOKEN.exec(cleaned); m !== null; m = TOKEN.exec(cleaned)) {
    const raw = m[0];
    const first = raw.charCodeAt(0);
    if (
      first === 63 ||
      first === 33 ||
      first === 59 ||
      first === 46 ||
      first === 10 ||
      first === 44 ||
      first === 58
    ) {
      // A colon after a quotation introduces what is asked about it ("the footnote 'X': which outlet?"),
      // so it joins them; after other words it ends a lead-in ("quick q: who…", "вопрос такой: что…").
      // (An apostrophe inside a word is a suffix, "Bişkek'te", no quotation.)
      if (first === 58 && QUOTATION.test(cleaned.slice(sentenceAt, m.index))) continue;
      // A dot inside a word is no full stop: "24.kg", "akipress.org".
      if (
        raw === "." &&
        WORD_CHAR.test(cleaned[m.index - 1] ?? " ") &&
        WORD_CHAR.test(cleaned[m.index + 1] ?? " ")
      )
        continue;
      // ? ! ; . , or a line break end a clause ("What is X, and what is Y?"); only a comma-less run
      // ends a sentence, after which a capital letter says nothing about names.
      clause += 1;
      if (!/^,+$/.test(raw)) {
        sentenceStart = true;
        if (raw.includes("?"))
          for (let k = tokens.length - 1; k >= 0 && (tokens[k] as Token).sentence === sentence; k--)
            (tokens[k] as Token).questionMark = true;
        sentence += 1;
        sentenceAt = m.index;
      }
      continue;
    }
    const isNumber = startsWithDigit(raw);
    // A date such as 23.03.2023 is three numbers; a decimal such as 5,3 is one (written 5.3).
    const parts = isNumber
      ? raw.split(/[.,]/).length > 2
        ? raw.split(/[.,]/)
        : [raw.replace(",", ".")]
      : [raw.includes("'") ? (raw.split("'")[0] ?? raw) : raw];
    const suffix = !isNumber && raw.includes("'") ? raw.slice(raw.indexOf("'") + 1).toLowerCase() : "";
    for (const original of parts) {
      // No word of any language is this long: a run of letters this long is noise, and costly to look up.
      if (!original || original.length > MAX_WORD_LENGTH) continue;
      const { lower, key, script } = shapeOf(original, turkish);
      const initial = original.charAt(0);
      tokens.push({
        original,
        lower,
        key,
        script,
        isNumber,
        capitalisedMidSentence: !sentenceStart && !isNumber && initial !== initial.toLowerCase(),
        clause,
        sentence,
        questionMark: false,
        suffix,
      });
    }
    sentenceStart = false;
  }
  return tokens;
}

/** True when most words are capitalised (ALL CAPS or Title Case): capitals then say nothing about names. */
export function mostlyCapitalised(tokens: Token[]): boolean {
  const words = tokens.filter((t) => !t.isNumber);
  if (words.length < 2) return false;
  const caps = words.filter((t) => /^\p{Lu}/u.test(t.original)).length;
  return caps / words.length >= 0.6;
}
