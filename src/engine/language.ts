// Which language a question is written in, from its own words: script first, then letters only one
// language uses, then function words and endings typical of each. Names are left out by the caller
// ("Doğacan" does not make an English question Turkish). Too little evidence gives "unknown"; then the
// content's own words may tell (detectQuestionLanguage).
import type { Lang } from "../content/schema.ts";
import type { DetectedLang } from "./decision.ts";
import { foldKyrgyz } from "./kyrgyz.ts";
import type { Token } from "./normalize.ts";
import type { AnalysisLang } from "./stem.ts";
import { latinToCyrillic } from "./translit.ts";

function words(list: string): ReadonlySet<string> {
  return new Set(list.split(/\s+/).filter(Boolean));
}

// Words that, in questions, belong to one language only (compared lower-case, Latin diacritics folded).
const EN_MARKERS =
  words(`the what who whom whose when where why how which did does is are was were of with about
and for will would from this that these has have can could you me tell please meet met say said visit visited
discuss discussed between who's what's whats there their they his her its been an any much many does
at by than then should could here some more most get got give gave just know think want need pls thanks
today now still also only very really actually exactly anything something okay`);

// Letter sequences only English spelling has among the four languages typed in Latin letters (Russian
// and Kyrgyz transliterate ч and ш as ch and sh, not th or wh; Kyrgyz long vowels are aa, ee, oo, uu):
// "exchange rate today", "customs clearance", "football score" are English keywords.
const EN_SHAPES = /(th|wh|ck|ght|ph|tion|sion|ance|ence|ness|ea|ou)/;

const TR_MARKERS =
  words(`ve ile bir bu su ne mi mu kim kimle kiminle kimi kime kimin nedir hangi nerede nereye
zaman icin hakkinda neden nasil kac oldu olan var yok makale makalede neler nelerdir midir midir gore yazar
dedi soyledi gorustu ziyaret edecek gidecek nerede hangisi kimdir nelerdir niye acaba lutfen anlat
kimdi neydi nasildi bakan bakani yardimcisi disisleri buyukelci buyukelcisi cumhurbaskani gorusme gorusmede
gorusen iliskiler iliskileri ulke ulkeler ziyareti anlasma anlasmasi hibe demiryolu yazari yazarin kisaca
nerde nereden napiyor napiyo`);

const RU_LATN_MARKERS = words(`kto chto chem kogda gde pochemu zachem kak kakoy kakaya kakie kakih kakim kakom
kakoi kakaja kakuyu kakuju skolko so vo na ob po pro ili eto etot eta etoy byl byla bylo byli budet li kuda otkuda chey kem kogo komu ego
ih mezhdu posle dlya pri iz ot za vstrecha vstretilsya vstretil skazal posol ministr poedet vizit rasskazhi
skazhi pozhaluysta privet spasibo statya statye stati obsuzhdali obsudili yavlyaetsya takoe chto-to nuzhno
mozhno pochemu-to zdravstvuyte poka`);

// Kyrgyz typed in Latin letters: question and function words no other language here writes so.
const KY_LATN_MARKERS =
  words(`emne emnege emneni emneler emnelerdi emnesi kachan kaida kaisy kaysy kandai kanday kancha
kansha kantip kandaicha kandaycha jana menen uchun ychyn dep degen jazgan jazat jazylgan makala makalada makalany
makalanyn kim eken bekenin beken jonundo tuuraluu tuuralu kerek jok jakshy barat baraby bolot boldu bolgon boluldu
berdi berchi aitchy aytchy aitkan aytkan kimder kimge kimdi kimdin jolukkan jolukty elchisi kytai kytaiga
orusiya japoniya rahmat rakhmat rakmat raxmat kosh salamatsyzby salamatsyzbi bul ushul oshol boyuncha
boiuncha deit deyt deshet jyly jyl aty baary barby emes beken kandaisyn kandaysyn jakshysyzby
chong chon azamatsyn salam azyr kimdiki dagy elchi elchisinin bizdin bizde silerge menin maga
je jakyn jakynby batysh batyshka batyshtyn orusiyaga kytaiga kytaidyn`);

