// Follow-ups in context: "why?", "а почему?", "neden?" after an answer are read against it, and the
// reply is a curated answer with its own citation. Per private chat, per person and forum topic in
// groups, for 15 minutes; a follow-up with nothing before it is never answered with a citation.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/content/schema.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import { REPLY_TEXTS } from "../../src/texts/reply.ts";
import {
  alice,
  ayse,
  boris,
  botInfo,
  button,
  buttons,
  createHarness,
  forum,
  groupText,
  knowledge,
  messageOf,
  messageUpdate,
  NOW,
  only,
  press,
  privateText,
  textOf,
} from "./helpers.ts";

const { kb } = knowledge();

function answer(id: string) {
  const a = kb.answerById.get(id);
  if (!a) throw new Error(`content has no answer ${id}`);
  return a;
}

/** The grant and its significance: the second answers "why?" about the first. */
const GRANT = answer("japan-grant-batken");
const WHY_GRANT = answer("japan-grant-significance");

const isAnswer = (text: string, id: string, lang: Lang) => text.includes(escapeHtml(answer(id).answer[lang]));
const citesAnything = (text: string) => /href=|\(no footnote\)|без сноски|dipnot yok/.test(text);

/**
 * In a private chat: the first answer's own question, then the follow-up; the follow-up gets the
 * curated answer `to`, with its own citation, logged as read against the first.
 */
async function expectFollowUp(
  lang: Lang,
  user: typeof alice,
  about: { id: string; questions: Record<Lang, string[]> },
  followUp: string,
  to: string,
): Promise<void> {
  const h = createHarness();
  const first = textOf(only(await h.send(privateText(about.questions[lang][0] as string, user))));
  expect(isAnswer(first, about.id, lang)).toBe(true);
  const reply = textOf(only(await h.send(privateText(followUp, user))));
  expect(isAnswer(reply, to, lang)).toBe(true);
  expect(citesAnything(reply)).toBe(true);
  const line = h.logs.findLast((l) => l.msg === "update");
  expect(line).toMatchObject({ followUp: "resolved", about: about.id, answerId: to, lang });
}

