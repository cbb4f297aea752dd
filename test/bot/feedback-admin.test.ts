// Feedback votes, the question log for curators, a failing store, and the admin commands.
import { describe, expect, it } from "vitest";
import type { Lang } from "../../src/content/schema.ts";
import { createMemoryStore } from "../../src/storage/memory.ts";
import type { QuestionEvent, Store } from "../../src/storage/store.ts";
import { botTexts } from "../../src/texts/bot.ts";
import {
  alice,
  answerableFacts,
  boris,
  buttons,
  createHarness,
  firstAnswerableFact,
  groupText,
  messageOf,
  NOW,
  only,
  press,
  privateText,
  sent,
  textOf,
} from "./helpers.ts";

const { fact, question } = firstAnswerableFact("en");
const offTopic = "How do I bake sourdough bread at home?";
const today = NOW.toISOString().slice(0, 10);

/** The store the bot really uses, plus a copy of every question event it was given. */
function recordingStore() {
  const store = createMemoryStore({ now: () => NOW });
  const questions: QuestionEvent[] = [];
  const wrapped: Store = {
    ...store,
    recordQuestion(event) {
      questions.push(event);
      store.recordQuestion(event);
    },
  };
  return { store, wrapped, questions };
}

/** A store whose every call fails, like a locked or read-only database. */
const brokenStore: Store = new Proxy({} as Store, {
  get: () => () => {
    throw new Error("SQLITE_READONLY: attempt to write a readonly database");
  },
});

describe("👍/👎 feedback", () => {
  it("counts one vote per user per answer; a second press changes it; toasts in the user's language", async () => {
    const { store, wrapped } = recordingStore();
    const h = createHarness({ store: wrapped });
    const reply = only(await h.send(privateText(question)));
    const answer = messageOf(reply);
    const toast = async (data: string, who = alice) =>
      only(await h.send(press(data, answer, who)), "answerCallbackQuery").payload.text;
    const en = botTexts("en");

    expect(await toast(`fb:+:${fact.id}`)).toBe(en.voteNew);
    expect(await toast(`fb:+:${fact.id}`)).toBe(en.voteSame);
    expect(await toast(`fb:-:${fact.id}`)).toBe(en.voteChanged);
    expect(await toast(`fb:+:${fact.id}`, boris)).toBe(botTexts("ru").voteNew);

    expect(await store.worstFeedback(today, today, 10)).toEqual([
      { answerId: fact.id, up: 1, down: 1, net: 0 },
    ]);
  });

  it("after 👎 offers related questions as buttons; pressing 👎 again does not repeat them", async () => {
    const h = createHarness();
    const reply = only(await h.send(privateText(question)));
    const calls = await h.send(press(`fb:-:${fact.id}`, messageOf(reply)));
    const offer = only(calls);
    expect(textOf(offer)).toBe(botTexts("en").afterDownvote);
    const offered = buttons(offer);
    expect(offered.length).toBeGreaterThan(0);
    expect(offered.every((b) => b.data.startsWith("q:") && !b.data.includes(`:${fact.id}:`))).toBe(true);
    expect(sent(await h.send(press(`fb:-:${fact.id}`, messageOf(reply))))).toEqual([]);
  });
});

describe("votes that cannot be gamed or lost", () => {
  it("refuses a vote for an answer the message never showed", async () => {
    const { store, wrapped } = recordingStore();
    const h = createHarness({ store: wrapped });
    const answer = messageOf(only(await h.send(privateText(question))));
    const other = answerableFacts("en").find((a) => a.id !== fact.id);
    if (!other) throw new Error("needs a second answer");
    const forged = only(await h.send(press(`fb:-:${other.id}`, answer)), "answerCallbackQuery");
    expect(forged.payload.text).toBe(botTexts("en").badButton);
    expect(await store.worstFeedback(today, today, 10)).toEqual([]);
  });

  it("counts one person's votes for one answer once, however many messages show it", async () => {
    const { store, wrapped } = recordingStore();
    const h = createHarness({ store: wrapped });
    for (let i = 0; i < 5; i++) {
      const answer = messageOf(only(await h.send(privateText(question))));
      await h.send(press(`fb:-:${fact.id}`, answer));
    }
    expect(await store.worstFeedback(today, today, 10)).toEqual([
      { answerId: fact.id, up: 0, down: 1, net: -1 },
    ]);
  });

  it("posts the 'sorry' follow-up once per message, however often the vote flips", async () => {
    const h = createHarness();
    const answer = messageOf(only(await h.send(privateText(question))));
    let followUps = 0;
    for (let i = 0; i < 20; i++) {
      const calls = await h.send(press(`fb:${i % 2 === 0 ? "-" : "+"}:${fact.id}`, answer));
      followUps += sent(calls).length;
    }
    expect(followUps).toBe(1);
  });

  it("does not thank for a vote the store could not keep", async () => {
    const store = createMemoryStore({ now: () => NOW });
    const h = createHarness({
      store: { ...store, recordVote: async () => ({ status: "failed", firstDownvote: false }) },
    });
    const answer = messageOf(only(await h.send(privateText(question))));
    const vote = only(await h.send(press(`fb:-:${fact.id}`, answer)), "answerCallbackQuery");
    expect(vote.payload.text).toBe(botTexts("en").voteNotKept);
    expect(sent(await h.send(press(`fb:-:${fact.id}`, answer)))).toEqual([]);
  });
});

