// Near misses: a question asking for a detail its best answer lacks is declined, naming what the
// article does say; the same kind of question is answered where the answer has the detail.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { DetailCheck } from "../../src/engine/detail-check.ts";
import { createEngine, type Engine } from "../../src/engine/index.ts";
import type { QueryTerm } from "../../src/engine/reading.ts";
import { renderReply } from "../../src/presentation/render.ts";

let kb: KnowledgeBase;
let engine: Engine;
let check: DetailCheck;
beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
  check = DetailCheck.fromContent(kb);
});

/** A question reading of these terms, in one clause. */
const reading = (terms: string[], words: string[] = []) => ({
  terms: terms.map((term): QueryTerm => ({ term, surface: term, unknown: false, clause: 0 })),
  framed: false,
  words,
  askingWords: words,
  quoting: false,
  lang: "en" as const,
});

describe("what an answer gives", () => {
  it("reads dates, figures and people from the answer's text, and takes declared details", () => {
    // The grant: a figure, no date, no person.
    expect(check.lacking(reading(["#q-how-much", "#grant"]), "japan-grant-batken")).toBeUndefined();
    expect(check.lacking(reading(["#q-when", "#grant"]), "japan-grant-batken")).toBe("date");
    expect(check.lacking(reading(["#q-who", "#grant"]), "japan-grant-batken")).toBe("person");
    // The meeting: a date and two people, but nobody's words.
    expect(check.lacking(reading(["#q-when", "#meeting"]), "kulubaev-syromolotov-meeting")).toBeUndefined();
    expect(check.lacking(reading(["#q-who", "#meeting"]), "kulubaev-syromolotov-meeting")).toBeUndefined();
    expect(check.lacking(reading(["@syromolotov", "#say"]), "kulubaev-syromolotov-meeting")).toBe("words");
    // Declared in content: the ambassador's words; the agreement says the article gives no date.
    expect(check.lacking(reading(["@du-dewen", "#say"]), "du-dewen-quote")).toBeUndefined();
    expect(check.lacking(reading(["#q-when", "#agreement"]), "japan-agreement")).toBeUndefined();
  });

  it("asks for words only when someone is named as saying it, not the article or its author", () => {
    expect(check.asked(reading(["#ambassador", "#say"]))).toEqual(["words"]);
    expect(check.asked(reading(["#say", "@china"]))).toEqual([]);
    expect(check.asked(reading(["#author", "#say", "@japarov"]))).toEqual([]);
    expect(check.asked({ ...reading(["#say", "@japarov"]), framed: true })).toEqual([]);
    expect(
      check.asked(reading(["#say", "@japarov"], ["what", "does", "it", "say", "about", "japarov"])),
    ).toEqual([]);
    // Two kinds of question in one message: answered in parts, not judged by one.
    expect(check.asked(reading(["#q-when", "#q-why", "#grant"]))).toEqual([]);
  });
});

describe("near misses", () => {
  it("declines what someone said when the article quotes nothing of theirs, and offers what it does say", () => {
    const d = engine.ask("What did Syromolotov say to Kulubaev?");
    expect(d).toMatchObject({
      kind: "decline",
      reason: "lacks",
      detail: "words",
      about: "kulubaev-syromolotov-meeting",
    });
    if (d.kind !== "decline") return;
    expect(d.related[0]?.id).toBe("kulubaev-syromolotov-meeting");
    const text = renderReply(d, kb, "plain");
    expect(text).toContain("The article does not quote what was said there");
    expect(text).toContain("What the article does say:\n• Who did Kulubaev meet");
  });

  it("says so in the user's language", () => {
    const d = engine.ask("Что сказал Сыромолотов Кулубаеву?");
    expect(d).toMatchObject({ kind: "decline", reason: "lacks", lang: "ru" });
    expect(renderReply(d, kb, "plain")).toMatch(/^Что именно там было сказано, статья не цитирует/);
  });

  it("answers the same kind of question where the article has the detail", () => {
    expect(engine.ask("What did the Chinese ambassador say?")).toMatchObject({
      kind: "answer",
      ids: ["du-dewen-quote"],
    });
    expect(engine.ask("How much is Japan's grant to Kyrgyzstan?")).toMatchObject({
      kind: "answer",
      ids: ["japan-grant-batken"],
    });
  });
});