describe("follow-ups in a private chat", () => {
  for (const [lang, user, why] of [
    ["en", alice, "why?"],
    ["ru", boris, "а почему?"],
    ["tr", ayse, "neden?"],
  ] as const) {
    it(`${lang}: "${why}" after an answer gets the curated answer it refers to, with its own citation`, () =>
      expectFollowUp(lang, user, GRANT, why, WHY_GRANT.id));
  }

  it("tr: 'peki neden?' (so why?) is a follow-up: 'peki' is no typo of the name Pekin, and no thanks", async () => {
    const h = createHarness();
    await h.send(privateText(GRANT.questions.tr[0] as string, ayse));
    const reply = textOf(only(await h.send(privateText("peki neden?", ayse))));
    expect(isAnswer(reply, WHY_GRANT.id, "tr")).toBe(true);
    const line = h.logs.findLast((l) => l.msg === "update");
    expect(line).toMatchObject({ followUp: "resolved", about: GRANT.id, answerId: WHY_GRANT.id, lang: "tr" });
  });

  it("after a decline, a follow-up is read against the answer it offered first, and given with a hedge", async () => {
    const h = createHarness();
    const vague = "whats the story with kyrgyzstan and japan, read something?";
    const declined = only(await h.send(privateText(vague)));
    expect(isAnswer(textOf(declined), GRANT.id, "en")).toBe(false);
    const first = buttons(declined)[0]?.data ?? "";
    const reply = textOf(only(await h.send(privateText("how much?"))));
    expect(isAnswer(reply, GRANT.id, "en")).toBe(true);
    expect(reply).toContain(escapeHtml(REPLY_TEXTS.en.hedge(GRANT.questions.en[0] as string)));
    const line = h.logs.findLast((l) => l.msg === "update");
    expect(line).toMatchObject({ followUp: "resolved", answerId: GRANT.id });
    // Read against the decline's first suggestion (the Japanese story the user was offered).
    expect(first).toContain(`:${String(line?.about)}:`);
  });

  it("after a question about someone the article never mentions, 'what did he say?' is not about the answer before", async () => {
    const h = createHarness();
    const visit = answer("du-dewen-visit-announcement");
    expect(
      isAnswer(textOf(only(await h.send(privateText(visit.questions.en[0] as string)))), visit.id, "en"),
    ).toBe(true);
    await h.send(privateText("What did Putin say?"));
    const reply = textOf(only(await h.send(privateText("what did he say?"))));
    expect(citesAnything(reply)).toBe(false);
    expect(reply).toBe(botTexts("en").followUpNoContext);
  });

  it("the short answer in bold comes first only when it answers the kind of question asked", async () => {
    const h = createHarness();
    const meeting = answer("kulubaev-syromolotov-meeting");
    const short = `<b>${escapeHtml(meeting.short?.en ?? "")}</b>`;
    expect(meeting.short).toBeDefined();
    // "Who did Kulubaev meet…?": the name answers it.
    expect(textOf(only(await h.send(privateText(meeting.questions.en[0] as string))))).toContain(short);
    // "What did they discuss?": the same answer, without a name on top that answers "who".
    const followUp = textOf(only(await h.send(privateText("what did they discuss?"))));
    expect(isAnswer(followUp, meeting.id, "en")).toBe(true);
    expect(followUp).not.toContain(short);
    // A direct question of another kind that lands on the same answer.
    const when = textOf(only(await h.send(privateText("When did Kulubaev meet Syromolotov?"))));
    expect(isAnswer(when, meeting.id, "en")).toBe(true);
    expect(when).not.toContain(short);
  });

  for (const [lang, user, said] of [
    ["ru", boris, "что обсуждали?"],
    ["tr", ayse, "ne konuştular?"],
  ] as const) {
    it(`${lang}: "${said}" after the meeting gets no name on top, though its "what" is a stop word`, async () => {
      const h = createHarness();
      const meeting = answer("kulubaev-syromolotov-meeting");
      const short = `<b>${escapeHtml(meeting.short?.[lang] ?? "")}</b>`;
      expect(textOf(only(await h.send(privateText(meeting.questions[lang]?.[0] as string, user))))).toContain(
        short,
      );
      const followUp = textOf(only(await h.send(privateText(said, user))));
      expect(isAnswer(followUp, meeting.id, lang)).toBe(true);
      expect(followUp).not.toContain(short);
    });
  }

  it("'what did they discuss?' after the meeting is about the meeting, not about the bot", async () => {
    const h = createHarness();
    const meeting = answer("kulubaev-syromolotov-meeting");
    await h.send(privateText(meeting.questions.en[0] as string));
    expect(
      isAnswer(textOf(only(await h.send(privateText("what did they discuss?")))), meeting.id, "en"),
    ).toBe(true);
  });

  for (const [lang, user, said] of [
    ["en", alice, "what did he say?"],
    ["ru", boris, "а что он сказал?"],
    ["tr", ayse, "peki o ne dedi?"],
  ] as const) {
    it(`${lang}: "${said}" after the visit announcement gets the words of the one who announced it, not the announcement again`, () =>
      expectFollowUp(lang, user, answer("du-dewen-visit-announcement"), said, "du-dewen-quote"));
  }

  it("'what did he say?' after a day's events naming several people is not pinned on the one the article quotes", async () => {
    const h = createHarness();
    const day = answer("timeline-2023-03-23");
    await h.send(privateText(day.questions.en[0] as string));
    const line = async () => {
      await h.send(privateText("what did he say?"));
      return h.logs.findLast((l) => l.msg === "update");
    };
    expect(await line()).not.toMatchObject({ answerId: "du-dewen-quote" });
  });

  for (const [lang, user, said] of [
    ["en", alice, "what did he say?"],
    ["ru", boris, "а что он сказал?"],
  ] as const) {
    it(`${lang}: "${said}" after the meeting, whose people the article never quotes, says it has no words of theirs`, async () => {
      const h = createHarness();
      const meeting = answer("kulubaev-syromolotov-meeting");
      await h.send(privateText(meeting.questions[lang]?.[0] as string, user));
      const reply = textOf(only(await h.send(privateText(said, user))));
      expect(reply).toContain(escapeHtml(REPLY_TEXTS[lang].declineLacks.words));
      expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({
        followUp: "resolved",
        about: meeting.id,
      });
    });
  }

  for (const [lang, user, said] of [
    ["en", alice, "when was he born?"],
    ["ru", boris, "когда он родился?"],
  ] as const) {
    it(`${lang}: "${said}" after the author's profile, whose question names no one, is asked of the man it names`, async () => {
      const h = createHarness();
      const author = answer("author");
      await h.send(privateText(author.questions[lang]?.[0] as string, user));
      const reply = textOf(only(await h.send(privateText(said, user))));
      expect(reply).toContain(escapeHtml(REPLY_TEXTS[lang].declineLacks.life));
      expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({
        followUp: "resolved",
        about: author.id,
      });
    });
  }

  it("tr: a short question the engine alone would hedge, landing on the answer just given, is answered without the hedge", async () => {
    const h = createHarness();
    const visit = answer("du-dewen-visit-announcement");
    await h.send(privateText(visit.questions.tr[0] as string, ayse));
    const who = textOf(only(await h.send(privateText("kim açıkladı?", ayse))));
    expect(isAnswer(who, visit.id, "tr")).toBe(true);
    const hedgeOpening = REPLY_TEXTS.tr.hedge("").split("“")[0] as string;
    expect(who).not.toContain(escapeHtml(hedgeOpening));
    expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({
      followUp: "resolved",
      about: visit.id,
    });
  });

  it("ru: 'на что?' after the railway asks about the railway, though alone the engine would guess at the grant", async () => {
    const h = createHarness();
    const railway = answer("railway-project");
    await h.send(privateText(railway.questions.ru[0] as string, boris));
    const reply = textOf(only(await h.send(privateText("на что?", boris))));
    expect(isAnswer(reply, GRANT.id, "ru")).toBe(false);
    expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({
      followUp: "resolved",
      about: railway.id,
    });
  });

  it("a question about one name that several answers speak of says so and lists them", async () => {
    const h = createHarness();
    const call = only(await h.send(privateText("what does the article say about Russia?")));
    expect(textOf(call)).toContain(escapeHtml(REPLY_TEXTS.en.declineBroad("Russia")));
    expect(buttons(call).length).toBeGreaterThanOrEqual(2);
    // A question that asks something of the name is no such question.
    const cat = textOf(only(await h.send(privateText("why does Kyrgyzstan keep a cat called Russia?"))));
    expect(cat).not.toContain(escapeHtml(REPLY_TEXTS.en.declineBroad("Russia")));
  });

  it("'who is Smith?' after an answer is a question of its own: the article does not mention Smith", async () => {
    const h = createHarness();
    await h.send(privateText(GRANT.questions.en[0] as string));
    const reply = textOf(only(await h.send(privateText("who is Smith?"))));
    expect(reply).toContain(escapeHtml(REPLY_TEXTS.en.declineOutOfScope("Smith")));
  });

  it("a full new question after an answer is answered on its own (a switch of topic)", async () => {
    const h = createHarness();
    await h.send(privateText(GRANT.questions.en[0] as string));
    const profile = answer("japarov-profile");
    const reply = textOf(only(await h.send(privateText(profile.questions.en[0] as string))));
    expect(isAnswer(reply, profile.id, "en")).toBe(true);
    expect(h.logs.findLast((l) => l.msg === "update")).not.toHaveProperty("followUp");
  });

  it("with nothing before it, 'and how much?' gets no citation, only a request for a full question", async () => {
    const h = createHarness();
    const call = only(await h.send(privateText("and how much?")));
    expect(textOf(call)).toBe(escapeHtml(botTexts("en").followUpNoContext));
    expect(citesAnything(textOf(call))).toBe(false);
    expect(buttons(call).length).toBeGreaterThan(0);
  });

  it("a follow-up the context does not settle says so and offers the last answer's related questions", async () => {
    const h = createHarness();
    await h.send(privateText(GRANT.questions.en[0] as string));
    // "What else?" first gets the other answer about the grant, then there is nothing else to find.
    expect(isAnswer(textOf(only(await h.send(privateText("what else?")))), WHY_GRANT.id, "en")).toBe(true);
    const call = only(await h.send(privateText("what else?")));
    expect(textOf(call)).toBe(escapeHtml(botTexts("en").followUpUnsettled));
    const related = WHY_GRANT.related.map((id) => answer(id).questions.en[0]);
    expect(buttons(call).map((b) => b.text)).toEqual(related.slice(0, 3).map((q) => q?.slice(0, 60)));
  });

  it("'and when?' of an answer without a date says the article gives none, and 'who reported it?' gets the outlet", async () => {
    const h = createHarness();
    await h.send(privateText(GRANT.questions.en[0] as string));
    const when = textOf(only(await h.send(privateText("and when?"))));
    expect(when).not.toBe(escapeHtml(botTexts("en").followUpUnsettled));
    expect(when).toContain("does not give a date");
    expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({
      followUp: "resolved",
      about: GRANT.id,
    });
    const who = textOf(only(await h.send(privateText("who reported it?"))));
    expect(who).toContain("24.kg");
    expect(citesAnything(who)).toBe(true);
  });

  it("a follow-up that finds nothing with the last answer's ideas is asked of its names: 'how much?' after Japan", async () => {
    const h = createHarness();
    await h.send(privateText("what about Japan?"));
    const much = textOf(only(await h.send(privateText("how much?"))));
    expect(isAnswer(much, GRANT.id, "en")).toBe(true);
    expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({ followUp: "resolved" });
  });

  it("thanks, then a follow-up ('thanks! and when was that?') answers the follow-up; thanks alone stays thanks", async () => {
    const h = createHarness();
    const meeting = answer("kulubaev-syromolotov-meeting");
    await h.send(privateText(meeting.questions.en[0] as string));
    const when = textOf(only(await h.send(privateText("thanks! and when was that?"))));
    expect(isAnswer(when, meeting.id, "en")).toBe(true);
    const thanks = textOf(only(await h.send(privateText("thanks!"))));
    expect(isAnswer(thanks, meeting.id, "en")).toBe(false);
  });

  it("…but not of a name most answers speak of: 'who calls it that?' after the Democracy Island", async () => {
    const h = createHarness();
    await h.send(privateText("What is the Democracy Island?"));
    const who = textOf(only(await h.send(privateText("who calls it that?"))));
    expect(isAnswer(who, "du-dewen-visit-announcement", "en")).toBe(false);
    expect(isAnswer(who, "democracy-island", "en")).toBe(false);
    expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({
      followUp: "resolved",
      about: "democracy-island",
    });
  });

  it("tr: a short follow-up that reads as Kyrgyz or Russian in Latin letters keeps the conversation's Turkish", async () => {
    const h = createHarness();
    await h.send(privateText(GRANT.questions.tr[0] as string, ayse));
    const who = textOf(only(await h.send(privateText("kim bildirdi?", ayse))));
    expect(isAnswer(who, GRANT.id, "tr")).toBe(true);
    expect(h.logs.findLast((l) => l.msg === "update")).toMatchObject({ followUp: "resolved", lang: "tr" });
  });

  it("expires: after 15 minutes 'why?' is no longer read against the old answer", async () => {
    let now = NOW;
    const h = createHarness({ now: () => now });
    await h.send(privateText(GRANT.questions.en[0] as string));
    now = new Date(NOW.getTime() + 14 * 60_000);
    expect(isAnswer(textOf(only(await h.send(privateText("why?")))), WHY_GRANT.id, "en")).toBe(true);
    now = new Date(now.getTime() + 16 * 60_000);
    expect(textOf(only(await h.send(privateText("why?"))))).toBe(
      escapeHtml(botTexts("en").followUpNoContext),
    );
  });

  it("an answer opened by a question button or a deep link is context too", async () => {
    const h = createHarness();
    const why = only(await h.send(privateText(WHY_GRANT.questions.en[0] as string)));
    const grantButton = button(why, (b) => b.data === `q:${GRANT.id}:en`);
    const pressed = only(await h.send(press(grantButton.data, messageOf(why))));
    expect(isAnswer(textOf(pressed), GRANT.id, "en")).toBe(true);
    expect(isAnswer(textOf(only(await h.send(privateText("why?")))), WHY_GRANT.id, "en")).toBe(true);

    const linked = createHarness();
    const calls = await linked.send(privateText(`/start ${GRANT.id}`));
    expect(calls.some((c) => isAnswer(textOf(c), GRANT.id, "en"))).toBe(true);
    expect(isAnswer(textOf(only(await linked.send(privateText("why?")))), WHY_GRANT.id, "en")).toBe(true);
  });
});