const KY_MARKERS =
  words(`жана менен эмне эмнени эмнеге эмнелер эмнеси кайсы качан кайда кандай канча үчүн болгон болот
тууралуу жөнүндө деген барбы бекен айткан кылган жолукту жолугушту ким кимдер кимге кимди кимдин макалада
берчи айтчы дейт деп боюнча бул ушул ошол эмес экен саламатсызбы рахмат кандайсың жакшысызбы`);

// As typed on a Russian keyboard, without ө ү ң ("жонундо").
const KY_MARKERS_FOLDED: ReadonlySet<string> = new Set([...KY_MARKERS].map(foldKyrgyz));

const RU_MARKERS = words(`что кто когда где почему как какой какая какие и в с на о об по про или это был была
было были будет ли не куда чем кем кого кому его их между после для при из от до за уже ещё еще сколько зачем`);

const RU_LATN_ENDINGS =
  /(oi|yi|ii|yy|ogo|ego|omu|emu|ykh|ikh|aya|yaya|oye|yye|iye|skiy|skaya|skoe|tsya|sya|etsya|itsya|ovat|ovali|ilsya|alas|yami|ami)$/;
// Kyrgyz endings as typed in Latin letters: y stands for ы, which Turkish writes ı (or i).
const KY_LATN_ENDINGS = /(nyn|dyn|tyn|ga|ge|gan|gen|daky|dagy|tuu|duu)$/;
// Weaker signs, which English shares ("intensity", "good"): they only tell Kyrgyz from Turkish and
// Russian once the question is not English (see detectLanguage).
const KY_LATN_WEAK_ENDINGS = /(gon|kan|uu|oo|dar|tar|dor|tor|lor|dy|ty|sy|ny|syn|yn|by)$/;
// Kyrgyz long vowels ("tuuraluu", "baary"), which neither Turkish nor Russian writes so.
const KY_LATN_LONG = /(aa|oo|uu|öö|üü)/;
// Letters Turkish writes otherwise: sh, ch for ş, ç; y as a vowel between consonants (ı).
const KY_LATN_NOT_TURKISH = /(sh|ch|[bcdfghjklmnpqrstvxz]y[bcdfghjklmnpqrstvxz])/;
// Kyrgyz j (ж) before a vowel at the start of a word: jana, jol, jyl, jazgan.
const KY_LATN_J = /^j[aeiouyöü]/;
// Kyrgyz in Cyrillic: its endings, and long vowels Russian does not write.
const KY_ENDINGS =
  /(нын|нин|нун|нүн|дын|дин|дун|дүн|тын|тин|тун|түн|ында|инде|унда|үндө|ган|ген|гон|гөн|дагы|деги|тагы|теги|лар|лер|лор|лөр|дар|дер|дор|тар|тор|сын|ын|уу|үү|бы|бу)$/;
const KY_LONG = /(уу|үү|өө|ыы|ээ)/;
const TR_ENDINGS = /(ler|lar|leri|lari|nin|nun|dir|dur|tir|mis|ecek|acak|iyor|uyor|mistir|misti|sinin|sini)$/;

/**
 * Detects the language from the words of a question (names already removed by the caller).
 * `folded`: lower-case with Latin diacritics folded; `lower`: lower-case as typed.
 */
