// Follow-ups read against the conversation (src/engine/followup.ts), message by message as the bot
// reads them (runConversation keeps the bot's memory).
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createEngine, type Engine } from "../../src/engine/index.ts";
import { runConversation } from "../../src/eval/conversations.ts";

let kb: KnowledgeBase;
let engine: Engine;

beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
});

/** The readings and decisions of a conversation's messages. */
function talk(...messages: string[]) {
  const turns = messages.map((q) => ({
    q,
    expect: "decline",
    category: "follow-up" as const,
    lang: "en" as const,
  }));
  return runConversation(kb, engine, { turns }).map((r) => ({
    reading: r.reading,
    kind: r.decision.kind,
    id: r.decision.kind === "answer" ? r.decision.ids[0] : undefined,
    reason: r.decision.kind === "decline" ? r.decision.reason : undefined,
  }));
}

describe("follow-ups", () => {
  it("'there' points at the last answer's event, however well the words alone find another answer", () => {
    // Alone, "what documents were signed there?" is the agreement with Japan; after the meeting it asks
    // what the meeting signed, which the article does not say.
    const [, , there] = talk(
      "Kto ot Rossii vstrechalsya s Kulubaevym?",
      "chto obsuzhdali?",
      "kakie dokumenty tam podpisali?",
    );
    expect(there).toEqual({ reading: "resolved", kind: "decline", id: undefined, reason: "lacks" });
    expect(talk("kakie dokumenty podpisali?")[0]?.id).toBe("japan-agreement");
  });

  it("a sum the last answer lacks is given by the related answer that tells the same story", () => {
    const [, much] = talk("Kırgızistan Japonya ile ne anlaşması imzalamış?", "ne kadar para?");
    expect(much).toMatchObject({ reading: "resolved", kind: "answer", id: "japan-grant-batken" });
    // "Bunda" (in this) points back as "bu" does.
    const [, inIt] = talk("Kırgızistan Japonya ile ne anlaşması imzalamış?", "bunda kaç para var");
    expect(inIt).toMatchObject({ reading: "resolved", kind: "answer", id: "japan-grant-batken" });
    // …but a date the last answer lacks is not another fact's date.
    const [, when] = talk("How much is the Japanese grant?", "and when?");
    expect(when).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
  });

  it("with nothing before it, a question about the article that points at 'there' is asked on its own", () => {
    expect(talk("Chto za doktrina Primakova, pro kotoruyu tam pishut?")[0]).toMatchObject({
      reading: "own",
      id: "russia-influence-primakov",
    });
    expect(talk("and how much?")[0]).toMatchObject({ reading: "no-context", kind: "decline" });
  });
  it("'who said that?' after the visit is the visit's announcement, not the ambassador's other words", () => {
    const id = (...m: string[]) => talk(...m)[1]?.id;
    expect(id("Is the Kyrgyz president going to Beijing in May?", "who said that?")).toBe(
      "du-dewen-visit-announcement",
    );
    expect(id("Президент поедет в Пекин в мае?", "а кто это сказал?")).toBe("du-dewen-visit-announcement");
    // "What did he say?" still asks for his words.
    expect(id("Is the Kyrgyz president going to Beijing in May?", "what did he say?")).toBe("du-dewen-quote");
    // …and "what else did he say?" after the visit asks for words of his not given yet.
    expect(id("Who announced the visit to Beijing?", "what else did he say?")).toBe("du-dewen-quote");
    expect(id("Кто объявил о визите в Пекин?", "что ещё он сказал?")).toBe("du-dewen-quote");
    // Turkish typed without its letters: "baska" is "başka".
    expect(id("Pekin ziyaretini kim duyurdu?", "baska ne dedi")).toBe("du-dewen-quote");
  });

  it("a new idea 'mentioned there' that the context only finds in the answer just given is asked of the article", () => {
    const [, railway] = talk("Кто объявил о визите в Пекин?", "а что за железная дорога там упоминается?");
    expect(railway).toMatchObject({ reading: "own", id: "railway-project" });
  });
  it("'why?' that finds only the answer just given is asked of the related answer whose question asks why", () => {
    const [, why] = talk("What is Zhaparov's main achievement?", "and why does that matter?");
    expect(why).toMatchObject({ reading: "resolved", id: "multi-vector-meaning" });
    // An idea the last answer's question lacks ("обсуждали") likewise: what the consultations discussed.
    const [, discussed] = talk("Кто возглавлял делегации на консультациях?", "что обсуждали?");
    expect(discussed?.id).toMatch(/^consultations-(topics|organisations)$/);
    // An idea no related question has ("needed") leaves the kind of question to decide: why.
    expect(talk("What does Japarov do against Soros-funded structures?", "why is that needed?")[1]?.id).toBe(
      "social-movements",
    );
    // A kind of question the answer itself gives stays with it: the meeting has its date.
    expect(talk("Who did Kulubaev meet?", "when?")[1]).toMatchObject({ id: "kulubaev-syromolotov-meeting" });
  });
  it("Kyrgyz 'emnege koldonulat?' (what is it used for?) after the grant asks its purpose, not the article's sources", () => {
    const [, used] = talk("Japoniya Kyrgyzstanga kancha grant berdi?", "emnege koldonulat?");
    expect(used).toMatchObject({ kind: "answer", id: "japan-grant-batken" });
    expect(talk("Is Japan giving Kyrgyzstan money?", "for what")[1]).toMatchObject({
      id: "japan-grant-batken",
    });
  });
  it("a name alone ('Rus tarafında?') asks the last question of it; one the engine is sure of stands alone", () => {
    const [, side] = talk("İstişarelerde Kırgız heyetine kim başkanlık etti?", "Rus tarafında?");
    expect(side).toMatchObject({ reading: "resolved", id: "consultations-delegations" });
    expect(talk("How much did Japan give?", "China?")[1]).toMatchObject({ reading: "own" });
  });

  it("Turkish 'peki Rus tarafında kim vardı?' (and who was on the Russian side?) asks the same delegations", () => {
    const [, side] = talk(
      "İstişarelerde Kırgız heyetine kim başkanlık etti?",
      "peki Rus tarafında kim vardı?",
    );
    expect(side).toMatchObject({ kind: "answer", id: "consultations-delegations" });
  });
  it("'is there a source for this claim?' asks the source of what was just said: none for the Tulip Revolution", () => {
    const [, source] = talk("Lale Devrimi nedir?", "Bu iddia için makalede bir kaynak gösterilmiş mi?");
    expect(source).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
    const [, cited] = talk("Who did Kulubaev meet?", "а какой источник у этого?");
    expect(cited).toMatchObject({ reading: "resolved", kind: "answer" });
  });

  it("Kyrgyz 'акыры болдубу?' (did it happen in the end?) after the announced visit is what the article does not say", () => {
    const [, happened] = talk("Жапаров Кытайга качан барат?", "сапар акыры болдубу?");
    expect(happened).toMatchObject({ kind: "decline", reason: "lacks" });
  });

  it("after the sources of a fact, a question asking nothing of sources is about that fact again ('venue?')", () => {
    const [, , venue] = talk("When did Kulubaev meet Syromolotov?", "source?", "venue?");
    expect(venue).toMatchObject({ reading: "resolved", id: "kulubaev-syromolotov-meeting" });
    // …and one asking of sources stays with them.
    const [, , outlet] = talk("When did Kulubaev meet Syromolotov?", "source?", "which outlet?");
    expect(outlet).toMatchObject({ kind: "answer", id: "sources-list" });
  });

  it("'where is this information from?' after an answer asks that answer's source, not the bot's", () => {
    const [, from] = talk("Жапаров правда едет в Китай? когда?", "ааа спасибо! а откуда эта информация?");
    expect(from).toMatchObject({ reading: "resolved", kind: "answer", id: "du-dewen-visit-announcement" });
    expect(talk("а откуда эта информация?")[0]).toMatchObject({ reading: "no-context" });
  });

  it("'this information' in Kyrgyz and Turkish is the last answer's, not the bot's ('Бул маалымат кайсы булактан алынган?')", () => {
    for (const q of ["Бул маалымат кайсы булактан алынган?", "Bu bilgi hangi kaynaktan alındı?"]) {
      const [, source] = talk("Кулубаев ким менен жолуккан?", q);
      expect(source, q).toMatchObject({ reading: "resolved", kind: "answer" });
      expect(source?.id, q).not.toBe("bot-sources");
    }
  });

  it("thanks before a follow-up is no idea of its own ('sağol, hangi dilleri biliyor?')", () => {
    const [, , languages] = talk(
      "bu yaziyi kim yazmis?",
      "doktorasını nerede yaptı?",
      "sağol, hangi dilleri biliyor?",
    );
    expect(languages).toMatchObject({ reading: "resolved", id: "author" });
    // Thanks with praise, then an opinion, then the question: the question is the last sentence.
    const [, when] = talk(
      "С кем встречался Кулубаев?",
      "Благодарю Вас за обстоятельный ответ. Встреча, на мой взгляд, показательна для политики Бишкека. А когда она состоялась?",
    );
    expect(when).toMatchObject({ reading: "resolved", id: "kulubaev-syromolotov-meeting" });
  });

  it("'who else took part?' after the meeting is the consultations, whose delegations name someone new", () => {
    const [, others] = talk(
      "when did kulubaev meet the russian deputy foreign minister",
      "who else took part in the talks later",
    );
    expect(others).toMatchObject({ reading: "resolved", id: "consultations-delegations" });
    // Alone, "who else" has no one to be else to: the article names no one else.
    expect(engine.ask("who else took part in the talks later").kind).toBe("decline");
  });

  it("'now' asks of today, not of the last answer's past event ('а сейчас кто президент там?')", () => {
    const [, , president] = talk(
      "Почему Киргизию называют островом демократии",
      "а тюльпановая революция когда была?",
      "а сейчас кто президент там?",
    );
    expect(president).toMatchObject({ reading: "own", id: "japarov-profile" });
    // Without "now", a who-question about the revolution is about it, and the article does not say.
    const [, , who] = talk(
      "Почему Киргизию называют островом демократии",
      "а тюльпановая революция когда была?",
      "а кто был президентом тогда?",
    );
    expect(who).toMatchObject({ kind: "decline" });
  });

  it("'and then?' gives what the article tells next of the story, where it goes on ('Later, …')", () => {
    for (const then of ["а потом?", "анан эмне болду?", "and then what happened?", "peki sonra ne oldu?"]) {
      const [, next] = talk("Kulubaev kiminle görüştü?", then);
      expect(next, then).toMatchObject({
        reading: "resolved",
        kind: "answer",
        id: "consultations-delegations",
      });
    }
    // Where the article does not go on, what happened next is a detail it lacks.
    const [, after] = talk("When will Japarov visit Beijing?", "what happened next?");
    expect(after).toMatchObject({ kind: "decline", reason: "lacks" });
  });

  it("thanks before a question of its own leaves that question as it would be alone", () => {
    const [, author] = talk("Japoniya Kyrgyzstanga kancha akcha berdi?", "rahmat. makalanyn avtoru kim?");
    expect(author).toMatchObject({ reading: "own", kind: "answer", id: "author" });
  });

  it("a few words asking what the last event lacks are about it: 'any agreements signed?' after the consultations", () => {
    const [, signed] = talk(
      "Who led the delegations at the Kyrgyz-Russian consultations?",
      "any agreements signed?",
    );
    expect(signed).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
    // Alone, the engine's guess at the agreement with Japan stands.
    expect(talk("any agreements signed?")[0]).toMatchObject({ kind: "answer", id: "japan-agreement" });
  });

  it("what came of the last event, asked at length and naming nothing, is about it, however sure the engine is of the agreement alone", () => {
    const [, , signed] = talk(
      "Which international organizations came up in those talks?",
      "And besides the organizations, what security issues?",
      "Was any joint document signed at the end?",
    );
    expect(signed).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
    expect(talk("Was any joint document signed at the end?")[0]).toMatchObject({ id: "japan-agreement" });
    // A question naming the other party is its own: the agreement with Japan.
    const [, japan] = talk(
      "Which international organizations came up in those talks?",
      "What did Kyrgyzstan sign with Japan?",
    );
    expect(japan).toMatchObject({ kind: "answer", id: "japan-agreement" });
  });

  it("'where was it?' after what an event discussed is the related answer that says where, not the last again", () => {
    const [, where] = talk("What was discussed at the consultations?", "where was it?");
    expect(where).toMatchObject({ reading: "resolved", id: "consultations-delegations" });
    // …and after the answer that says where itself, that answer.
    const [, , again] = talk("What was discussed at the consultations?", "where was it?", "nerede?");
    expect(again).toMatchObject({ id: "consultations-delegations" });
  });

  it("a pointing question the engine only guesses at alone is about the last answer, its postscript aside", () => {
    const [, quote] = talk(
      "what did the Chinese ambassador say about Kyrgyzstan?",
      "can you give me that quote word for word? I want to read it out in class",
    );
    expect(quote).toMatchObject({ reading: "resolved", kind: "answer", id: "du-dewen-quote" });
    // A name of its own the last answer lacks is what it asks about.
    const [, , other] = talk(
      "what did the Chinese ambassador say about Kyrgyzstan?",
      "can you give me that quote word for word? I want to read it out in class",
      "and that grant from Japan, what was it for?",
    );
    expect(other).toMatchObject({ kind: "answer", id: "japan-grant-batken" });
  });

  it("'does it say what year that was?' asks the year of the last answer's own event, which it lacks", () => {
    const [, , year] = talk(
      "who is the president?",
      "how did he come to power?",
      "does it say what year that was?",
    );
    expect(year).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
  });

  it("asking for specifics the answer just given does not have is a decline, not the same answer again", () => {
    const [, specific] = talk("what did Kulubaev and Syromolotov discuss?", "which issues exactly?");
    expect(specific).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
    const [, ru] = talk("Что обсуждали Кулубаев и Сыромолотов?", "а конкретно?");
    expect(ru).toMatchObject({ kind: "decline", reason: "lacks" });
    // "How much exactly?" asks the sum the answer gives.
    const [, sum] = talk("what is the money from Japan for?", "how much exactly?");
    expect(sum).toMatchObject({ kind: "answer", id: "japan-grant-batken" });
    // "When exactly?" of the visit asks the month the answer gives.
    const [, when] = talk("О каком визите объявил посол Китая?", "Когда именно он состоится?");
    expect(when).toMatchObject({ kind: "answer", id: "du-dewen-visit-announcement" });
  });

  it("a name alone after an answer about another asks the related answer's same question of it ('peki Çin?')", () => {
    const [, china] = talk("Makalede geçen Primakov Doktrini ne demek?", "peki Çin?");
    expect(china).toMatchObject({ reading: "resolved", kind: "answer", id: "belt-and-road" });
    // No related answer asks it of China: the name alone is a question of its own.
    expect(talk("How much did Japan give?", "China?")[1]).toMatchObject({ reading: "own" });
    // A question of another kind than the last one's stands alone: who he is, not what was said of him.
    const [, who] = talk("What did Du Dewen say about Kyrgyzstan and China?", "Who is Sadyr Zhaparov?");
    expect(who).toMatchObject({ reading: "own", id: "japarov-profile" });
  });

  it("'what else was discussed?' after the organisations is the other topics of the consultations", () => {
    const [, , other] = talk(
      "Which organisations were discussed at the consultations?",
      "thanks",
      "what else was discussed?",
    );
    expect(other).toMatchObject({ kind: "answer", id: "consultations-topics" });
  });

  it("'what for?' after how much Japan gave asks what the money is for", () => {
    const [, purpose] = talk("how much money did japan allocate", "what for?");
    expect(purpose).toMatchObject({ kind: "answer", id: "japan-grant-batken" });
  });

  it("'besides' asks for the rest of the last answer, not what the bot can talk about", () => {
    const [, besides] = talk(
      "Which organisations were discussed at the consultations?",
      "а кроме организаций какие темы?",
    );
    expect(besides).toMatchObject({ kind: "answer", id: "consultations-topics" });
  });

  it("'such' points back as 'this' does ('эмне үчүн ушундай саясат керек?' after what the policy means)", () => {
    // Asked alone it is now a curated question of the benefits answer: the same answer either way.
    const [, such] = talk("Көп вектордуу саясат деген эмне?", "emne uchun ushundai sayasat kerek?");
    expect(such).toMatchObject({ kind: "answer", id: "multi-vector-benefits" });
    const [, doing] = talk("Көп вектордуу саясат деген эмне?", "emne uchun ushundai sayasat jurguzushot?");
    expect(doing).toMatchObject({ reading: "resolved", kind: "answer" });
  });

  it("a follow-up the last answer pulls back to itself goes to a close runner-up its own words choose", () => {
    const [, benefits] = talk(
      "Orta Asya ulkeleri neden cok yonlu dis politika izliyor",
      "bu onlara ne sagliyor",
    );
    expect(benefits).toMatchObject({ reading: "resolved", kind: "answer", id: "multi-vector-benefits" });
  });

  it("a follow-up the last answer's words find only weakly is still asked of its related answers", () => {
    const [, risk] = talk("Kirgizistana neden demokrasi adasi deniyor", "peki bunun riski ne");
    expect(risk).toMatchObject({ reading: "resolved", kind: "answer", id: "social-movements" });
  });

  it("two short questions after a meeting, one asking what was signed, ask it of that meeting", () => {
    const [, , signed] = talk(
      "с кем встречался Кулубаев 23 марта?",
      "а что они обсуждали?",
      "а договорились о чем то конкретном? какие-то документы подписали?",
    );
    expect(signed).toMatchObject({ reading: "resolved", kind: "decline", reason: "lacks" });
  });

  it("one idea asked again of the day's events is asked of the fact it gathers that tells it", () => {
    const [day, talked] = talk("привет, кто с кем встречался 23 марта 2023?", "а о чем говорили");
    expect(day).toMatchObject({ kind: "answer", id: "timeline-2023-03-23" });
    expect(talked).toMatchObject({ reading: "resolved", kind: "answer", id: "kulubaev-syromolotov-meeting" });
  });

  it("'başka' (other) is no 'başkan' (head): 'what other topics?' after who led the delegations asks the topics", () => {
    const [, other] = talk("Kırgız heyetine kim başkanlık etti?", "peki baska hangi konular konusuldu");
    expect(other).toMatchObject({ kind: "answer", id: "consultations-topics" });
  });

  it("'what about X?' in Kyrgyz, with a plain word of X ('Борбор Азия өлкөлөрүчү?'), asks the last question of X", () => {
    const [, region] = talk("Көп вектордуу саясат деген эмне?", "Борбор Азия өлкөлөрүчү?");
    expect(region).toMatchObject({ reading: "resolved", kind: "answer", id: "multi-vector-why-now" });
  });

  it("an idea the last answer's own curated questions ask is asked of it, not of a related answer", () => {
    const [, wanted] = talk(
      "why is western capital important for kyrgyzstan?",
      "so what do they want out of it",
    );
    expect(wanted).toMatchObject({ kind: "answer", id: "western-capital" });
  });
});