describe("the question log", () => {
  it("keeps the text of declined questions only, with the engine's group key and the UTC day", async () => {
    const { store, wrapped, questions } = recordingStore();
    const h = createHarness({ store: wrapped });
    await h.send(privateText(question));
    await h.send(privateText(offTopic));
    await h.send(privateText("hello"));

    expect(questions).toHaveLength(2); // small talk is not a question about the article
    const [answered, declined] = questions as [QuestionEvent, QuestionEvent];
    expect(answered).toMatchObject({ answered: true, matchedId: fact.id, normalized: null, groupKey: null });
    expect(answered.day).toBe(today);
    expect(declined).toMatchObject({
      answered: false,
      matchedId: null,
      chatType: "private",
      lang: "en" as Lang,
    });
    expect(declined.normalized).toBe(offTopic.toLowerCase());
    expect(declined.groupKey).toBeTruthy();
    expect(declined.declineReason).toBeTruthy();
    expect(await store.dailyCounts(today, today)).toEqual([{ day: today, answered: 1, declined: 1 }]);
  });

  it("a failing store never stops an answer; votes and /lang say sorry instead", async () => {
    const h = createHarness({ store: brokenStore });
    const reply = only(await h.send(privateText(question)));
    expect(textOf(reply).length).toBeGreaterThan(0);
    const vote = only(await h.send(press(`fb:+:${fact.id}`, messageOf(reply))), "answerCallbackQuery");
    expect(vote.payload.text).toBe(botTexts("en").failure);
    const offered = only(await h.send(privateText("/lang")));
    const lang = only(await h.send(press("lang:ru", messageOf(offered))), "answerCallbackQuery");
    expect(lang.payload.text).toBe(botTexts("ru").failure);
    expect(h.logs.some((l) => l.level === 40 && /store/.test(l.msg))).toBe(true);
  });
});

describe("admin commands", () => {
  it("/stats and /unanswered answer admins in a private chat", async () => {
    const h = createHarness({ adminIds: [alice.id] });
    await h.send(privateText(question, boris));
    await h.send(privateText(offTopic, boris));
    await h.send(privateText(offTopic, boris));

    const stats = textOf(only(await h.send(privateText("/stats"))));
    expect(stats).toBe(
      botTexts("en").stats({ answered: 1, declined: 2 }, { answered: 1, declined: 2 }, today),
    );
    const unanswered = textOf(only(await h.send(privateText("/unanswered"))));
    expect(unanswered).toContain(offTopic.toLowerCase());
    expect(unanswered).toContain("— 2 (en)");
  });

  it("/unanswered sorts declined questions like the report, and never offers an unsafe paraphrase", async () => {
    const h = createHarness({ adminIds: [alice.id] });
    const asked = [
      "When will Zhaparov visit Moscow?",
      "When will Zhaparov visit Moscow?",
      "What did Putin say?",
      "peki o ne dedi?",
      "???",
      "<b></b>",
    ];
    for (const text of asked) await h.send(privateText(text, boris));
    const lines = textOf(only(await h.send(privateText("/unanswered")))).split("\n");
    const at = (start: string) => lines.findIndex((l) => l.startsWith(start));

    const moscow = at("1. when will zhaparov visit moscow? — 2 (en)");
    expect(moscow).toBeGreaterThanOrEqual(0);
    expect(lines[moscow + 1]).toMatch(
      /closest answer: du-dewen-visit-announcement; not to add as a paraphrase: .*names Moscow/,
    );
    // The question's language as the engine read it.
    expect(lines.some((l) => /^\d\. peki o ne dedi\? — 1 \(tr\b/.test(l))).toBe(true);
    const outside = at("Declined because they name something the article never mentions:");
    expect(outside).toBeGreaterThan(moscow);
    expect(lines[outside + 1]).toBe("• what did putin say? — 1 (en): names “putin”");
    expect(lines.at(-1)).toBe("Left out as noise (no letters, markup only, or a single character): 2.");
    expect(lines.join("\n")).not.toContain("???");
  });

  it("are an unknown command to everyone else, and silence in groups", async () => {
    const h = createHarness({ adminIds: [alice.id] });
    for (const command of ["/stats", "/unanswered"]) {
      expect(textOf(only(await h.send(privateText(command, boris))))).toBe(botTexts("ru").unknownCommand);
      expect(await h.send(groupText(command, { from: alice }))).toEqual([]);
    }
  });
});
