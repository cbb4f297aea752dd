// What the engine decides for questions people type, with the real content.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { rankAsked } from "../../src/engine/decide.ts";
import {
  answerIds,
  buildIndex,
  createEngine,
  type Decision,
  type Engine,
  groupKey,
  offeredIds,
} from "../../src/engine/index.ts";
import { QuestionReader } from "../../src/engine/reading.ts";
import { parseQuestions } from "../../src/eval/evaluation.ts";
import { questionSets, setPath } from "../../src/eval/sets.ts";

let kb: KnowledgeBase;
let engine: Engine;
beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
});

/** The decision for a question, which must be of this kind. */
function asked<K extends Decision["kind"]>(q: string, kind: K): Extract<Decision, { kind: K }> {
  const d = engine.ask(q);
  expect(d.kind, q).toBe(kind);
  return d as Extract<Decision, { kind: K }>;
}

const first = (q: string) => {
  const d = engine.ask(q);
  return d.kind === "answer" ? d.ids[0] : d.kind;
};

describe("names in every spelling", () => {
  it("reads a name mistyped by one letter as the name, not as a Turkish stem of another word", () => {
    // Turkish stemming cuts "kulibaev" to "kul", the start of "kültür" (culture).
    expect(first("Kulibaev Rusya'dan kiminle gorustu")).toBe("kulubaev-syromolotov-meeting");
  });

  it("reads the ambassador's name spelt by ear with a soft sign ('дю девень')", () => {
    expect(first("дю девень что сказал?")).toBe("du-dewen-quote");
  });

  it("answers which countries the railway connects", () => {
    for (const q of ["which countries does the railway connect?", "demiryolu hangi ülkeleri bağlıyor?"])
      expect(first(q), q).toBe("railway-project");
  });

  it.each([
    ["When will Japarov visit Beijing?"],
    ["When will Zhaparov visit Beijing?"],
    ["When will Dzhaparov visit Beijing?"],
    ["When will Dzharov visit Beijing?"], // the article's own misspelling
    ["Caparov Pekin'i ne zaman ziyaret edecek?"],
    ["Когда Жапаров посетит Пекин?"],
  ])("%s", (q) => {
    expect(first(q)).toBe("du-dewen-visit-announcement");
  });

  it("knows Syromolotov by the article's misspelling too", () => {
    expect(asked("Who headed the delegation together with Syeomolotov?", "answer").ids[0]).toBe(
      "consultations-delegations",
    );
  });

  it("answers how the article spells the names only when asked about spelling (content: requires)", () => {
    expect(first("Are Zhaparov, Dzhaparov and Dzharov the same person?")).toBe("name-spellings");
    expect(first("Syeomolotov eto opechatka?")).toBe("name-spellings");
    // The answer names everyone it is about: without a word for spelling it is never given.
    expect(first("When will Dzharov visit Beijing?")).toBe("du-dewen-visit-announcement");
    expect(first("Who is Dzhaparov?")).not.toBe("name-spellings");
    expect(first("Who headed the Russian delegation at the consultations?")).toBe(
      "consultations-delegations",
    );
    // Not even as a runner-up (it would shrink the margin the hedged band needs).
    const { vocabulary, index } = buildIndex(kb);
    const reading = new QuestionReader(vocabulary).read("Who is Dzhaparov, and Syeomolotov?");
    expect(index.rank(reading).map((s) => s.id)).toContain("name-spellings");
    expect(rankAsked(kb, index, reading).map((s) => s.id)).not.toContain("name-spellings");
  });

  it("reads a capital standing for its country: an answer about Kyrgyzstan does not lack 'Bishkek'", () => {
    expect(first("What has Bishkek gained from its balancing policy?")).toBe("multi-vector-benefits");
    expect(first("What did Bishkek get out of the multi-vector policy?")).toBe("multi-vector-benefits");
    // The city itself still counts where an answer names it.
    expect(first("When will Japarov visit Beijing?")).toBe("du-dewen-visit-announcement");
  });

  it("finds a name with Russian case endings and Kyrgyz suffixes", () => {
    expect(first("Что обсуждали с Кулубаевым?")).toBe("kulubaev-syromolotov-meeting");
    expect(first("Жапаровдун эң маанилүү жетишкендиги эмне?")).toBe("japarov-achievement");
  });

  it("reads a long name with a Turkish suffix and no apostrophe as the name, not as a word on its first letters", () => {
    expect(first("kulubaevin gorusmesi ne zaman")).toBe("kulubaev-syromolotov-meeting");
  });

  it("reads Turkish 'ne zamandı' (when was it) as asking when", () => {
    expect(first("kirgizistan rusya gorusmesi ne zamandi")).toBe("kulubaev-syromolotov-meeting");
  });
});

describe("inflected words with two letters swapped", () => {
  it("finds the word by its stem once the slip is undone ('Тюльапновой', 'Бээижнге')", () => {
    expect(first("Что автор пишет о Тюльапновой революции?")).toBe("tulip-revolution");
    expect(first("Жапаров Бээижнге качан барат?")).toBe("du-dewen-visit-announcement");
    expect(first("Что Китай вкладывает в Центарльную Азию?")).toBe("belt-and-road");
  });

  it("finds a name with a letter dropped before its ending ('Баткнге'), not a short one in another word", () => {
    expect(first("Жапония Баткнге канча акча берди?")).toBe("japan-grant-batken");
    expect(first("Кулубаев Сыромоотовым менен качан жолукту?")).toBe("kulubaev-syromolotov-meeting");
    // "ирония" (irony) is no Iran, a name the article never mentions.
    expect(first("ирония, конечно. а как автор оценивает Жапарова?")).not.toBe("decline");
  });
});

describe("function words with a letter dropped or two swapped", () => {
  it("reads 'diyr' as 'diyor' and 'acording' as 'according', but keeps 'сому' (som) a word of its own", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const unknown = (q: string) =>
      reader
        .read(q)
        .terms.filter((t) => t.unknown)
        .map((t) => t.surface);
    expect(unknown("Kırgızistan Çin'e bağımlı olmamalı mı, yazar ne diyr?")).toEqual([]);
    expect(unknown("what is the policy acording to the author")).toEqual([]);
    expect(unknown("batken bölgesine japonyadan ne kadra hibe geldi")).toEqual([]);
    expect(unknown("Какой курс доллара к сому?")).toEqual(["сому"]);
  });
});

describe("English plurals and possessives typed without the apostrophe", () => {
  it("corrects 'autors' to the author, not to 'actors'", () => {
    expect(asked("what are the autors main fields", "answer").ids[0]).toBe("author");
  });
});

describe("typos, word order, case and chatter", () => {
  it.each([
    ["who did kulubaew meet", "kulubaev-syromolotov-meeting"],
    ["wat did the chinese ambasador say about kyrgyzstan", "du-dewen-quote"],
    ["what is the primakov doctirne", "russia-influence-primakov"],
    ["С кем встретилса Кулубаев", "kulubaev-syromolotov-meeting"],
    ["WHO DID KULUBAEV MEET", "kulubaev-syromolotov-meeting"],
    ["meet kulubaev who did", "kulubaev-syromolotov-meeting"],
    ["tulip revolution", "tulip-revolution"],
    ["csto sco cis", "consultations-organisations"],
    // "wen" is also a word of a name's spelling ("Du De Wen"); typed alone, it is "when".
    ["wen was the tulip revolution", "tulip-revolution"],
  ])("%s → %s", (q, id) => {
    expect(first(q)).toBe(id);
  });

  it("reads 'it' after a preamble naming the article as the article, not the preamble's place", () => {
    expect(
      first(
        "I am reading this article about Central Asia. What does it mean by a multi-vector foreign policy?",
      ),
    ).toBe("multi-vector-meaning");
  });

  it("reads a condition after the question as the asker's reasoning, not as a second question", () => {
    for (const q of [
      "why would kyrgyzstan need the west at all if russia and china are its neighbours?",
      "почему Кыргызстану важен Запад, если рядом Россия и Китай?",
      "why does kyrgyzstan need western investment at all when russia and china are its neighbours?",
    ])
      expect(asked(q, "answer").ids, q).toEqual(["western-capital"]);
  });

  it("reads the claims before a sentence that only asks for a verdict ('Кто прав?') as the question", () => {
    expect(
      first(
        "Мой друг уверяет, что делегацию Кыргызстана на консультациях с Россией возглавлял Кулубаев. А я сомневаюсь. Кто прав?",
      ),
    ).toBe("consultations-delegations");
  });

  it("reads a long English story ending in a question mark, before the question in words, as the story", () => {
    expect(
      first(
        "i heard on the radio this morning that the chinese president invited japarov for a visit in may? what did the ambassador actually say",
      ),
    ).toBe("du-dewen-quote");
  });

  it("finds the question in a long, chatty message", () => {
    expect(
      first(
        "Hi there, I'm a student writing a paper on Central Asia and I was wondering what exactly the Japanese grant for Batken is for?",
      ),
    ).toBe("japan-grant-batken");
  });
});

describe("declines", () => {
  it.each([
    ["What did Putin say about Kyrgyzstan?", "Putin"],
    ["what did putin say about kyrgyzstan", "putin"],
    ["Что Токаев сказал о Японии?", "Токаев"],
    ["Did Kazakhstan join the consultations?", "Kazakhstan"],
    ["What did Mr Smithfield say about the grant?", "Smithfield"], // a name in no list: unknown and capitalised
    ["What happened in the 2010 revolution?", "2010 revolution"],
    ["What did Kyrgyzstan sign in 2024?", "2024"], // a year the article never gives
    ["what did Japarov say to Xi in Beijing?", "Xi"], // a two-letter name is a name too
    ["What is the capital of Kyrgyzstan?", "capital of Kyrgyzstan"], // its "capital" is investment
    // A question asking about its preamble asks about what the preamble names.
    ["Коллеги спорят, кто победит на следующих выборах в Казахстане. А вы как считаете?", "выборах"],
  ])("%s names what the article does not mention", (q, name) => {
    const d = asked(q, "decline");
    expect(d.reason === "out-of-scope" && d.name).toBe(name);
  });

  it("keeps a story's places the story's beside a name the article has", () => {
    const q =
      "hey! just got to bishkek from almaty by marshrutka. a guy at my hostel sent me this article. whats the tl;dr?";
    expect(first(q)).toBe("article-summary");
  });

  it.each([
    "What is the weather in Bishkek?",
    "What is the best restaurant in Bishkek?",
    "How many people live in Kyrgyzstan?",
    "When will Japarov visit Moscow?",
    "How much did China give to Batken?",
    "Who won the football world cup?",
  ])("%s is declined as not answered by the article", (q) => {
    expect(engine.ask(q).kind).toBe("decline");
  });

  it("offers up to three answerable questions, all facts of the article", () => {
    for (const q of ["What is the weather in Bishkek?", "What did Putin say?", "asdf qwerty"]) {
      const d = asked(q, "decline");
      const offered = [...d.related.map((c) => c.id), ...d.examples];
      expect(offered.length).toBeGreaterThan(0);
      expect(offered.length).toBeLessThanOrEqual(3);
      for (const id of offered) expect(kb.answerById.get(id)?.kind).not.toBe("bot");
      // Examples are answers, not scores of 0: every related answer was scored.
      for (const c of d.related) expect(c.score).toBeGreaterThan(0);
    }
  });

  it("takes no one-word message for small talk when its word was only guessed ('water' is no 'later')", () => {
    for (const q of ["water", "gold"]) expect(engine.ask(q).kind, q).not.toBe("smalltalk");
    for (const q of ["thanks", "thnaks"]) expect(engine.ask(q).kind, q).toBe("smalltalk");
    // "helo" is "hello" with a letter dropped, not "held" with one letter changed.
    expect(asked("helo", "smalltalk").intent).toBe("greeting");
  });

  it("says an empty or symbol-only message is empty", () => {
    for (const q of ["", "   ", "?!…", "👍👍"]) expect(asked(q, "decline").reason).toBe("empty");
  });
});

describe("small talk", () => {
  it.each([
    ["hello", "greeting", "en"],
    ["Hi there!", "greeting", "en"],
    ["thanks a lot", "thanks", "en"],
    ["Спасибо большое", "thanks", "ru"],
    ["Teşekkürler", "thanks", "tr"],
    ["рахмат", "thanks", "ru"],
    ["who are you?", "who-are-you", "en"],
    ["ok thanks bye", "goodbye", "en"],
    ["Do you agree with the author?", "opinion", "en"],
    ["а ты как думаешь?", "opinion", "ru"],
    ["yazara katılıyor musun?", "opinion", "tr"],
    ["your answer is wrong", "complaint", "en"],
    ["твой ответ неправильный", "complaint", "ru"],
    ["cevabın yanlış", "complaint", "tr"],
  ])("%s → %s in %s, never a fact", (q, intent, lang) => {
    const d = asked(q, "smalltalk");
    expect(d.intent).toBe(intent);
    expect(d.lang).toBe(lang);
  });

  it("answers the question when a greeting comes with one", () => {
    expect(first("Hello! Who did Kulubaev meet?")).toBe("kulubaev-syromolotov-meeting");
  });

  it("rules out small talk without ranking only where the full decision is no small talk either", () => {
    // Every kept question and its first clause (what a follow-up's reading checks for thanks before a question).
    const texts = questionSets().flatMap((name) =>
      parseQuestions(readFileSync(setPath(name), "utf8")).flatMap((q) => [
        q.q,
        q.q.split(/(?<=[,.!;:])\s/u)[0] ?? "",
      ]),
    );
    let ruledOut = 0;
    const contradicted: string[] = [];
    for (const t of texts) {
      if (engine.mayBeSmallTalk(t)) continue;
      ruledOut += 1;
      if (engine.ask(t).kind === "smalltalk") contradicted.push(t);
    }
    expect(contradicted).toEqual([]);
    // It must rule out most of them, or it saves nothing.
    expect(ruledOut).toBeGreaterThan(texts.length / 2);
    // Thanks with praise: few of its words are the thanks, and it is small talk all the same.
    for (const t of ["Спасибо большое", "Благодарю Вас, весьма познавательная беседа."]) {
      expect(engine.mayBeSmallTalk(t), t).toBe(true);
      expect(engine.ask(t).kind, t).toBe("smalltalk");
    }
    // (It reads every kept question twice: about 15 s alone, more beside other suites on two cores.)
  }, 120_000);
});

describe("questions about the sources", () => {
  it("answers which source a fact comes from with the sources, and offers the fact itself next", () => {
    const d = asked("which source is the ambassador's statement from?", "answer");
    expect(d.ids).toEqual(["sources-list"]);
    expect(d.alternatives.map((a) => a.id)).toEqual(["du-dewen-quote"]);
  });

  it("reads 'the first footnote' as footnote 1, in every language", () => {
    for (const q of ["первая сноска откуда?", "ikinci dipnot hangi haber?"])
      expect(asked(q, "answer").ids[0], q).toBe("sources-list");
  });

  it("does not take an English 'first' for the Turkish 'fırsat' (opportunity)", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    expect(reader.read("What was Japarov's first visit?").terms.map((t) => t.term)).not.toContain(
      "#opportunity",
    );
  });

  it("still answers what a report said with the fact", () => {
    expect(first("What did the report say about Japarov's state visit to China?")).toBe(
      "du-dewen-visit-announcement",
    );
  });
});

