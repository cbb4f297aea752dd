// Text normalisation: what two spellings must share to be matched as one.
import { describe, expect, it } from "vitest";
import { russianKeys, wrongLayoutRussian } from "../../src/engine/layout.ts";
import { cleanText, foldKey, lowerCase, mostlyCapitalised, tokenize } from "../../src/engine/normalize.ts";
import { stemWord, turkishStem } from "../../src/engine/stem.ts";
import { looksLikeVerb } from "../../src/engine/stopwords.ts";
import { latinToCyrillic } from "../../src/engine/translit.ts";

const keys = (text: string, turkish = false) => tokenize(text, turkish).map((t) => t.key);

describe("case folding", () => {
  it("follows Turkish rules for I and İ in Turkish text", () => {
    expect(lowerCase("KIRGIZİSTAN", true)).toBe("kırgızistan");
    expect(lowerCase("İSTİŞARE", true)).toBe("istişare");
  });

  it("lower-cases İ to a plain i outside Turkish, without a stray combining dot", () => {
    expect(lowerCase("İstanbul", false)).toBe("istanbul");
  });

  it("gives Turkish with and without diacritics the same key", () => {
    expect(keys("Görüştü KIRGIZİSTAN", true)).toEqual(keys("gorustu kirgizistan"));
    expect(foldKey("çğışöü")).toBe("cgisou");
  });

  it("treats ё as е and keeps й", () => {
    expect(foldKey("всё")).toBe("все");
    expect(foldKey("какой")).toBe("какой");
  });
});

describe("cleaning", () => {
  it("applies NFKC: full-width letters and ligatures become plain", () => {
    expect(cleanText("Ｊａｐａｎ ﬁnance")).toBe("Japan finance");
  });

  it("turns typographic quotes and dashes into plain ones", () => {
    expect(cleanText("“Kyrgyzstan’s” — «Бишкек»")).toBe('"Kyrgyzstan\'s" - "Бишкек"');
  });

  it("drops a Telegram mention, which addresses someone and asks about nothing", () => {
    expect(keys(cleanText("@bot what is the summary, @aibek_k?"))).toEqual(["what", "is", "the", "summary"]);
    // An e-mail address is not a mention.
    expect(keys(cleanText("mail a@b.kg"))).toEqual(["mail", "a", "b", "kg"]);
  });

  it("drops emoji, including joined and flagged ones, and symbols", () => {
    expect(keys("🇰🇬 Japan 👍🏽 grant 👨‍👩‍👧 $5.3 ✨")).toEqual(["japan", "grant", "5.3"]);
  });

  it("splits on punctuation and keeps numbers whole", () => {
    expect(keys("who,met;whom?on 23.03.2023 (5,3 million)")).toEqual([
      "who",
      "met",
      "whom",
      "on",
      "23",
      "03",
      "2023",
      "5.3",
      "million",
    ]);
  });

  it("drops apostrophe suffixes: English possessives, Turkish case endings", () => {
    expect(keys("Kyrgyzstan's Japonya'dan Pekin’e", true)).toEqual(["kyrgyzstan", "japonya", "pekin"]);
  });

  it("counts clauses at sentence punctuation and line breaks", () => {
    expect(tokenize("hi. who met? and\nwhen", false).map((t) => t.clause)).toEqual([0, 1, 1, 2, 3]);
  });

  it("ends a sentence at a typed smiley, as at an emoji, but not at brackets in a sentence", () => {
    const sentences = (text: string) => tokenize(cleanText(text), false).map((t) => t.sentence);
    expect(sentences("exams all week :D who wrote it")).toEqual([0, 0, 0, 1, 1, 1]);
    expect(sentences("привет))) кто автор")).toEqual([0, 1, 1]);
    expect(sentences("the grant (5.3 million) for Batken")).toEqual([0, 0, 0, 0, 0, 0]);
    // A single bracket that pairs with none is a smiley too.
    expect(sentences("навеки) а кто автор")).toEqual([0, 1, 1, 1]);
    expect(sentences("жаль( но кто автор (AKIpress)")).toEqual([0, 1, 1, 1, 1]);
  });

  it("knows a capitalised word in mid-sentence from one that starts a sentence", () => {
    const t = tokenize("What did Tokayev say? Putin", false);
    expect(t.filter((x) => x.capitalisedMidSentence).map((x) => x.original)).toEqual(["Tokayev"]);
  });

  it("tells ALL CAPS and Title Case, where capitals say nothing about names", () => {
    expect(mostlyCapitalised(tokenize("WHO DID KULUBAEV MEET", false))).toBe(true);
    expect(mostlyCapitalised(tokenize("Who did Kulubaev meet", false))).toBe(false);
  });
});

