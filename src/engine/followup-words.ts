// The words a follow-up is read by, per language: pronouns and "there" that point back at the last
// answer, words that open a follow-up or ask for another answer. Language data, not facts of the article.

/** Words that point back at something said before: pronouns, "there", "then", "else". Language data. */
export const POINTING = new Set(
  [
    // English
    "it its he him his she her they them their that this those these there then else such",
    // Russian
    "он его ему нём нем она её ее ей ней оно они их им них это этом этого этот эта эту там тогда ещё еще тоже такой такая такое такие такую такого такими",
    // Russian typed in Latin letters
    "on ego ona ee oni ih eto tam togda esche eshe eshche tozhe takoy takaya takoe takie takuyu",
    // Turkish
    "o onu ona onun ondan onda onlar onları onların onlarda bu bunu buna bunun bundan bunda şu şunu orada orası başka kendisi kendisinin kendisine",
    // Turkish typed without its letters
    "onlari onlarin su sunu orasi baska böyle boyle öyle oyle",
    // Kyrgyz
    "ал аны ага анын андан алар аларды бул муну мунун мында ошол ошону дагы башка ушундай мындай ошондой",
    // Kyrgyz typed in Latin letters (not "al" or "bul": Turkish "take" and "find")
    "dagy bashka muny buny anyn alar oshol oshonu ushundai ushunday myndai oshondoi",
  ]
    .join(" ")
    .split(" "),
);

/** "There" and "then": they point at the last answer's place or time, never at the article as a whole. */
export const THERE = new Set("there then там тогда tam togda orada orda oradaki анда ошондо".split(" "));

/** Words that open a follow-up when they come first ("and how much?", "а где?", "peki neden?"). */
export const OPENING = new Set("and also so а и также peki ve ayrıca анан anan".split(" "));

/** Words that ask for another answer than the ones given: "who else", "what else", "а ещё", "başka". */
export const ELSE = new Set([
  "else",
  "ещё",
  "еще",
  "esche",
  "eshe",
  "eshche",
  "başka",
  "baska",
  "дагы",
  "башка",
  "dagy",
  "bashka",
  // "Besides": "а кроме организаций какие темы были?" asks for the rest of the answer.
  "кроме",
  "krome",
  "besides",
  "dışında",
  "disinda",
  "haricinde",
]);

/** "This" and "that": a demonstrative points at what was just said ("откуда эта информация?"). */
export const DEMONSTRATIVE = new Set(
  "this that these those это эта этот эти то bu şu su бул ушул".split(" "),
);

/** One person spoken of ("does he speak Russian?"): the person the last answer names. */
export const ONE_PERSON: ReadonlySet<string> = new Set(
  "he him his she her он его ему она её ее ей o onu ona onun ал аны ага анын".split(" "),
);

/** Personal pronouns that stand for people ("what did he say?", "сколько ему лет?", "o ne dedi?"). */
export const PERSONAL: ReadonlySet<string> = new Set([
  ...ONE_PERSON,
  ..."they them their него ней они их им них onlar kendisi kendisinin kendisine алар".split(" "),
]);

/**
 * A time noun alone after an answer ("year?", "год?", "yıl?") asks when, as these questions do. Only a
 * whole message: "for years" or "next year" inside a sentence asks nothing.
 */
export const BARE_TIME: ReadonlyMap<string, string> = new Map([
  ["year", "which year"],
  ["month", "which month"],
  ["date", "which date"],
  ["год", "в каком году"],
  ["месяц", "в каком месяце"],
  ["дата", "какого числа"],
  ["yıl", "hangi yıl"],
  ["yil", "hangi yıl"],
  ["tarih", "hangi tarihte"],
  ["жыл", "кайсы жылы"],
  ["jyl", "кайсы жылы"],
]);

/**
 * Words asking for more detail than was given ("like what exactly?", "а конкретно?", "tam olarak hangileri?"):
 * asked of the answer just given, they want what it does not say.
 */
export const SPECIFICS: ReadonlySet<string> = new Set(
  [
    "exactly specifically specific specifics detail details detailed",
    "конкретно конкретные конкретных конкретнее поподробнее подробнее подробно детали детально",
    "konkretno podrobnee",
    "tamamen kesin özellikle ozellikle detaylı detayli ayrıntılı ayrintili ayrıntı ayrinti",
    "конкреттүү кененирээк толугураак",
  ]
    .join(" ")
    .split(" "),
);

/**
 * "And then?", "а потом?", "анан эмне болду?", "peki sonra?": words that ask only what came next. A message
 * made of these and WHAT_NEXT_FILLER alone, with one of these, asks what the article tells next.
 */
export const WHAT_NEXT = new Set(
  "then next after afterwards later потом затем дальше после анан андан кийин sonra ardından".split(" "),
);
/** The other words such a message may have ("what happened", "что было", "ne oldu", "эмне болду"). */
export const WHAT_NEXT_FILLER = new Set(
  "and so what happened that а и ну что было произошло случилось этого peki ya ve ne oldu olmuş эмне болду болгон".split(
    " ",
  ),
);