describe("questions spanning answers", () => {
  it("answers who met whom on 23 March with the timeline, citing each footnote involved", () => {
    const d = asked("Who met whom on 23 March 2023?", "answer");
    expect(d.ids).toEqual(["timeline-2023-03-23"]);
    expect(d.footnotes).toEqual(kb.answerById.get("timeline-2023-03-23")?.footnotes);
    expect(d.footnotes.length).toBeGreaterThan(1);
  });

  it("answers a two-part question with both answers and both footnotes", () => {
    const d = asked("What did Du Dewen announce, and how much did Japan give for Batken?", "answer");
    expect([...d.ids].sort()).toEqual(["du-dewen-visit-announcement", "japan-grant-batken"]);
    expect([...d.footnotes].sort()).toEqual([3, 4]);
  });

  it("reads a closing list of names as a guess for the question, not as a second question", () => {
    const d = asked("what organisations did isaev n russians talk about? csto and sco?", "answer");
    expect(d.ids).toEqual(["consultations-organisations"]);
  });

  it("offers a close runner-up as an alternative", () => {
    const d = asked("Du Dewen", "answer");
    expect(d.alternatives.length).toBe(1);
    expect(d.alternatives[0]?.id).not.toBe(d.ids[0]);
    expect(d.score - (d.alternatives[0]?.score ?? 0)).toBeLessThanOrEqual(0.1);
  });

  it("does not take a content word for a small-talk word one letter away", () => {
    expect(engine.ask("grant").kind).toBe("answer"); // not "great"
  });
});

describe("decision values", () => {
  it("cites exactly the footnotes of the answers given, with a confidence between 0 and 1", () => {
    const d = asked("How much money did Japan allocate for Batken?", "answer");
    expect(d.ids[0]).toBe("japan-grant-batken");
    expect(d.footnotes).toEqual([4]);
    expect(d.score).toBeGreaterThan(0.5);
    expect(d.score).toBeLessThanOrEqual(1);
  });

  it("cites no footnote where the article gives none", () => {
    const d = asked("Why is Kyrgyzstan called the Democracy Island?", "answer");
    expect(d.ids[0]).toBe("democracy-island");
    expect(d.footnotes).toEqual([]);
  });
});

describe("examples", () => {
  it("gives the first question of answers from different topics, in the language asked, the same every time", () => {
    const ex = engine.examples("tr", 5);
    expect(ex).toEqual(engine.examples("tr", 5));
    expect(new Set(ex.map((e) => kb.answerById.get(e.id)?.topic)).size).toBe(5);
    for (const e of ex) expect(e.question).toBe(kb.answerById.get(e.id)?.questions.tr[0]);
  });

  it("never offers more than there are, nor answers about the bot", () => {
    const all = engine.examples("en", 1000);
    expect(all.length).toBe(kb.answers.filter((a) => a.kind !== "bot").length);
  });
});

describe("grouping declined questions", () => {
  it("gives the same key to the same question written differently", () => {
    expect(groupKey("What is the weather in Bishkek?")).toBe(groupKey("weather in bishkek"));
    expect(engine.groupKey("What is the weather in Bishkek?")).toBe(engine.groupKey("Weather in BISHKEK"));
  });

  it("with the content, unifies spellings of names and languages of concepts", () => {
    expect(engine.groupKey("Japarov grant")).toBe(engine.groupKey("Zhaparov grants"));
    expect(engine.groupKey("грант Жапаров")).toBe(engine.groupKey("Japarov grant"));
  });
});

describe("function words are not content", () => {
  it("does not correct a Turkish word into an English question word ('hava' is not 'have')", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    expect(reader.read("Bişkek'te hava nasıl?").words).toEqual(["biskek", "hava", "nasil"]);
    expect(engine.ask("Bişkek'te hava nasıl?").kind).toBe("decline");
  });

  it("reads a common Kyrgyz verb as itself, not as a concept its stem collides with ('кылды' is not 'кылым')", () => {
    const d = asked("Жапаров Кытайга барып эмне кылды", "answer");
    expect([d.ids[0], d.confidence]).toEqual(["du-dewen-visit-announcement", "sure"]);
  });

  it("reads an English 'when' after another question word as joining a clause, not asking a date", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("Why does the author count Japan as Western when it's in Asia?")).not.toContain("#q-when");
    expect(first("Why does the author count Japan as Western when it's in Asia?")).toBe(
      "japan-western-partner",
    );
    // Asked on its own, "when" still asks when.
    expect(terms("When did Kulubaev meet Syromolotov?")).toContain("#q-when");
  });

  it("reads Russian polite formulas as asking nothing ('будьте любезны', 'применительно к', 'в каком ключе')", () => {
    const q =
      "Будьте любезны, поясните, в каком ключе автор рассматривает доктрину Примакова применительно к региону?";
    expect(first(q)).toBe("russia-influence-primakov");
  });

  it("does not correct chat words and common verbs into content words ('брат' is no 'барат', 'турат' no 'курат')", () => {
    expect(first("брат, кто автор?")).toBe("author");
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("Кыргызстан кимдин тарабында турат?")).not.toContain("#infrastructure");
    // Everyday Kyrgyz words whose stems meet the article's ideas: "чынбы" (really?) is no strengthening,
    // "бирок" (but) no unity, "кызым" (my daughter) no century, "көлгө" (to the lake) no use, "жаңы"
    // (new) and "жаан" (rain) no press, "калып" (staying) no shape.
    const everyday = terms("чынбы? бирок кызым көлгө барды, жаңы жаан, калып калды");
    for (const idea of ["#strengthen", "#unity", "#century", "#use", "#press", "#shape"])
      expect(everyday).not.toContain(idea);
    // The same in Turkish ("yine", again, is no Çin; "benim", mine, no keeping; "adam", a guy, no island;
    // "sorayım", let me ask, and "mesela", for example, no threat), English ("brain" is no train, "unit" no
    // unity, "error" no terrorism) and Russian ("хотя", although, is no wanting; "цены",
    // prices, no importance; "дорогие", dear, no roads; "дети", children, no saying).
    const turkish = terms("yine benim adam sorayım mesela");
    for (const idea of ["@china", "#maintain", "#island", "#threat"]) expect(turkish).not.toContain(idea);
    const english = terms("my brain hurts, a unit, an error, personally");
    for (const idea of ["#railway", "#train", "#unity", "#terrorism", "#q-who"])
      expect(english).not.toContain(idea);
    const russian = terms("хотя цены дорогие, дети");
    for (const idea of ["#keen", "#importance", "#road", "#say"]) expect(russian).not.toContain(idea);
    // Russian chat writes the reflexive ending as said: "меняеца" is "меняется", "называеца" "называется".
    expect(terms("почему так часто меняеца власть")).toContain("#power-change");
    expect(terms("как называеца эта доктрина")).toContain("#title");
    // Turkish chat's "kimdi" (who was) and "napıyo" (what is … doing) ask who and what.
    expect(terms("yazar kimdi ya")).toContain("#q-who");
    expect(terms("çin orda napıyo")).toContain("#q-what-is");
    // …while "даты" (dates) asks when, as "дата" does.
    expect(terms("какие даты упоминаются?")).toContain("#q-when");
    // Turkish "sağlıyor" (provides) is a benefit, not "sağlıklı" (healthy).
    expect(terms("bu politika ne sağlıyor")).toContain("#benefit");
    expect(terms("Макалада ШКУ айтылат. Кыргызстан буларды ким менен талкуулады?")).not.toContain("#source");
    expect(terms("I went there again last year")).not.toContain("#benefit");
    // "приняли" (adopted) is no "пришли" (came, as in "came to power"); "professor" no profession.
    expect(terms("какие меры приняли против фондов Сороса?")).not.toContain("пришл");
    expect(terms("my professor asked who wrote it")).not.toContain("#post");
    // A lower-case word one letter off a name the article never mentions is a word of its own ("tramp"
    // is no Trump); a dropped letter is still that name.
    expect(
      reader.read("after a long tramp in the hills: where does the Japanese grant go?").outOfScope,
    ).toEqual([]);
    expect(reader.read("what does the article say about lavrv?").outOfScope).toHaveLength(1);
    // Turkish "bilen" (someone who knows) is no Biden, whom the article never mentions.
    expect(engine.ask("Çin hakkında bilen var mı, makale ne diyor?").kind).toBe("answer");
    // Common English words are themselves: "cost" is no post, "best" no West.
    expect(terms("how much did the road equipment cost?")).not.toContain("#post");
    expect(terms("what is the best thing about the policy")).not.toContain("@the-west");
  });

  it("takes Kyrgyz demonstratives and chat 'че' as function words ('муну ким жазган' asks for the author)", () => {
    expect(first("муну ким жазган")).toBe("author");
  });

  it("does not read Russian 'какие' as 'как' (how), nor correct a name into a Kyrgyz particle", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("Как прошли консультации?")).toContain("#q-how");
    expect(terms("Какие организации обсуждали?")).not.toContain("#q-how");
    expect(first("Что сказал посол Китая Ду Девен?")).toMatch(/^du-dewen-/);
  });

  it("reads Russian 'кого-то' (someone) as no question word, and Turkish 'çok' (very) as no content word", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("Надо выбрать кого-то одного?")).not.toContain("#q-who");
    expect(terms("Кого выбрал Кыргызстан?")).toContain("#q-who");
    expect(terms("ama cok uzun ya, kisaca makale ne anlatiyor?")).not.toContain("cok");
    expect(first("selam :) odevim bu makale. ama cok uzun ya, kisaca makale ne anlatiyor?")).toBe(
      "article-summary",
    );
  });

  it("reads 'what does the article argue?' after a story as a question about the story's subject", () => {
    expect(
      first("My teacher keeps talking about the Primakov doctrine. What does the article actually argue?"),
    ).toBe("russia-influence-primakov");
  });

  it("reads a question that points back with a pronoun as one about what the preamble named", () => {
    // "его" is the Belt and Road of the first sentence, in the prepositional case there.
    expect(
      first("Хочу написать эссе о Поясе и пути, мне очень интересна эта тема. Упоминает ли автор его?"),
    ).toBe("belt-and-road");
  });

  it("reads an English sentence with a question word deep inside it as the story, not the question", () => {
    // Karakol is the story's town, not a place the question asks about.
    expect(
      first(
        "Had plov with a family in Karakol last night and the grandpa kept talking about Soviet times and how Russia still matters here. Why does Russia still have so much pull according to this article",
      ),
    ).toBe("russia-influence-primakov");
  });

  it("takes Turkish 'diye geçen kısım' and Kyrgyz 'бир нерсе' for function words", () => {
    expect(first("Makalede 'renkli devrimler' diye geçen kısım ne anlatıyor?")).toBe("tulip-revolution");
    expect(first("Ozbekstan jonundo bir nerse barby statyada?")).toBe("railway-project");
  });

  it("takes 'коротко' for a summary, Kyrgyz 'статьяны' for the article, and 'orgs' for organisations", () => {
    expect(first("О чём эта статья, если коротко?")).toBe("article-summary");
    expect(first("bul statyany kim jazdy ozu?")).toBe("author");
    expect(first("wich orgs came up at the kg-rus consultatons")).toBe("consultations-organisations");
  });

  it("asks for the author with 'who has written it', and for a place with 'in which city'", () => {
    expect(first("My host family showed me this article. Who has written it actually?")).toBe("author");
    expect(first("Кыргыз-орус консультациялары кайсы шаарда болгон?")).toBe("consultations-delegations");
  });

  it("knows China in every Russian case, and who was toppled is not the Tulip Revolution answer", () => {
    for (const q of ["Политика Китая в регионе", "Кыргызстан и Китай", "инвестиции в Китае"])
      expect(engine.groupKey(q)).toContain("@china");
    expect(engine.ask("Lale Devrimi'nde hangi cumhurbaşkanı devrildi?").kind).toBe("decline");
  });
});

describe("English words the content lacks", () => {
  it("are not corrected to a word only the Turkish content uses", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const a = reader.read("what is the trade volume between Kyrgyzstan and Russia?", "en");
    expect(a.askingWords).toContain("volume");
    // "Soros-linked" is no web link.
    const linked = reader.read("What does the article say about Soros-linked organisations?", "en");
    expect(linked.terms.map((t) => t.term)).not.toContain("#source-link");
    expect(engine.ask("what's Kyrgyzstan's trade volume with Russia vs China?").kind).toBe("decline");
  });
});

describe("typos and small talk as people type them", () => {
  it("corrects two swapped letters in a short word, which share no letter pair with the right one", () => {
    expect(first("belt and raod initiative")).toBe("belt-and-road");
  });

  it("takes function words around a small-talk phrase as filler", () => {
    for (const q of ["bye for now, have a good one", "thanks a lot, that helped!", "Жакшы, кош бол"])
      expect(engine.ask(q).kind, q).toBe("smalltalk");
    expect(engine.ask("thanks, and who is Kulubaev?").kind).toBe("answer");
  });
});

describe("questions that ask for a kind of thing", () => {
  it("'which countries' needs an answer that names a country the question does not", () => {
    expect(engine.ask("Which foreign countries manipulated the Tulip Revolution?").kind).toBe("decline");
    expect(first("Which countries did Kyrgyzstan have contacts with?")).toBe("diplomatic-contacts");
  });
});

describe("jobs for people and a person's job", () => {
  it("reads jobs (рабочие места, работа) as employment, and someone's job as their post", () => {
    expect(first("что в статье про рабочие места?")).toBe("western-capital");
    expect(first("What is Isaev's job?")).toBe("consultations-delegations");
  });
});

describe("the word for year beside a year", () => {
  it("adds nothing to the year it names ('2005 yılında', 'in the year 2005')", () => {
    for (const q of ["2005 yılında ne oldu?", "What happened in the year 2005?"])
      expect(asked(q, "answer").ids[0], q).toBe("tulip-revolution");
  });
});

describe("Russian the language and Russia the country", () => {
  it("answers 'in Russian' with the article's languages, and 'what about Russia?' not with them", () => {
    for (const q of ["Can I read this in Russian?", "статья есть на русском?", "Rusçası var mı?"])
      expect(asked(q, "answer").ids[0], q).toBe("article-languages");
    const d = engine.ask("What about Russia?");
    expect(d.kind === "answer" ? d.ids[0] : d.kind).not.toBe("article-languages");
    expect(engine.ask("How much money did Russia give Kyrgyzstan?").kind).toBe("decline");
  });

  it("tells Turkish the language from the author's nationality", () => {
    expect(first("Is there a Turkish version?")).toBe("article-languages");
    expect(first("Is the author Turkish?")).toBe("author");
  });
});

describe("names only the answer's text gives", () => {
  it("finds the author by the universities his biography names", () => {
    for (const q of ["tell me about Gazi University", "Trakya Üniversitesi?"])
      expect(asked(q, "answer").ids[0], q).toBe("author");
  });
});

describe("asking what the bot thinks of the article", () => {
  it("reads 'what do you think the author means by…' as asking what the author means", () => {
    expect(asked("What do you think the author means by multi-vector?", "answer").ids[0]).toBe(
      "multi-vector-meaning",
    );
  });
});

describe("modal words", () => {
  it("reads 'must', 'should' in every language as how a question asks, not what about", () => {
    for (const q of [
      "почему Кыргызстан не должен зависеть от России?",
      "Kırgızistan neden Rusya'ya bağımlı olmamalı?",
    ])
      expect(asked(q, "answer").ids[0], q).toBe("one-sided-dependency");
  });

  it("does not take a long question after thanks for small talk", () => {
    const d = engine.ask(
      "cheers for that. one more from me - it says moscow wants more influence in the region, does it say anything about the russian base at kant",
    );
    expect(d.kind).not.toBe("smalltalk");
  });
});

describe("chat words for people", () => {
  it("reads 'this guy', 'этот чувак' as chat, not as a claim", () => {
    expect(asked("so who's this Syromolotov guy", "answer").ids[0]).toBe("kulubaev-syromolotov-meeting");
    expect(asked("кто этот чувак Исаев", "answer").ids[0]).toBe("consultations-delegations");
  });

  it("does not take 'special' for the author's specialisation", () => {
    expect(asked("why did the Chinese ambassador say the relationship is special", "answer").ids[0]).toBe(
      "du-dewen-quote",
    );
  });
});

