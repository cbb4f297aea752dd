// The behaviour the bot and the report rely on, checked on both stores: the SQLite file and the memory one.
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/storage/memory.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import type { MetaStore, ReportSource, Store } from "../../src/storage/store.ts";
import { answered, declined, recordingLogger, tempDir } from "./helpers.ts";

type AnyStore = Store & ReportSource & MetaStore & { purgeExpired(): number };
type Factory = (opts: { now?: () => Date; retentionDays?: number }) => AnyStore;

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

const factories: [string, Factory][] = [
  ["memory", (opts) => createMemoryStore(opts)],
  [
    "sqlite",
    (opts) => {
      const tmp = tempDir();
      const store = openSqliteStore({
        path: join(tmp.dir, "bot.sqlite"),
        retentionDays: opts.retentionDays ?? 90,
        logger: recordingLogger(),
        ...(opts.now ? { now: opts.now } : {}),
      });
      cleanups.push(() => {
        store.close();
        tmp.cleanup();
      });
      expect(store.persistent).toBe(true);
      return store;
    },
  ],
];

describe.each(factories)("%s store", (_name, make) => {
  const now = () => new Date("2024-03-10T12:00:00Z");

  it("counts answered and declined questions per day, with zero days filled in", () => {
    const store = make({ now });
    store.recordQuestion(answered("japan-grant", "2024-03-08"));
    store.recordQuestion(answered("japan-grant", "2024-03-08"));
    store.recordQuestion(declined("who is the president of france", "presid franc", "en", "2024-03-08"));
    store.recordQuestion(answered("china-loan", "2024-03-10"));
    expect(store.dailyCounts("2024-03-07", "2024-03-10")).toEqual([
      { day: "2024-03-07", answered: 0, declined: 0 },
      { day: "2024-03-08", answered: 2, declined: 1 },
      { day: "2024-03-09", answered: 0, declined: 0 },
      { day: "2024-03-10", answered: 1, declined: 0 },
    ]);
    expect(store.dailyCounts("2024-03-10", "2024-03-09")).toEqual([]);
  });

  it("groups declined questions by key across languages and spellings, most frequent first", () => {
    const store = make({ now });
    // Three spellings in three languages that the engine folds into one key, and one other question.
    store.recordQuestion(declined("what about the eu", "european-union", "en", "2024-03-08"));
    store.recordQuestion(declined("а что с евросоюзом", "european-union", "ru", "2024-03-09"));
    store.recordQuestion(declined("ab ne dedi", "european-union", "tr", "2024-03-09"));
    store.recordQuestion(declined("what about the eu", "european-union", "en", "2024-03-10"));
    store.recordQuestion(declined("weather in bishkek", "weather bishkek", "en", "2024-03-10"));
    // Answered questions never join the to-do list, even low-confidence ones that carry text.
    store.recordQuestion({
      ...answered("japan-grant", "2024-03-10"),
      normalized: "japan money?",
      score: 0.5,
    });

    const top = store.topDeclined("2024-03-01", "2024-03-31", 10);
    expect(top).toEqual([
      {
        groupKey: "european-union",
        example: "what about the eu",
        count: 4,
        langs: ["en", "ru", "tr"],
        outOfScope: 0,
      },
      { groupKey: "weather bishkek", example: "weather in bishkek", count: 1, langs: ["en"], outOfScope: 0 },
    ]);
    expect(store.topDeclined("2024-03-01", "2024-03-31", 1)).toHaveLength(1);
    // The date range applies: only the 9 March questions.
    expect(store.topDeclined("2024-03-09", "2024-03-09", 10)).toEqual([
      { groupKey: "european-union", example: "ab ne dedi", count: 2, langs: ["ru", "tr"], outOfScope: 0 },
    ]);
  });

  it("groups a declined question without a key by its text, and skips one without text", () => {
    const store = make({ now });
    store.recordQuestion(declined("tell me a joke", null, "en", "2024-03-10"));
    store.recordQuestion(declined("tell me a joke", null, "en", "2024-03-10"));
    store.recordQuestion(declined("", null, "en", "2024-03-10"));
    expect(store.topDeclined("2024-03-10", "2024-03-10", 5)).toEqual([
      { groupKey: "tell me a joke", example: "tell me a joke", count: 2, langs: ["en"], outOfScope: 0 },
    ]);
    expect(store.dailyCounts("2024-03-10", "2024-03-10")[0]?.declined).toBe(3);
  });

  it("counts how many in a group were declined as out of scope", () => {
    const store = make({ now });
    const oos = { declineReason: "out-of-scope" };
    store.recordQuestion({
      ...declined("who is the president of France", "franc presid", "en", "2024-03-10"),
      ...oos,
    });
    store.recordQuestion({ ...declined("президент франции", "franc presid", "ru", "2024-03-10"), ...oos });
    store.recordQuestion({
      ...declined("france president?", "franc presid", "en", "2024-03-10"),
      declineReason: "weak",
    });
    expect(store.topDeclined("2024-03-10", "2024-03-10", 5)[0]).toMatchObject({ count: 3, outOfScope: 2 });
  });

  it("keeps the language a question was written in apart from the reply's", () => {
    const store = make({ now });
    // A Turkish question in a chat set to Russian: the reply is Russian, the question is not.
    store.recordQuestion({
      ...declined("peki ne konuştular?", "#discuss", "ru", "2024-03-10"),
      questionLang: "tr",
    });
    store.recordQuestion({
      ...declined("о чём говорили?", "#discuss", "ru", "2024-03-10"),
      questionLang: "ru",
    });
    expect(store.topDeclined("2024-03-10", "2024-03-10", 5)[0]).toMatchObject({
      count: 2,
      langs: ["ru"],
      questionLangs: ["ru", "tr"],
    });
  });

  it("counts one vote per voter per message; a second press changes it", () => {
    const store = make({ now });
    const vote = (voterKey: string, messageKey: string, v: 1 | -1) =>
      store.recordVote({ answerId: "japan-grant", messageKey, voterKey, vote: v, day: "2024-03-10" });
    expect(vote("u1", "m1", 1)).toBe("new");
    expect(vote("u1", "m1", 1)).toBe("same");
    expect(vote("u1", "m1", -1)).toBe("changed");
    expect(vote("u2", "m1", -1)).toBe("new");
    expect(vote("u1", "m2", 1)).toBe("new");
    expect(store.worstFeedback("2024-03-01", "2024-03-31", 10)).toEqual([
      { answerId: "japan-grant", up: 1, down: 2, net: -1 },
    ]);
  });

  it("lists only answers with a 👎, worst net first", () => {
    const store = make({ now });
    const vote = (answerId: string, voterKey: string, v: 1 | -1) =>
      store.recordVote({ answerId, messageKey: `${answerId}-msg`, voterKey, vote: v, day: "2024-03-10" });
    vote("liked", "a", 1);
    vote("mixed", "a", 1);
    vote("mixed", "b", -1);
    vote("disliked", "a", -1);
    vote("disliked", "b", -1);
    expect(store.worstFeedback("2024-03-10", "2024-03-10", 10).map((r) => [r.answerId, r.net])).toEqual([
      ["disliked", -2],
      ["mixed", 0],
    ]);
  });

  it("keeps a chat's language and returns nothing for an unknown chat", () => {
    const store = make({ now });
    expect(store.getChatLang("chat-a")).toBeUndefined();
    store.setChatLang("chat-a", "tr");
    store.setChatLang("chat-a", "ru");
    store.setChatLang("chat-b", "en");
    store.setChatLang("chat-c", "tr");
    store.setChatLang("chat-c", null);
    expect(store.getChatLang("chat-c")).toBeUndefined();
    expect(store.getChatLang("chat-a")).toBe("ru");
    expect(store.getChatLang("chat-b")).toBe("en");
  });

  it("reports near-tie pairs in either order, ignoring runner-ups that were far behind", () => {
    const store = make({ now });
    const tie = (
      matchedId: string,
      runnerUpId: string,
      score: number,
      runnerUpScore: number,
      text?: string,
    ) =>
      store.recordQuestion({
        ...answered(matchedId, "2024-03-10", { runnerUpId, runnerUpScore, score }),
        normalized: text ?? null,
      });
    tie("china-loan", "china-grant", 0.62, 0.6, "chinese money");
    tie("china-grant", "china-loan", 0.7, 0.64);
    tie("japan-grant", "china-grant", 0.9, 0.3); // a clear win is no confusion
    tie("policy-vectors", "policy-balance", 0.55, 0.5);
    const ties = store.nearTies("2024-03-01", "2024-03-31", 10);
    expect(ties.map((t) => [t.a, t.b, t.count])).toEqual([
      ["china-grant", "china-loan", 2],
      ["policy-balance", "policy-vectors", 1],
    ]);
    expect(ties[0]?.meanGap).toBeCloseTo(0.04, 5);
    expect(ties[0]?.example).toBe("chinese money");
    expect(ties[1]?.example).toBeNull();
  });

  it("purges entries older than the retention period and keeps the rest", () => {
    let clock = new Date("2024-03-10T12:00:00Z");
    const store = make({ now: () => clock, retentionDays: 30 });
    store.recordQuestion(declined("old question", "old", "en", "2024-02-01"));
    store.recordQuestion(declined("edge question", "edge", "en", "2024-02-09"));
    store.recordQuestion(declined("new question", "new", "en", "2024-03-09"));
    store.recordVote({ answerId: "a", messageKey: "m", voterKey: "v", vote: -1, day: "2024-02-01" });
    store.setChatLang("chat", "tr");
    expect(store.purgeExpired()).toBe(3); // the old count row, its kept text, the old vote
    expect(store.topDeclined("2024-01-01", "2024-12-31", 10).map((g) => g.groupKey)).toEqual(["new", "edge"]);
    expect(store.worstFeedback("2024-01-01", "2024-12-31", 10)).toEqual([]);
    expect(store.getChatLang("chat")).toBe("tr"); // settings are a choice, not a log: they stay
    clock = new Date("2024-04-09T00:00:00Z");
    store.purgeExpired();
    expect(store.topDeclined("2024-01-01", "2024-12-31", 10).map((g) => g.groupKey)).toEqual([]);
  });

  it("keeps installation settings in its meta table", () => {
    const store = make({ now });
    expect(store.getMeta("privacy_secret")).toBeUndefined();
    store.setMeta("privacy_secret", "abc");
    expect(store.getMeta("privacy_secret")).toBe("abc");
  });
});
