// The behaviour the bot and the report rely on, checked on every store: the SQLite file, the memory
// one and PostgreSQL (a real server this file starts in a temporary folder and stops).
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/storage/memory.ts";
import { openPostgresStore } from "../../src/storage/postgres.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import type { Store } from "../../src/storage/store.ts";
import { answered, declined, recordingLogger, tempDir } from "./helpers.ts";
import { type PostgresCluster, startPostgres } from "./support/postgres-cluster.ts";

type AnyStore = Store & { purgeExpired(): number | Promise<number> };
type Factory = (opts: { now?: () => Date; retentionDays?: number }) => AnyStore | Promise<AnyStore>;

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
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
      cleanups.push(async () => {
        await store.close();
        tmp.cleanup();
      });
      expect(store.persistent).toBe(true);
      return store;
    },
  ],
  [
    "postgres",
    async (opts) => {
      const store = await openPostgresStore({
        url: await cluster().newDatabase(),
        retentionDays: opts.retentionDays ?? 90,
        logger: recordingLogger(),
        ...(opts.now ? { now: opts.now } : {}),
      });
      cleanups.push(() => store.close());
      return store;
    },
  ],
];

// A real PostgreSQL 15 server in a temporary folder, for this file; never skipped (see the harness).
let pgCluster: PostgresCluster | undefined;
const cluster = () => {
  if (!pgCluster) throw new Error("the PostgreSQL cluster did not start");
  return pgCluster;
};
beforeAll(async () => {
  pgCluster = await startPostgres();
}, 120_000);
afterAll(async () => {
  await pgCluster?.stop();
});

