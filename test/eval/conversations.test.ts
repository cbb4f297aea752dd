// Conversation scoring (src/eval/conversations.ts): each message is read after the ones before it, with
// the memory the bot keeps, so a follow-up is right only when the conversation leads it to its answer.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createEngine, type Engine } from "../../src/engine/index.ts";
import {
  type Conversation,
  evaluateConversations,
  parseConversations,
  runConversation,
  unknownConversationIds,
} from "../../src/eval/conversations.ts";

let kb: KnowledgeBase;
let engine: Engine;

beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
});

const meeting = `
conversations:
  - turns:
      - { q: "С кем встречался Кулубаев?", expect: kulubaev-syromolotov-meeting, category: opening, lang: ru }
      - { q: "а когда?", expect: kulubaev-syromolotov-meeting, also: [timeline-2023-03-23], category: follow-up, lang: ru }
      - { q: "who wrote the article?", expect: author, category: switch, lang: en }
      - { q: "thanks!", expect: smalltalk, category: thanks, lang: en }
  - turns:
      - { q: "а когда?", expect: kulubaev-syromolotov-meeting, category: follow-up, lang: ru }
`;

describe("conversation sets", () => {
  it("reads a follow-up against the answer before it, and not without one", () => {
    const [talk, alone] = parseConversations(meeting) as [Conversation, Conversation];
    const results = runConversation(kb, engine, talk);
    expect(results.map((r) => r.reading)).toEqual(["own", "resolved", "own", "own"]);
    expect(results.map((r) => r.ok)).toEqual([true, true, true, true]);
    // The same two words opening a conversation have nothing to follow: declined, so scored wrong here.
    const [first] = runConversation(kb, engine, alone);
    expect(first?.reading).toBe("no-context");
    expect(first?.ok).toBe(false);
  });

  it("reports per kind of message, with the conversation before each miss", () => {
    const report = evaluateConversations(kb, engine, parseConversations(meeting));
    expect(report.total).toBe(5);
    expect(report.correct).toBe(4);
    expect(report.wrong).toBe(0);
    expect(report.categories.find((c) => c.category === "follow-up")).toEqual({
      category: "follow-up",
      total: 2,
      correct: 1,
    });
    expect(report.misses).toHaveLength(1);
    expect(report.misses[0]?.before).toEqual([]);
  });

  it("refuses a malformed set and names expected answers the content lacks", () => {
    expect(() => parseConversations("conversations:\n  - turns: []\n")).toThrow();
    const typo = parseConversations(meeting.replace("expect: author", "expect: autor"));
    expect(unknownConversationIds(kb, typo)).toEqual(["autor"]);
  });
});