describe("wanting and recommending", () => {
  it("reads 'want' as the article's 'keen', and 'recommend' as asking for the conclusion", () => {
    expect(first("What does Russia want in Central Asia?")).toBe("russia-influence-primakov");
    expect(first("что хочет Россия в Центральной Азии?")).toBe("russia-influence-primakov");
    expect(first("What does the author recommend?")).toBe("conclusion");
    expect(first("yazar Kırgızistan için ne öneriyor?")).toBe("conclusion");
  });
});

describe("the bot addressed", () => {
  it("reads 'bot, …' and 'hey bot …' as addressing the bot, not asking about it", () => {
    for (const q of [
      "Dear bot, who wrote the article?",
      "hey bot who wrote this",
      "Selam bot, yazar kim?",
      "who wrote this, bot?",
    ])
      expect(asked(q, "answer").ids, q).toEqual(["author"]);
    expect(first("what can this bot do?")).toBe("bot-capabilities");
  });

  it("reads 'Бот, …' opening a later sentence as addressing the bot, and 'бул тууралуу' as pointing back", () => {
    expect(
      first(
        "Кечээ досум менен талаштык, ал Жапаров эл көтөрүлүп бийликке келген дейт. Бот, макалада бул тууралуу эмне деп жазылган?",
      ),
    ).toBe("japarov-profile");
  });

  it("leaves the speaker's own people out of what a pronoun points back to ('my friends argued about…')", () => {
    expect(
      first(
        "My friends argued all evening about the Tulip Revolution. Bot, what does the article say about it?",
      ),
    ).toBe("tulip-revolution");
  });

  it("drops a mention before a Kyrgyz question in Latin letters is spelled in Cyrillic", () => {
    // Spelled "@кг_артицле_бот", the username was read as three unknown words.
    const q = "@kg_article_bot makalada Soros jonundo emne delingen";
    expect(asked(q, "answer").ids).toEqual(asked("makalada Soros jonundo emne delingen", "answer").ids);
  });
});

describe("English prepositions at the end", () => {
  it("reads 'what were X about?' as asking what was discussed", () => {
    expect(first("What were the Kyrgyz-Russian consultations about?")).toBe("consultations-topics");
  });
});

describe("asking for a list the answer does not give", () => {
  it("declines 'which <adjective> organisations' when the answer names none", () => {
    expect(asked("which soros-funded ngos did kyrgyzstan actually shut down", "decline").reason).toBe(
      "lacks",
    );
    expect(first("which structures does the author call 'Sorosian'")).toBe("foreign-funded-structures");
    for (const q of [
      "Does the author give names of the Sorosian structures?",
      "Yazar Soros bağlantılı hangi kuruluşları kastediyor?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
  });
});

describe("Russian adjectives of the article's ideas", () => {
  it("'инфраструктурный проект' is the infrastructure the railway brings; 'в качестве' asks nothing", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = reader.read("Какой инфраструктурный проект приводится в качестве примера?").terms;
    expect(terms.map((t) => t.term)).toContain("#infrastructure");
    expect(terms.map((t) => t.surface)).not.toContain("качестве");
  });
});

describe("Turkish idioms in the article's words", () => {
  it("reads 'kafam karıştı' as confusion and 'hareket ediyor' as acting, not interference or a movement", () => {
    expect(
      first(
        "Hocam iyi günler, kafam karıştı. Bişkek yönetimi dış politikada nasıl bir yaklaşımla hareket ediyor?",
      ),
    ).toBe("multi-vector-meaning");
  });
});

describe("a reported fact before the article's reading of it", () => {
  it("answers 'what is the Japan grant?' with the grant a footnote reports, its significance offered beside", () => {
    const d = asked("what is the japan grant", "answer");
    expect(d.ids[0]).toBe("japan-grant-batken");
    expect(d.alternatives.map((c) => c.id)).toContain("japan-grant-significance");
  });
});

describe("'new' is not 'news', and a rail link is the railway", () => {
  it("reads 'the new rail link' as the railway, not as a news report's link", () => {
    const d = asked("which countries will the new rail link join?", "answer");
    expect(d.ids[0]).toBe("railway-project");
    expect(engine.questionKinds("the new rail link")).toEqual([]);
    expect(engine.groupKey("the new rail link")).not.toContain("#press");
  });
});

describe("a slip of the finger inside a quote", () => {
  it("still finds the answer whose words are quoted, one word a typo away", () => {
    expect(first("What does “an agrement on foreign currency notes and grants” refer to in the text?")).toBe(
      "japan-agreement",
    );
    expect(
      asked(
        "Du Dewen'in “Kırgızistan ve Çin strtaejik ortaklardır” sözü hangi bağlamda aktarılıyor?",
        "answer",
      ).ids,
    ).toEqual(["du-dewen-quote"]);
  });
});

describe("a Russian story before a Kyrgyz question", () => {
  it("reads the question in Kyrgyz, the language it is written in", () => {
    expect(first("Привет, мы с сестрой долго спорили о политике. Булактар кайсы сайттардан алынган?")).toBe(
      "sources-list",
    );
  });
});

describe("a condition that opens the question's sentence", () => {
  it("reads 'If…, why…?' and 'When…, which…?' as the scene set for the question, not a question of its own", () => {
    expect(asked("If Japan is so far away, why does Kyrgyzstan need it?", "answer").ids[0]).toBe(
      "japan-western-partner",
    );
    expect(
      asked(
        "Hello. When the Kyrgyz delegation sat down with the Russians, which international organisations did they talk about?",
        "answer",
      ).ids,
    ).toEqual(["consultations-organisations"]);
  });
});

describe("progress in four languages", () => {
  it("finds the progress Kyrgyzstan has made in Kyrgyz words ('илгерилөө', 'жагынан' a postposition)", () => {
    expect(first("Кыргызстан демократия жагынан илгерилөө жасадыбы?")).toBe("one-sided-dependency");
  });
});

describe("a footnote named by its number and described by its title", () => {
  it("asks which outlet of the list of sources, not of the fact citing it", () => {
    expect(
      asked(
        "Footnote 2, the one about Kyrgyz-Russian consultations on regional security in Bishkek - which outlet published it?",
        "answer",
      ).ids[0],
    ).toBe("sources-list");
  });
});

describe("a date written in figures", () => {
  it("gives the day when the answer writes it as 24.03.2023", () => {
    expect(asked("on which exact day did the author access the sources?", "answer").ids[0]).toBe(
      "sources-list",
    );
  });
});

describe("the month of something dated by its year", () => {
  it("declines the month of what the article dates by its year, and gives the one it dates by month", () => {
    const d = engine.ask("what month of 2005 was the tulip revolution");
    expect(d.kind === "decline" && d.reason === "lacks" && d.detail).toBe("month");
    expect(asked("в каком месяце Жапаров поедет в Пекин?", "answer").ids[0]).toBe(
      "du-dewen-visit-announcement",
    );
  });
});

describe("Turkish 'hep' (always) and 'almışlar' (they took)", () => {
  it("weighs them as common words: which news the article took from Aki Press is the list of sources", () => {
    expect(
      asked("Dipnotlarda hep Aki Press yazıyor, bu ne ya? Hangi haberleri oradan almışlar?", "answer").ids[0],
    ).toBe("sources-list");
  });
});

describe("'full' is no typo of 'pull' (influence)", () => {
  it("reads 'the author's full name' as asking the author's name", () => {
    expect(asked("whats the authors full name and his main reserch areas?", "answer").ids).toEqual([
      "author",
    ]);
  });
});

describe("a claim checked with one detail the article does not have", () => {
  it("answers with the fact that corrects it, hedged: a place, a year, a figure set wrong", () => {
    for (const [q, id] of [
      ["the article says Japan gave 5.3 million for roads in the Osh region, right?", "japan-grant-batken"],
      ["Lale Devrimi 2010'da olmuştu değil mi? Yazıda öyle geçiyor sanırım", "tulip-revolution"],
      ["Kulubaev menen Syromolotov kachan joluktu? 2022-jyly bele?", "kulubaev-syromolotov-meeting"],
    ] as const)
      expect(asked(q, "answer"), q).toMatchObject({ ids: [id], confidence: "hedged" });
  });

  it("still declines what names something else, or checks nothing", () => {
    for (const q of [
      "What did Putin say about Kyrgyzstan, right?",
      "Is it safe to travel from Osh to Batken by road right now?",
      "А как у Казахстана с многовекторностью? Токаев ведь тоже лавирует между Москвой и Пекином.",
      "did japan give money to osh?",
      "What did the Kyrgyz president say in 2024, right?",
    ])
      expect(engine.ask(q).kind, q).toBe("decline");
  });
});

describe("'is that right?' after a claim", () => {
  it("reads 'Правильно?' alone after a claim as checking it, not as 'what did he do right'", () => {
    expect(
      asked("Посол Китая сказал, что Жапаров поедет в Пекин в мае 2023. Правильно?", "answer").ids[0],
    ).toBe("du-dewen-visit-announcement");
    // Inside a question it is a word of its own.
    expect(asked("что президент сделал правильно во внешней политике", "answer").ids[0]).toBe(
      "japarov-achievement",
    );
  });
});

describe("thanks or a greeting in a word, then a question", () => {
  it("weighs 'thx', 'tşk', 'спс' as nothing beside the question, and still reads them alone as thanks", () => {
    for (const q of ["thx, who wrote it", "tşk kim yazdı", "cheers, who wrote it", "спс, кто написал"])
      expect(asked(q, "answer"), q).toMatchObject({ ids: ["author"], confidence: "sure" });
    for (const q of ["thx", "спс", "jakshy rahmat"]) expect(engine.ask(q).kind, q).toBe("smalltalk");
  });
});

describe("details the article never gives", () => {
  it("declines which country, where the answer names none ('which foreign country interfered?')", () => {
    for (const q of [
      "which foreign country interfered in the tulip revolution?",
      "Жоогазын (Тюльпан) революциясына кайсы чет өлкө кийлигишкен деп жазылган?",
    ]) {
      const d = engine.ask(q);
      expect(d.kind === "decline" && d.reason === "lacks" && d.detail, q).toBe("country");
    }
    // …and answers it where the answer names one.
    expect(asked("which country will Zhaparov visit in May?", "answer").ids[0]).toBe(
      "du-dewen-visit-announcement",
    );
  });

  it("asks the words of whom is named just before the verb of saying, not of whom they were said to", () => {
    for (const q of [
      "what did zhaparov say to the ambassador?",
      "А что Жапаров ответил послу Ду Дэвэню? Есть его слова в статье?",
    ]) {
      const d = engine.ask(q);
      expect(d.kind === "decline" && d.reason === "lacks" && d.detail, q).toBe("words");
    }
    expect(asked("what did the ambassador say about Zhaparov's visit?", "answer").ids[0]).toBe(
      "du-dewen-visit-announcement",
    );
  });

  it("declines who pays for the railway, and answers who funds the Soros-linked groups", () => {
    const d = engine.ask("railway funding chinese money or kyrgyz");
    expect(d.kind === "decline" && d.reason === "lacks" && d.detail).toBe("funding");
    expect(asked("who funds the soros organisations?", "answer").ids[0]).toBe("foreign-funded-structures");
  });

  it("takes countries for 'with whom' of ties between countries, never for who someone is or who signed", () => {
    expect(
      asked('"kazan-kazan mantığı" ile kimlerle politika geliştirilmeye çalışılıyor', "answer").ids[0],
    ).toBe("multi-vector-why-now");
    expect(asked("an agreement on foreign currency notes and grants — between whom?", "answer").ids[0]).toBe(
      "japan-agreement",
    );
    for (const q of ["who signed the agreement with Japan?", "а кто такой был Примаков?"]) {
      const d = engine.ask(q);
      expect(d.kind, q).toBe("decline");
    }
  });

  it("declines the day in May asked in Kyrgyz 'майдын нечесинде' (on which of May)", () => {
    const d = engine.ask("жапаров пекинге майдын нечесинде барат?");
    expect(d.kind === "decline" && d.reason === "lacks" && d.detail).toBe("day");
  });

  it("declines how anyone reacted, and whether someone is still in office", () => {
    const reacted = engine.ask("how did moscow react after the meeting?");
    expect(reacted.kind === "decline" && reacted.reason === "lacks" && reacted.detail).toBe("reaction");
    for (const q of [
      "is kulubaev still foreign minister or did he get replaced after 2023?",
      "Kulubaev hâlâ Kırgızistan'ın dışişleri bakanı mı, yoksa değişti mi?",
      "Kırgızistan'ın şu anki dışişleri bakanı hâlâ Kulubaev mi?",
    ]) {
      const still = engine.ask(q);
      expect(still.kind === "decline" && still.reason === "lacks" && still.detail, q).toBe("present");
    }
  });
});

describe("Turkish typos inside a stem", () => {
  it("puts back a letter dropped from a stem before its endings ('lisnsını' is 'lisansını')", () => {
    expect(asked("yazar yüksek lisnsını nerde yaptı, tez konsu neydi", "answer").ids[0]).toBe("author");
    // A chat spelling of a function word, mistyped ("gecio" is "geçiyo"), weighs nothing.
    expect(
      asked("cin-kirgizistan-ozbekistan demiryolu projesi makalde neyin örnegi olarak gecio?", "answer")
        .ids[0],
    ).toBe("railway-project");
    // …a stem of four letters too ("habrini" is "haberini", "tarhi" "tarihi").
    expect(asked("japonya hibesi habrini hangi site yazmış, tarhi ne", "answer").ids[0]).toBe("sources-list");
    // A stem the content has, with its endings, is no typo.
    expect(asked("Başaran yüksek lisansını hangi üniversitede yaptı", "answer").ids[0]).toBe("author");
  });
});

describe("Turkish names whose Snowball stems collide", () => {
  it("reads 'batıyla' (with the West) as the West, not as Batken, whose stem Snowball cuts to 'bat'", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = reader.read("kırgızistan batıyla ilişkiyi bıraktı mı?").terms.map((t) => t.term);
    expect(terms).toContain("@the-west");
    expect(terms).not.toContain("@batken");
    // Batken itself, inflected, is still Batken.
    expect(asked("Batkene ne kadar hibe verildi", "answer").ids[0]).toBe("japan-grant-batken");
  });
});

describe("Turkish 'karşı' (against) and 'dış' (foreign)", () => {
  it("reads 'dış müdahaleye karşı' as foreign interference, not as a comparison", () => {
    expect(asked("Caparov ülkesini dış müdahaleye karşı nasıl koruyor?", "answer").ids[0]).toBe(
      "japarov-profile",
    );
  });
});

describe("an exchange rate the article never gives", () => {
  it("declines 'курс доллара' as something the article does not mention, not as a policy's course", () => {
    const d = engine.ask(
      "Какой сейчас курс доллара к сому? Хочу пересчитать японский грант в сомы для новости",
    );
    expect(d.kind === "decline" && d.reason).toBe("out-of-scope");
  });
});

describe("a loan the article never speaks of", () => {
  it("declines the interest on the Japanese money, naming what the article lacks", () => {
    const d = engine.ask("did japan give the 5.3 million as a loan, what is the interest rate");
    expect(d.kind).toBe("decline");
    expect(d.kind === "decline" && d.reason).toBe("out-of-scope");
  });

  it("answers 'a loan or a grant?' with the grant: the other choice is an idea the article has", () => {
    expect(asked("was the 5.3 million a loan or a grant?", "answer").ids[0]).toBe("japan-grant-batken");
    // "Gift" is money given for nothing back, not a typo of "gist" (the summary).
    expect(asked("is the japanese money a loan or a gift", "answer").ids[0]).toBe("japan-grant-batken");
  });
});

