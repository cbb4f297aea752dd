// Reads a question against the content's vocabulary, into the terms the answer index ranks by, the same
// way the content was read (see vocabulary-builder.ts):
//   names (aliases) → "@entity", cross-language concepts → "#concept", names the article lacks → "!id",
//   numbers → "n:2023", other words → Snowball stem in the question's language (stop words dropped).
// It detects the question's language (language.ts), corrects typos (spelling.ts), tells the question
// from a chatty preamble and what it sets aside from what it asks, and notes words the content does not
// know, capitalised names it has never seen and years the article never gives. A QuestionReader keeps
// nothing between questions; a RememberingReader keeps its last few readings, so the bot reads a message
// once for the decision, the follow-up check and the report.
import type { DetectedLang } from "./decision.ts";
import { changeOutsideQuotes, detectLanguage, detectQuestionLanguage, outsideQuotes } from "./language.ts";
import { wrongLayoutRussian } from "./layout.ts";
import { isMeta, phraseIndex, type Reader } from "./names.ts";
import {
  foldKey,
  lowerCase,
  mostlyCapitalised,
  scriptOf,
  type Token,
  tokenize,
  withoutMentions,
} from "./normalize.ts";
import type { PhraseMatch } from "./phrases.ts";
import { isQuestionStopword, type QueryToken, SpellingCorrector } from "./spelling.ts";
import { type AnalysisLang, stemWord } from "./stem.ts";
import {
  ABOUT_AFTER,
  ABOUT_BEFORE,
  isAskingWord,
  isExpressive,
  isFrameVerb,
  isOpeningAuxiliary,
  isStopword,
  isTurkicStopword,
  isViewNoun,
  TRANSPARENT,
  TURKIC_PLACE_CASE,
} from "./stopwords.ts";
import { kyrgyzLatinToCyrillic, kyrgyzVowelVariants, latinToCyrillic } from "./translit.ts";
import { deletions, editDistance } from "./typos.ts";
import type { Vocabulary } from "./vocabulary.ts";

export interface QueryTerm {
  term: string;
  /** What the user typed for it. */
  surface: string;
  /** No content word or name matched it, even allowing for typos. */
  unknown: boolean;
  clause: number;
  /** It comes from the message's preamble, not from a sentence that asks: context, weighed less. */
  context?: boolean;
  /** An unknown word of a chatty message's question: more likely chatter than a claim, weighed less. */
  chatter?: boolean;
  /** An unknown English word where grammar puts a verb ("does Moscow use…", "want to grow"): weighed less. */
  verb?: boolean;
  /**
   * The preamble's, brought into the question by a word pointing back to it ("…the protests. Was it
   * domestic?"): the question's term, but its sentence is still a story, never a question of its own.
   */
  recalled?: boolean;
}

export interface Analysis {
  detected: DetectedLang;
  /** The language the words were analysed in. */
  lang: AnalysisLang;
  /** Content terms in order of appearance, one entry per distinct term. */
  terms: QueryTerm[];
  /** Every word (folded, typos corrected), stop words included: small talk is mostly stop words. */
  words: string[];
  /** The words of the sentences that ask (the preamble's left out): what a question asks for is read here. */
  askingWords: string[];
  /**
   * The same words as typed, where a correction changed them: a real word the content does not use
   * ("company", corrected to "compare") may still ask for a detail. Undefined when nothing was corrected.
   */
  askingTyped?: string[];
  outOfScope: { id: string; surface: string }[];
  /** Capitalised words in mid-sentence that are neither content words nor known names. */
  unknownNames: string[];
  /** Years (4 digits) the article never gives. */
  unknownYears: string[];
  /** What the question sets aside ("besides the organisations", "кроме организаций", "örgütler dışında"). */
  excluded: QueryTerm[];
  /** Framed by the article or its author ("according to the article", "did the author…"). */
  framed: boolean;
  /** Puts something in quotation marks (a title, the article's words). */
  quoting: boolean;
  /** A question word typed again in a later clause ("…кайсы жылы? … бирок качан?"), where it was typed. */
  askedAgain?: { term: string; clause: number }[];
}

const YEAR = /^(1[5-9]\d\d|20\d\d)$/;
/** Words for the bot, and greetings that may come before them when it is addressed. */
const BOT_WORDS: ReadonlySet<string> = new Set(["bot", "бот", "botum", "ботум", "ботик", "botik", "boti"]);
const GREETINGS: ReadonlySet<string> = new Set(
  "hey hi hello dear yo ok okay привет здравствуй здравствуйте салам слушай эй ну selam merhaba slm hocam саламатсызбы privet salam".split(
    " ",
  ),
);

/**
 * Is token i the bot addressed ("bot, who wrote it?", "hey bot, …", "who wrote it, bot?"): a word for the
 * bot at a sentence's start (after greetings only) followed by a comma or after a greeting ("…we argued.
 * Bot, what does the article say?"), or at the message's end after a comma. "What can this bot do?" and
 * "bot ne işe yarar" ask about it.
 */
function addressesBot(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!BOT_WORDS.has(t.key)) return false;
  const before = tokens.slice(0, i).filter((b) => b.sentence === t.sentence);
  const next = tokens[i + 1];
  if (before.every((b) => GREETINGS.has(b.key)) && next !== undefined)
    return before.length > 0 || next.clause !== t.clause;
  return next === undefined && i > 0 && (tokens[i - 1] as Token).clause !== t.clause;
}

/** Words asking "is that right?" alone in a sentence ("…в июне. Правильно?", "Doğru mu?"), folded. */
const RIGHT_TAGS: ReadonlySet<string> = new Set(
  "right correct true правильно верно правда так туура туурабы tuura tuurabi dogru dogrumu"
    .split(" ")
    .map(foldKey),
);
/** The question particles that may follow such a word ("doğru mu", "туура бы"). */
const TAG_PARTICLES: ReadonlySet<string> = new Set("mu mi mı mü бы би бу бү ли".split(" ").map(foldKey));

/**
 * Is token i a sentence of its own after the question, asking only whether what came before is right
 * ("Жапаров поедет в Пекин в июне. Правильно?")? It checks the claim before it and names nothing.
 */
function rightTag(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (t.sentence === 0 || (!RIGHT_TAGS.has(t.key) && !TAG_PARTICLES.has(t.key))) return false;
  const own = tokens.filter((o) => o.sentence === t.sentence);
  return (
    own.length <= 2 &&
    RIGHT_TAGS.has(own[0]?.key ?? "") &&
    own.slice(1).every((o) => TAG_PARTICLES.has(o.key))
  );
}

/** Turkish question particles of the second person after a verb ("yazar mısın", can you write), folded. */
const TURKISH_PARTICLES: ReadonlySet<string> = new Set(
  "misin mısın musun müsün misiniz mısınız musunuz müsünüz".split(" ").map(foldKey),
);

/**
 * Is token i the Turkish verb "yazar" (writes) asked of the bot ("sözleri yazar mısın?", can you write the
 * words?), not the noun "yazar" (author)? A question particle after it says so.
 */
function asksToWrite(tokens: readonly Token[], i: number): boolean {
  return tokens[i]?.key === "yazar" && TURKISH_PARTICLES.has(tokens[i + 1]?.key ?? "");
}

/** Kyrgyz verbs of telling in their -п form, folded: with "бер" after them they ask the bot to tell. */
const TELLING_FOR: ReadonlySet<string> = new Set(
  "айтып түшүндүрүп жазып көрсөтүп билдирип баяндап санап".split(" ").map(foldKey),
);

/**
 * Is token i the Kyrgyz "бер" (give) after a verb of telling ("айтып бер", tell me; "түшүндүрүп бериңиз",
 * explain to me)? There it asks a favour and gives nothing ("бөлүп берди", allocated, still gives).
 */
function benefactive(tokens: readonly Token[], i: number): boolean {
  const before = tokens[i - 1];
  return (
    /^бер/.test(tokens[i]?.key ?? "") &&
    before !== undefined &&
    before.clause === tokens[i]?.clause &&
    TELLING_FOR.has(before.key)
  );
}

/** "You think" in every language: "what do you think the author means by…" asks what the author means. */
const YOU = new Set(["you", "ты", "вы", "сен", "сиз"]);
const THINK = new Set(["think", "думаешь", "думаете", "считаешь", "считаете", "ойлойсуң", "ойлойсуз"]);

/** Is token i part of a "do you think" that wraps a question about the article? */
function asksBotsView(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  // Only a wrapper: "what do you think?" alone is small talk, and needs its words.
  if (tokens.length <= 4) return false;
  if (YOU.has(t.key)) return THINK.has(tokens[i + 1]?.key ?? "");
  return THINK.has(t.key) && YOU.has(tokens[i - 1]?.key ?? "");
}