describe.each(factories)("%s store", (_name, make) => {
  const now = () => new Date("2024-03-10T12:00:00Z");

  it("counts answered and declined questions per day, with zero days filled in", async () => {
    const store = await make({ now });
    store.recordQuestion(answered("japan-grant", "2024-03-08"));
    store.recordQuestion(answered("japan-grant", "2024-03-08"));
    store.recordQuestion(declined("who is the president of france", "presid franc", "en", "2024-03-08"));
    store.recordQuestion(answered("china-loan", "2024-03-10"));
    expect(await store.dailyCounts("2024-03-07", "2024-03-10")).toEqual([
      { day: "2024-03-07", answered: 0, declined: 0 },
      { day: "2024-03-08", answered: 2, declined: 1 },
      { day: "2024-03-09", answered: 0, declined: 0 },
      { day: "2024-03-10", answered: 1, declined: 0 },
    ]);
    expect(await store.dailyCounts("2024-03-10", "2024-03-09")).toEqual([]);
  });

  it("groups declined questions by key across languages and spellings, most frequent first", async () => {
    const store = await make({ now });
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

    const top = await store.topDeclined("2024-03-01", "2024-03-31", 10);
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
    expect(await store.topDeclined("2024-03-01", "2024-03-31", 1)).toHaveLength(1);
    // The date range applies: only the 9 March questions.
    expect(await store.topDeclined("2024-03-09", "2024-03-09", 10)).toEqual([
      { groupKey: "european-union", example: "ab ne dedi", count: 2, langs: ["ru", "tr"], outOfScope: 0 },
    ]);
  });

  it("groups a declined question without a key by its text, and skips one without text", async () => {
    const store = await make({ now });
    store.recordQuestion(declined("tell me a joke", null, "en", "2024-03-10"));
    store.recordQuestion(declined("tell me a joke", null, "en", "2024-03-10"));
    store.recordQuestion(declined("", null, "en", "2024-03-10"));
    expect(await store.topDeclined("2024-03-10", "2024-03-10", 5)).toEqual([
      { groupKey: "tell me a joke", example: "tell me a joke", count: 2, langs: ["en"], outOfScope: 0 },
    ]);
    expect((await store.dailyCounts("2024-03-10", "2024-03-10"))[0]?.declined).toBe(3);
  });

  it("counts how many in a group were declined as out of scope", async () => {
    const store = await make({ now });
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
    expect((await store.topDeclined("2024-03-10", "2024-03-10", 5))[0]).toMatchObject({
      count: 3,
      outOfScope: 2,
    });
  });

  it("keeps the language a question was written in apart from the reply's", async () => {
    const store = await make({ now });
    // A Turkish question in a chat set to Russian: the reply is Russian, the question is not.
    store.recordQuestion({
      ...declined("peki ne konuştular?", "#discuss", "ru", "2024-03-10"),
      questionLang: "tr",
    });
    store.recordQuestion({
      ...declined("о чём говорили?", "#discuss", "ru", "2024-03-10"),
      questionLang: "ru",
    });
    expect((await store.topDeclined("2024-03-10", "2024-03-10", 5))[0]).toMatchObject({
      count: 2,
      langs: ["ru"],
      questionLangs: ["ru", "tr"],
    });
  });

  it("counts one vote per person per answer, whichever message it came from; a second press changes it", async () => {
    const store = await make({ now });
    const vote = async (voterKey: string, messageKey: string, v: 1 | -1, answerId = "japan-grant") =>
      (await store.recordVote({ answerId, messageKey, voterKey, vote: v, day: "2024-03-10" })).status;
    expect(await vote("u1", "m1", 1)).toBe("new");
    expect(await vote("u1", "m1", 1)).toBe("same");
    expect(await vote("u1", "m1", -1)).toBe("changed");
    expect(await vote("u2", "m1", -1)).toBe("new");
    // The same answer under another message: still u1's one vote, now changed back.
    expect(await vote("u1", "m2", 1)).toBe("changed");
    for (let m = 3; m < 50; m++) await vote("u1", `m${m}`, -1);
    expect(await vote("u1", "m1", 1, "china-loan")).toBe("new");
    expect(await store.worstFeedback("2024-03-01", "2024-03-31", 10)).toEqual([
      { answerId: "japan-grant", up: 0, down: 2, net: -2 },
    ]);
  });

  it("says once per message that a 👎 is its first, however often the vote flips", async () => {
    const store = await make({ now });
    const vote = (voterKey: string, messageKey: string, v: 1 | -1) =>
      store.recordVote({ answerId: "japan-grant", messageKey, voterKey, vote: v, day: "2024-03-10" });
    const firsts: boolean[] = [];
    for (let i = 0; i < 20; i++) firsts.push((await vote("u1", "m1", i % 2 === 0 ? -1 : 1)).firstDownvote);
    firsts.push((await vote("u2", "m1", -1)).firstDownvote);
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(firsts[0]).toBe(true);
    expect((await vote("u3", "m2", -1)).firstDownvote).toBe(true);
  });

  it("redacts phone numbers, e-mail addresses, long digit runs and @usernames before keeping a question", async () => {
    const store = await make({ now });
    const typed =
      "call me at +996 555 123 456 or write to aigerim.k@example.kg, passport an1234567, ask @aigerim_k about 2005-2010";
    store.recordQuestion(declined(typed, "call write passport an1234567 @aigerim_k", "en", "2024-03-10"));
    store.recordQuestion(declined("мой номер 0555 12 34 56, почта тест@почта.рф", null, "ru", "2024-03-10"));
    const kept = (await store.topDeclined("2024-03-10", "2024-03-10", 5)).map((g) => [g.example, g.groupKey]);
    expect(kept).toEqual([
      [
        "call me at [phone] or write to [email], passport an[number], ask [user] about 2005-2010",
        "call write passport an[number] [user]",
      ],
      ["мой номер [phone], почта [email]", "мой номер [phone], почта [email]"],
    ]);
  });

  it("counts a question Telegram delivers twice (same update id) once", async () => {
    const store = await make({ now });
    store.recordQuestion({ ...answered("japan-grant", "2024-03-10"), updateId: 7001 });
    store.recordQuestion({ ...answered("japan-grant", "2024-03-10"), updateId: 7001 });
    store.recordQuestion({ ...answered("japan-grant", "2024-03-10"), updateId: 7002 });
    store.recordQuestion(answered("japan-grant", "2024-03-10"));
    expect(await store.dailyCounts("2024-03-10", "2024-03-10")).toEqual([
      { day: "2024-03-10", answered: 3, declined: 0 },
    ]);
  });

  it("reports itself healthy, with nothing left queued after a flush", async () => {
    const store = await make({ now });
    store.recordQuestion(answered("japan-grant", "2024-03-10"));
    await store.flush();
    expect(store.health()).toMatchObject({ state: "ok", queued: 0, failedWrites: 0 });
  });

  it("lists only answers with a 👎, worst net first", async () => {
    const store = await make({ now });
    const vote = (answerId: string, voterKey: string, v: 1 | -1) =>
      store.recordVote({ answerId, messageKey: `${answerId}-msg`, voterKey, vote: v, day: "2024-03-10" });
    vote("liked", "a", 1);
    vote("mixed", "a", 1);
    vote("mixed", "b", -1);
    vote("disliked", "a", -1);
    vote("disliked", "b", -1);
    expect(
      (await store.worstFeedback("2024-03-10", "2024-03-10", 10)).map((r) => [r.answerId, r.net]),
    ).toEqual([
      ["disliked", -2],
      ["mixed", 0],
    ]);
  });

  it("keeps a chat's language and returns nothing for an unknown chat", async () => {
    const store = await make({ now });
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

  it("reports near-tie pairs in either order, ignoring runner-ups that were far behind", async () => {
    const store = await make({ now });
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
    const ties = await store.nearTies("2024-03-01", "2024-03-31", 10);
    expect(ties.map((t) => [t.a, t.b, t.count])).toEqual([
      ["china-grant", "china-loan", 2],
      ["policy-balance", "policy-vectors", 1],
    ]);
    expect(ties[0]?.meanGap).toBeCloseTo(0.04, 5);
    expect(ties[0]?.example).toBe("chinese money");
    expect(ties[1]?.example).toBeNull();
  });

  it("purges entries older than the retention period and keeps the rest", async () => {
    let clock = new Date("2024-03-10T12:00:00Z");
    const store = await make({ now: () => clock, retentionDays: 30 });
    store.recordQuestion(declined("old question", "old", "en", "2024-02-01"));
    store.recordQuestion(declined("edge question", "edge", "en", "2024-02-09"));
    store.recordQuestion(declined("new question", "new", "en", "2024-03-09"));
    store.recordVote({ answerId: "a", messageKey: "m", voterKey: "v", vote: -1, day: "2024-02-01" });
    store.setChatLang("chat", "tr");
    await store.flush();
    expect(await store.purgeExpired()).toBe(3); // the old count row, its kept text, the old vote
    expect((await store.topDeclined("2024-01-01", "2024-12-31", 10)).map((g) => g.groupKey)).toEqual([
      "new",
      "edge",
    ]);
    expect(await store.worstFeedback("2024-01-01", "2024-12-31", 10)).toEqual([]);
    expect(store.getChatLang("chat")).toBe("tr"); // settings are a choice, not a log: they stay
    clock = new Date("2024-04-09T00:00:00Z");
    await store.purgeExpired();
    expect((await store.topDeclined("2024-01-01", "2024-12-31", 10)).map((g) => g.groupKey)).toEqual([]);
  });
});
