// Which language a question is in, and which language the reply is in.
import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { answerIds, createEngine, type Engine } from "../../src/engine/index.ts";
import { langFromUserCode } from "../../src/engine/language.ts";

let engine: Engine;
beforeAll(() => {
  engine = createEngine(loadKnowledgeBase());
});

const detect = (q: string, opts = {}) => {
  const d = engine.ask(q, opts);
  return { detected: d.detected, lang: d.lang };
};

describe("language of a question", () => {
  it.each([
    ["Who did Kulubaev meet on 23 March?", "en", "en"],
    ["С кем встретился Кулубаев?", "ru", "ru"],
    ["Kulubayev kiminle görüştü?", "tr", "tr"],
    ["Kulubayev kiminle gorustu", "tr", "tr"],
    ["Кулубаев ким менен жолугушту?", "ky", "ru"],
    ["Жапония Баткенге канча акча берди?", "ky", "ru"],
    // Kyrgyz without Kyrgyz letters, or with only its endings and "ким" (also Turkish) to tell it.
    ["Кыргыз делегациясын ким башкарган?", "ky", "ru"],
    ["japarov kim menen jolukkan", "ky-latn", "ru"],
    ["orus delegaciyasyn kim bashtagan", "ky-latn", "ru"],
    ["kytai elchisi emne dedi", "ky-latn", "ru"],
    ["kogda Japarov poedet v Kitay", "ru-latn", "ru"],
    ["chto takoe mnogovektornaya politika", "ru-latn", "ru"],
    // "kim" is Turkish too: "j" before a vowel and "y" between consonants tell Kyrgyz typed in Latin.
    ["orustar menen kim joluktu", "ky-latn", "ru"],
    ["delegaciyany kim jetektedi, kaisy jyly", "ky-latn", "ru"],
    // Russian adjectives typed as people do ("какой" → kakoi).
    ["kakoi glavnyi vyvod u avtora", "ru-latn", "ru"],
    // A quoted English title or phrase does not make the question English.
    ["О чём статья «Steps to Strengthen Kyrgyzstan's Multi-Vector Foreign Policy»?", "ru", "ru"],
    ['Makalede "potential hegemonic power" kim?', "tr", "tr"],
  ])("%s → detected %s, reply in %s", (q, detected, lang) => {
    expect(detect(q)).toEqual({ detected, lang });
  });

  it("leaves names out: a Turkish name does not make an English question Turkish", () => {
    expect(detect("Who is Doğacan Başaran?").lang).toBe("en");
  });

  it("counts a function word even when a name contains it: 'the' keeps a typed English question English", () => {
    // "ministr" is also Russian typed in Latin letters; the two "the" outweigh it.
    expect(detect("whos the deputy foreign ministr in the articel").lang).toBe("en");
  });

  it("tells keyword questions by the content words they use", () => {
    expect(detect("japan grant batken").lang).toBe("en");
    expect(detect("japonya hibe batken").lang).toBe("tr");
    expect(detect("грант Баткен").lang).toBe("ru");
  });

  it("reads English keywords the content does not know as English, by their spelling", () => {
    // "-ge" is a Kyrgyz ending too, and "dostuk" a Kyrgyz word: the English spelling outweighs them.
    expect(detect("exchange rate today").lang).toBe("en");
    expect(detect("customs clearance time at dostuk border post").lang).toBe("en");
  });

  it("reads Turkish typed without ç ş ı ğ as Turkish, not as Russian in Latin letters", () => {
    expect(detect("Kulubayev ile gorusen rus bakan yardimcisi kimdi")).toEqual({
      detected: "tr",
      lang: "tr",
    });
  });

  it("reads a Kyrgyz either-or question in Latin letters as Kyrgyz ('je' is 'or')", () => {
    expect(detect("Kyrgyzstan Batyshka jakynby je Orusiyagaby")).toEqual({ detected: "ky-latn", lang: "ru" });
  });

  it("falls back to the Telegram language code when the text is too short to tell", () => {
    expect(detect("Kulubaev", { userLanguageCode: "ru" }).lang).toBe("ru");
    expect(detect("Kulubaev", { userLanguageCode: "kk" }).lang).toBe("ru");
    expect(detect("Kulubaev", { userLanguageCode: "az" }).lang).toBe("tr");
    expect(detect("Kulubaev", { userLanguageCode: "de" }).lang).toBe("en");
    expect(detect("Kulubaev").lang).toBe("en");
  });

  it("lets the text win over the language code when it does tell", () => {
    expect(detect("С кем встретился Кулубаев?", { userLanguageCode: "en" }).lang).toBe("ru");
  });

  it("lets an explicit choice override both", () => {
    const d = engine.ask("С кем встретился Кулубаев?", { lang: "tr", userLanguageCode: "ru" });
    expect(d.lang).toBe("tr");
    expect(answerIds(d)).toEqual(["kulubaev-syromolotov-meeting"]);
  });
});

describe("Telegram language codes", () => {
  it("maps the region's Russian readers to Russian, Turkish and Azerbaijani to Turkish, the rest to English", () => {
    expect(["ru", "uk", "be", "kk", "ky", "ru-RU"].map(langFromUserCode)).toEqual([
      "ru",
      "ru",
      "ru",
      "ru",
      "ru",
      "ru",
    ]);
    expect(["tr", "az"].map(langFromUserCode)).toEqual(["tr", "tr"]);
    expect(["en", "de", "zh-hans"].map(langFromUserCode)).toEqual(["en", "en", "en"]);
    expect(langFromUserCode(undefined)).toBeUndefined();
  });
});

describe("Kyrgyz as people type it", () => {
  // Endings on a short root ("тилдерди" is "тил"), ө ү typed as о у, Latin letters with Turkish ü ö.
  it.each([
    ["Автор кайсы тилдерди билет?", "author"],
    ["avtor kaisy universitetti bütürgön?", "author"],
    ["Кытай элчиси Кыргызстан жонундо эмне деди?", "du-dewen-quote"],
    ["kulubaev kim menen jolukkan?", "kulubaev-syromolotov-meeting"],
  ])("%s → %s, in Russian", (q, id) => {
    const d = engine.ask(q);
    expect(answerIds(d)).toEqual([id]);
    expect(d.lang).toBe("ru");
  });

  it("does not read the verb 'to be' as the grant's 'allocated' once ө is typed as о", () => {
    expect(engine.ask("rahmat, kosh bol").kind).toBe("smalltalk");
  });

  it("reads Latin letters that stand for ң or т+с as Kyrgyz typists mean them", () => {
    // "kandaysyn" is "кандайсың" (how are you), not a question "how"; "salamatsyzby" is no "ц".
    expect(engine.ask("kandaysyn").kind).toBe("smalltalk");
    expect(engine.ask("salamatsyzby").kind).toBe("smalltalk");
  });
});