export function detectLanguage(
  tokens: readonly Pick<Token, "lower" | "key" | "script">[],
  cyrillicWords = 0,
  turkicTie: TurkicTie = "tr",
): DetectedLang {
  let cyr = 0;
  let lat = 0;
  for (const t of tokens) {
    if (t.script === "cyrillic") cyr += 1;
    else if (t.script === "latin") lat += 1;
  }
  if (cyr === 0 && lat === 0) return "unknown";
  if (cyr > lat) {
    let ky = 0;
    let ru = 0;
    for (const t of tokens) {
      if (t.script !== "cyrillic") continue;
      if (/[ңөү]/.test(t.lower)) ky += 2;
      if (KY_MARKERS.has(t.lower) || KY_MARKERS_FOLDED.has(foldKyrgyz(t.lower))) ky += 1;
      else if (t.lower.length > 4 && KY_ENDINGS.test(t.lower)) ky += 0.5;
      if (KY_LONG.test(t.lower)) ky += 0.5;
      if (RU_MARKERS.has(t.lower)) ru += 1;
      // Not э: Kyrgyz writes it as often ("эмне", "элчи").
      if (/[щъё]/.test(t.lower) && !/[ңөү]/.test(t.lower)) ru += 0.5;
    }
    return ky > ru ? "ky" : "ru";
  }
  let en = 0;
  let tr = 0;
  let ruLatn = 0;
  let kyLatn = 0;
  let kyWeak = 0;
  for (const t of tokens) {
    if (t.script !== "latin") continue;
    // ö and ü are Kyrgyz letters too; ç ş ğ ı are Turkish, though Kyrgyz is sometimes typed with them.
    if (/[çğışâî]/.test(t.lower)) tr += 2;
    else if (/[öü]/.test(t.lower)) tr += 1;
    if (EN_MARKERS.has(t.key)) en += 1;
    else if (t.key.length > 3 && EN_SHAPES.test(t.key)) en += 0.5;
    if (TR_MARKERS.has(t.key)) tr += 1;
    if (RU_LATN_MARKERS.has(t.key)) ruLatn += 1;
    if (KY_LATN_MARKERS.has(t.key)) kyLatn += 1;
    if (t.key.length > 4 && KY_LATN_ENDINGS.test(t.key)) kyLatn += 0.5;
    else if (t.key.length > 3 && KY_LATN_WEAK_ENDINGS.test(t.key)) kyWeak += 0.5;
    if (KY_LATN_LONG.test(t.lower) || KY_LATN_J.test(t.key)) kyWeak += 0.5;
    if (KY_LATN_NOT_TURKISH.test(t.key)) kyWeak += 0.5;
    if (t.key.length > 4 && RU_LATN_ENDINGS.test(t.key)) ruLatn += 0.5;
    if (t.key.length > 4 && TR_ENDINGS.test(t.key)) tr += 0.5;
  }
  if (en === 0 && (tr > 0 || kyLatn > 0)) kyLatn += kyWeak;
  // Words that are content words only once written in Cyrillic ("avtor", "proekt") are Russian or
  // Kyrgyz typed in Latin letters, whatever the function words beside them look like.
  ruLatn += cyrillicWords;
  kyLatn += cyrillicWords;
  const best = Math.max(en, tr, ruLatn, kyLatn);
  if (best === 0) return "unknown";
  // Ties go to English, the article's own language, then Turkish, unless the asker's Telegram language
  // says Kyrgyz or Russian: "Isaev kim" is Kyrgyz from a phone set to Russian.
  if (en === best) return "en";
  if (tr === best && !(turkicTie === "ky-latn" && kyLatn === best)) return "tr";
  return ruLatn === best ? "ru-latn" : "ky-latn";
}

/**
 * Paired quotation marks of the four languages' keyboards, each with its own closing mark. A single
 * quote counts only between non-letters: an apostrophe is a suffix or a contraction ("Bişkek'te",
 * "Kyrgyzstan's").
 */
const QUOTED = /«([^»]*)»|“([^”“]*)[”“]|„([^“”]*)[“”]|"([^"]*)"|‘([^’]*)’|(?<!\p{L})'([^']+)'(?!\p{L})/gu;

/** The text with its quoted spans left out. */
export function outsideQuotes(text: string): string {
  return text.replace(QUOTED, " ");
}

/** The phrases the text puts in quotation marks. */
export function quotedPhrases(text: string): string[] {
  return [...text.matchAll(QUOTED)].map((m) => m.slice(1).find((g) => g !== undefined) ?? "");
}

/**
 * The text with `change` applied outside its quoted spans; what it quotes stays as typed unless
 * `changeQuoted` says otherwise (it is given each quoted span with its quotation marks).
 */
