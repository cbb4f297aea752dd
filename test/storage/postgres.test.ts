// What several instances on one PostgreSQL database share, with two stores opened on the same real
// server (a temporary cluster this file starts): chat languages, counts of redelivered updates, votes,
// the follow-up memory, and webhook update claims, including taking over from an instance that died.
import pg from "pg";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { openPostgresStore, type PostgresStore } from "../../src/storage/postgres.ts";
import { POSTGRES_LATEST_VERSION } from "../../src/storage/postgres-schema.ts";
import { answered, recordingLogger } from "./helpers.ts";
import { type PostgresCluster, startPostgres } from "./support/postgres-cluster.ts";

let cluster: PostgresCluster;
const open: PostgresStore[] = [];

beforeAll(async () => {
  cluster = await startPostgres();
}, 120_000);
afterEach(async () => {
  for (const store of open.splice(0)) await store.close();
});
afterAll(async () => {
  await cluster?.stop();
});

const now = () => new Date("2024-03-10T12:00:00Z");

async function two(): Promise<[PostgresStore, PostgresStore, string]> {
  const url = await cluster.newDatabase();
  // Opened at once: the migration runs once under its lock, the other waits and finds it done.
  const [a, b] = await Promise.all(
    [1, 2].map(() => openPostgresStore({ url, retentionDays: 90, logger: recordingLogger(), now })),
  );
  if (!a || !b) throw new Error("stores did not open");
  open.push(a, b);
  return [a, b, url];
}

async function eventually<T>(read: () => T | Promise<T>, expected: T, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (JSON.stringify(await read()) === JSON.stringify(expected)) return;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  expect(await read()).toEqual(expected);
}

describe("two instances on one PostgreSQL database", () => {
  it("see each other's /lang choices without a restart", async () => {
    const [a, b] = await two();
    a.setChatLang("chat-1", "tr");
    await a.flush();
    await eventually(() => b.getChatLang("chat-1"), "tr");
    b.setChatLang("chat-1", "ru");
    await b.flush();
    await eventually(() => a.getChatLang("chat-1"), "ru");
  });

  it("count an update delivered to both once, and share the question log", async () => {
    const [a, b] = await two();
    a.recordQuestion({ ...answered("japan-grant", "2024-03-10"), updateId: 42 });
    b.recordQuestion({ ...answered("japan-grant", "2024-03-10"), updateId: 42 });
    b.recordQuestion({ ...answered("japan-grant", "2024-03-10"), updateId: 43 });
    await Promise.all([a.flush(), b.flush()]);
    for (const store of [a, b])
      expect(await store.dailyCounts("2024-03-10", "2024-03-10")).toEqual([
        { day: "2024-03-10", answered: 2, declined: 0 },
      ]);
  });

  it("agree on one vote per voter per answer, whichever instance the press reaches", async () => {
    const [a, b] = await two();
    const vote = (store: PostgresStore, v: 1 | -1, messageKey = "m1") =>
      store.recordVote({ answerId: "japan-grant", messageKey, voterKey: "u1", vote: v, day: "2024-03-10" });
    expect((await vote(a, 1)).status).toBe("new");
    expect((await vote(b, 1, "m2")).status).toBe("same");
    expect(await vote(b, -1)).toEqual({ status: "changed", firstDownvote: true });
    expect(await vote(a, 1)).toEqual({ status: "changed", firstDownvote: false });
    expect(await vote(a, -1)).toEqual({ status: "changed", firstDownvote: false });
    expect(await a.worstFeedback("2024-03-01", "2024-03-31", 10)).toEqual([
      { answerId: "japan-grant", up: 0, down: 1, net: -1 },
    ]);
  });

  it("share the follow-up memory: a conversation set on one is read on the other, until it expires", async () => {
    const [a, b] = await two();
    const at = Date.now();
    await a.conversations.set("conv-1", { ids: ["japan-grant", "china-loan"], lang: "en", topic: "t", at });
    await a.flush();
    expect(await b.conversations.get("conv-1", at + 1000)).toEqual({
      ids: ["japan-grant", "china-loan"],
      lang: "en",
      topic: "t",
      at,
    });
    // A decline's first suggestion is remembered as offered, not given.
    await b.conversations.set("conv-2", { ids: ["japan-grant"], lang: "ru", topic: "t", at, offered: true });
    await b.flush();
    expect(await a.conversations.get("conv-2", at)).toMatchObject({ ids: ["japan-grant"], offered: true });
    expect(await b.conversations.get("conv-1", at + 60 * 60_000)).toBeUndefined();
    expect(await b.conversations.get("unknown", at)).toBeUndefined();
  });

  it("hand a webhook update to one instance; a redelivery waits for it and is then a duplicate", async () => {
    const [a, b] = await two();
    expect(await a.claims.claim(1001)).toBe("claimed");
    const redelivered = b.claims.claim(1001);
    await new Promise((resolve) => setTimeout(resolve, 300));
    a.claims.finish(1001);
    expect(await redelivered).toBe("duplicate");
    expect(await a.claims.claim(1001)).toBe("duplicate");
    // A failed update is released: its redelivery is handled.
    expect(await b.claims.claim(1002)).toBe("claimed");
    b.claims.release(1002);
    await eventually(() => a.claims.claim(1002), "claimed");
  });

  it("takes over an update whose instance died before finishing it", async () => {
    const [a, b, url] = await two();
    expect(await a.claims.claim(2001)).toBe("claimed");
    // The instance stops beating (as if killed): its unfinished claim is free after a few seconds.
    await a.close();
    const started = Date.now();
    expect(await b.claims.claim(2001)).toBe("claimed");
    expect(Date.now() - started).toBeLessThan(9000);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const version = await client.query<{ version: number }>("SELECT version FROM schema_version");
      expect(version.rows).toEqual([{ version: POSTGRES_LATEST_VERSION }]);
    } finally {
      await client.end();
    }
  }, 20_000);

  it("after an instance died, answers again a reply that was on its way (with a warning), never one Telegram accepted", async () => {
    const url = await cluster.newDatabase();
    const logs = recordingLogger();
    const [a, b] = await Promise.all([
      openPostgresStore({ url, retentionDays: 90, logger: recordingLogger(), now }),
      openPostgresStore({ url, retentionDays: 90, logger: logs, now }),
    ]);
    open.push(a, b);
    for (const id of [3001, 3002, 3003]) expect(await a.claims.claim(id)).toBe("claimed");
    // 3001: its reply was on its way; 3002: Telegram accepted it; 3003: still waiting to be sent.
    await a.claims.sending?.(3001);
    await a.claims.sending?.(3002);
    a.claims.sent?.(3002);
    await a.flush();
    await a.close();
    expect(await b.claims.claim(3002)).toBe("duplicate");
    expect(logs.warnings()).toEqual([]);
    expect(await b.claims.claim(3003)).toBe("claimed");
    expect(logs.warnings()).toEqual([]);
    expect(await b.claims.claim(3001)).toBe("claimed");
    expect(logs.warnings().map((w) => w.details)).toEqual([{ updateId: 3001 }]);
  }, 30_000);

  it("refuses a database whose schema is newer than this code", async () => {
    const url = await cluster.newDatabase();
    const store = await openPostgresStore({ url, retentionDays: 90, logger: recordingLogger(), now });
    await store.close();
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    await client.query("UPDATE schema_version SET version = version + 1");
    await client.end();
    await expect(
      openPostgresStore({ url, retentionDays: 90, logger: recordingLogger(), now }),
    ).rejects.toThrow(/newer than this code/);
  });
});