describe("follow-ups in groups", () => {
  const mention = `@${botInfo.username}`;

  it("a reply to the bot's answer is a follow-up; the same words not addressed to the bot get silence", async () => {
    const h = createHarness();
    const asked = only(await h.send(groupText(`${mention} ${GRANT.questions.en[0]}`)));
    expect(isAnswer(textOf(asked), GRANT.id, "en")).toBe(true);
    // Someone else says "why?" to the room: not for the bot.
    expect(await h.send(groupText("why?", { from: boris }))).toEqual([]);
    expect(await h.send(groupText("why?"))).toEqual([]);
    const reply = only(await h.send(groupText("why?", { replyTo: messageOf(asked) })));
    expect(isAnswer(textOf(reply), WHY_GRANT.id, "en")).toBe(true);
  });

  it("memory is per person: another member's follow-up is not read against Alice's answer", async () => {
    const h = createHarness();
    const asked = only(await h.send(groupText(`${mention} ${GRANT.questions.en[0]}`)));
    const other = only(await h.send(groupText("why?", { from: boris, replyTo: messageOf(asked) })));
    expect(citesAnything(textOf(other))).toBe(false);
  });

  it("memory is per forum topic", async () => {
    const h = createHarness();
    await h.send(messageUpdate(`${mention} ${GRANT.questions.en[0]}`, { chat: forum, threadId: 7 }));
    const otherTopic = only(await h.send(messageUpdate(`${mention} why?`, { chat: forum, threadId: 8 })));
    expect(citesAnything(textOf(otherTopic))).toBe(false);
    const sameTopic = only(await h.send(messageUpdate(`${mention} why?`, { chat: forum, threadId: 7 })));
    expect(isAnswer(textOf(sameTopic), WHY_GRANT.id, "en")).toBe(true);
  });
});

describe("the curators' log", () => {
  it("keeps a follow-up's text with the answer it was read against and the answer it resolved to", async () => {
    const dir = mkdtempSync(join(tmpdir(), "conv-log-"));
    const path = join(dir, "bot.sqlite");
    const store = openSqliteStore({ path, retentionDays: 90 });
    const h = createHarness({ store });
    await h.send(privateText(GRANT.questions.en[0] as string));
    await h.send(privateText("why?"));
    store.close();
    const db = new Database(path, { readonly: true });
    const rows = db
      .prepare("SELECT normalized, matched_id AS matched, follow_up_of AS about FROM kept_questions")
      .all();
    db.close();
    expect(rows).toContainEqual({ normalized: "why?", matched: WHY_GRANT.id, about: GRANT.id });
  });
});