describe("English verbs the content does not know", () => {
  it("weighs an unknown word where grammar puts a verb as a common word, not as a claim", () => {
    expect(asked("Which doctrine does Moscow grow its influence with?", "answer").ids[0]).toBe(
      "russia-influence-primakov",
    );
  });

  it("reads only the verb positions so: an unknown thing after 'to' or 'is there' is still a claim", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const verb = (q: string, word: string) => reader.read(q).terms.find((t) => t.surface === word)?.verb;
    expect(verb("which doctrine does moscow use to grow its influence", "grow")).toBe(true);
    expect(verb("which doctrine does moscow grow its influence with", "grow")).toBe(true);
    expect(verb("what happened to kambarata", "kambarata")).toBeUndefined();
    expect(verb("is there snow in batken now", "snow")).toBeUndefined();
    expect(engine.ask("what happened to kambarata").kind).toBe("decline");
  });
});

describe("the conjuncture and the tendency in other words", () => {
  it("finds why the region leans multi-vector from 'trend', 'тяга' and 'обстановка'", () => {
    for (const q of [
      "what trend does the author see across central asian states",
      "Из-за чего в Центральной Азии появилась тяга к многовекторности?",
      "какая обстановка сейчас в центральной азии по статье?",
    ])
      expect(asked(q, "answer").ids[0], q).toBe("multi-vector-why-now");
  });
});

describe("where the author works now", () => {
  it("is what the article does not say, asked as Turkish chat types it ('şu an hangi üniversitede çalışıyo')", () => {
    expect(asked("yazar şu an hangi üniversitede çalışıyo", "decline").reason).toBe("lacks");
    expect(first("yazar hangi üniversitede okudu")).toBe("author");
  });
});

describe("a detail asked apart that the best answer lacks", () => {
  it("is given by the related answer that has it: which agreement, and for what sum", () => {
    expect(asked("какое соглашение подписали с Японией и на какую сумму?", "answer").ids).toEqual([
      "japan-agreement",
      "japan-grant-batken",
    ]);
    // Asked of the agreement itself, it is what the article does not say.
    expect(asked("на какую сумму подписали соглашение с Японией?", "decline").reason).toBe("lacks");
  });
});