export function changeOutsideQuotes(
  text: string,
  change: (part: string) => string,
  changeQuoted: (quoted: string) => string = (quoted) => quoted,
): string {
  let out = "";
  let last = 0;
  for (const m of text.matchAll(QUOTED)) {
    out += change(text.slice(last, m.index)) + changeQuoted(m[0]);
    last = m.index + m[0].length;
  }
  return out + change(text.slice(last));
}

/** The reply language for a detected language: Kyrgyz and Latin-typed Russian are answered in Russian. */
export function replyLangOf(detected: DetectedLang): Lang | undefined {
  switch (detected) {
    case "en":
      return "en";
    case "ru":
    case "ky":
    case "ky-latn":
    case "ru-latn":
      return "ru";
    case "tr":
      return "tr";
    default:
      return undefined;
  }
}

/**
 * Telegram's language_code → reply language, the one mapping the bot's menus and the engine's answers
 * share: Russian for the region's Russian readers (ru, uk, be, kk, ky), Turkish for tr and az, else English.
 */
export function langFromUserCode(code: string | undefined): Lang | undefined {
  if (!code) return undefined;
  const base = code.toLowerCase().split(/[-_]/)[0] ?? "";
  if (["ru", "uk", "be", "kk", "ky"].includes(base)) return "ru";
  if (["tr", "az"].includes(base)) return "tr";
  return base ? "en" : undefined;
}

/** What the content tells about a question's words (see Vocabulary). */
export interface ContentLanguages {
  /** Every word of every name: names tell nothing of the question's language. */
  nameSpellings: ReadonlySet<string>;
  /** Spellings only one language's content uses → that language. */
  soleLanguage: ReadonlyMap<string, AnalysisLang>;
  /** The content has this spelling (folded). */
  hasSpelling(spelling: string): boolean;
}

/** A word that only function words of one language are spelled as (see the markers above). */
function isMarker(t: Pick<Token, "key" | "lower">): boolean {
  return (
    EN_MARKERS.has(t.key) ||
    TR_MARKERS.has(t.key) ||
    RU_LATN_MARKERS.has(t.key) ||
    KY_LATN_MARKERS.has(t.key) ||
    RU_MARKERS.has(t.lower) ||
    KY_MARKERS.has(t.lower)
  );
}

/** Which way a tie between Turkish and Kyrgyz in Latin letters goes (the same words mean "who" in both). */
export type TurkicTie = "tr" | "ky-latn";

/** The language of a question, falling back to the languages its content words come from. */
export function detectQuestionLanguage(
  tokens: readonly Token[],
  content: ContentLanguages,
  turkicTie: TurkicTie = "tr",
): DetectedLang {
  // Names first left out ("Who is Doğacan Başaran?" is English), then, if nothing else tells, counted.
  const all = tokens.filter((t) => !t.isNumber);
  // A function word inside a name ("the", "of") still tells the question's language.
  const words = all.filter((t) => !content.nameSpellings.has(t.key) || isMarker(t));
  const cyrillicWords = words.filter(
    (t) =>
      t.script === "latin" &&
      t.key.length >= 4 &&
      !content.hasSpelling(t.key) &&
      content.hasSpelling(latinToCyrillic(t.key)),
  ).length;
  const detected = detectLanguage(words.length > 0 ? words : all, cyrillicWords, turkicTie);
  if (detected !== "unknown") return detected;
  if (words.length < all.length) {
    const withNames = detectLanguage(all, 0, turkicTie);
    if (withNames !== "unknown") return withNames;
  }
  // Keyword questions ("japan grant", "lale devrimi"): which language's content alone uses these
  // words? A spelling several languages use (a name such as "Kulubaev") tells nothing.
  const votes = new Map<AnalysisLang, number>();
  for (const t of all) {
    const only = content.soleLanguage.get(t.key);
    if (only) votes.set(only, (votes.get(only) ?? 0) + 1);
  }
  const ranked = [...votes].sort((a, b) => b[1] - a[1]);
  const [first, second] = ranked;
  if (!first || (second && second[1] === first[1])) return "unknown";
  // A Latin word only Russian content uses is Russian typed in Latin letters.
  if (first[0] === "ru" && all.every((t) => t.script === "latin")) return "ru-latn";
  return first[0];
}