describe("finer details (content/details.yaml)", () => {
  it("declines a finer detail than the answer gives, naming what the article does say", () => {
    const cases: [string, string, string][] = [
      ["Which day in May will Japarov visit Beijing?", "day", "The article does not give the exact day"],
      ["Japonya'nın Batken hibesi kaç som?", "currency", "o para biriminde değil"],
      ["Did Kulubaev and Syromolotov sign anything when they met?", "signed", "anything was signed"],
      ["Under which law are the Soros-funded structures limited?", "law", "does not name a law"],
    ];
    // A word between the asking words ("что конкретно решили") still asks for the outcome.
    const decided = engine.ask("Что конкретно решили Кулубаев и Сыромолотов?");
    expect(decided.kind === "decline" && decided.reason === "lacks" && decided.detail).toBe("outcome");
    for (const [question, detail, says] of cases) {
      const d = engine.ask(question);
      expect(d, question).toMatchObject({ kind: "decline", reason: "lacks", detail });
      expect(renderReply(d, kb, "plain"), question).toContain(says);
    }
  });

  it("answers where the answer gives it: the day of the meeting, the sum as printed, the agreement signed", () => {
    expect(engine.ask("Which day did Kulubaev and Syromolotov meet?")).toMatchObject({
      kind: "answer",
      ids: ["kulubaev-syromolotov-meeting"],
    });
    expect(engine.ask("When will Japarov go to Beijing?")).toMatchObject({
      kind: "answer",
      ids: ["du-dewen-visit-announcement"],
    });
    expect(engine.ask("Did Kyrgyzstan sign anything with Japan?")).toMatchObject({
      kind: "answer",
      ids: ["japan-agreement"],
    });
  });

  it("declines what came of a plan or a meeting afterwards, which the article does not report", () => {
    const cases: [string, string][] = [
      ["So did Japarov actually go to Beijing in May? What came of it?", "does not say what came of it"],
      ["Состоялся ли визит Жапарова в Пекин?", "Чем это закончилось потом, статья не говорит"],
      ["Japarov Pekin'e gitti mi?", "sonradan nasıl sonuçlandığını söylemiyor"],
    ];
    for (const [question, says] of cases) {
      const d = engine.ask(question);
      // …and offers what the article does say: the visit announced for May 2023.
      expect(d, question).toMatchObject({
        kind: "decline",
        reason: "lacks",
        detail: "outcome",
        about: "du-dewen-visit-announcement",
      });
      expect(renderReply(d, kb, "plain"), question).toContain(says);
    }
    // An outcome the article does report: the Japanese agreement was signed.
    expect(engine.ask("What came of Kyrgyzstan's talks with Japan, was anything signed?")).toMatchObject({
      kind: "answer",
      ids: ["japan-agreement"],
    });
  });

  it("declines a company or an appointment the article never names, even where the word is one the content lacks", () => {
    // "company" is no word of the content, and the spelling corrector would make it "compare".
    const cases: [string, string, string][] = [
      [
        "Which Japanese company will supply the road maintenance equipment for Batken?",
        "company",
        "name a company",
      ],
      ["Demiryolunu hangi Çin şirketi inşa edecek?", "company", "şirket adı vermiyor"],
      ["when was kulubaev appointed foreign minister", "life", "election or appointment"],
    ];
    for (const [question, detail, says] of cases) {
      const d = engine.ask(question);
      expect(d, question).toMatchObject({ kind: "decline", reason: "lacks", detail });
      expect(renderReply(d, kb, "plain"), question).toContain(says);
    }
  });

  it("wants a list beyond the names the question gives itself", () => {
    // The answer names Soros and Kyrgyzstan, which the question names too: that is no list of organisations.
    expect(engine.ask("Какие именно организации Сороса закрыли в Кыргызстане?")).toMatchObject({
      kind: "decline",
      reason: "lacks",
      detail: "members",
    });
    // The consultations' answer names the organisations.
    expect(engine.ask("Which organisations exactly did they discuss at the consultations?")).toMatchObject({
      kind: "answer",
      ids: ["consultations-organisations"],
    });
  });

  it("hears emphasis in what a question asks for, though it is no evidence for an answer", () => {
    // "именно" is left out of matching; "какие именно" still asks for the organisations one by one.
    expect(engine.ask("какие именно соросовские организации закрыли в кыргызстане")).toMatchObject({
      kind: "decline",
      detail: "members",
    });
    // …but "на какие именно цели" asks what the grant is for.
    expect(engine.ask("Какую сумму выделила Япония и на какие именно цели?")).toMatchObject({
      kind: "answer",
      ids: ["japan-grant-batken"],
    });
  });

  it("does not take the places an answer happens in for a list", () => {
    // The meeting's answer names Kyrgyzstan and Russia: no list of the topics discussed.
    expect(
      engine.ask("Kulubaev ile Syromolotov görüşmesinde tam olarak hangi konular konuşuldu?"),
    ).toMatchObject({
      kind: "decline",
      reason: "lacks",
      detail: "members",
    });
    // Three organisations are a list even when the question names them itself.
    expect(
      engine.ask("which organisations like csto sco cis were discussed with the russians"),
    ).toMatchObject({
      kind: "answer",
      ids: ["consultations-organisations"],
    });
  });

  it("declines who belongs to which organisation, and what was decided, naming what the article says", () => {
    for (const question of [
      "is kyrgyzstan a member of the sco",
      "şanghay işbirliği örgütü üyeleri kimler",
      "Входит ли Кыргызстан в ОДКБ?",
    ])
      expect(engine.ask(question), question).toMatchObject({
        kind: "decline",
        reason: "lacks",
        detail: "membership",
      });
    expect(engine.ask("Caparov hangi yil devlet baskani oldu?")).toMatchObject({
      kind: "decline",
      detail: "life",
    });
    expect(engine.ask("Сколько рабочих мест создаст японский грант в Баткенской области?")).toMatchObject({
      kind: "decline",
      detail: "count",
    });
    // …with words between the count and what is counted.
    expect(
      engine.ask("how many snow plough vehicles will batken buy with the japanese grant?"),
    ).toMatchObject({
      kind: "decline",
      detail: "count",
    });
    const d = engine.ask("a kakoi byl rezultat vizita v Pekin v mae");
    expect(d).toMatchObject({ kind: "decline", reason: "lacks", detail: "outcome" });
    expect(renderReply(d, kb, "plain")).toMatch(/Чем это закончилось[\s\S]*Пекин/);
    // The organisations discussed are still the answer to which ones were discussed.
    expect(engine.ask("Which organisations did they discuss at the consultations?")).toMatchObject({
      kind: "answer",
      ids: ["consultations-organisations"],
    });
  });

  it("wants the day within the month a question names", () => {
    // The visit is announced for May 2023, with no day; the meeting is on 23 March.
    for (const question of [
      "On which date in May 2023 does Japarov visit Beijing?",
      "Когда именно в мае он поедет в Пекин?",
    ])
      expect(engine.ask(question), question).toMatchObject({
        kind: "decline",
        reason: "lacks",
        detail: "day",
      });
    expect(engine.ask("When did Kulubaev meet Syromolotov in March?")).toMatchObject({
      kind: "answer",
      ids: ["kulubaev-syromolotov-meeting"],
    });
    // A month inside a quoted footnote title is the title's, not the question's.
    const d = engine.ask(
      "footnote 3 'Садыр Жапаров с государственным визитом посетит Китай в мае 2023 года' - which site is that from and when was it accessed?",
    );
    expect(d).toMatchObject({ kind: "answer", ids: ["sources-list"] });
  });

  it("does not let a clause that names nobody drop the names the rest of the question gives", () => {
    // "signed documents" alone is the Japanese agreement; with Kulubaev and Syromolotov it is a near miss.
    const d = engine.ask("what did kulubaev and syromolotov agree on? any signed documents?");
    expect(d.kind === "answer" ? d.ids : []).not.toContain("japan-agreement");
  });

  it("reads the asking sentence, not the preamble", () => {
    expect(check.finerAsked(["the", "law", "says", "nothing"])).toEqual(["law"]);
    const d = engine.ask("I study law in Bishkek. How much is Japan's grant for Batken?");
    expect(d).toMatchObject({ kind: "answer", ids: ["japan-grant-batken"] });
  });
});

describe("who gave it", () => {
  it("is answered by a country the answer names as the giver; who signed still asks for a person", () => {
    expect(check.lacking(reading(["#q-who", "#allocate", "#money"]), "japan-grant-batken")).toBeUndefined();
    expect(check.lacking(reading(["#q-who", "#sign", "#agreement"]), "japan-agreement")).toBe("person");
    // The article's own country is the setting of most answers, not a giver.
    expect(check.lacking(reading(["#q-who", "#allocate"]), "multi-vector-benefits")).toBe("person");
  });
});