/** Words for "year" (folded), which say nothing beside the number they name. */
const YEAR_WORDS: ReadonlySet<string> = new Set(
  "year years yr god goda godu году года годе годов yil yili yilinda yilindaki sene senesinde жыл жылы жылда жылдын жылкы jyl jyly jylda".split(
    " ",
  ),
);
const SOFT_SIGN = /([a-z])['’]([a-z])/gi;
const MAX_QUESTION_LENGTH = 4096;
const DISCUSS = "#discuss";

// Words that join two questions in one message ("who met Kulubaev and what did Du say"): a new clause.
const CONJUNCTIONS = new Set(["and", "also", "plus", "и", "а", "также", "ve", "ayrıca", "ayrica", "жана"]);

const QUESTION: Reader = "question";

export class QuestionReader {
  private readonly corrector: SpellingCorrector;

  /**
   * `chatWords`: one-word small talk ("thx", "спс", "tşk", "рахмат") the content does not know: beside a
   * question they are chatter, not a claim the answers lack ("thx, who wrote it").
   */
  constructor(
    private readonly vocabulary: Vocabulary,
    private readonly chatWords: ReadonlySet<string> = new Set(),
  ) {
    this.corrector = new SpellingCorrector(vocabulary);
  }

  /** Analyses a question. `fallback` is the analysis language when the text does not tell. */
  read(question: string, fallback: AnalysisLang = "en"): Analysis {
    const v = this.vocabulary;
    // Telegram's own limit; the engine bounds its work whoever calls it.
    // A mention goes first: read as Kyrgyz in Latin letters or a wrong keyboard layout, it would be
    // spelled in Cyrillic and read as words.
    let text = withoutMentions(question.slice(0, MAX_QUESTION_LENGTH));
    // Russian typed on the English keyboard layout is read as the Russian it was meant to be.
    text = wrongLayoutRussian(text, (w) => isStopword(w) || v.hasSpelling(w)) ?? text;
    let raw = tokenize(text, false);
    const content = {
      nameSpellings: v.names.nameSpellings,
      soleLanguage: v.soleLanguage,
      hasSpelling: (spelling: string) => v.hasSpelling(spelling),
    };
    // A quoted title or phrase is in the article's language, not the asker's: «Steps to Strengthen…» in
    // a Russian question. The words outside the quotes tell, when they tell anything.
    const unquoted = outsideQuotes(text);
    // The asker's own language (the fallback) settles a tie between Turkish and Latin-typed Kyrgyz.
    const tie = fallback === "ru" || fallback === "ky" ? "ky-latn" : "tr";
    const detectedOutside =
      unquoted === text ? "unknown" : detectQuestionLanguage(tokenize(unquoted, false), content, tie);
    const detectedWhole =
      detectedOutside !== "unknown" ? detectedOutside : detectQuestionLanguage(raw, content, tie);
    // A Russian greeting or story before a Kyrgyz question ("Привет, мы спорили о политике. Булактар кайсы
    // сайттардан алынган?"): the question is read as the Kyrgyz it is.
    const last = raw.filter((t) => t.sentence === raw[raw.length - 1]?.sentence);
    const whole =
      detectedWhole === "ru" &&
      last.length >= 2 &&
      last.length < raw.length &&
      detectQuestionLanguage(last, content, tie) === "ky"
        ? "ky"
        : detectedWhole;
    // Kyrgyz typed in Latin letters beside Cyrillic words (a follow-up asked again with the last answer's
    // names in Cyrillic): the Latin words are Kyrgyz still.
    // So are Russian words typed in Latin letters after a Cyrillic greeting or story ("Здравствуйте! Я из
    // Оша. kto avtor etoi stati?"): read as the Russian they stand for.
    const latin = raw.filter((t) => t.script === "latin");
    const latinLang =
      (whole === "ru" || whole === "ky") && latin.length >= 2
        ? detectQuestionLanguage(latin, content, "ky-latn")
        : undefined;
    const detected =
      latinLang === "ky-latn" ? "ky-latn" : whole === "ru" && latinLang === "ru-latn" ? "ru-latn" : whole;
    // Russian in Latin letters writes the soft sign as an apostrophe ("konsul'tatsii"): part of the word,
    // not the suffix an apostrophe marks in Turkish or English.
    if (detected === "ru-latn" && SOFT_SIGN.test(text)) {
      text = text.replace(SOFT_SIGN, "$1$2");
      raw = tokenize(text, false);
    }
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
    // The words a capital says something about: not a sentence's first, not the article's own names
    // ("Did Kulubaev meet Smith?" names Smith; "What Did Kulubaev Discuss" is title case).
    const capitalsMeanNothing = mostlyCapitalised(
      raw.filter((t, i) => i > 0 && raw[i - 1]?.sentence === t.sentence && !v.names.nameSpellings.has(t.key)),
    );
    const english = detected === "en";
    // Left out of the words that are matched, not of those that ask for a detail: emphasis ("какие именно
    // организации" asks for them one by one); the word for year beside a year ("2005 yılında", "the year
    // 2005"); the bot addressed ("bot, who wrote it?", "Selam bot, …"); "do you think" around a question.
    const yearWord = (i: number) =>
      YEAR_WORDS.has((raw[i] as Token).key) &&
      (raw[i - 1]?.isNumber === true || raw[i + 1]?.isNumber === true);
    const left = raw.map(
      (t, i) =>
        TRANSPARENT.has(t.key) ||
        // …typed in Latin letters too ("kakogo imenno chisla" is "какого именно числа").
        (ruLatn && t.script === "latin" && TRANSPARENT.has(latinToCyrillic(t.key))) ||
        yearWord(i) ||
        addressesBot(raw, i) ||
        asksBotsView(raw, i) ||
        asksToWrite(raw, i) ||
        rightTag(raw, i) ||
        (lang === "ky" && benefactive(raw, i)),
    );
    const withEmphasis = raw.map(
      (t, i): QueryToken => (left[i] ? t : this.corrector.correct(t, lang, ruLatn, english)),
    );
    const tokens = withEmphasis.filter((_, i) => !left[i]);

    const phraseAt = phraseIndex(tokens, v.names.findPhrases(tokens, lang, ruLatn, QUESTION));
    const terms: QueryTerm[] = [];
    const seen = new Set<string>();
    const outOfScope: Analysis["outOfScope"] = [];
    /** How each name of the article is written in the question, by its term. */
    const namesWritten = new Map<string, string[]>();
    /** Where each out-of-scope or unknown name stands (tokens start..end), by its term. */
    const outsideAt: { term: string; start: number; end: number; name?: string }[] = [];
    // Things the article never mentions, named in the preamble: a story's, unless the question asks
    // about the preamble ("…elections in Kazakhstan. What do you think?").
    const outsideBefore: { id: string; surface: string; term: string; clause: number }[] = [];
    const unknownNames: string[] = [];
    const unknownYears: string[] = [];
    const askedAgain: { term: string; clause: number }[] = [];

    // A run-on message's tokens with the sentences its turns to the asker start (see splitRunOn).
    const split = splitRunOn(tokens);
    const asSplit = sentenceMap(tokens, split);
    const preamble = preambleOf(split, lang === "en");
    const inPreamble = (t: Token) => preamble(asSplit(t));
    // A fragment after the question ("…what does it say about China? belt and road and all that") is no
    // story: a name in it says what the question is about.
    const lastAsking = Math.max(-1, ...split.filter((t) => !preamble(t)).map((t) => t.sentence));
    const trailing = (t: Token) => lastAsking >= 0 && asSplit(t).sentence > lastAsking;
    // In a chatty message (a preamble, then the question), the question's own unknown words are more
    // often chatter ("why does this author even bring it up?") than a claim the content lacks.
    const chatty = tokens.some((t) => inPreamble(t) && !trailing(t));
    // (Thanks alone, or with praise, stay what they are: small talk.)
    const asksSomething = /[?？]/.test(text) || tokens.some((t) => isAskingWord(t.key));
    const setAside = setAsideTokens(tokens, phraseAt, (t) => isQuestionStopword(t, lang, ruLatn), english);
    const excluded: QueryTerm[] = [];
    const excludedSeen = new Set<string>();
    let framed = false;
    // "I live in Bishkek and…", "Bişkek'te yaşıyorum ve…": a place in the clause where the asker says
    // where they live is theirs, context, not what they ask about.
    const clauses = tokenClauses(tokens, phraseAt);
    const living = livingClauses(tokens, clauses);
    const framing = framingSources(tokens, phraseAt);
    for (const i of reportedAsking(tokens)) framing.add(i);
    for (const i of articleDescription(tokens, phraseAt)) framing.add(i);
    for (const i of conditionWords(tokens)) framing.add(i);
    // Words that ask nothing here: Russian "как" presenting something as something (givenAsWords), Kyrgyz
    // "эч ким", "эч качан", "эч нерсе" (nobody, never, nothing).
    const asksNothing = lang === "ru" && !ruLatn ? givenAsWords(tokens) : new Set<number>();
    if (lang === "ky")
      for (let i = 1; i < tokens.length; i++) if (tokens[i - 1]?.key === "эч") asksNothing.add(i);
    for (const i of verdictWords(tokens)) asksNothing.add(i);
    for (let i = 0; i < tokens.length; i++) {
      const t = tokens[i] as QueryToken;
      const clause = clauses[i] as number;
      const phrase = phraseAt.get(i);
      if (asksNothing.has(i)) continue;
      // The preamble's known words are context; its unknown words, names and years claim nothing.
      const context =
        (inPreamble(t) && !(trailing(t) && phrase?.target.kind === "entity")) ||
        framing.has(i) ||
        (living.has(clause) && phrase !== undefined && phrase.target.kind !== "concept");
      const own = context ? { clause, context } : { clause };
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
        if (isMeta(phrase.target)) framed = true;
        if (phrase.target.kind === "out-of-scope") {
          if (context) {
            outsideBefore.push({ id: phrase.target.id, surface, term: phrase.target.term, clause });
            continue;
          }
          outOfScope.push({ id: phrase.target.id, surface });
          outsideAt.push({ term: phrase.target.term, start: phrase.start, end: phrase.end });
        }
        // A narrower idea no answer words ("накатал" for wrote) stands for its broader ones alone: its own
        // term would weigh as a word the content never uses.
        const narrowerOnly = (phrase.target.broader?.length ?? 0) > 0 && !v.known.has(phrase.target.term);
        for (const term of v.names.phraseTerms(phrase, tokens, lang, ruLatn, QUESTION)) {
          if (narrowerOnly && term === phrase.target.term) continue;
          if (!context && !aside && term.startsWith("#q-") && seen.has(term))
            askedAgain.push({ term, clause });
          pushTerm(into, intoSeen, { term, surface, unknown: false, ...own });
        }
        if (phrase.target.kind === "entity" && !context) {
          const written = foldKey(lowerCase(surface, lang === "tr"));
          const before = namesWritten.get(phrase.target.term);
          if (before) before.push(written);
          else namesWritten.set(phrase.target.term, [written]);
        }
        continue;
      }
      if (t.isNumber) {
        const term = roundedFigure(`n:${t.lower}`, v.known, v.numbers);
        const known = v.known.has(term);
        if (context && !known) continue;
        if (YEAR.test(t.lower) && !v.numbers.has(t.lower)) {
          unknownYears.push(t.original);
          outsideAt.push({ term, start: i, end: i + 1, name: t.original });
        }
        pushTerm(into, intoSeen, { term, surface: t.original, unknown: !known, ...own });
        continue;
      }
      // "the first footnote" is footnote 1, as "footnote 1" is.
      const nth = footnoteOrdinal(tokens, i);
      if (nth !== undefined) {
        const term = `n:${nth}`;
        pushTerm(into, intoSeen, { term, surface: t.original, unknown: !v.known.has(term), ...own });
        continue;
      }
      if (t.script === "other" || isQuestionStopword(t, lang, ruLatn)) continue;
      if (living.has(clause) && LIVE.has(typedKey(t))) continue;
      // "this topic", "is that true" name no topic of their own: they point back (see pointsBack below).
      if (pointsBackWord(tokens, i)) continue;
      const term = this.resolveWord(t, lang, ruLatn, english);
      if (asksSomething && this.chatWords.has(t.key) && (term === undefined || !v.known.has(term))) continue;
      if (term) {
        pushTerm(into, intoSeen, { term, surface: t.original, unknown: false, ...own });
        continue;
      }
      // A suffixed name: "Жапаровдун", "Caparovun".
      const name = v.names.trie.prefixName(t.key, 5, 5);
      if (name) {
        if (name.kind === "out-of-scope") {
          if (context) {
            outsideBefore.push({ id: name.id, surface: t.original, term: name.term, clause });
            continue;
          }
          outOfScope.push({ id: name.id, surface: t.original });
          outsideAt.push({ term: name.term, start: i, end: i + 1 });
        }
        pushTerm(into, intoSeen, { term: name.term, surface: t.original, unknown: false, ...own });
        continue;
      }
      // A lone letter nobody's content uses is shorthand ("w" for with, "n" for and), not a claim.
      if (context || [...t.key].length === 1 || isExpressive(t.key)) continue;
      // Where the asker lives is theirs to name ("я живу в Оше"): no claim the content lacks.
      if (living.has(clause) && t.capitalisedMidSentence) continue;
      const unknownTerm = v.primaryTerm(t, lang, ruLatn);
      if (t.capitalisedMidSentence && !t.corrected && !capitalsMeanNothing && t.key.length >= 2) {
        unknownNames.push(t.original);
        outsideAt.push({ term: unknownTerm, start: i, end: i + 1, name: t.original });
      }
      pushTerm(into, intoSeen, {
        term: unknownTerm,
        surface: t.original,
        unknown: true,
        clause,
        ...(chatty ? { chatter: true } : {}),
        ...(english && !t.capitalisedMidSentence && inVerbPosition(tokens, i) ? { verb: true } : {}),
      });
    }
    // "Did Kulubaev meet Syromolotov or Lavrov?": a name the article lacks, offered as the other choice
    // to one it has, claims nothing; the answer says which it was.
    // …and so does a year it lacks beside one it has ("2005 je 2010 jyly bolgonbu?").
    for (const at of outsideAt) {
      const clause = tokens[at.start]?.clause;
      const year = at.term.startsWith("n:");
      const named = terms.some(
        (t) =>
          !t.context &&
          t.clause === clause &&
          t.term !== at.term &&
          (year ? t.term.startsWith("n:") && !t.unknown : t.term.startsWith("@")),
      );
      // …the other choice being one it has: "schools or hospitals" are two things it lacks.
      const choiceOf = (index: number | undefined) => {
        const other = tokens[index ?? -1];
        return other === undefined || outsideAt.some((o) => tokens[o.start] === other)
          ? undefined
          : terms.find((t) => !t.unknown && t.surface.split(/\s+/).includes(other.original));
      };
      const choice = choiceOf(choiceAcross(tokens, at.start, at.end));
      // …or of one idea it has: "a loan or a grant?" is answered by the grant, as is "кредит дала или
      // грант?" with its verb between.
      const idea = (t: QueryTerm | undefined) => !year && t !== undefined && t.term.startsWith("#");
      const ok =
        (choice !== undefined && (named || idea(choice))) ||
        idea(choiceOf(choiceAcross(tokens, at.start, at.end, 1)));
      if (!ok) continue;
      const k = terms.findIndex((t) => t.term === at.term && !t.context);
      if (k >= 0) terms.splice(k, 1);
      const o = outOfScope.findIndex((x) => `!${x.id}` === at.term);
      if (o >= 0) outOfScope.splice(o, 1);
      for (const list of [unknownNames, unknownYears]) {
        const u = at.name === undefined ? -1 : list.indexOf(at.name);
        if (u >= 0) list.splice(u, 1);
      }
    }
    // One name written two ways ("Syeomolotov degen kim, Syromolotov emespi?", "Dzharov or Zhaparov?")
    // asks about its spelling.
    if (v.known.has(SPELLING) && !seen.has(SPELLING) && someRespelt(namesWritten)) {
      const clause = Math.max(0, ...terms.filter((t) => !t.context).map((t) => t.clause));
      pushTerm(terms, seen, { term: SPELLING, surface: "", unknown: false, clause });
    }
    // English strands the preposition: "what were the consultations about?" asks what was discussed,
    // though "about" alone is a stop word.
    if (english && v.known.has(DISCUSS) && !seen.has(DISCUSS)) {
      const last = tokens.findIndex(
        (t, i) => t.key === "about" && !inPreamble(t) && (tokens[i + 1]?.clause ?? -1) !== t.clause,
      );
      const t = tokens[last];
      if (t) pushTerm(terms, seen, { term: DISCUSS, surface: t.original, unknown: false, clause: t.clause });
    }
    // Telling someone is saying ("what did Kulubaev tell Syromolotov?"), though "tell" alone is a stop
    // word ("tell me about…").
    if (english && v.known.has(SAY) && !seen.has(SAY)) {
      const told = tokens.findIndex(
        (t, i) =>
          TELLING.has(t.key) &&
          !inPreamble(t) &&
          (TOLD_PERSON.has(tokens[i + 1]?.key ?? "") || phraseAt.get(i + 1)?.target.kind === "entity"),
      );
      const t = tokens[told];
      if (t) pushTerm(terms, seen, { term: SAY, surface: t.original, unknown: false, clause: t.clause });
    }
    // Verbs of telling may be stop words ("makale ne söylüyor"): the message's own words tell.
    // …or a noun for a view held of something ("the author's opinion on the West" is what he thinks of it).
    const aboutSomething = tokens.some(
      (t) => !inPreamble(t) && (ABOUT_BEFORE.has(t.key) || ABOUT_AFTER.has(t.key)),
    );
    const viewOf = aboutSomething && tokens.some((t) => !inPreamble(t) && isOpinionNoun(t.lower));
    const telling = viewOf || tokens.some((t) => !inPreamble(t) && isFrameVerb(t.lower));
    if (unframe(terms, telling, framed, viewOf)) framed = true;
    // "yazar makalede Asein Isaev'den bahsediyor, o kim?": "who is he" after a name asks about the one
    // named; the author only tells of him.
    const who = terms.find((t) => !t.context && t.term === "#q-who");
    if (
      who &&
      terms.some((t) => !t.context && t.term.startsWith("@") && t.clause < who.clause) &&
      tokens.some((t, i) => SUBJECT_PRONOUNS.has(t.key) && clauses[i] === who.clause)
    )
      for (const [i, t] of terms.entries())
        if (t.term === "#author" && !t.context && t.clause < who.clause) terms[i] = { ...t, context: true };
    // A question that names nothing of its own ("how much, and for what?", "what does it say about
    // that?") asks about its preamble: the preamble's known words are then the question's.
    // A verb of telling names nothing ("what does the article actually argue?").
    // "Who wrote it?" asks for the author, though "wrote" tells too.
    const asksWho = terms.some((t) => !t.context && t.term === "#q-who");
    const ownWords = terms.filter(
      (t) =>
        !t.context &&
        !t.term.startsWith("#q-") &&
        !t.unknown &&
        (!isFrameVerb(lowerCase(t.surface, false)) || (asksWho && t.term === "#author")),
    ).length;
    // A question pointing back with a pronoun and naming at most one thing of its own ("I always thought
    // the Tulip Revolution was domestic. Does the article see it differently?") asks about the preamble's
    // names and ideas too: they count as the question's; the preamble's other words stay out.
    // A word for a label ("that label", "bu sıfatı") points back to what the preamble named, not its ideas.
    const pointsToLabel = tokens.some((t, i) => !inPreamble(t) && namesPreamble(tokens, i));
    // "Кто автор и откуда он?": a personal pronoun after the question's own person (a name, the author)
    // stands for that person, not for the preamble.
    // So does any pronoun in a clause after one that names something of the article's ("does the article
    // mention the Tulip Revolution, and how does it frame it?").
    const ownReferent = (i: number) =>
      (SUBJECT_PRONOUNS.has(tokens[i]?.key ?? "") &&
        terms.some(
          (t) =>
            !t.context && (t.term === "#author" || t.term.startsWith("@")) && t.clause <= (clauses[i] ?? 0),
        )) ||
      terms.some((t) => !t.context && t.term.startsWith("@") && t.clause < (clauses[i] ?? 0)) ||
      // "Who wrote it?": what is written is the article.
      (terms.some((t) => !t.context && t.term === "#author" && t.clause === clauses[i]) &&
        terms.some((t) => !t.context && t.term === "#q-who" && t.clause === clauses[i]));
    const pointsBack =
      pointsToLabel ||
      tokens.some(
        (t, i) =>
          !inPreamble(t) &&
          (((REFERRING.has(t.key) || endsOnDemonstrative(tokens, i)) && !ownReferent(i)) ||
            pointsBackWord(tokens, i)),
      );
    const topic = pointsToLabel ? /^@/ : /^[@#]/;
    // …and so does one whose own words name no person, place or idea of the article ("does the article at
    // least explain why it gets that label?": "get" and "least" say nothing about what).
    // (Nor does calling it something: "why do they call it that?" asks about what the preamble named.)
    const ownTopics = terms.filter(
      (t) =>
        !t.context &&
        /^[@#]/.test(t.term) &&
        !t.term.startsWith("#q-") &&
        !ABOUT_THE_ARTICLE.has(t.term) &&
        t.term !== NAMING,
    );
    const preambleTopics = terms.some((t) => t.context && topic.test(t.term) && !t.term.startsWith("#q-"));
    // …unless it names two or more things of its own the content lacks ("My friends say snow tomorrow.
    // Will it snow this weekend?"): then it asks about those, and the story stays a story.
    const ownUnknown = terms.filter((t) => !t.context && t.unknown).length;
    const asksOwn = ownUnknown >= OWN_UNKNOWN_CLAIM && ownWords === 0;
    if (asksOwn)
      for (const [i, t] of terms.entries())
        if (t.unknown && !t.context) terms[i] = { ...t, chatter: undefined };
    if (!asksOwn && pointsBack && (ownWords === 1 || ownTopics.length === 0) && preambleTopics) {
      for (let i = terms.length - 1; i >= 0; i--) {
        const t = terms[i] as QueryTerm;
        if (!t.context) continue;
        // (Not the article, when the question asks what it says about something: "…this article for our
        // seminar. What does it say about China?")
        if (
          topic.test(t.term) &&
          !t.term.startsWith("#q-") &&
          !(t.term === "#article" && aboutSomething) &&
          !ownedBySpeaker(tokens, t.surface)
        )
          terms[i] = { ...t, context: false, recalled: true };
        else terms.splice(i, 1);
      }
    } else if (
      !asksOwn &&
      tokens.some(
        (t, i) => !inPreamble(t) && REFERRING.has(t.key) && !SUBJECT_PRONOUNS.has(t.key) && !ownReferent(i),
      ) &&
      !ownTopics.some((t) => t.term.startsWith("@"))
    ) {
      // With ideas of its own, a pronoun still stands for the one name the preamble gave ("I remember the
      // Tulip Revolution… why does the author give it as an example?"): that name is the question's too.
      const named = [...new Set(terms.filter((t) => t.context && t.term.startsWith("@")).map((t) => t.term))];
      // (Not when the preamble names the article too: "…sent me this article. what does it mean by
      // multi-vector?" asks what the article means.)
      const articleNamed = terms.some((t) => t.context && t.term === "#article");
      if (named.length === 1 && !articleNamed)
        for (const [i, t] of terms.entries())
          if (t.context && t.term === named[0]) terms[i] = { ...t, context: false };
    }
    // One question about it, not a question per sentence of it.
    if (!asksOwn && ownWords === 0 && ownUnknown === 0 && terms.some((t) => t.context)) {
      // (Beside a name the article has, the story's other places are the story's: "…from Almaty to
      // Bishkek… what's the tl;dr?")
      const namesKnown = terms.some((t) => t.term.startsWith("@"));
      for (const [i, t] of terms.entries()) terms[i] = { ...t, context: false, clause: 0 };
      for (const o of namesKnown ? [] : outsideBefore) {
        outOfScope.push({ id: o.id, surface: o.surface });
        pushTerm(terms, seen, { term: o.term, surface: o.surface, unknown: false, clause: 0 });
      }
      // …its names and the article's ideas, that is: a story's other words are the story's.
      if (terms.some((t) => /^[@#]/.test(t.term) && !t.term.startsWith("#q-")))
        for (let i = terms.length - 1; i >= 0; i--)
          if (!/^([@#]|n:)/.test((terms[i] as QueryTerm).term)) terms.splice(i, 1);
    }
    // "Why does the author count Japan as Western when it's in Asia?": an English "when" or "where" after
    // another question word of its clause joins a clause of its own; it asks for no date or place.
    if (lang === "en") dropJoiningQuestionWords(terms);
    // English strands the preposition of purpose: "what is the Batken grant for?" asks what it is for.
    const purpose = strandedFor(tokens, lang);
    if (purpose && v.known.has(USE_FOR) && !terms.some((t) => t.term === USE_FOR))
      terms.push({ term: USE_FOR, surface: purpose.original, unknown: false, clause: purpose.clause });
    // After the preamble had its say ("…railway. does the article mention it?" asks about the railway).
    // "…say about it?" asks about something; "what does the article say?" about the whole.
    const tellingVerb = tokens.find((t) => !inPreamble(t) && isFrameVerb(t.lower));
    if (v.known.has(WHOLE_ARTICLE) && !aboutSomething) asWholeArticle(terms, framed, tellingVerb);
    const inSplitPostscript = postscriptOf(split, preamble);
    const postscript = (t: Token) => inSplitPostscript(asSplit(t));
    const asking = withEmphasis.filter((t) => !inPreamble(t) || postscript(t));
    // Russian typed in Latin letters asks for details in Russian words ("kakogo chisla" is "какого числа").
    const asked = (word: string, script: Token["script"]) =>
      ruLatn && script === "latin" ? latinToCyrillic(word) : word;
    return {
      detected,
      lang,
      terms,
      words: tokens.map((t) => t.key),
      askingWords: asking.map((t) => asked(t.key, t.script)),
      ...(asking.some((t) => t.corrected)
        ? {
            askingTyped: asking.map((t) =>
              t.corrected
                ? asked(foldKey(lowerCase(t.original, lang === "tr")), t.script)
                : asked(t.key, t.script),
            ),
          }
        : {}),
      outOfScope,
      unknownNames,
      unknownYears,
      excluded,
      framed,
      quoting: unquoted !== text,
      ...(askedAgain.length > 0 ? { askedAgain } : {}),
    };
  }

  /** Latin-typed Kyrgyz in Cyrillic, with ө and ү where the content (or a function word) is spelt so. */
  private kyrgyzInCyrillic(text: string): string {
    // What the message quotes is the article's English ("'Near Periphery Doctrine' degen emne"): as typed,
    // but for a word only its Kyrgyz reading knows ("'Demokratiya araly' dep…" quotes the Kyrgyz label).
    const v = this.vocabulary;
    return changeOutsideQuotes(
      text,
      (part) => this.kyrgyzWordsInCyrillic(part),
      (quoted) => {
        const words = quoted.match(/\p{Script=Latin}+/gu) ?? [];
        const kyrgyz = words.some((word) => {
          const cyr = this.kyrgyzWordsInCyrillic(word);
          return !v.hasSpelling(foldKey(word.toLowerCase())) && v.hasSpelling(foldKey(cyr.toLowerCase()));
        });
        return kyrgyz ? this.kyrgyzWordsInCyrillic(quoted) : quoted;
      },
    );
  }

  private kyrgyzWordsInCyrillic(text: string): string {
    return text.replace(/\p{Script=Latin}+/gu, (word) => {
      const lower = word.toLowerCase();
      // A name typed in its Latin spelling, perhaps with a Kyrgyz ending ("Beijingge", "Japoniyanyn"),
      // is the name: transliterated, "Beijing" would be a word no one knows.
      const name = latinNameStem(foldKey(lower), this.vocabulary.names.nameSpellings);
      if (name !== undefined) return word.slice(0, name);
      const variants = kyrgyzVowelVariants(kyrgyzLatinToCyrillic(lower));
      // A spelling the content or the stop words have exactly ("үчүн" of "эмне үчүн") before one that is
      // a stop word only as typed without ө ү ("учун").
      const known =
        variants.find(
          (v) =>
            isStopword(v) ||
            this.vocabulary.spellings.cyrillic.has(v) ||
            this.vocabulary.names.phraseWords.has(v) ||
            this.vocabulary.lazySpellings.has(v),
        ) ?? variants.find(isTurkicStopword);
      const cyr = known ?? variants[0] ?? lower;
      return word[0] !== lower[0] ? cyr.charAt(0).toUpperCase() + cyr.slice(1) : cyr;
    });
  }

  /** The content term a question word stands for: its stem in a likely language, or its spelling's term. */
  private resolveWord(t: Token, lang: AnalysisLang, ruLatn: boolean, english: boolean): string | undefined {
    const v = this.vocabulary;
    const reading = v.knownReading(t, lang, ruLatn, english);
    if (reading !== undefined) return reading;
    const translit = ruLatn && t.script === "latin" ? latinToCyrillic(t.key) : undefined;
    const spelt =
      (translit ? v.spellings.cyrillic.get(translit) : undefined) ??
      v.spellings.cyrillic.get(t.key) ??
      v.spellings.latin.get(t.key);
    if (spelt !== undefined) return spelt;
    const lazy = v.lazySpellings.get(translit ?? t.key);
    if (lazy !== undefined)
      return translit && lazy === "ru"
        ? v.names.translitStem(translit)
        : stemWord(translit ?? (t.script === "latin" ? t.key : t.lower), lazy);
    if (lang === "tr" || lang === "ky") return undefined;
    return v.relative(v.primaryTerm(t, lang, ruLatn));
  }
}

/** The idea of what something is for (content/lexicon.yaml). */
const USE_FOR = "#use-for";

/** "What for example…" asks no purpose. */
const FOR_EXAMPLE: ReadonlySet<string> = new Set(["example", "instance"]);

/**
 * "What is it for?", "what's the money for": an English sentence asking "what" that ends on "for". The
 * token "for", or undefined.
 */
function strandedFor(tokens: readonly Token[], lang: AnalysisLang): Token | undefined {
  if (lang !== "en") return undefined;
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    const next = tokens[i + 1];
    const endsSentence = next === undefined || next.sentence !== t.sentence;
    // (Not after a participle: "what is Aki Press cited for", "known for", ask what for in another sense.)
    const prev = tokens[i - 1]?.key ?? "";
    // ("What for" together asks it wherever it stands: "what for, the grant?", but not "what for example".)
    if (t.key !== "for") continue;
    if (prev === "what" && next?.sentence === t.sentence && !FOR_EXAMPLE.has(next.key)) return t;
    if (!endsSentence || prev.endsWith("ed") || prev === "known") continue;
    const before = tokens.slice(0, i).filter((b) => b.sentence === t.sentence);
    if (before.some((b) => b.key === "what" || b.key === "whats")) return t;
  }
  return undefined;
}

/** Kyrgyz case and possessive endings as typed in Latin letters, longest first. */
const KY_LATIN_ENDINGS: readonly string[] =
  "dan den tan ten don dön nan nen nyn nin dyn din tyn tin nun dun tun ga ge ka ke go ko da de ta te ny ni dy di ty ti na ne a e y i".split(
    " ",
  );

/**
 * How many letters of a Latin word are a name's spelling (`spellings`: the content's name words, folded):
 * the whole word, or the word without one Kyrgyz ending. Undefined when it is no name.
 */
function latinNameStem(folded: string, spellings: ReadonlySet<string>): number | undefined {
  if (folded.length < 4) return undefined;
  if (spellings.has(folded)) return folded.length;
  for (const end of KY_LATIN_ENDINGS) {
    const stem = folded.slice(0, -end.length);
    if (folded.endsWith(end) && stem.length >= 4 && spellings.has(stem)) return stem.length;
  }
  return undefined;
}

/** What the article itself has: asked with "the article", it is no frame. */
const ARTICLE_ATTRIBUTES: ReadonlySet<string> = new Set(["#language", "#title"]);

/**
 * A noun for a view held, as a frame ("the author's opinion on the West"); not "thesis"/"tez", which of an
 * author is as often his doctoral thesis.
 */
function isOpinionNoun(lowerWord: string): boolean {
  return isViewNoun(lowerWord) && !/^(thes|tez)/.test(lowerWord);
}

/** The article and its author, as the subject of a question's frame. */
const FRAME_SUBJECTS: ReadonlySet<string> = new Set(["#article", "#author"]);

/**
 * "What does the piece say about the Belt and Road?": the article or its author telling is how the
 * question is framed, not what it asks, when the question asks about something else too. Drops the
 * frame's terms (in place); true when it did.
 */
function unframe(terms: QueryTerm[], telling: boolean, framed: boolean, viewOf = false): boolean {
  const own = terms.filter((t) => !t.context);
  // The subject may have gone with a framing phrase ("does the article think…"): its verb is left.
  const subject = framed || own.some((t) => FRAME_SUBJECTS.has(t.term));
  // "Who wrote the article?" asks for its author.
  if (!subject || !telling || own.some((t) => t.term === "#q-who")) return false;
  const verbs = own.filter((t) => {
    const word = lowerCase(t.surface, false);
    return !FRAME_SUBJECTS.has(t.term) && (isFrameVerb(word) || (viewOf && isOpinionNoun(word)));
  });
  const frame = (t: QueryTerm) => !t.context && (FRAME_SUBJECTS.has(t.term) || verbs.includes(t));
  const rest = own.filter((t) => !frame(t) && !t.unknown && !t.term.startsWith("#q-"));
  // The article's own language or title is asked of it ("what language is the article written in?").
  const ofTheArticle = own.some((t) => t.term === "#article") && !own.some((t) => t.term === "#author");
  if (rest.length === 0 || (ofTheArticle && rest.every((t) => ARTICLE_ATTRIBUTES.has(t.term)))) return false;
  for (let i = terms.length - 1; i >= 0; i--) if (frame(terms[i] as QueryTerm)) terms.splice(i, 1);
  return true;
}

/**
 * "5 миллионов", "5 million": a whole number the content lacks that is the whole part of one figure
 * it has ("5.3") is that figure, rounded. Otherwise the number as typed.
 */
function roundedFigure(term: string, known: ReadonlySet<string>, printed: ReadonlySet<string>): string {
  if (known.has(term) || term.includes(".")) return term;
  const whole = term.slice(2);
  const figures = [...printed].filter((n) => n.startsWith(`${whole}.`) && known.has(`n:${n}`));
  return figures.length === 1 ? `n:${figures[0]}` : term;
}

/** The idea of how a name is spelt. */
const SPELLING = "#spelling";
/** Shortest spelling of a name compared with another ("China" and "Chinese" are two words, not two spellings). */
const MIN_RESPELT = 6;

/**
 * Two spellings of one name among how a question writes it: one word each, in one script, long enough,
 * a few letters apart, and apart before their endings ("Сыромолотов", "Сыромолотовым"; "России",
 * "Россия" are one spelling; "Near Periphery Doctrine", "Primakov Doctrine" two names).
 */
function respelt(written: readonly string[]): boolean {
  const spelling = (a: string, b: string) => {
    if (a.length < MIN_RESPELT || b.length < MIN_RESPELT || /\s/.test(a) || /\s/.test(b)) return false;
    if (scriptOf(a) !== scriptOf(b)) return false;
    let same = 0;
    while (same < a.length && a[same] === b[same]) same++;
    return (
      same < Math.min(a.length, b.length) - ENDING && editDistance(a, b, MAX_RESPELLING) <= MAX_RESPELLING
    );
  };
  return written.some((a, i) => written.some((b, j) => j > i && spelling(a, b)));
}

/** Does any name of the question stand in it spelt two ways? (No array made per message.) */
function someRespelt(namesWritten: ReadonlyMap<string, readonly string[]>): boolean {
  for (const written of namesWritten.values()) if (respelt(written)) return true;
  return false;
}

/** Letters an ending may change ("России", "Россия"), and edits between two spellings of a name. */
const ENDING = 3;
const MAX_RESPELLING = 3;

/** Someone's words: what was said. */
const SAY = "#say";
/** English verbs of telling someone, and whom ("tell him"; "tell me" asks the bot). */
const TELLING: ReadonlySet<string> = new Set(["tell", "tells", "told", "telling"]);
const TOLD_PERSON: ReadonlySet<string> = new Set(["him", "her", "them"]);

/** Words offering a choice ("or", "или", "yoksa", "же"), and the small words between it and a name. */
const OR_WORDS: ReadonlySet<string> = new Set("or или либо ili veya yoksa ya же".split(" "));
const CHOICE_GAP: ReadonlySet<string> = new Set(
  "with to the a an in on through by via с со в во через путем ile mi mı mu mü da de менен аркылуу".split(
    " ",
  ),
);

/** Is the name at tokens start..end one side of "A or B"? `slack` more words may stand before the "or". */
function choiceAcross(tokens: readonly Token[], start: number, end: number, slack = 0): number | undefined {
  let before = start - 1;
  while (before >= 0 && before > start - 3 && CHOICE_GAP.has(tokens[before]?.key ?? "")) before--;
  before -= slack;
  if (OR_WORDS.has(tokens[before]?.key ?? "")) return across(tokens, before, -1);
  let after = end;
  while (after < tokens.length && after < end + 2 && CHOICE_GAP.has(tokens[after]?.key ?? "")) after++;
  after += slack;
  return OR_WORDS.has(tokens[after]?.key ?? "") ? across(tokens, after, 1) : undefined;
}

/** The first word past an "or" (at `or`) in a direction, over the little words a choice puts between. */
function across(tokens: readonly Token[], or: number, step: 1 | -1): number | undefined {
  let i = or + step;
  while (i >= 0 && i < tokens.length && Math.abs(i - or) < 3 && CHOICE_GAP.has(tokens[i]?.key ?? ""))
    i += step;
  return i >= 0 && i < tokens.length ? i : undefined;
}

/** The idea of the article as a whole: its summary. */
const WHOLE_ARTICLE = "#summary";

/**
 * "What does the author argue?", "what does the article say?", "yazar ne düşünüyor?", "what's the
 * author's point": the article or its author telling or holding a view, and nothing else asked of it,
 * asks for the article's argument as a whole. Its frame becomes that one idea (in place).
 */
function asWholeArticle(terms: QueryTerm[], framed: boolean, verb: Token | undefined): void {
  const own = terms.filter((t) => !t.context);
  if (!framed && !own.some((t) => FRAME_SUBJECTS.has(t.term))) return;
  // A verb of telling may be a stop word ("what does the article say?"): then the message's own tells.
  let telling: { surface: string; clause: number } | undefined;
  for (const t of own) {
    if (t.term === "#q-what-is" || FRAME_SUBJECTS.has(t.term)) continue;
    const word = lowerCase(t.surface, false);
    if (!isFrameVerb(word) && !isViewNoun(word)) return;
    telling ??= t;
  }
  telling ??= verb && { surface: verb.original, clause: own[0]?.clause ?? 0 };
  if (!telling) return;
  for (let i = terms.length - 1; i >= 0; i--) if (!(terms[i] as QueryTerm).context) terms.splice(i, 1);
  terms.push({ term: WHOLE_ARTICLE, surface: telling.surface, unknown: false, clause: telling.clause });
}

/** How many recent analyses a RememberingReader keeps. */
const REMEMBERED = 8;

/**
 * A reader that keeps its last few analyses. One message is read for the decision, for the follow-up
 * check and for the report's group key; the same text gives the same analysis, so it is read once.
 * Nothing changes an analysis once made, so the callers may share it.
 */
export class RememberingReader extends QuestionReader {
  private readonly kept = new Map<string, { fallback: AnalysisLang; analysis: Analysis }>();

  override read(question: string, fallback: AnalysisLang = "en"): Analysis {
    const hit = this.kept.get(question);
    // The fallback language counts only for a text that does not tell its own.
    // …and for a tie between Turkish and Latin-typed Kyrgyz, which it settles.
    const settled = !["unknown", "tr", "ky-latn"].includes(hit?.analysis.detected ?? "unknown");
    if (hit && (hit.fallback === fallback || settled)) return hit.analysis;
    const analysis = super.read(question, fallback);
    if (this.kept.size >= REMEMBERED) {
      const oldest = this.kept.keys().next().value;
      if (oldest !== undefined) this.kept.delete(oldest);
    }
    this.kept.set(question, { fallback, analysis });
    return analysis;
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

/** A Russian adjective's endings, in Cyrillic and in Latin letters ("международных", "mezhdunarodnyh"). */
const RUSSIAN_ADJECTIVE =
  /\p{Script=Cyrillic}{3,}(ых|их|ого|его|ому|ему|ой|ым|им|ую|ая|ое|ые|ие|ый|ий)$|^[a-z]{3,}(yh|ykh|ih|ikh|ogo|ego|oj|oy|ym|uyu|aya|ye|yj|yy|iy)$/u;

/** English articles, which may stand between the parts of what "besides…" sets aside. */
const ARTICLES: ReadonlySet<string> = new Set(["the", "a", "an"]);

/** Most content words one "besides…" sets aside. */
const MAX_SET_ASIDE = 4;
/** Words that join the parts of what "besides…" sets aside. */
const ASIDE_JOINERS: ReadonlySet<string> = new Set(
  "and or of in with и или в во с со на i ili ve veya ile da de жана же менен".split(" "),
);

/** The tokens (a word, or a whole name or phrase) a question sets aside. */
function setAsideTokens(
  tokens: readonly Token[],
  phraseAt: ReadonlyMap<number, PhraseMatch>,
  isFunctionWord: (t: Token) => boolean,
  english: boolean,
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
      // The thing set aside may be several words joined by "and", "of", "in" ("кроме сотрудничества в
      // организациях", "besides Russia and China"), not the words after it.
      let taken = 0;
      let clause = t.clause;
      // A list of names runs on past its commas ("кроме ОДКБ, ШОС и СНГ").
      const name = (j: number) => phraseAt.get(j)?.target.kind === "entity";
      let lastName = false;
      for (let j = before; j < tokens.length; j++) {
        const listed = (tokens[j] as Token).clause !== clause;
        if (listed && !(taken > 0 && lastName && name(j))) break;
        clause = (tokens[j] as Token).clause;
        if (!content(j)) {
          if (taken === 0) continue;
          const joiner = tokens[j] as Token;
          // ("the CSTO and the SCO": an article may stand between the joiner and the next thing.)
          const article = ARTICLES.has(joiner.key) && ASIDE_JOINERS.has(tokens[j - 1]?.key ?? "");
          const after = content(j + 1) || (ARTICLES.has(tokens[j + 1]?.key ?? "") && content(j + 2));
          if (!(ASIDE_JOINERS.has(joiner.key) || article) || !after) break;
          continue;
        }
        // (In English a word of its own before the thing ("the international organizations") describes it.)
        const prior = phraseAt.get(j - 1);
        // (…and in Russian an adjective before its noun: "кроме международных организаций".)
        const described =
          (english || RUSSIAN_ADJECTIVE.test((tokens[j - 1] as Token).key)) &&
          taken === 1 &&
          content(j - 1) &&
          (!prior || prior.end - prior.start === 1);
        const joined = (k: number) => ASIDE_JOINERS.has(tokens[k]?.key ?? "");
        const afterJoiner = joined(j - 1) || (ARTICLES.has(tokens[j - 1]?.key ?? "") && joined(j - 2));
        if (taken > 0 && !listed && !described && !afterJoiner) break;
        take(j);
        lastName = name(j);
        const p = phraseAt.get(j);
        if (p) j = p.end - 1;
        if (++taken === MAX_SET_ASIDE) break;
      }
    } else if (ASIDE_AFTER.has(t.key)) {
      const name = (at: number) => phraseAt.get(at)?.target.kind === "entity";
      for (let j = i - 1; j >= 0 && (tokens[j] as Token).clause === t.clause; j--) {
        if (!content(j)) continue;
        take(j);
        const start = phraseAt.get(j)?.start ?? j;
        // (A name with a suffix the reader does not take off, "КМШдан", is the list's last all the same.)
        if (name(j) || (name(start - 1) && (tokens[start - 1] as Token).clause !== t.clause)) {
          // A list of names runs back past its commas and "ve" ("ОДКБ, ШКУ, КМШдан тышкары",
          // "Rusya ve Çin dışında").
          let k = start - 1;
          while (k >= 0 && (name(k) || (ASIDE_JOINERS.has((tokens[k] as Token).key) && name(k - 1)))) {
            if (name(k)) {
              take(k);
              k = (phraseAt.get(k)?.start ?? k) - 1;
            } else k -= 1;
          }
          break;
        }
        // A word before a thing describes it ("uluslararası örgütler dışında", "эл аралык уюмдардан
        // башка"), unless it is a name or marks where ("istişarelerde"); "ve" joins two things.
        const joined = ASIDE_JOINERS.has(tokens[start - 1]?.key ?? "");
        const k = joined ? start - 2 : start - 1;
        const before = tokens[k];
        if (
          before &&
          before.clause === t.clause &&
          content(k) &&
          !TURKIC_PLACE_CASE.test(before.key) &&
          !name(k)
        )
          take(k);
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
/** How far into an English sentence its question word may stand ("and so why…", "ok but what…"). */
const OPENING_WINDOW = 5;

/** Pronouns that point back to what a message's preamble named (not "this", "bu": "this article"), folded. */
const REFERRING: ReadonlySet<string> = new Set(
  "it they them he him she her он она оно они его ее их ней нем нём него нее неё ним них ему ей им bunu bunun buna bunda onu onun ona bunlar bunları bunlara bunlarla onları onlara onlarla аны анын ага муну булар буларды буларга аларды аларга".split(
    " ",
  ),
);

/**
 * Pronouns that are the subject of their clause ("did he announce…", "как он сам…"): the one asked about
 * may be someone the preamble did not name (its author), so they are read as pointing back only when the
 * question has no ideas of its own.
 */
const SUBJECT_PRONOUNS: ReadonlySet<string> = new Set(
  "he she they он она оно они o onlar ал алар".split(" ").map(foldKey),
);

/** The idea of naming or calling something (content: lexicon). */
const NAMING = "#name";

/** The article and its author: what every question is about, not a topic of its own. */
const ABOUT_THE_ARTICLE: ReadonlySet<string> = new Set([
  "#article",
  "#article-more",
  "#author",
  "#author-more",
]);

/**
 * Words for what a preamble called something ("that label", "этот термин", "bu ifadeyi", "бул сөз"), folded
 * prefixes: with a demonstrative before them they point back as a pronoun does.
 */
const LABEL_WORDS = [
  "label",
  "term",
  "phrase",
  "expression",
  "word",
  "nickname",
  "description",
  "notion",
  "concept",
  "claim",
  "термин",
  "выражени",
  "слов",
  "фраз",
  "ярлык",
  "поняти",
  "определени",
  "формулировк",
  "эпитет",
  "ifade",
  "sifat",
  "terim",
  "deyim",
  "kavram",
  "lakap",
  "nitelendirme",
  "tabir",
  "soz",
  "сөз",
  "аталыш",
  "түшүнүк",
];
const DEMONSTRATIVES: ReadonlySet<string> = new Set(
  "this that these those such этот эта это эти этого этой этим этому эту такой такое такая такие такого такую bu bunu su boyle бул ушул ошол ошондой мындай".split(
    " ",
  ),
);

/**
 * Words for a topic: "bu konuda", "по этой теме", "on this subject", Kyrgyz "бул тууралуу" (about this) point
 * back to what the preamble names.
 */
const TOPIC_WORDS = [
  "topic",
  "subject",
  "matter",
  "тем",
  "вопрос",
  "konu",
  "mesele",
  "маселе",
  "тууралуу",
  "жөнүндө",
];
/** Unknown words of its own that make a question about them, not about its preamble. */
const OWN_UNKNOWN_CLAIM = 2;

/** Words for a source that may stand between a name and its verb ("24.kg source says"). */
const SOURCE_NOUNS = new Set(["source", "report", "article", "источник", "сообщение", "haber", "haberi"]);

/** A Turkish ablative ending, typed after an apostrophe ("Isaev'den", "Aki Press'ten"). */
const ABLATIVE = /^(d|t)[ae]n$/;

/**
 * A name quoted as the source of what follows ("according to Aki Press, who did Kulubaev meet?", "24.kg
 * says the grant is…, what is it for?", "по данным Акипресс", "AKIpress'e göre"): context, like "according
 * to the article", not what is asked. Its token positions, with a source word beside it.
 */
function framingSources(tokens: readonly Token[], phraseAt: ReadonlyMap<number, PhraseMatch>): Set<number> {
  const out = new Set<number>();
  for (const [start, phrase] of phraseAt) {
    if (phrase.start !== start || !phrase.target.term.startsWith("@")) continue;
    const before = `${tokens[start - 2]?.key ?? ""} ${tokens[start - 1]?.key ?? ""}`;
    let end = phrase.end;
    if (SOURCE_NOUNS.has(tokens[end]?.key ?? "")) end += 1;
    const after = tokens[end];
    const russian = ["согласно", "данным"].includes(tokens[start - 1]?.key ?? "");
    // (Turkish "Isaev'den bahsediyor" talks about Isaev: a name in the ablative is the topic, no source.)
    const topic = ABLATIVE.test(tokens[phrase.end - 1]?.suffix ?? "");
    const verb = after !== undefined && !topic && (after.key === "gore" || isFrameVerb(after.lower));
    const framed = before === "according to" || russian || verb;
    // Only when something else is asked after it: "what did Aki Press report?" asks about the report.
    // Its own verb asks nothing ("what did Kulubaev tell Syromolotov?": "tell" is no "tell me…").
    const from = verb ? end + 1 : end;
    const asksMore = tokens
      .slice(from)
      .some((t, k) => isAskingWord(t.key) || phraseAt.get(from + k)?.target.term.startsWith("#q-") === true);
    if (!framed || !asksMore) continue;
    for (let i = russian ? start - 1 : start; i < end; i++) out.add(i);
  }
  return out;
}

/** Words that begin what an article is about: "the article on …", "статья о …", "статью про …". */
const ABOUT_AFTER_ARTICLE: ReadonlySet<string> = new Set(["on", "about", "о", "об", "про"]);

/**
 * "Who wrote this article on Kyrgyz foreign policy?": what the article is about describes which article,
 * it is not asked about. Only in a question about the article's author: "what does the article on Japan
 * say?" still asks about Japan. The positions from "on"/"about" to the end of its sentence.
 */
function articleDescription(
  tokens: readonly Token[],
  phraseAt: ReadonlyMap<number, PhraseMatch>,
): Set<number> {
  const out = new Set<number>();
  const terms = [...phraseAt.values()].map((p) => p.target.term);
  if (!terms.includes("#author")) return out;
  for (const [start, phrase] of phraseAt) {
    if (phrase.start !== start || phrase.target.term !== "#article") continue;
    if (!ABOUT_AFTER_ARTICLE.has(tokens[phrase.end]?.key ?? "")) continue;
    const sentence = tokens[phrase.end]?.sentence;
    for (let i = phrase.end; i < tokens.length && tokens[i]?.sentence === sentence; i++) {
      if (phraseAt.get(i)?.target.term === "#author") break;
      out.add(i);
    }
  }
  return out;
}

/**
 * Asking for a verdict on a claim ("My friend says X. Who's right?", "Это правда?", "Kim haklı?") asks
 * nothing of its own: the claim is the question. Folded keys, a phrase per entry ("who's" is read as
 * "who" with the suffix "s").
 */
const VERDICTS: readonly (readonly string[])[] = `who right|whos right|who is right|who is correct|who correct
|which of us is right|am i right|is that true|is it true|is this true|true or false|true or not|is that correct
|is that right|кто прав|кто права|кто из нас прав|это правда|правда ли|так ли это|верно ли|прав ли|права ли
|я прав|я права|kto prav|eto pravda|pravda li|kim hakli|hangimiz hakli|dogru mu|hakli miyim|ким туура|ким акыйкат|чынбы|туурабы|ырасбы`
  .split("|")
  .map((p) => p.trim().split(/\s+/));

/**
 * The indices of the words of a sentence that only asks for a verdict (see VERDICTS): "Кто прав?" after
 * the claims. One that asks more ("Who's right and how much is it?") asks that.
 */
function verdictWords(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const sentence = tokens[i]?.sentence;
    if (i > 0 && tokens[i - 1]?.sentence === sentence) continue;
    const words = tokens.filter((t) => t.sentence === sentence).map((t) => t.key);
    if (VERDICTS.some((p) => p.length === words.length && p.every((w, k) => words[k] === w)))
      for (let k = 0; k < words.length; k++) out.add(i + k);
  }
  return out;
}

/** Words that open a condition or a concession after a question ("…if Russia and China are next door?"). */
const CONDITIONS: ReadonlySet<string> = new Set(
  "if although though whereas considering when while если хотя".split(" "),
);
/**
 * Words after which "if" or "when" opens an embedded question, not a condition ("do you know if the pass
 * is open?", "…the railway, like when it will be finished?").
 */
const EMBEDDING: ReadonlySet<string> = new Set(
  "know knows knew wonder wondering wondered ask asked asking tell check see sure idea curious unclear say says mention mentions like exactly".split(
    " ",
  ),
);

/**
 * "Why would Kyrgyzstan care about the West if Russia and China are right next door?": a condition after
 * the question word is the asker's reasoning, context, not what is asked. The positions from the
 * condition word to the end of its clause.
 */
function conditionWords(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    if (!CONDITIONS.has(t.key)) return;
    if ((t.key === "if" || t.key === "when") && EMBEDDING.has(tokens[i - 1]?.key ?? "")) return;
    // "…when China and Russia are right next door": "when" or "while" opens a concession, not a second
    // question ("…and when?", "when did he go?").
    if (
      (t.key === "when" || t.key === "while") &&
      (CONJUNCTIONS.has(tokens[i - 1]?.key ?? "") ||
        isOpeningAuxiliary(tokens[i + 1]?.key ?? "") ||
        tokens[i + 1]?.clause !== t.clause)
    )
      return;
    const asked = tokens
      .slice(0, i)
      .some((o) => o.sentence === t.sentence && (isAskingWord(o.key) || isOpeningAuxiliary(o.key)));
    if (!asked && !leadsQuestion(tokens, i)) return;
    for (let j = i; j < tokens.length && tokens[j]?.clause === t.clause; j++) out.add(j);
  });
  return out;
}

/**
 * "When the delegations sat down, which organisations did they discuss?": a condition opening its
 * sentence, whose next clause of the sentence asks, sets the scene for the question.
 */
function leadsQuestion(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (i > 0 && tokens[i - 1]?.sentence === t.sentence) return false;
  const next = tokens.findIndex((o, j) => j > i && o.clause !== t.clause);
  if (next < 0 || tokens[next]?.sentence !== t.sentence) return false;
  return tokens
    .slice(next, next + 3)
    .some((o) => o.sentence === t.sentence && (isAskingWord(o.key) || isOpeningAuxiliary(o.key)));
}

/** Verbs that report a question ("my students asked me who…", "друг спросил, когда…"), folded. */
const REPORTING_ASKING: ReadonlySet<string> = new Set(
  "asked asks wondered wonders спросил спросила спросили спрашивает спрашивают спрашивал интересуется".split(
    " ",
  ),
);
const ASKED_WHOM: ReadonlySet<string> = new Set("me us him her меня нас".split(" "));

/** Russian verbs that present something as something ("приводит как пример", "подают как…"). */
const GIVES_AS = /^(привод|привед|привел|привёл|рассматрива|восприним|подаё|подае|подают|характериз)/;

/**
 * "Японию приводят как пример", "какие встречи автор приводит как доказательство": "как" after a verb
 * that presents something is "as", no "how"; and "приводит" there presents, it cites no source. The
 * indices of such words.
 */
function givenAsWords(tokens: readonly Token[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    const before = tokens[i - 1];
    if (t.key !== "как" || before === undefined || before.sentence !== t.sentence) return;
    if (!GIVES_AS.test(before.lower)) return;
    out.add(i);
    out.add(i - 1);
  });
  return out;
}

/**
 * The words before a question someone else asked ("My students asked me who wrote this article"): who
 * asked is the asker's story; the question starts at its question word.
 */
function reportedAsking(tokens: readonly Token[]): number[] {
  for (let i = tokens.length - 1; i >= 2; i--) {
    const t = tokens[i] as Token;
    if (!isAskingWord(t.key)) continue;
    const whom = ASKED_WHOM.has(tokens[i - 1]?.key ?? "") ? 1 : 0;
    const verb = tokens[i - 1 - whom];
    if (!verb || verb.sentence !== t.sentence || !REPORTING_ASKING.has(verb.key)) continue;
    const out: number[] = [];
    for (let j = i - 1; j >= 0 && (tokens[j] as Token).sentence === t.sentence; j--) out.push(j);
    return out;
  }
  return [];
}

/** First-person verbs of living somewhere, folded ("I live in…", "живу в…", "…'te yaşıyorum", "…да жашайм"). */
const LIVE = new Set(
  "live living живу живем живём проживаю yasiyorum yasiyoruz oturuyorum жашайм жашап турам".split(" "),
);

const JOINING = new Set(["when", "where"]);

/** Removes a "when" or "where" that follows another question word of its clause (see its caller). */
function dropJoiningQuestionWords(terms: QueryTerm[]): void {
  for (let i = terms.length - 1; i > 0; i--) {
    const t = terms[i] as QueryTerm;
    if (!t.term.startsWith("#q-") || !JOINING.has(lowerCase(t.surface, false))) continue;
    const asked = terms
      .slice(0, i)
      .some((o) => o.clause === t.clause && o.term.startsWith("#q-") && !o.context);
    if (asked) terms.splice(i, 1);
  }
}

/** A token's word as typed (before any typo correction: "live" is no "line"), folded. */
function typedKey(t: Token): string {
  return foldKey(lowerCase(t.original, false));
}

/** Words that govern two names joined by "and" ("between X and Y", "with X and Y", "X ve Y ile", "X жана Y менен"). */
const BOTH_BEFORE: ReadonlySet<string> = new Set([
  "between",
  "with",
  "about",
  "между",
  "с",
  "со",
  "о",
  "об",
  "про",
]);
const BOTH_AFTER: ReadonlySet<string> = new Set(["ile", "arasinda", "arasindaki", "менен", "ортосунда"]);

/** Each token's clause: the tokenizer's, and a new one after a joining word outside a phrase ("… and what…"). */
function tokenClauses(tokens: readonly Token[], phraseAt: ReadonlyMap<number, PhraseMatch>): number[] {
  let shift = 0;
  // "rusya ve cin ile ilişkiler", "between Russia and China": a joining word between two names that one
  // word governs joins the names, not two clauses.
  const name = (i: number) => phraseAt.get(i);
  const governed = (i: number) => {
    const first = name(i - 1);
    const second = name(i + 1);
    if (first?.target.kind !== "entity" || second?.target.kind !== "entity") return false;
    return (
      BOTH_BEFORE.has(tokens[first.start - 1]?.key ?? "") || BOTH_AFTER.has(tokens[second.end]?.key ?? "")
    );
  };
  return tokens.map((t, i) => {
    if (CONJUNCTIONS.has(t.key) && !phraseAt.has(i) && !governed(i)) shift += 1;
    return t.clause + shift;
  });
}

/** The clauses (see tokenClauses) in which the asker says where they live. */
function livingClauses(tokens: readonly Token[], clauses: readonly number[]): Set<number> {
  const out = new Set<number>();
  tokens.forEach((t, i) => {
    // "I live", "we live": the asker's own place; "the people living in Batken" is not.
    const key = typedKey(t);
    const mine = key !== "live" && key !== "living" ? true : ["i", "we"].includes(tokens[i - 1]?.key ?? "");
    if (LIVE.has(key) && mine) out.add(clauses[i] as number);
  });
  return out;
}

/** Ordinal words (folded) and the number they stand for. */
const ORDINALS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    first: 1,
    second: 2,
    third: 3,
    fourth: 4,
    перв: 1,
    втор: 2,
    трет: 3,
    четверт: 4,
    birinci: 1,
    ilk: 1,
    ikinci: 2,
    ucuncu: 3,
    dorduncu: 4,
    биринчи: 1,
    экинчи: 2,
    учунчу: 3,
    тортунчу: 4,
  }),
);
const ORDINAL_STARTS = [...ORDINALS.keys()];
/** How the words for a footnote or a source begin, in each language. */
export const FOOTNOTE_STARTS = [
  "footnote",
  "source",
  "сноск",
  "источник",
  "dipnot",
  "kaynak",
  "булак",
  "шилтеме",
];

/** The number an ordinal beside a word for a footnote stands for ("the first footnote", "вторая сноска"). */
function footnoteOrdinal(tokens: readonly Token[], i: number): number | undefined {
  const t = tokens[i] as Token;
  const start = ORDINAL_STARTS.find(
    (o) => t.key === o || (o.length >= 4 && t.key.startsWith(o) && t.key.length <= o.length + 3),
  );
  if (start === undefined) return undefined;
  const beside = [tokens[i - 1], tokens[i + 1]].some(
    (n) => n !== undefined && n.clause === t.clause && FOOTNOTE_STARTS.some((f) => n.key.startsWith(f)),
  );
  return beside ? ORDINALS.get(start) : undefined;
}

/** Words of a truth check: "это правда?", "is that true", "bu doğru mu", "бул чынбы" ask about the claim before them. */
const TRUTH_WORDS = ["true", "правд", "верн", "dogru", "gercek", "чын", "chyn"];

/** A demonstrative that ends its sentence stands for what came before: "what proves that?", "why is this?" */
function endsOnDemonstrative(tokens: readonly Token[], i: number): boolean {
  const t = tokens[i] as Token;
  if (!DEMONSTRATIVES.has(t.key)) return false;
  // (…or only function words follow it, "что под этим понимается?", unless they ask a question of their
  // own: "Правда ли это и сколько?")
  for (let j = i + 1; j < tokens.length && (tokens[j] as Token).clause === t.clause; j++) {
    const key = (tokens[j] as Token).key;
    if (!isStopword(key) || isAskingWord(key) || CONJUNCTIONS.has(key)) return false;
  }
  return true;
}

/** First-person possessives, folded: what follows them is the speaker's own ("my friends", "наш учитель"). */
const SPEAKERS_OWN: ReadonlySet<string> = new Set(
  "my our мой моя мое мои моего моей моих наш наша наше наши нашего нашей наших benim bizim менин биздин".split(
    " ",
  ),
);

/**
 * Is a preamble's word the speaker's own ("my friends argued about the Tulip Revolution. What does the
 * article say about it?"): "it" is what they argued about, not friendship.
 */
function ownedBySpeaker(tokens: readonly Token[], surface: string): boolean {
  const first = surface.split(/\s+/)[0];
  return tokens.some((t, i) => t.original === first && SPEAKERS_OWN.has(tokens[i - 1]?.key ?? ""));
}

/** Does token i name no topic of its own but point back ("this topic", "is that true")? */
function pointsBackWord(tokens: readonly Token[], i: number): boolean {
  return afterDemonstrative(tokens, i, TOPIC_WORDS) || afterDemonstrative(tokens, i, TRUTH_WORDS);
}

/** Token i is a word for a label right after a demonstrative ("that label", "bu sıfatı"). */
function namesPreamble(tokens: readonly Token[], i: number): boolean {
  return afterDemonstrative(tokens, i, LABEL_WORDS);
}

/** Is token i one of `words` (as the start of it) right after a demonstrative ("that label")? */
function afterDemonstrative(tokens: readonly Token[], i: number, words: readonly string[]): boolean {
  const before = tokens[i - 1];
  const t = tokens[i] as Token;
  return (
    before !== undefined &&
    before.clause === t.clause &&
    DEMONSTRATIVES.has(before.key) &&
    words.some((w) => t.key.startsWith(w))
  );
}

/** Longest fragment after the question that still asks with it ("…shut down? names pls"). */
const POSTSCRIPT_WORDS = 4;

/**
 * A short fragment after the last sentence that asks ("names pls", "exact figures") adds to what is
 * asked, though it reads as context: the detail check reads it; its words do not count as the question's.
 */
function postscriptOf(tokens: readonly Token[], inPreamble: (t: Token) => boolean): (t: Token) => boolean {
  const lastAsking = Math.max(-1, ...tokens.filter((t) => !inPreamble(t)).map((t) => t.sentence));
  if (lastAsking < 0) return () => false;
  const sizes = new Map<number, number>();
  for (const t of tokens) sizes.set(t.sentence, (sizes.get(t.sentence) ?? 0) + 1);
  return (t) => t.sentence > lastAsking && (sizes.get(t.sentence) ?? 0) <= POSTSCRIPT_WORDS;
}

/**
 * Dictated messages run on without a full stop ("…he said something good was written about Sadyr so tell
 * me who wrote this article"): in a long message with no sentence mark, the last words that turn to the
 * asker ("so tell me", "короче", "это правда", "neyse") start the question, as if it ended with "?", and
 * the story before them reads as a preamble. Split tokens are copies; with nothing split, the same array.
 */
function splitRunOn<T extends Token>(message: readonly T[]): readonly T[] {
  // A greeting before it ("привет) я рекрутер…") leaves the message one run-on sentence.
  const last = message[message.length - 1]?.sentence;
  const from = message.findIndex((t) => t.sentence === last);
  const tokens = message.slice(from);
  if (from > GREETING_WORDS || tokens.length < RUN_ON_WORDS || message.some((t) => t.questionMark))
    return message;
  let turn = -1;
  tokens.forEach((t, i) => {
    const pair = `${tokens[i - 1]?.key ?? ""} ${t.key}`;
    if (i > 0 && !TURNS.has(pair) && (TURNS.has(t.key) || TURNS.has(`${t.key} ${tokens[i + 1]?.key ?? ""}`)))
      turn = i;
  });
  // A turn word closing the message ("…но о чём говорили с Россией? расскажи") asks for the question
  // before it, which starts where a question does.
  if (turn >= 0 && tokens.length - turn <= TRAILING_TURN) turn = -1;
  if (turn < 0) turn = lastQuestionStart(tokens);
  if (turn < 0) turn = askingClauseStart(tokens);
  if (turn < 0) return message;
  return message.map((t, i) =>
    i < from + turn ? t : { ...t, sentence: t.sentence + 1, questionMark: true },
  );
}

/**
 * Where English grammar puts a verb: after an auxiliary and its one-word subject ("does Moscow use",
 * "did they sign"), or after "to" that follows a word which takes an infinitive ("keen to grow", "how to
 * get"). An unknown word there says what is done, seldom a thing the article lacks.
 */
function inVerbPosition(tokens: readonly Token[], i: number): boolean {
  const at = tokens[i] as Token;
  const back = (k: number) => {
    const b = tokens[i - k];
    return b && b.clause === at.clause ? b.key : "";
  };
  // (Not "is there X?": after "there" stands the thing asked about.)
  const subject = back(1);
  if (isOpeningAuxiliary(back(2)) && subject !== "" && subject !== "there" && !isOpeningAuxiliary(subject))
    return true;
  return back(1) === "to" && TAKES_INFINITIVE.has(back(2));
}

const TAKES_INFINITIVE: ReadonlySet<string> = new Set(
  `want wants wanted trying try tries tried going plan plans planning planned how order able keen use uses
  used aim aims aiming seek seeks seeking hope hopes hoping need needs needed likely supposed decided
  decide decides expected expect expects intend intends intended wish wishes`.split(/\s+/),
);

/** At most this many words before a run-on sentence leave it the message's one sentence (a greeting). */
const GREETING_WORDS = 2;

/**
 * A run-on message of clauses ("Abi ben tır şoförüyüm, Oş yolunu çok kullanırım, Çin demiryolu projesi ne
 * durumda"): when only its last clause with a question word has one, the clauses before it are a story.
 */
function askingClauseStart(tokens: readonly Token[]): number {
  const asking = tokens.filter((t) => isAskingWord(t.key)).map((t) => t.clause);
  const clause = asking[asking.length - 1];
  if (clause === undefined || asking.some((c) => c !== clause)) return -1;
  const start = tokens.findIndex((t) => t.clause === clause);
  return start >= MIN_STORY ? start : -1;
}

/** Fewest words of story before a question found by its question word alone. */
const MIN_STORY = 5;

/**
 * Without a turn word, the last question to start in a run-on message ("…my uncle says china is taking
 * over what does the article say about china", "…спорили про революции а что автор думает"): an English
 * question word and an auxiliary, or Russian "а" and a question word, after a story of a few words.
 */
function lastQuestionStart(tokens: readonly Token[]): number {
  // A story runs on without a mark; a message that opens with a question word, or has commas, is
  // questions and clauses of its own ("where does it mention X and what does it say").
  if (isAskingWord(tokens[0]?.key ?? "") || tokens.some((t) => t.clause !== tokens[0]?.clause)) return -1;
  for (let i = tokens.length - 2; i >= MIN_STORY; i--) {
    const t = tokens[i] as Token;
    const next = (tokens[i + 1] as Token).key;
    if ((isAskingWord(t.key) && isOpeningAuxiliary(next)) || (t.key === "а" && isAskingWord(next))) return i;
  }
  // "…we should be friends with the Russians but what did they discuss", "…бирок макалада Орусия менен
  // эмне сүйлөшүшүптүр": the last "but" with a question word after it turns from the story to the question.
  for (let i = tokens.length - 2; i >= MIN_STORY; i--)
    if (BUT.has((tokens[i] as Token).key) && tokens.slice(i + 1).some((t) => isAskingWord(t.key))) return i;
  // Turkish and Kyrgyz ask at the end ("…japonya yol icin para vermis diyo kac para vermisler"): a
  // question word among the last few words starts the question.
  // Not the yes-no particle ("yol acik mi kapali mi bilen var mi" asks of the whole story), and with
  // words of its own after it.
  for (let i = tokens.length - 2; i >= Math.max(MIN_STORY, tokens.length - LAST_ASKING_WORDS); i--) {
    const key = (tokens[i] as Token).key;
    if (isAskingWord(key) && !YES_NO_PARTICLES.has(key)) return i;
  }
  return -1;
}

/** Words for "but" (folded). */
const BUT: ReadonlySet<string> = new Set(["but", "но", "однако", "ama", "fakat", "бирок"].map(foldKey));

/** A turn word with at most this many words from it to the message's end closes the message. */
const TRAILING_TURN = 3;

/** Turkish yes-no particles (folded): they ask, but start nothing. */
const YES_NO_PARTICLES: ReadonlySet<string> = new Set(["mi", "mu"]);

/** How near the end of a run-on message a question word alone starts its question. */
const LAST_ASKING_WORDS = 4;

/** From a token to its copy in the split message. */
function sentenceMap(tokens: readonly Token[], split: readonly Token[]): (t: Token) => Token {
  if (split === tokens) return (t) => t;
  const copies = new Map(tokens.map((t, i) => [t, split[i] as Token]));
  return (t) => copies.get(t) ?? t;
}
const RUN_ON_WORDS = 14;
const TURNS: ReadonlySet<string> = new Set([
  "so tell",
  "anyway",
  "is it true",
  "is that true",
  "это правда",
  "правда ли",
  "tell me",
  "короче",
  "так вот",
  "скажи",
  "скажите",
  "подскажи",
  "подскажите",
  "расскажи",
  "расскажите",
  "neyse",
  "söyle",
  "soyle",
  "söyler misin",
  "айтчы",
  "айтып бериңизчи",
  "айтып берчи",
]);

/** A corrected word typed with one letter of its correction left out ("пчему" for "почему"). */
function letterDropped(t: Token): boolean {
  return deletions(t.key).includes(typedKey(t));
}

/** Russian words that, inside a sentence, join a reported clause rather than ask. */
const REPORTED_CLAUSE: ReadonlySet<string> = new Set(["что", "как"]);
/** Beginnings of Russian verbs of saying, writing and thinking ("говорит что", "пишут, как"). */
const SAYING = /^(говор|сказал|сказа|пиш|писал|счита|дума|зна|слыша|утвержда|уверя|объясня)/u;

/** Is this Russian "что" / "как" one that joins a clause (after a comma or a verb of saying)? */
function joinsAClause(t: Token, before: Token | undefined): boolean {
  if (!REPORTED_CLAUSE.has(t.key) || before === undefined || before.sentence !== t.sentence) return false;
  return before.clause !== t.clause || SAYING.test(before.key);
}

/** The fewest words of a sentence with a question mark that may be a story (see preambleOf). */
const RISING_STORY = 8;

function preambleOf(tokens: readonly Token[], english: boolean): (t: Token) => boolean {
  const marked = new Set<number>();
  const worded = new Set<number>();
  /** Sentences asking with more than a Russian "что" or "как" deep inside them. */
  const openlyWorded = new Set<number>();
  /** Sentences with a question word anywhere. */
  const anyAsking = new Set<number>();
  const sentences = new Set<number>();
  const last = tokens.at(-1)?.sentence ?? 0;
  let previous = -1;
  let position = 0;
  for (const [i, t] of tokens.entries()) {
    sentences.add(t.sentence);
    position = t.sentence === previous ? position + 1 : 0;
    // Russian "что" and "как" inside a sentence, after a comma or a verb of saying, join a clause ("он
    // говорит, что всё это политика", "статья про то, как…"): they ask nothing.
    if (position > 0 && joinsAClause(t, tokens[i - 1])) {
      previous = t.sentence;
      if (t.questionMark) marked.add(t.sentence);
      continue;
    }
    // As typed: "whole" corrected to "whose" asks nothing; "пчему", a letter short of "почему", does.
    const typed = (t as QueryToken).corrected && !letterDropped(t) ? typedKey(t) : t.key;
    if (t.questionMark) marked.add(t.sentence);
    // In English a question opens with its question word; one deep inside an earlier sentence tells a story
    // ("the grandpa kept talking about how Russia still matters here. Why does…").
    const opens = !english || position < OPENING_WINDOW || t.sentence === last;
    if (isAskingWord(typed)) anyAsking.add(t.sentence);
    if ((isAskingWord(typed) && opens) || (position === 0 && isOpeningAuxiliary(typed))) {
      worded.add(t.sentence);
      if (position < 2 || !REPORTED_CLAUSE.has(t.key)) openlyWorded.add(t.sentence);
    }
    previous = t.sentence;
  }
  // Where the message has a question mark, a question word before it is a statement's ("my dad says
  // the West remembers us only when it needs something. Does the author…?"); after it, a second question.
  const lastMark = Math.max(-1, ...marked);
  // (After it, a remark's "что" deep inside asks nothing: "…с кем встречался Кулубаев? А то в чате спорим,
  // одни говорят с Лавровым, другие что с каким-то замом.")
  const asking =
    marked.size === 0 ? worded : new Set([...marked, ...[...openlyWorded].filter((s) => s > lastMark)]);
  // In English, a long sentence with a question mark and no question word, before a sentence that asks
  // in words, is a story told with a rising voice ("…my driver said japan is paying to fix them? how much
  // money are we talking"). (Not a short one: "isnt kyrgystan in the csto? did they…" asks.)
  if (english)
    for (const s of marked)
      if (
        !worded.has(s) &&
        !anyAsking.has(s) &&
        tokens.filter((t) => t.sentence === s).length >= RISING_STORY &&
        [...openlyWorded].some((later) => later > s)
      )
        asking.delete(s);
  // With no question mark or question word anywhere, the last sentence is what is asked ("Hi! I'm a
  // student in Osh and my teacher sent us this. primakov doctrine"), the ones before it a story.
  const lastWorded = [...tokens].reverse().find((t) => t.script !== "other")?.sentence;
  if (asking.size === 0 && sentences.size > 1 && lastWorded !== undefined) asking.add(lastWorded);
  if (asking.size === 0 || asking.size === sentences.size) return () => false;
  return (t) => !asking.has(t.sentence);
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