describe("stemming", () => {
  it("conflates inflections in English, Russian and Turkish", () => {
    expect(stemWord("meetings", "en")).toBe(stemWord("meeting", "en"));
    expect(stemWord("встречи", "ru")).toBe(stemWord("встреча", "ru"));
    expect(stemWord("hibeleri", "tr")).toBe(stemWord("hibeyi", "tr"));
    expect(stemWord("görüşmesi", "tr")).toBe(stemWord("gorusmesi", "tr"));
  });

  it("keeps a Turkish word's own '-tür' that Snowball takes for the copula ('kültür' is not 'kül')", () => {
    expect(turkishStem("kültür")).toBe("kultur");
    expect(turkishStem("kültürü")).toBe("kultur");
    // "kullanıldı" (was used) shares its first three letters with "kül": nothing more.
    expect(turkishStem("kullanıldı").startsWith(turkishStem("kültür"))).toBe(false);
    expect(stemWord("kültür", "tr")).toBe(stemWord("kültürel", "tr"));
  });
});

describe("transliteration of Russian typed in Latin letters", () => {
  it("restores the Cyrillic spelling closely enough to stem", () => {
    expect(latinToCyrillic("kogda")).toBe("когда");
    expect(latinToCyrillic("poedet")).toBe("поедет");
    expect(latinToCyrillic("kitay")).toBe("китай");
    expect(latinToCyrillic("vstrecha")).toBe("встреча");
    expect(latinToCyrillic("organizacii")).toBe("организации");
    expect(latinToCyrillic("kakoi")).toBe("какой");
    expect(latinToCyrillic("drugoi")).toBe("другой");
    // "sch" begins a word as сч, and stands for щ inside one.
    expect(latinToCyrillic("schitaet")).toBe("считает");
    expect(latinToCyrillic("esche")).toBe("еще");
    expect(latinToCyrillic("shchi")).toBe("щи");
    // The reflexive ending: -тся, where "ts" elsewhere is ц.
    expect(latinToCyrillic("schitaetsya")).toBe("считается");
    expect(latinToCyrillic("nazyvaetsya")).toBe("называется");
    expect(latinToCyrillic("tsentr")).toBe("центр");
  });
});

describe("inflected verbs, weighed as common words when the content lacks them", () => {
  it("knows Kyrgyz converbs, participles and persons, and leaves nouns alone", () => {
    for (const verb of ["чыгып", "кеттим", "айтышат", "келишкен", "окуптур", "сурадыңыз"])
      expect(looksLikeVerb(verb, "ky"), verb).toBe(true);
    for (const noun of ["өкмөттүн", "саясаты", "өлкөлөр"])
      expect(looksLikeVerb(noun, "ky"), noun).toBe(false);
  });
});

describe("sentences", () => {
  it("does not end a sentence at a dot inside a word ('24.kg', 'akipress.org')", () => {
    const tokens = tokenize("Dipnot 4'teki 24.kg haberi ve akipress.org linki ne? Bir de yazar kim.", true);
    expect(new Set(tokens.slice(0, -4).map((t) => t.sentence)).size).toBe(1);
    expect(tokens.at(-1)?.sentence).toBe(1);
  });

  it("ends a lead-in at a colon, but not a quotation's nor a time's", () => {
    const lead = tokenize("Long day, one question for my seminar: who wrote it?", false);
    expect(lead.find((t) => t.lower === "seminar")?.sentence).toBe(0);
    expect(lead.find((t) => t.lower === "who")?.sentence).toBe(1);
    const quoted = tokenize("The footnote 'Grant from Japan': which outlet?", false);
    expect(new Set(quoted.map((t) => t.sentence)).size).toBe(1);
    expect(new Set(tokenize("At 10:30 who spoke?", false).map((t) => t.sentence)).size).toBe(1);
  });
});

describe("Russian typed on the English keyboard layout", () => {
  const known = (w: string) => ["кто", "такой", "кулубаев", "who", "is"].includes(w);
  it("keys the message again on the Russian layout, punctuation keys inside a word as letters", () => {
    expect(russianKeys("rnj nfrjq Reke,ftd?")).toBe("кто такой Кулубаев?");
    expect(wrongLayoutRussian("rnj nfrjq Reke,ftd?", known)).toBe("кто такой Кулубаев?");
  });
  it("leaves a message alone that has a word as typed, or nothing known once keyed again", () => {
    expect(wrongLayoutRussian("who is Reke,ftd?", known)).toBeUndefined();
    expect(wrongLayoutRussian("qwerty asdf", known)).toBeUndefined();
    expect(wrongLayoutRussian("кто такой?", known)).toBeUndefined();
  });
});