describe("who else", () => {
  it("declines 'who else' of an answer that names the only people the article gives, in four languages", () => {
    for (const q of [
      "who else did Kulubaev meet?",
      "kto eshe vstrechalsya s Kulubaevym",
      "Kulubayev başka kimlerle görüştü?",
      "Кулубаев дагы ким менен жолукту?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("Kulubayev kimlerle görüştü?")).toBe("kulubaev-syromolotov-meeting");
  });
});

describe("finer details of an answer gathering several facts", () => {
  it("are checked against its text too: the day's events name no other delegate", () => {
    expect(asked("Who else was part of the Russian delegation on 23 March?", "decline").reason).toBe("lacks");
  });
});

describe("who goes along, and which roads", () => {
  it("declines who accompanies someone and which roads by name: the article names neither", () => {
    for (const q of [
      "Who will accompany Japarov to Beijing?",
      "Which roads in Batken will be repaired?",
      "какие дороги отремонтируют в Баткене?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("What roads and sidewalks does the grant cover?")).toBe("japan-grant-batken");
  });

  it("declines which villages, districts or agency: the article names the region and the country only", () => {
    for (const q of [
      "which villages in Batken will get new roads?",
      "В каком районе Баткена будут ремонтировать дороги?",
      "Japonyanın hangi kurumu bu parayı veriyor?",
      "Баткендин кайсы айылдарына жол салынат?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("Which region gets the Japanese money?")).toBe("japan-grant-batken");
  });
});

describe("how things stand now", () => {
  it("declines whether someone still holds an office, which the article of March 2023 cannot say", () => {
    for (const q of [
      "Is Kulubaev still the foreign minister?",
      "Кто сейчас министр иностранных дел Кыргызстана?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    // "still" in a question the article answers is no question about today.
    expect(first("почему влияние России всё ещё ощущается в Кыргызстане?")).toBe("russia-influence-primakov");
    expect(first("why is russian influence still felt in kyrgyzstan")).toBe("russia-influence-primakov");
  });
});

describe("sums", () => {
  it("declines a sum the answer does not give, and how a total is split", () => {
    for (const q of [
      "Does the article give the amount of Chinese investment in Kyrgyzstan?",
      "how much of the grant goes to sidewalks?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    for (const q of ["What is the amount of the Japanese grant?", "Сумма японского гранта?"])
      expect(first(q), q).toBe("japan-grant-batken");
  });
});

describe("the time of day and counts", () => {
  it("declines an hour or a count the article never gives, and still answers the date", () => {
    for (const q of [
      "What did the CSTO decide?", // what came of it
      "What time did Kulubaev and Syromolotov meet?",
      "в котором часу встретились Кулубаев и Сыромолотов?",
      "How many roads in Batken will be repaired?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("When did Kulubaev meet Syromolotov?")).toBe("kulubaev-syromolotov-meeting");
  });
});

describe("whose words", () => {
  it("declines one person's words asked of an answer quoting another, and answers the quoted one", () => {
    for (const q of [
      "what did Japarov say about the visit?",
      "Что сказал Жапаров о визите в Китай?",
      "Что ответил Сыромолотов Кулубаеву?", // a reply is words said
      "What was Kulubaev's reaction to the meeting?", // and so is a reaction
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("What did Du Dewen say about Zhaparov's visit?")).toBe("du-dewen-visit-announcement");
    expect(first("what did the chinese ambassador say about Zhaparov's visit?")).toBe(
      "du-dewen-visit-announcement",
    );
  });
});

describe("a role the article does not name", () => {
  it("declines 'who was the <role>' for a role the content never uses, and still answers who met whom", () => {
    for (const q of [
      "Who was the interpreter at the Kulubaev Syromolotov meeting?",
      "Кто был переводчиком на встрече Кулубаева и Сыромолотова?",
      "Kulubaev ile Syromolotov görüşmesinde tercüman kimdi?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(
      asked("Кто из журналистов Aki Press написал эти новости? Нужна фамилия автора заметки.", "decline")
        .reason,
    ).toBe("lacks");
    expect(first("Was it Isaev who sat down with Syromolotov on 23 March?")).not.toBe("decline");
    expect(first("Who did Kulubaev meet on 23 March?")).toBe("kulubaev-syromolotov-meeting");
  });
});

describe("the article's own date", () => {
  it("declines when the article was written or published, which its page does not give", () => {
    for (const q of [
      "when was the article written?",
      "Когда написана статья?",
      "Bu makaleyi ne zaman yazmışlar?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("When did Kulubaev meet Syromolotov?")).toBe("kulubaev-syromolotov-meeting");
  });

  it("reads 'by whom' as who", () => {
    for (const q of ["Салам, макала кимдин тарабынан жазылган?", "makale kim tarafından yazıldı?"])
      expect(first(q), q).toBe("author");
  });
});

describe("a name that is also a word", () => {
  it("reads 'the US' typed in capitals as the country, 'us' and a message in capitals as the word", () => {
    expect(first("what does the article say about the US?")).toBe("japan-western-partner");
    expect(first("tell us about the grant for Batken")).toBe("japan-grant-batken");
    expect(first("TELL US ABOUT THE GRANT FOR BATKEN")).toBe("japan-grant-batken");
  });
});

describe("being friends with a country", () => {
  it("reads 'friends with Japan', 'дружит с Японией' as relations with it", () => {
    for (const q of [
      "why is kyrgyzstan friends with japan?",
      "Слушай, а почему Кыргызстан вообще дружит с Японией? Это же далеко",
    ])
      expect(first(q), q).toBe("japan-economic-cooperation");
    expect(first("pochemu nam nado druzhit i s Rossiei i s Kitaem, chto avtor pishet")).toBe(
      "russia-china-proximity",
    );
  });
});

describe("keeping up relations", () => {
  it("reads Turkish 'koruyor' (keeps) as the article's maintaining", () => {
    // Why the Western direction is kept: the reasons for it, or the article's example of it.
    expect(["western-capital", "japan-economic-cooperation"]).toContain(
      first("Kırgızistan neden Batı ile ilişkilerini koruyor?"),
    );
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    expect(
      reader.read("Kırgızistan neden Batı ile ilişkilerini koruyor?").terms.map((t) => t.term),
    ).toContain("#maintain");
  });
});

describe("praise", () => {
  it("reads Kyrgyz 'колдойт' (supports) as praise, not 'колдонот' (uses)", () => {
    expect(first("Автор Жапаровду колдойбу?")).toBe("japarov-achievement");
  });
});

describe("found in batches X and Y", () => {
  it("does not take a chatty message's story for the question when the question names its own unknown thing", () => {
    // "dead" was read as "head" (of a delegation), and "tell me a joke" asked about that.
    expect(engine.ask("exams next week and im dead 😩 tell me a joke pls").kind).toBe("decline");
  });

  it("reads Russian 'является', 'данного' as function words and a question word with a letter dropped as asking", () => {
    expect(
      first("Подскажите, пожалуйста, кто является автором данного материала и какое у него образование?"),
    ).toBe("author");
    expect(
      first(
        "извините за опечатки пишу с телефона на перемене. пчему по мнению автора многовекторность сейчас так популярна у стран центральной азии",
      ),
    ).toBe("multi-vector-why-now");
  });

  it("reads an agenda as what was discussed, and asks for a quote in a clause apart from 'the text'", () => {
    expect(first("Консультации КР–РФ: повестка?")).toBe("consultations-topics");
    expect(
      asked("Syromolotov görüşmede tam olarak ne söylemiş? Yazıda doğrudan bir alıntısı var mı?", "decline")
        .reason,
    ).toBe("lacks");
  });

  it("reads Turkish 'tarafından' (by) as a function word, not bias, and Kyrgyz 'даража' as a degree", () => {
    expect(first("rusya ile gorusmeyi kirgiz tarafindan kim yapti")).toBe("kulubaev-syromolotov-meeting");
    expect(first("avtor doktorluk darajasyn kachan jana kaisy universitette algan?")).toBe("author");
  });

  it("reads Turkish 'önemli buluyor' (finds important) as the author's view, a frame", () => {
    expect(first("Yazar Japonya örneğini neden önemli buluyor?")).toBe("japan-western-partner");
  });

  it("reads 'where was it taken from' as asking for the source, and inflected 'signed' as asking what was signed", () => {
    expect(first("Du Dewenin sozleri nereden alinmis, dipnot var mi?")).toBe("sources-list");
    expect(
      asked(
        "Yazar, Caparov'un Mayıs 2023'teki Pekin ziyaretinde hangi anlaşmaların imzalandığından bahsediyor mu?",
        "decline",
      ).reason,
    ).toBe("lacks");
  });

  it("declines since when something has been so, which the article never says", () => {
    for (const q of [
      "Du Dewen degen kim, kachantan beri elchi? 🤷‍♀️ postko kerek",
      "how long has Kulubaev been minister?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
  });

  it("prefers, of two close answers, the one whose text names the office asked about", () => {
    expect(
      first(
        "Hello. I am from Urumqi, 6 years I do business in Bishkek, import textile. My friend send me this article. Who is the Chinese ambassador in it?",
      ),
    ).toBe("du-dewen-visit-announcement");
    expect(first("what did the chinese ambassador say?")).toBe("du-dewen-quote");
  });

  it("answers how Japarov came to power in Turkish, as in English (a life event only when asked when)", () => {
    expect(first("sadir caparov nasil iktidara geldi 🤔")).toBe("japarov-profile");
  });

  it("declines whether the railway is finished, which the article does not say", () => {
    for (const q of [
      "Is the China-Kyrgyzstan-Uzbekistan railway already finished? Maybe I want to go by train to Uzbekistan",
      "Железная дорога уже построена?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
  });
});

describe("where a place is", () => {
  it("declines where a place itself lies, and still answers where something happened", () => {
    for (const q of ["where is Batken?", "Баткен кайда?", "batken nerde"])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("where will the Japanese grant be used?")).toBe("japan-grant-batken");
  });
});

describe("what is given in return", () => {
  it("declines terms or a return the article never names, and still answers what the grant is for", () => {
    for (const q of [
      "so what does Japan get in return for the 5.3 million grant for Batken?",
      "Что Япония получает взамен за грант для Баткена?",
    ])
      expect(engine.ask(q).kind, q).toBe("decline");
    expect(first("what is the Japanese grant for Batken for?")).toBe("japan-grant-batken");
  });
});

describe("evidence for a claim", () => {
  it("declines a request for a source of what the article does not footnote, answers one it does", () => {
    for (const q of [
      "Does the article give any evidence for the claim that foreign powers manipulated the Tulip Revolution?",
      "Yazar Sorosian yapılar için bir kaynak gösteriyor mu?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("Is there a source for the meeting between Kulubaev and Syromolotov?")).toBe("sources-list");
  });
});

describe("a source quoted as the frame of a question", () => {
  it("answers what is asked, not which sources there are ('according to Aki Press, who…')", () => {
    for (const q of [
      "according to aki press, who did Kulubaev meet?",
      "AKIpress'e göre Kulubaev kiminle görüştü?",
      "по данным Акипресс, с кем встречался Кулубаев?",
    ])
      expect(asked(q, "answer").ids, q).toEqual(["kulubaev-syromolotov-meeting"]);
    expect(first("What did Aki Press report about the meeting?")).toBe("sources-list");
  });
});

describe("a footnote named by its title", () => {
  it("asks what the footnote reports of the facts citing it, and about the source of the list", () => {
    expect(
      first(
        "In the footnotes I found an Aki Press piece titled «В Бишкеке состоялись кыргызско-российские консультации по вопросам региональной безопасности» - what did the consultations really cover?",
      ),
    ).toBe("consultations-topics");
    // Asked about the source itself, the list of sources answers.
    expect(
      first(
        "«В Бишкеке состоялись кыргызско-российские консультации по вопросам региональной безопасности» — это какое издание?",
      ),
    ).toBe("sources-list");
  });

  it("knows a footnote named by its outlet and the words of its title, unquoted", () => {
    expect(
      first(
        "Aki Press news about the Kyrgyz-Russian consultations on regional security, what threats were discussed?",
      ),
    ).toBe("consultations-topics");
  });
});

describe("the article's words in translation", () => {
  it("knows 'текущая конъюнктура' as the article's 'current conjuncture'", () => {
    expect(first("что такое «текущая конъюнктура» в статье?")).toBe("multi-vector-why-now");
  });
});

describe("who reported it", () => {
  it("takes an outlet, not only a person, as the answer to 'who'", () => {
    expect(asked("Who reported the Japanese grant?", "answer").ids[0]).toBe("japan-grant-batken");
  });
});

describe("which outlet reported it", () => {
  it("declines when the article cites no footnote for it, answers with the sources when it does", () => {
    const d = asked("Which Japanese newspaper reported the economic cooperation with Japan?", "decline");
    expect(d.reason).toBe("lacks");
    expect(first("which outlet reported the grant from Japan?")).toBe("sources-list");
  });

  it("names the countries the article speaks of with its summary", () => {
    expect(first("which countries come up in the article?")).toBe("article-summary");
    expect(first("Макалада кайсы өлкөлөр айтылат?")).toBe("article-summary");
  });

  it("counts the sources: the list says how many there are, and how many from each outlet", () => {
    expect(first("how many times does the article cite 24.kg?")).toBe("sources-list");
    expect(first("Макалада Aki Press'ке канча жолу шилтеме берилет?")).toBe("sources-list");
  });
});

describe("two questions in one message", () => {
  it("splits clauses at commas too, and answers both parts", () => {
    const d = asked("Primakov Doktrini nedir, bir de Kuşak ve Yol Girişimi ne?", "answer");
    expect(d.ids).toContain("russia-influence-primakov");
  });

  it("answers two questions each matched nearly word for word, though the whole matches one of them well", () => {
    const d = asked("Makalenin sonucu ne? Çok vektörlü politika Kırgızistan'a ne kazandırmış?", "answer");
    expect(d.ids).toEqual(["conclusion", "multi-vector-benefits"]);
  });

  it("does not answer a second part that names nobody with an answer about someone else", () => {
    // "signed there" is about Beijing, not the Japanese agreement; the article reports no outcome.
    const d = asked(
      "Did Japarov's trip to Beijing take place, and which documents were signed there?",
      "decline",
    );
    expect(d.reason).toBe("lacks");
  });

  it("hears an ask for someone's words in any clause, and in a short fragment after the question", () => {
    // "say" first appears in the first clause, "quote" in the second: a term is read once.
    const words = asked("what did Kulubaev say to Syromolotov? any direct quote?", "decline");
    expect(words.reason === "lacks" && words.detail).toBe("words");
    // "names please" has no question mark: the fragment after the question still asks for names.
    const names = asked("Which Sorosian structures were limited? names please", "decline");
    expect(names.reason === "lacks" && names.detail).toBe("members");
  });

  it("hears 'does the article quote X' as an ask for X's words, given only where the article quotes X", () => {
    // The article frames the quote; Kulubaev is named, never quoted, so the meeting's answer lacks it.
    const kulubaev = asked("Does the article quote Kulubaev directly?", "decline");
    expect(kulubaev.reason === "lacks" && kulubaev.detail).toBe("words");
    const turkish = asked("Makalede Kulubaev'den alıntı var mı?", "decline");
    expect(turkish.reason === "lacks" && turkish.detail).toBe("words");
    // "said" and "quote" are one idea, read once: the quote still asks for his words.
    const both = asked("Kulubaev tam olarak ne söyledi? Makalede bir alıntı var mı?", "decline");
    expect(both.reason === "lacks" && both.detail).toBe("verbatim");
    // The ambassador is quoted: his words are the answer.
    expect(asked("Does the article quote Du Dewen?", "answer").ids[0]).toBe("du-dewen-quote");
  });

  it("is no small talk when a word of the article's ideas is outside the phrase ('what else came up' is no 'what's up')", () => {
    expect(engine.ask("what else came up").kind).not.toBe("smalltalk");
    expect(asked("hey what's up", "smalltalk").intent).toBe("how-are-you");
    // A word that only says what kind of question it is ("person": who) is no idea of the article.
    expect(asked("are you a real person?", "smalltalk").intent).toBe("who-are-you");
  });

  it("takes formal Russian thanks as thanks ('Премного благодарен, всё весьма обстоятельно.')", () => {
    expect(asked("Премного благодарен, всё весьма обстоятельно.", "smalltalk").intent).toBe("thanks");
    // Praise after thanks, with nothing asked, is thanks whatever its words.
    expect(asked("Благодарю Вас, весьма познавательная беседа.", "smalltalk").intent).toBe("thanks");
    // …but thanks with a topic of the article after it asks about that topic.
    expect(asked("спасибо, теперь про железную дорогу", "answer").ids).toEqual(["railway-project"]);
    expect(asked("Очень благодарна за ответ!", "smalltalk").intent).toBe("thanks");
  });

  it("reads a title beside a name (Bey, господин, мырза) as courtesy, not as a name the article lacks", () => {
    expect(asked("Bu makaleyi yazan Dogacan Bey kimdir?", "answer").ids[0]).toBe("author");
    expect(asked("Başaran Bey nerede okudu?", "answer").ids[0]).toBe("author");
  });

  it("reads words typed long for effect and laughter as no claim ('sooo', 'yaaa', 'hmmmm', 'ахаха')", () => {
    const plain = asked("what did the chinese ambassador say about kyrgyzstan", "answer");
    for (const tail of ["hmmmm", "hahaha", "ахахах", "yaaa", "pleaseee"])
      expect(asked(`what did the chinese ambassador say about kyrgyzstan ${tail}`, "answer")).toMatchObject({
        ids: plain.ids,
        score: plain.score,
      });
    // A word the content does not know still counts against the answers.
    expect(engine.ask("what did the chinese ambassador say about kyrgyzstan blorp").score).toBeLessThan(
      plain.score,
    );
  });

  it("reads what an article is 'on' as which article, in a question about its author", () => {
    expect(asked("who wrote this article on kyrgyz foreign policy?", "answer").ids).toEqual(["author"]);
    expect(asked("кто написал статью о внешней политике Кыргызстана?", "answer").ids).toEqual(["author"]);
    // Not in other questions: "the article on Japan" asks about Japan.
    expect(asked("what does the article on Japan say?", "answer").ids[0]).not.toBe("article-summary");
  });

  it("reads the particle of 'всё-таки' (after all) as no word of the question", () => {
    expect(asked("а всё-таки кто автор?", "answer").ids[0]).toBe("author");
  });

  it("declines a day of May asked without 'when' ('what exact day in May?'): the day it gives is in March", () => {
    for (const q of ["what exact day in May?", "mayısın hangi günü?", "майдын так кайсы күнү?"]) {
      const d = asked(q, "decline");
      expect(d.reason === "lacks" && d.detail).toBe("day");
    }
  });

  it("reads an emphasis word typed in Latin letters as the Cyrillic one ('imenno' is 'именно')", () => {
    // "какого … числа" asks for the day, which the announcement (May 2023) does not give.
    const d = asked("a kakogo imenno chisla v mae Japarov poedet v Pekin?", "decline");
    expect(d.reason === "lacks" && d.detail).toBe("day");
  });

  it("declines where the author works now (his note gives studies, not a post), not where a minister works", () => {
    const d = asked("Where does Başaran work now?", "decline");
    expect(d.reason === "lacks" && d.detail).toBe("workplace");
    asked("Where does the author work now?", "decline");
    expect(asked("Yazar nerede çalışıyor?", "decline").reason).toBe("lacks");
    expect(asked("where does Kulubaev work", "answer").ids[0]).toBe("kulubaev-syromolotov-meeting");
  });

  it("answers a second part that is a question of its own", () => {
    expect(asked("how much was the japanese grant? and who wrote this article btw", "answer").ids).toEqual([
      "japan-grant-batken",
      "author",
    ]);
  });

  it("still flags an unknown name that follows a comma", () => {
    expect(engine.ask("Tell me about Kulubaev, Zhumabekov and the grant").kind).toBe("decline");
  });
});

describe("Russian typed in Latin letters", () => {
  it("reads a Russian function word as one, though another language's content has the Latin word", () => {
    // "ili" is "или" (or), not the Turkish "ili" (province); "kto" still asks who.
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const read = reader
      .read("kto vstrechalsya s Syromolotovym, Kulubaev ili Isaev?")
      .terms.map((t) => t.term);
    expect(read).toContain("#q-who");
    expect(read).not.toContain("#region");
    // Where the author works now the article does not say.
    asked("avtor statyi kto, i v kakom universitete on seichas rabotaet", "decline");
  });

  it("reads the apostrophe of a soft sign as part of the word, 'ii' before a consonant as ий, 'kak-to' as no question", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    const read = terms(
      "Kto vozglavlyal rossiiskuyu delegatsiyu na konsul'tatsiyakh? Familiya kak-to stranno napisana.",
    );
    expect(read).toEqual(expect.arrayContaining(["@russia", "#consultations"]));
    expect(read).not.toContain("#q-how");
    expect(first("Pochemu, po mneniyu avtora, vliyanie Rossii v Tsentral'noi Azii sokhranyaetsya?")).toBe(
      "russia-influence-primakov",
    );
  });

  it("finds words whose Cyrillic spelling has a soft sign the Latin letters cannot show", () => {
    expect(first("kakie organizacii obsuzhdali na konsultaciyah s Rossiey")).toBe(
      "consultations-organisations",
    );
  });

  it("reads a final 'oi' as ой ('kakoi' is какой, a function word, not an unknown word against the answer)", () => {
    expect(first("kakoi grant dala yaponiya")).toBe("japan-grant-batken");
  });

  it("reads a short Latin message as Kyrgyz or Russian when its words are content words only in Cyrillic", () => {
    const d = asked("avtor kim", "answer");
    expect([d.ids[0], d.detected]).toEqual(["author", "ky-latn"]);
  });

  it("declines a finer detail asked in Russian words typed in Latin letters ('kakogo chisla': the exact day)", () => {
    const d = asked("kakogo chisla Japarov poletit v Pekin?", "decline");
    expect(d.reason === "lacks" && d.about).toBe("du-dewen-visit-announcement");
  });
});

describe("longer typos and chattier small talk", () => {
  it("allows a second edit in a seven- or eight-letter word that keeps its first three letters", () => {
    expect(first("whats the tulip revolushion mentioned in the artical")).toBe("tulip-revolution");
    // …but not into a different start: an unknown name stays unknown.
    expect(engine.ask("What happened in Karakol?").kind).toBe("decline");
  });

  it("does not take a message naming something the article never mentions for small talk", () => {
    // "gold" is corrected to "good", which alone would be an acknowledgement.
    const d = asked("does the article say anything about the Kumtor gold mine?", "decline");
    expect(d.reason).toBe("out-of-scope");
  });

  it("takes 'today' and a compliment on the answer as small talk", () => {
    for (const q of ["Merhaba, bugün nasılsın?", "Рахмат, абдан жакшы жооп болду", "great answer, thanks"])
      expect(engine.ask(q).kind, q).toBe("smalltalk");
  });

  it("marks a short answer as fitting only a question of its kind (who / when / how much…)", () => {
    const shortFor = (q: string) => {
      const d = engine.ask(q);
      return d.kind === "answer" ? d.shortFor : [];
    };
    expect(shortFor("Who did Kulubaev meet on 23 March 2023?")).toContain("kulubaev-syromolotov-meeting");
    expect(shortFor("When did Kulubaev meet Syromolotov?")).not.toContain("kulubaev-syromolotov-meeting");
    expect(shortFor("How much is Japan's grant?")).toContain("japan-grant-batken");
    expect(shortFor("Why does Japan give a grant to Batken?")).not.toContain("japan-grant-batken");
  });

  it("reads a conversational word as itself, never as a name it stems like ('peki' is not 'Pekin')", () => {
    expect(engine.groupKey("peki neden?")).toBe("");
    expect(engine.groupKey("peki ne konuştular?")).not.toContain("@");
  });

  it("takes an acknowledgement followed by a question word as a question, not as small talk", () => {
    for (const q of ["peki neden?", "ok, why?", "ладно, а почему?"])
      expect(engine.ask(q).kind, q).not.toBe("smalltalk");
    for (const q of ["peki", "ok thanks"]) expect(engine.ask(q).kind, q).toBe("smalltalk");
  });

  it("takes a greeting with 'how are you' as small talk, not as a question about the bot", () => {
    for (const q of ["салам, кандайсың?", "привет, как дела?", "selam, nasılsın?", "hi, how are you?"])
      expect(engine.ask(q).kind, q).toBe("smalltalk");
  });
});

describe("the answer about the bot itself", () => {
  it("matches questions about the bot, not questions about the topics it lists", () => {
    expect(first("what do you know")).toBe("bot-capabilities");
    const d = engine.ask("and what about China?");
    expect(answerIds(d)).not.toContain("bot-capabilities");
    expect(offeredIds(d)).not.toContain("bot-capabilities");
  });

  it("reads English 'what is it for?' as asking what it is for", () => {
    expect(first("what is the batken grant for")).toBe("japan-grant-batken");
    expect(first("what's the money for?")).toBe("japan-grant-batken");
    // "Cited for" is no purpose.
    expect(first("what is Aki Press cited for")).toBe("sources-list");
  });

  it("takes what was discussed, not asked of the bot, as a question about the article's events", () => {
    expect(first("what topics were discussed?")).toBe("consultations-topics");
    expect(first("какие темы обсуждали?")).toBe("consultations-topics");
    const vague = engine.ask("what was discussed?");
    expect(vague.kind).toBe("decline");
    expect(offeredIds(vague)).not.toContain("bot-capabilities");
    // Asked of the bot, it is about the bot.
    expect(first("what topics can you discuss?")).toBe("bot-capabilities");
  });
});

describe("names inside inflected phrases", () => {
  it("finds a Russian two-word name in any case (Центральной Азии), also typed in Latin letters", () => {
    expect(engine.groupKey("Что Россия делает в Центральной Азии?")).toContain("@central-asia");
    expect(engine.groupKey("chto rossiya delaet v centralnoy azii")).toContain("@central-asia");
  });

  it("finds a Kyrgyz or Turkish name whose short last word took a suffix (Борбордук Азиянын)", () => {
    expect(engine.groupKey("Эмне үчүн Борбордук Азиянын демократия аралы деп аташат?")).toContain(
      "@central-asia",
    );
    expect(engine.groupKey("Orta Asyadaki ülkeler")).toContain("@central-asia");
  });
});

describe("chat messages: a preamble, then the question", () => {
  it("holds a long preamble to a share of a short question's weight", () => {
    // "Türkçem iyi değil" (my Turkish is not good) outweighed the one word of the question, China.
    expect(first("Kusura bakmayın, Türkçem iyi değil. Makalede Çin hakkında ne yazıyor?")).toBe(
      "china-relations-importance",
    );
  });

  it("reads 'does the author agree?' as asking what the author says of the claim", () => {
    for (const q of [
      "I read somewhere that Kyrgyzstan is called an island of democracy. Does the author agree?",
      "Согласен ли автор, что Кыргызстан — остров демократии?",
    ])
      expect(first(q), q).toBe("democracy-island");
  });

  it("reads a demonstrative with only function words after it as pointing back ('Что под этим понимается?')", () => {
    expect(first("В статье есть «многовекторная дипломатия». Что под этим понимается?")).toBe(
      "multi-vector-meaning",
    );
  });

  it("reads 'aka', a student's 'IR class' and 'academic background' as people write them", () => {
    expect(first("the Near Periphery Doctrine aka Primakov Doctrine, what is it about?")).toBe(
      "russia-influence-primakov",
    );
    expect(first("im in an IR class, is kyrgyzstan called the democracy island in this text and why?")).toBe(
      "democracy-island",
    );
    expect(asked("who wrote this piece and what is his academic background?", "answer")).toMatchObject({
      ids: ["author"],
      confidence: "sure",
    });
  });

  it("reads Turkish 'bundan' (of this) as a function word", () => {
    expect(first("lale devrimi hangi yil olmus yazar neden bundan bahsediyo")).toBe("tulip-revolution");
  });

  it("reads 'does the author approve of…?' likewise", () => {
    expect(first("so does the author approve of what japarov does with foreign-funded groups?")).toBe(
      "foreign-funded-structures",
    );
  });

  it("reads a question someone else asked as the question, and 'can you help?' as politeness", () => {
    for (const q of [
      "Good evening, I teach history in Naryn. My students asked me who wrote this article, can you help?",
      "Мой сын спросил меня, кто написал эту статью",
    ])
      expect(first(q), q).toBe("author");
  });

  it("reads 'in one sentence' as how to answer, not what about", () => {
    expect(first("ok so I just skimmed this lol, what's the main point in one sentence")).toBe(
      "article-summary",
    );
  });

  it("reads the clauses before the one clause with a question word as a story, without a question mark", () => {
    // Oş (a city the article does not name) is where the driver drives; Konya where the teacher is from.
    expect(
      first(
        "Abi ben tır şoförüyüm, Oş yolunu çok kullanırım, Çin demiryolu projesi ne durumda makaleye göre",
      ),
    ).toBe("railway-project");
    expect(
      first(
        "Merhaba, ben Konya'dan bir öğretmenim ve öğrencilerime Orta Asya'yı anlatıyorum, makalede Rusya'nın bölgedeki etkisi hakkında ne yazıyor",
      ),
    ).toBe("russia-influence-primakov");
  });

  it("reads a demonstrative that ends the question as pointing back", () => {
    expect(
      first(
        "ok so I read the piece on my phone during a standup 😅 it says bishkek recently took steps to strengthen its policy. what proves that",
      ),
    ).toBe("diplomatic-contacts");
  });

  it("finds the question in a dictated run-on message where the speaker turns to the asker", () => {
    expect(
      first(
        "слушай брат я вчера с соседом спорил он говорит что Япония нам ничего не даёт короче скажи сколько денег Япония дала Баткену",
      ),
    ).toBe("japan-grant-batken");
    const d = asked(
      "so my uncle keeps going on about china building everything here and how bad the roads are anyway what does the article say about the railway project",
      "answer",
    );
    expect(d.ids[0]).toBe("railway-project");
    expect(d.confidence).toBe("sure");
    const told = asked(
      "слушай вчера по телевизору говорили что Жапаров в Китай поедет в мае это правда в статье так написано",
      "answer",
    );
    expect(told.ids[0]).toBe("du-dewen-visit-announcement");
    expect(told.confidence).toBe("sure");
  });

  it("reads a greeting before a run-on message as leaving it one run-on sentence", () => {
    expect(
      first(
        "привет! я студент из нарына пишу курсовую про внешнюю политику нашей страны и мне нужно знать кто автор этой статьи",
      ),
    ).toBe("author");
  });

  it("takes a lone bracket as a smiley that ends the story before the question", () => {
    expect(first("мы с братом из нарына, спорим про китай весь вечер) а что сказал китайский посол?")).toBe(
      "du-dewen-quote",
    );
  });

  it("finds the question in a run-on message by its question word when no turn word marks it", () => {
    for (const q of [
      "i live in osh and my uncle says china is taking over what does the article say about china",
      "слушай мой сосед говорит что Китай всё скупает а что автор пишет про Китай",
    ])
      expect(asked(q, "answer").ids[0], q).toBe("china-relations-importance");
  });

  it("does not answer a story's words when the question names things of its own the article lacks", () => {
    expect(
      engine.ask("Bishkek is freezing today, my friends say snow tomorrow. Will it snow this weekend?").kind,
    ).toBe("decline");
    expect(asked("I read about the Japanese grant. Is it big?", "answer").ids[0]).toBe("japan-grant-batken");
  });

  it("takes 'this topic' as pointing back to what the preamble names", () => {
    for (const [q, id] of [
      [
        "Merhabalar, Kırgızistan'daki dış fonlu yapılarla ilgili bir haber üzerinde çalışıyorum. Makalede bu konuda ne deniyor?",
        "foreign-funded-structures",
      ],
      [
        "I'm writing about the Tulip Revolution for class. What does the article say on this subject?",
        "tulip-revolution",
      ],
    ] as const)
      expect(first(q), q).toBe(id);
  });

  it("reads a lead-in ending in a colon as context ('quick question for my blog: …')", () => {
    const d = asked(
      "Back from the mountains, amazing trip. Quick question for my blog post: how does the article describe democracy in Kyrgyzstan?",
      "answer",
    );
    expect(d.ids[0]).toBe("democracy-island");
  });

  it("reads 'is that true?' as asking about the claim before it", () => {
    expect(asked("Komşum dedi ki Japarov mayısta Çin'e gidecekmiş. Bu doğru mu?", "answer").ids[0]).toBe(
      "du-dewen-visit-announcement",
    );
    const d = asked(
      "My neighbour told me Japan signed some agreement with Kyrgyzstan. Is that true?",
      "answer",
    );
    expect(d.ids[0]).toBe("japan-agreement");
    expect(d.confidence).toBe("sure");
  });

  it("takes a place in the preamble for context, not for a name the question asks about", () => {
    const d = asked(
      "I live in Almaty and study politics. How much money did Japan give for Batken?",
      "answer",
    );
    expect(d.ids).toEqual(["japan-grant-batken"]);
  });

  it("takes the place the asker lives in as theirs, within the same sentence", () => {
    for (const q of [
      "я живу в Оше и хочу знать сколько дала Япония",
      "ben Bişkek'te yaşıyorum ve yollar çok kötü Japonya ne kadar para verdi",
    ])
      expect(asked(q, "answer").ids[0], q).toBe("japan-grant-batken");
  });

  it("still declines a name the article lacks when the question itself asks about it", () => {
    const d = asked("I read the article twice. What did Putin say about it?", "decline");
    expect(d.reason === "out-of-scope" && d.name).toBe("Putin");
  });

  it("reads a question word in the preamble as a statement's when a later sentence asks with '?'", () => {
    const d = asked(
      "My uncle always says Japan only helps us when it wants something. How much did Japan give Kyrgyzstan?",
      "answer",
    );
    expect(d).toMatchObject({ ids: ["japan-grant-batken"], confidence: "sure" });
  });

  it("reads a question that names nothing of its own as asking about its preamble", () => {
    expect(first("я давно слышу, что японцы помогают Баткену с дорогами. сколько и на что, по статье?")).toBe(
      "japan-grant-batken",
    );
  });

  it("weighs the question's unknown words in a chatty message as chatter, not as claims the content lacks", () => {
    const d = asked(
      "thanks a lot, this bot saves me hours 🙏 my supervisor wonders who wrote the article and what his academic background is, could you help?",
      "answer",
    );
    expect(d.ids).toEqual(["author"]);
    // The same words with no preamble are not chatter: the question stands on its own.
    expect(engine.ask("Does the author discuss quantum chromodynamics?").kind).toBe("decline");
  });

  it("counts a specific name of the preamble as evidence for the answer that has it", () => {
    // Batken is the preamble's; the question alone (Japan, Kyrgyzstan) fits the Japan-as-partner answer.
    expect(
      first("Last week I drove through Batken, the roads are awful. Did Japan help Kyrgyzstan there?"),
    ).toBe("japan-grant-batken");
  });

  it("does not give the answer about the bot for one clause of a message about the article", () => {
    // What he told: his announcement, or his words (telling someone is saying).
    expect(["du-dewen-visit-announcement", "du-dewen-quote"]).toContain(
      first("I keep hearing about Du Dewen on the news. so what did he tell kyrgyzstan"),
    );
  });

  it("reads a sentence opening with 'did' or 'does' as the question, without a question mark", () => {
    // Otherwise the preamble's Kazakh is a name the question asks about, and the article lacks it.
    const d = asked(
      "Sorry for the long message. My Kazakh neighbour keeps asking me about it. Did Japarov plan a visit to China",
      "answer",
    );
    expect(d.ids).toEqual(["du-dewen-visit-announcement"]);
  });

  it("reads an emoji as the end of a sentence", () => {
    expect(first("my teacher gave us this text 🙈 who did Kulubaev meet")).toBe(
      "kulubaev-syromolotov-meeting",
    );
  });
});

describe("narrower words for an idea", () => {
  it("reads a word only questions use ('cash', 'сделка') as its broader idea, not as a word the content lacks", () => {
    expect(asked("how much cash did japan give for batken", "answer")).toMatchObject({
      ids: ["japan-grant-batken"],
      confidence: "sure",
    });
    expect(asked("какая сделка была подписана с Японией", "answer")).toMatchObject({
      ids: ["japan-agreement"],
      confidence: "sure",
    });
  });
});

describe("chat shorthand", () => {
  it("reads KG as Kyrgyzstan", () => {
    const d = asked("what did KG and Russia discuss at the consultations", "answer");
    expect(d.ids).toEqual(["consultations-topics"]);
  });

  it("reads chat filler ('tho', 'ngl') as filler, not as words the content lacks", () => {
    expect(first("what is the belt and road initiative tho")).toBe("belt-and-road");
  });

  it("weighs a lone letter ('w' for with) as nothing, not as a word the content lacks", () => {
    expect(asked("whats the railway got to do w china", "answer")).toMatchObject({
      ids: ["railway-project"],
      confidence: "sure",
    });
  });
});

describe("the article's own words, quoted", () => {
  it("gives the answer whose text has the quoted phrase word for word", () => {
    expect(first("В статье есть фраза «Democracy Island» — почему так?")).toBe("democracy-island");
  });

  it("reads 'who' of a quoted label as asking what it stands for, not for a person", () => {
    const d = asked("so who exactly is 'a potential hegemonic power' supposed to be", "answer");
    expect(d.ids).toEqual(["multi-vector-why-now"]);
  });

  it("keeps the article's English quoted in Kyrgyz typed in Latin letters as typed, a Kyrgyz quote as Kyrgyz", () => {
    for (const [q, id] of [
      ["'Primakov Doctrine' degen emne?", "russia-influence-primakov"],
      ["makalada “win-win logic” degen soz emneni bildiret", "multi-vector-why-now"],
      // …but a quoted Kyrgyz label typed in Latin letters is read as the Kyrgyz it is.
      ["makalada 'Demokratiya araly' dep kaisy olkonu aitat jana emne uchun?", "democracy-island"],
    ] as const) {
      const d = asked(q, "answer");
      expect(d.ids, q).toEqual([id]);
      expect(d.lang).toBe("ru");
    }
  });

  it("still declines a quoted phrase's near miss: a detail its answer lacks", () => {
    const d = asked(
      "On what exact day was the 'foreign currency notes and grants' agreement signed?",
      "decline",
    );
    expect(d.reason).toBe("lacks");
  });
});

describe("Kyrgyz typed in Latin letters", () => {
  it.each([
    ["Japarov Pekinge kachan barat?", "du-dewen-visit-announcement"],
    ["kulubaev kimder menen joluktu", "kulubaev-syromolotov-meeting"],
  ])("%s → %s, answered in Russian", (q, id) => {
    const d = asked(q, "answer");
    expect(d.ids[0]).toBe(id);
    expect(d.detected).toBe("ky-latn");
    expect(d.lang).toBe("ru");
  });
});

describe("Turkish or Kyrgyz: the same words", () => {
  it("answers 'Isaev kim' in Russian to someone whose Telegram is in Russian or Kyrgyz, in Turkish otherwise", () => {
    for (const code of ["ru", "ky"]) {
      const d = engine.ask("Asein Isaev kim", { userLanguageCode: code });
      expect(d.detected, code).toBe("ky-latn");
      expect(d.lang, code).toBe("ru");
    }
    for (const code of ["tr", undefined])
      expect(engine.ask("Asein Isaev kim", { userLanguageCode: code }).lang).toBe("tr");
    // A question that tells its own language keeps it whoever asks.
    expect(engine.ask("Kulubaev kiminle görüştü?", { userLanguageCode: "ru" }).lang).toBe("tr");
  });
});

describe("someone's very words", () => {
  it("answers 'what exactly did X say' only with a quotation", () => {
    expect(asked("What exactly did Syromolotov say about the Afghan conflict?", "decline").reason).toBe(
      "lacks",
    );
    expect(asked("Что именно сказал Сыромолотов про терроризм?", "decline").reason).toBe("lacks");
    expect(first("What exactly did Du Dewen say?")).toBe("du-dewen-quote");
    expect(first("What did Syromolotov say about Afghanistan?")).toBe("consultations-topics");
  });
});

describe("Kyrgyz 'could you tell me'", () => {
  it("reads 'айтып бересизби' as asking, not as giving", () => {
    expect(first("Макаланын автору ким экенин айтып бересизби?")).toBe("author");
    expect(first("Кулубаев ким менен жолукканын айтып бересизби?")).toBe("kulubaev-syromolotov-meeting");
  });
});

describe("what a question sets aside", () => {
  it("answers 'what besides X' with something other than X", () => {
    expect(first("Что обсуждали на консультациях кроме организаций?")).toBe("consultations-topics");
    // An English word describing what is set aside is set aside with it.
    expect(
      first(
        "Besides the international organizations, what other issues came up at the Kyrgyz-Russian consultations?",
      ),
    ).toBe("consultations-topics");
  });

  it("sets aside a list of names across its commas, and never answers with the answer about them", () => {
    expect(first("Какие темы обсуждались на консультациях, кроме ОДКБ, ШОС и СНГ?")).toBe(
      "consultations-topics",
    );
    expect(first("What was discussed besides the CSTO, SCO and CIS?")).not.toBe(
      "consultations-organisations",
    );
    // "Aside from", with an article after "and"; Russian in Latin letters joined by "i".
    expect(first("Aside from the CSTO and the SCO, which other issues did the delegations discuss?")).toBe(
      "consultations-topics",
    );
    expect(first("chto obsuzhdali na konsultaciyah krome ODKB i SNG")).toBe("consultations-topics");
  });

  it("sets aside a thing with the word describing it, in Russian, Turkish and Kyrgyz too", () => {
    // A Russian adjective before its noun; a Turkish or Kyrgyz word before the noun "dışında" follows,
    // but not the word marking where ("istişarelerde", at the consultations).
    for (const q of [
      "kakie problemy obsuzhdali na konsultaciyah krome mezhdunarodnyh organizacij?",
      "какие проблемы обсуждали на консультациях кроме международных организаций?",
      "istişarelerde uluslararası örgütler dışında neler konuşuldu?",
      "консультацияларда эл аралык уюмдардан башка эмнелер талкууланды?",
      // …and a list of names before "dışında", "тышкары", past its commas.
      "ODKB, SHOS ve BDT dışında istişarelerde neler konuşuldu?",
      "Кыргыз-орус консультацияларында ОДКБ, ШКУ, КМШдан тышкары кандай маселелер талкууланган?",
    ])
      expect(first(q), q).toBe("consultations-topics");
  });

  it("keeps the answer whose list holds X and the rest", () => {
    expect(first("Which topics came up at the consultations besides terrorism?")).toBe(
      "consultations-topics",
    );
  });
});

describe("what the article says as a whole", () => {
  it("reads the author or article telling, with nothing else asked, as asking for its argument", () => {
    for (const q of [
      "what does the author argue?",
      "what does the article say?",
      "what does the author think overall",
      "what's the author's point",
      "что утверждает автор?",
      "yazar ne düşünüyor?",
      "yazar aslında ne demek istiyor",
      "yazar ne iddia ediyor",
      "автор эмнени айтат?",
    ])
      expect(first(q), q).toBe("article-summary");
  });

  it("keeps what the telling is about", () => {
    expect(first("what does the author say about Japan?")).not.toBe("article-summary");
    expect(
      first("my roommate says everyone in Bishkek talks about a new railway. does the article mention it?"),
    ).toBe("railway-project");
    expect(first("who wrote the article?")).toBe("author");
  });
});

describe("Turkish words that share their first letters", () => {
  it("tells maintaining ('sürdürmek') from sustainability ('sürdürülebilirlik')", () => {
    expect(first("Dış politikada Batı yöneliminin sürdürülmesi ne sağlar?")).toBe("western-capital");
    expect(first("siyasi istikrar ve sürdürülebilirlik neden önemli")).toBe("social-movements");
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("Bişkek bu politikayı neden sürdürmeli?")).toContain("#maintain");
    expect(terms("Bişkek bu politikayı neden sürdürmeli?")).not.toContain("#sustainability");
    expect(terms("siyasi sürdürülebilirlik")).toContain("#sustainability");
  });

  it("tells independence ('bağımsızlığımız') from dependence ('bağımlılığı'): 'without' is keyed apart", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("bağımsızlığımız")).toContain("#independence");
    expect(terms("tek yönlü bağımlılığa")).toContain("#dependence");
  });
});

describe("telling someone", () => {
  it("reads 'what did X tell Y' as asking for X's words, which the article does not quote", () => {
    const d = asked("what did Kulubaev tell Syromolotov?", "decline");
    expect(d.reason).toBe("lacks");
    expect(asked("what did kulubaev tell him", "decline").reason).toBe("lacks");
    // "Tell me" asks the bot; a name before "tell" is who tells, not a source framing the question.
    expect(first("tell me about Kulubaev")).toBe("kulubaev-syromolotov-meeting");
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const kulubaev = reader
      .read("what did Kulubaev tell Syromolotov?")
      .terms.find((t) => t.term === "@kulubaev");
    expect(kulubaev?.context).toBeFalsy();
  });
});

describe("Russian as typed in chats", () => {
  it("reads relative pronouns, 'пжлст' and 'причем' as function words and ь typed for ъ as ъ", () => {
    expect(first("причем тут доктина Примакова, обьясните пжлст")).toBe("russia-influence-primakov");
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = reader.read("Что за организации, которые получают иностранные гранты?").terms;
    expect(terms.map((t) => t.surface)).not.toContain("которые");
  });
});

describe("chat filler and the role of a thing", () => {
  it("reads polite filler as filler and 'the role of' a thing as its importance, not an office", () => {
    expect(
      first(
        "Good evening, dear bot. Could you kindly tell me how the article describes the role of social movements in Kyrgyzstan?",
      ),
    ).toBe("social-movements");
    expect(first("what is Isaev's role?")).toBe("consultations-delegations");
    expect(first("а япония тут при чем, как это связано с многовекторностью")).toBe(
      "japan-economic-cooperation",
    );
  });
});

describe("Turkish 'okumuş'", () => {
  it("reads where someone studied, and 'have you read the article' as no question about the author", () => {
    expect(first("yazar nerede okumuş?")).toBe("author");
    expect(engine.ask("makaleyi okumuş musun").kind).not.toBe("answer");
  });
});

describe("a name the article lacks, offered as a choice", () => {
  it("answers 'A or B?' when the article has one of them, and still declines the other alone", () => {
    for (const q of [
      "Кулубаев встречался с Сыромолотовым или с Лавровым?",
      "Did Kulubaev meet Lavrov or Syromolotov?",
      "Kulubaev Syromolotov ile mi yoksa Lavrov ile mi görüştü?",
      "Did Kulubaev meet Smith or Syromolotov?",
    ])
      expect(first(q), q).toBe("kulubaev-syromolotov-meeting");
    expect(asked("Did Kulubaev meet Lavrov?", "decline").reason).toBe("out-of-scope");
    // A short question whose other capitals are the article's names still names Smith.
    expect(asked("Did Kulubaev meet Smith?", "decline").reason).toBe("out-of-scope");
    expect(asked("Does the article talk about Lavrov or Putin?", "decline").reason).toBe("out-of-scope");
  });

  it("answers a year the article has, offered beside one it lacks", () => {
    for (const q of [
      "Jooguzun revolyuciyasy 2005 je 2010 jyly bolgonbu?",
      "Тюльпановая революция была в 2005 или в 2010 году?",
    ])
      expect(first(q), q).toBe("tulip-revolution");
    expect(asked("Was the Tulip Revolution in 2010?", "decline").reason).toBe("out-of-scope");
  });
});

describe("a detail asked in so many words, of a weak match", () => {
  it("says the article does not give it rather than that it found nothing", () => {
    const d = asked("how old is Kulubaev?", "decline");
    expect(d.reason).toBe("lacks");
    expect(d.reason === "lacks" && d.detail).toBe("life");
  });
});

describe("the author's languages", () => {
  it("knows Farsi as Persian in four languages", () => {
    for (const q of ["does the authr know farsi", "автор знает фарси?", "yazar Farsça biliyor mu?"])
      expect(first(q), q).toBe("author");
  });
});

describe("praise for the bot", () => {
  it("takes thanks with praise as small talk in four languages", () => {
    for (const q of ["чоң рахмат, азаматсың!", "спасибо, молодец!", "sağ ol, harikasın", "good job bot"])
      expect(engine.ask(q).kind, q).toBe("smalltalk");
  });
});

describe("Kyrgyz light verbs", () => {
  it("reads 'жасап', 'кылып', 'алган' as the light verbs they are", () => {
    expect(first("kytai menen kyrgyzstan kandai proekt jasap jatat")).toBe("railway-project");
  });
});

describe("more Russian chat words", () => {
  it("reads беседовали as discussing and ближе as closeness", () => {
    expect(first("О чём беседовали Кулубаев и Сыромолотов?")).toBe("kulubaev-syromolotov-meeting");
    expect(first("Что в статье пишут, к кому ближе Бишкек?")).toBe("russia-china-proximity");
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    expect(reader.read("О чём беседовали?").terms.map((t) => t.term)).toContain("#discuss");
  });
});

describe("Turkish 'Bişkek yönetimi'", () => {
  it("reads the Bishkek administration as the government, not as leading a delegation", () => {
    expect(first("Bişkek yönetimi nasıl bir diplomasi yaklaşımı izliyor")).toBe("multi-vector-meaning");
    expect(first("Rus heyetini kim yönetti?")).toBe("consultations-delegations");
  });
});

describe("'who' of a label", () => {
  it("asks what the label stands for, a country as often as a person", () => {
    for (const q of [
      "«остров демократии» это кто?",
      "who is the Democracy Island of Central Asia?",
      "Orta Asya'nın demokrasi adası kim?",
    ])
      expect(first(q), q).toBe("democracy-island");
    // The man a doctrine is named after is a person the article does not present.
    expect(asked("а кто такой был Примаков?", "decline").reason).toBe("lacks");
  });
});

describe("results the article does not give", () => {
  it("declines the result of a visit or of talks, naming what it does say", () => {
    for (const q of [
      "what was the result of Japarov's visit to China?",
      "what were the results of the consultations?",
      "which investment figures came out of Zhaparov's visit to Beijing?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("what was discussed at the consultations?")).toBe("consultations-topics");
  });
});

describe("an event taking place", () => {
  it("reads 'take place' as being held", () => {
    expect(first("where did the consultations take place?")).toBe("consultations-delegations");
    expect(asked("did the visit take place?", "decline").reason).toBe("lacks");
  });
});

describe("the article's own language", () => {
  it("is asked of the article, not framed by it", () => {
    expect(first("what language is the article written in?")).toBe("article-languages");
    expect(first("makale hangi dilde yazılmış?")).toBe("article-languages");
    expect(first("yazar hangi dilleri biliyor?")).toBe("author");
  });
});

describe("why Kyrgyzstan pursues a multi-vector policy", () => {
  it("is what the policy means and does, in four languages", () => {
    for (const q of [
      "why does Kyrgyzstan pursue a multi-vector policy?",
      "почему Кыргызстан проводит многовекторную политику?",
      "Kırgızistan neden çok vektörlü politika izliyor?",
      "Кыргызстан эмне үчүн көп векторлуу саясат жүргүзөт?",
    ])
      expect(first(q), q).toBe("multi-vector-meaning");
  });
});

describe("more chat filler", () => {
  it("reads 'sorry', 'dumb q', 'in one line' and 'personal' as how a question is asked", () => {
    expect(first("sorry if dumb q but who is Du Dewen")).toBe("du-dewen-visit-announcement");
    expect(first("Quick one before my exam: what's the Primakov doctrine in one line?")).toBe(
      "russia-influence-primakov",
    );
    expect(
      first(
        "I'm from Uzbekistan so this one's personal: what does the article say about the railway through my country?",
      ),
    ).toBe("railway-project");
  });
});

describe("a lead-in before a colon", () => {
  it("is a preamble though a Turkish suffix apostrophe stands in it (no quotation)", () => {
    expect(first("Kardeşim Bişkek'te çalışıyor, merak ettim: Kırgızistan Rusya'ya mı yakın Çin'e mi?")).toBe(
      "russia-china-proximity",
    );
  });
});

describe("a figure rounded", () => {
  it("reads '5 million' as the article's 5.3 million, not a number it lacks", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const five = reader.read("what are the 5 million for?").terms.find((t) => t.term.startsWith("n:"));
    expect(five?.term).toBe("n:5.3");
    expect(five?.unknown).toBe(false);
    expect(first("what are the 5 million for?")).toBe("japan-grant-batken");
  });
});

describe("the main argument, and on what basis", () => {
  it("reads 'main argument' as the summary and 'on what basis' as why", () => {
    expect(first("whats the authors main argument??")).toBe("article-summary");
    expect(first('The article calls Kyrgyzstan the "Democracy Island" of Central Asia. On what basis?')).toBe(
      "democracy-island",
    );
  });
});

describe("a run-on message that asks at its end", () => {
  it("starts the question at a question word among its last words (Turkish and Kyrgyz ask there)", () => {
    expect(
      first(
        "selam usta ben 12 yildir bisek os yolunda tir kullaniyorum yollar hep bozuk bu yazida japonya yol icin para vermis diyo kac para vermisler",
      ),
    ).toBe("japan-grant-batken");
    expect(
      first(
        "ассалому алейкум мен Ошто таксист болом кечээ бир клиент Жапаров Кытайга барат деди ошол качан болот",
      ),
    ).toBe("du-dewen-visit-announcement");
    // A yes-no particle at the end starts nothing: the story about a mountain pass is no question here.
    expect(
      engine.ask("abi su an too asuu gecidine yaklastim kar yagiyo yol acik mi kapali mi bilen var mi").kind,
    ).not.toBe("answer");
  });

  it("turns from the story to the question at the last 'but' before a question word, not at a closing 'tell me'", () => {
    expect(
      first(
        "torunum bişkekte okuyor bana bu makaleyi gönderdi ben yaşlıyım sovyetler birliğini hatırlıyorum ama makalede rusya ile ne konuşulmuş anlat",
      ),
    ).toBe("consultations-topics");
    // "айтып бер" (tell me) asks a favour: its "бер" gives nothing; "бөлүп берди" (allocated) still does.
    expect(
      first(
        "неберем мага ушул макаланы жөнөттү мен эски адаммын орустар менен жакшы болуш керек деп ойлойм бирок макалада Орусия менен эмне сүйлөшүшүптүр ошону айтып бер",
      ),
    ).toBe("consultations-topics");
    expect(first("Жапония канча акча бөлүп берди?")).toBe("japan-grant-batken");
  });
});

describe("colloquial Russian and Kyrgyz", () => {
  it("reads 'хто', 'чтоли', 'к власти пришёл' and Kyrgyz 'ушунча' as chat writes them", () => {
    expect(first("хто такой ду девен посол чтоли")).toBe("du-dewen-visit-announcement");
    expect(first("В статье написано, как он к власти пришёл, Жапаров?")).toBe("japarov-profile");
    expect(first("Кыргызстан эмне үчүн Орусия менен ушунча жакын?")).toBe("russia-china-proximity");
  });
});

describe("Kyrgyz asking for names", () => {
  it("declines which organisations exactly, with the possessive ending and 'атын айтчы'", () => {
    expect(asked("Сорос фондунун кайсы уюмдары жабылды?", "decline").reason).toBe("lacks");
    expect(asked("Soros fondunun kaysy uyumdary jabyldy, atyn aytchy", "decline").reason).toBe("lacks");
    expect(first("Бишкек эмне үчүн чет өлкөлүк каржылоосу бар уюмдарды чектейт?")).toBe(
      "foreign-funded-structures",
    );
  });
});

describe("how to answer, and where it is said", () => {
  it("reads 'in simple words' in four languages as how to answer, and 'in what context' as where", () => {
    expect(first("Көп вектордуу саясатты жөнөкөй сөз менен түшүндүрүп берчи")).toBe("multi-vector-meaning");
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    expect(reader.read("жөнөкөй тил менен түшүндүрүп бериңизчи").terms.map((t) => t.term)).not.toContain(
      "#language",
    );
    expect(first("Belt and Road Initiative макалада кандай контекстте айтылат?")).toBe("belt-and-road");
    expect(first("yazida belt and road initiative diyo bu ne demek cin burda ne yapiyo")).toBe(
      "belt-and-road",
    );
  });
});

describe("the article's argument and thinking", () => {
  it("drops the verb of a framing phrase, and weighs 'the argument' lightly", () => {
    expect(first("Why does the article think the Japan deal is important?")).toBe("japan-grant-significance");
    expect(
      first("What does the China-Kyrgyzstan-Uzbekistan railway have to do with the argument here?"),
    ).toBe("railway-project");
  });
});

describe("one name written two ways", () => {
  it("asks about its spelling, but inflections and two names of one thing do not", () => {
    expect(first("Syeomolotov degen kim, Syromolotov emespi?")).toBe("name-spellings");
    expect(first("Dzharov or Zhaparov?")).toBe("name-spellings");
    expect(first("Near Periphery Doctrine = Primakov Doctrine?")).toBe("russia-influence-primakov");
    expect(first("Кулубаев встречался с Сыромолотовым? Кто такой Сыромолотов?")).not.toBe("name-spellings");
  });
});

describe("visas, and 'do you happen to know?'", () => {
  it("declines a visa as something the article never mentions, and reads 'вы случайно не знаете?' as asking the sentence before", () => {
    expect(asked("how to get business visa to China, how many days it takes?", "decline").reason).toBe(
      "out-of-scope",
    );
    expect(
      engine.ask("Ой, внучка спрашивает, кто выиграет Лигу чемпионов в этом году. Вы случайно не знаете?")
        .kind,
    ).toBe("decline");
    expect(first("знает ли автор персидский?")).toBe("author");
  });
});

describe("more Russian words", () => {
  it("reads 'держаться' as keeping to a course and 'съездил… чем всё кончилось' as an outcome", () => {
    expect(first("Автор считает, что надо держаться Запада или нет?")).toBe("western-capital");
    expect(asked("Ну и как, съездил Жапаров в Пекин в мае? Чем всё кончилось?", "decline").reason).toBe(
      "lacks",
    );
    expect(first("Когда Жапаров съездит в Пекин?")).toBe("du-dewen-visit-announcement");
  });
});

describe("influence felt, credentials, clarify", () => {
  it("joins the article's 'felt' across languages and reads credentials as the author's studies", () => {
    expect(first("Почему в статье пишут, что русское влияние в Средней Азии чувствуется?")).toBe(
      "russia-influence-primakov",
    );
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("what are the author's credentials?")).toContain("#study");
    expect(terms("could you clarify the multi-vector idea")).toContain("#q-explain");
  });
});

describe("a quotation in the story before the question", () => {
  it("gives way to an answer that matches the question clearly better", () => {
    expect(
      first(
        "Честно говоря, меня удивило, что Японию записали в «западный вектор». Почему автор так считает?",
      ),
    ).toBe("japan-western-partner");
    expect(first('how does the article say to avoid "unidirectional economic dependence"')).toBe(
      "western-capital",
    );
  });
});

describe("bringing something up", () => {
  it("reads 'why does the author bring up Japan specifically?' as why he mentions it", () => {
    expect(first("why does the author bring up Japan specifically?")).toBe("japan-western-partner");
  });
});

describe("who that person is, and which revolution", () => {
  it("reads Kyrgyz 'ал киши ким?' as asking who the author is, not for a role the article never names", () => {
    expect(first("Макаланы ким жазган, ал киши ким болот?")).toBe("author");
  });
  it("answers 'which revolution?' with the one the article names, not with revolutions in general", () => {
    expect(first("what revolution?")).toBe("tulip-revolution");
    expect(first("Какая революция упоминается?")).toBe("tulip-revolution");
    expect(first("why are there so many revolutions in Kyrgyzstan?")).toBe("social-movements");
  });
});

describe("the steps of the title", () => {
  it("answers what steps the title means with the diplomatic contacts the article gives as its proof", () => {
    expect(first("the headline talks about steps, what steps are those?")).toBe("diplomatic-contacts");
    expect(first("В заголовке сказано о шагах — каких именно?")).toBe("diplomatic-contacts");
    expect(first("Başlıkta adımlardan söz ediliyor, hangi adımlar?")).toBe("diplomatic-contacts");
  });

  it("reads the title quoted in translation as the article itself, not as the steps it names", () => {
    const title = "«Шаги по укреплению многовекторной внешней политики Кыргызстана»";
    expect(first(`${title} — кто автор?`)).toBe("author");
    expect(first(`${title} — о чём статья?`)).toBe("article-summary");
    expect(
      first('"Kırgızistan Çok Vektörlü Dış Politikasını Güçlendirme Adımları" yazısının yazarı kim?'),
    ).toBe("author");
    // Unquoted, the same words ask about the steps.
    expect(first("What steps did Kyrgyzstan take to strengthen its multi-vector foreign policy?")).toBe(
      "diplomatic-contacts",
    );
  });
});

describe("what someone is busy with", () => {
  it("weighs 'activity' and 'занимается' lightly, like 'doing', so they do not sink the match", () => {
    expect(first("What is China's activity in Central Asia?")).toBe("belt-and-road");
    expect(first("Чем занимаются китайцы в Центральной Азии?")).toBe("belt-and-road");
  });
});

describe("'else' as a function word", () => {
  it("does not count 'how else is it called' against the answer that gives the other name", () => {
    expect(first("primakov doctrine, how else is it called?")).toBe("russia-influence-primakov");
  });
});

describe("good or bad", () => {
  it("reads 'good or bad', 'хвалит или нет' as asking the author's judgement of the thing named, not about risks", () => {
    expect(first("Is Japarov good or bad according to the article?")).toBe("japarov-profile");
    expect(first("Тюльпановая революция — автор её хвалит или нет?")).toBe("tulip-revolution");
  });
});

describe("the author's opinion of something", () => {
  it("reads 'the author's opinion on the West' as what the author says of the West, in four languages", () => {
    for (const q of [
      "what is the author's opinion on the West?",
      "какое мнение у автора про запад?",
      "Yazarın Batı hakkındaki görüşü ne?",
      "Автордун Батыш жөнүндө пикири кандай?",
    ])
      expect(["japan-western-partner", "western-capital"], q).toContain(first(q));
    // A point made, with nothing it is made about, is not unframed down to its verb.
    expect(engine.ask("What point is the author making?").kind).not.toBe("answer");
  });
});

describe("the article's information, not the bot's", () => {
  it("gives the article's sources to a question about the information in the article that is not put to the bot", () => {
    expect(first("Макаладагы маалыматтар кайсы булактардан алынган?")).toBe("sources-list");
    expect(first("Маалыматты кайдан аласың?")).toBe("bot-sources");
    expect(first("what's the title of this article")).toBe("bot-capabilities");
  });
});

describe("the author's research and degrees", () => {
  it("knows 'исследует', 'изилдейт' and the master's degree in four languages", () => {
    expect(first("Автор что исследует?")).toBe("author");
    expect(first("Автор эмне изилдейт?")).toBe("author");
    expect(first("на какую тему магистерская автора?")).toBe("author");
  });
});

describe("a Kyrgyz word before anything it merely begins like", () => {
  it("reads 'атаандаштыкты' (rivalry) as rivalry, not as a word on 'ата' (to call), and 'пайдалуу' as a benefit", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    const read = terms("Чоң державалардын ортосундагы атаандаштыкты Бишкек кантип колдонот?");
    expect(read).toContain("#rivalry");
    expect(read).not.toContain("#call");
    expect(terms("Бул саясат Кыргызстанга пайдалуубу?")).toContain("#benefit");
  });
});

describe("more Turkish words", () => {
  it("reads 'toplantı' as a meeting and 'adla' as a name", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = (q: string) => reader.read(q).terms.map((t) => t.term);
    expect(terms("Kulubaev hangi toplantıda bulundu?")).toContain("#meeting");
    expect(terms("Bu doktrin başka hangi adla anılıyor?")).toContain("#name");
  });
});

describe("power centres in Russian cases", () => {
  it("reads 'мировых центров силы' as the great powers", () => {
    expect(first("как автор описывает соперничество мировых центров силы?")).toBe("multi-vector-meaning");
  });
});

describe("a deadline is a date", () => {
  it("declines 'is there a deadline for the railway?' as a date the article does not give", () => {
    const d = asked("Is there a deadline for the railway?", "decline");
    expect(d.reason).toBe("lacks");
  });
});

describe("Russian pronouns after a preposition", () => {
  it("reads 'о ней', 'о нём' as pointing back to what the story before named", () => {
    expect(first("Мне попалась «Доктрина ближнего зарубежья». Что автор о ней пишет?")).toBe(
      "russia-influence-primakov",
    );
  });
});

describe("the main thesis", () => {
  it("reads Turkish 'ana tezi' and Kyrgyz 'негизги тезис' as the article's argument, not the author's doctoral thesis", () => {
    expect(first("yazının ana tezi nedir?")).toBe("article-summary");
    expect(first("макаланын негизги тезиси эмне?")).toBe("article-summary");
    expect(first("yazarın doktora tezi ne?")).toBe("author");
  });
});

describe("a finer detail asked of a two-part answer", () => {
  it("declines 'which organisations were limited, and by which law?' when neither part names a law", () => {
    const d = asked(
      "Какие организации, работающие на иностранные деньги, ограничили в Кыргызстане и каким законом?",
      "decline",
    );
    expect(d.reason).toBe("lacks");
  });
});

describe("the initiative the railway belongs to", () => {
  it("answers which initiative the China-Kyrgyzstan-Uzbekistan railway is part of, in four languages", () => {
    expect(first("What initiative does the China-Kyrgyzstan-Uzbekistan railway belong to?")).toBe(
      "railway-project",
    );
    expect(first("Железная дорога Китай-Кыргызстан-Узбекистан — часть какой инициативы?")).toBe(
      "railway-project",
    );
  });
});

describe("a day narrowed to one of its facts", () => {
  it("answers what Kyrgyzstan and Russia discussed on 23 March with the meeting, and the whole day with the timeline", () => {
    expect(first("what did kyrgyzstan and russia talk about on 23 march?")).toBe(
      "kulubaev-syromolotov-meeting",
    );
    expect(first("что обсуждали Кыргызстан и Россия 23 марта?")).toBe("kulubaev-syromolotov-meeting");
    expect(first("what happened on 23 March 2023?")).toBe("timeline-2023-03-23");
    // The sources are asked of the list of sources as a whole.
    expect(first("which 24.kg story does the article cite?")).toBe("sources-list");
  });
});

describe("a name asked about as a whole after a story", () => {
  it("offers the answers that speak of the name most, and gives the one clearly ahead by the name alone", () => {
    const china = engine.ask(
      "вчера таксист говорил, что скоро всё будет китайское, не верю. а в статье что пишут про китай?",
    );
    expect(china.kind).toBe("answer");
    const russia = asked("what does the article say about Russia?", "decline");
    expect(russia.related.map((r) => r.id)).toContain("russia-influence-primakov");
  });
});

describe("common Russian adverbs are not typos", () => {
  it("leaves 'скоро' (soon) alone instead of reading it as 'скоко' (how much)", () => {
    expect(first("Жапаров скоро поедет в Китай?")).toBe("du-dewen-visit-announcement");
  });
});

describe("Kyrgyz 'did he go?'", () => {
  it("declines 'барды беле?' (did he go, then?) of the announced visit as an outcome the article does not report", () => {
    expect(asked("Жапаров Пекинге барды беле?", "decline").reason).toBe("lacks");
  });
});

describe("two things the article lacks, offered as a choice", () => {
  it("declines 'money for schools or hospitals?' (neither choice is in the article) but answers 'Syromolotov or Lavrov?'", () => {
    expect(asked("Did Japan give money to hospitals or clinics in Batken?", "decline").reason).toBe(
      "out-of-scope",
    );
    expect(asked("Японцы дали деньги на больницы или школы в Баткене?", "decline").reason).toBe(
      "out-of-scope",
    );
    expect(first("Did Kulubaev meet Syromolotov or Lavrov?")).toBe("kulubaev-syromolotov-meeting");
    expect(first("did Japarov come to power through elections or through a social movement?")).toBe(
      "japarov-profile",
    );
  });
});

describe("'what's the deal with'", () => {
  it("reads the idiom as 'what about', not as a deal signed", () => {
    expect(first("what's the deal with japan, isn't it in asia?")).toBe("japan-western-partner");
    expect(first("what deal did Japan sign?")).toBe("japan-agreement");
  });
});

describe("formal Turkish", () => {
  it("reads 'tahsis ettiği' as allocated and 'rica ederim' as a courtesy", () => {
    expect(first("Japonya'nın Batken'e tahsis ettiği para ne kadar, rica ederim?")).toBe(
      "japan-grant-batken",
    );
  });
});

describe("the wrong keyboard layout", () => {
  it("answers Russian typed on the English layout, in Russian", () => {
    const d = asked("rnj yfgbcfk cnfnmb?", "answer");
    expect(d.ids[0]).toBe("author");
    expect(d.lang).toBe("ru");
  });
});

describe("Орто Азия, and 'in 1 line'", () => {
  it("knows Kyrgyz 'Орто Азия' as Central Asia and reads 'in 1 line' as how to answer, not a number", () => {
    expect(first("Кытай Орто Азияда эмне кылат?")).toBe("belt-and-road");
    expect(first("ok so whats the main argument of the article in 1 line")).toBe("article-summary");
  });
});

describe("Turkish 'took place'", () => {
  it("reads 'gerçekleşti' as an event held and 'bahsi geçen' as a mention", () => {
    const reader = new QuestionReader(buildIndex(kb).vocabulary);
    const terms = reader.read("Makalede bahsi geçen görüşme nerede gerçekleşti?").terms.map((t) => t.term);
    expect(terms).toContain("#held");
    expect(terms.some((t) => t.startsWith("bahs"))).toBe(false);
  });
});

describe("Du Dewen spelt by ear", () => {
  it("knows 'Ду Девен', 'Дю Девен' without the soft sign", () => {
    expect(first("дю девен эмне деди?")).toBe("du-dewen-quote");
    expect(first("Дю Девен ким?")).toBe("du-dewen-visit-announcement");
  });
});

describe("cooperating", () => {
  it("reads the verb 'сотрудничать' as cooperation", () => {
    expect(first("в каких организациях хотят сотрудничать Кыргызстан и Россия?")).toBe(
      "consultations-organisations",
    );
  });
});

describe("'так' in Russian and in Kyrgyz", () => {
  it("reads the Kyrgyz 'так' (exactly) as asking for very words, the Russian 'так' (so) not", () => {
    expect(asked("Кулубаев так эмне деди?", "decline").reason).toBe("lacks");
    // "Did the ambassador say so?" confirms what was said; it asks for no quotation.
    expect(first("Когда Жапаров поедет в Пекин? Посол Ду Девен так сказал?")).toBe(
      "du-dewen-visit-announcement",
    );
  });
});

describe("a detail both parts of a two-part reading lack", () => {
  it("declines someone's very words, though the list of sources also names the meeting", () => {
    // "yazar mısın" is "can you write", not "author"; neither the meeting nor the sources quote Kulubaev.
    const d = asked(
      "Kulubaev Syromolotov'a tam olarak ne dedi? Görüşmede kullandığı sözleri yazar mısın?",
      "decline",
    );
    expect(d.reason).toBe("lacks");
    expect(first("Yazar kim?")).toBe("author");
  });
});

describe("a remark after the question", () => {
  it("does not make the question's own unknown words chatter, as a story before it would", () => {
    // Weather is nothing the article speaks of; the remark after the question is no preamble.
    expect(engine.ask("а какая щас погода в бишкеке? на пары в куртке идти или норм 😅").kind).toBe(
      "decline",
    );
    expect(engine.ask("japarov normalnyi prezident ili net? skaji chestno").kind).toBe("decline");
  });
});

describe("where and when the article itself was published", () => {
  it("declines it, as the article does not say, but tells where a footnote's report came from", () => {
    for (const q of [
      "Bu makale hangi sitede ve hangi tarihte yayınlandı?",
      "bul makala kaisy sayttan, kim chygargan",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
    expect(first("footnote 4 - which site is it from?")).toBe("sources-list");
  });
});

describe("calling it that, and becoming it", () => {
  it("reads 'why do they call it that?' as asking about the label the preamble named", () => {
    expect(
      first(
        "everyone here keeps calling kyrgyzstan the democracy island lol. is that from this article? why do they call it that",
      ),
    ).toBe("democracy-island");
  });

  it("declines when someone became what the article calls them, which it does not say", () => {
    for (const q of ["Du Dewen kachan elchi bolup kelgen", "when did Du Dewen become ambassador?"])
      expect(asked(q, "decline").reason, q).toBe("lacks");
  });
});

describe("a pronoun for the one name of the preamble", () => {
  it("reads 'it' in a question with ideas of its own as the name the story gave", () => {
    expect(
      first(
        "Добрый день. Я готовлю обзор по региону. В статье упоминается цветная революция 2005 года. Как автор её оценивает и какой вывод из этого делает?",
      ),
    ).toBe("tulip-revolution");
  });

  it("does not read a subject pronoun so: 'он' may be the author the question just named", () => {
    expect(
      first(
        "Коллеги спорят, не слишком ли автор комплиментарен к Жапарову. Как он сам обосновывает ограничение структур с иностранным финансированием?",
      ),
    ).toBe("foreign-funded-structures");
  });

  it("reads 'он' after the question's own person as that person, the story staying a story", () => {
    expect(first("Пишу курсовую про медиа в Центральной Азии. Кто автор и откуда он вообще?")).toBe("author");
  });

  it("reads a pronoun after a clause naming something of the article's as that thing, not the story", () => {
    // "it" is the Tulip Revolution the question named; the uncle's talk is no question of its own.
    expect(
      first(
        "My uncle worked in Bishkek in 2005 and still talks about the protests at dinner. Does the article mention the Tulip Revolution, and how does it describe it?",
      ),
    ).toBe("tulip-revolution");
  });

  it("reads the last sentence as the question when no sentence asks with a question mark or word", () => {
    expect(
      first("Hi! I'm a student in Osh and my teacher sent us this article yesterday. primakov doctrine"),
    ).toBe("russia-influence-primakov");
  });

  it("leaves out thanks typed straight after the question, but still hears 'please' asking for names", () => {
    expect(first("lale devrimi şimdiden teşekkürler!")).toBe("tulip-revolution");
    expect(first("what's the main argument of the piece thanks in advance")).toBe("article-summary");
    // …after a question of one word too.
    expect(first("Primakov thanks in advance!")).toBe("russia-influence-primakov");
    // A message that is all thanks stays thanks.
    for (const q of [
      "спасибо большое",
      "жакшы болду рахмат",
      "ok got it thanks",
      "çok güzel teşekkürler",
      "ok thanks",
      "great thanks!",
    ])
      expect(asked(q, "smalltalk").intent, q).toBe("thanks");
  });

  it("reads Russian 'что' after a verb of saying as joining a clause, not asking", () => {
    // "он говорит что всё это политика" is the story; the question is the last sentence alone.
    expect(
      asked(
        "Мой дядя работал в Бишкеке, он говорит что всё это политика и ничего больше. сколько денег дала Япония",
        "answer",
      ).ids,
    ).toEqual(["japan-grant-batken"]);
  });

  it("reads Russian typed in Latin letters after a Cyrillic greeting as Russian", () => {
    expect(
      first("Здравствуйте! Я студентка из Оша, преподаватель прислал нам эту статью. kto avtor etoi stati"),
    ).toBe("author");
  });

  it("reads 'who wrote it?' after a story as asking for the author, 'it' being the article", () => {
    expect(
      first(
        "Hello! I'm a history student in Bishkek, our lecturer gave us this piece for Friday's seminar and I'm reading it at lunch. One thing - who wrote it and what's his background?",
      ),
    ).toBe("author");
  });
});

describe("what comes in the future", () => {
  it("declines it: the article reports plans and talks as of March 2023", () => {
    for (const q of [
      "Will Japan invest more in Kyrgyzstan in the future?",
      "Япония в будущем ещё даст деньги?",
    ])
      expect(asked(q, "decline").reason, q).toBe("lacks");
  });
});

describe("a Russian name typed in Latin letters without its soft sign", () => {
  it("finds the Tulip Revolution in either Russian form, as typed without the soft sign", () => {
    for (const q of [
      "chto v state napisano pro tyulpannuyu revolyuciyu",
      "что в статье про тюльпанную революцию?",
    ])
      expect(first(q), q).toBe("tulip-revolution");
  });
});
