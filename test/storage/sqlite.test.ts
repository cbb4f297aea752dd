// The SQLite store on a real file in a temp folder: creation, migrations, durability, retention and
// what happens when the database misbehaves (the bot must keep answering).
import { spawn, spawnSync } from "node:child_process";
import { chmodSync, cpSync, existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it, vi } from "vitest";
import { writeFailureReport } from "../../src/storage/log.ts";
import { MEMORY_MAX_ROWS } from "../../src/storage/memory.ts";
import { LATEST_VERSION, MIGRATIONS, migrate, schemaVersion } from "../../src/storage/migrations.ts";
import { makeHasher } from "../../src/storage/privacy.ts";
import { openReportSource, openSqliteStore } from "../../src/storage/sqlite.ts";
import { answered, declined, recordingLogger, tempDir } from "./helpers.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  vi.useRealTimers();
  for (const c of cleanups.splice(0).reverse()) c();
});

function temp() {
  const t = tempDir();
  cleanups.push(t.cleanup);
  return t.dir;
}

function open(
  path: string,
  extra: { now?: () => Date; retentionDays?: number; busyTimeoutMs?: number } = {},
) {
  const logger = recordingLogger();
  const store = openSqliteStore({ path, retentionDays: extra.retentionDays ?? 90, logger, ...extra });
  cleanups.push(() => store.close());
  return { store, logger };
}

const tsx = join(process.cwd(), "node_modules", ".bin", "tsx");

/**
 * The child script bundled (esbuild, which the build already uses) into `dir` with better-sqlite3 and
 * the packages it loads at run time beside it, everything readable by anyone: a child running as
 * another user then needs nothing from the checkout.
 */
async function readableChild(dir: string, entry: string): Promise<string> {
  const { build } = await import("esbuild");
  const out = join(dir, "child.mjs");
  await build({
    entryPoints: [entry],
    outfile: out,
    bundle: true,
    platform: "node",
    format: "esm",
    external: ["better-sqlite3"],
    logLevel: "silent",
  });
  for (const pkg of ["better-sqlite3", "bindings", "file-uri-to-path"]) {
    cpSync(join(process.cwd(), "node_modules", pkg), join(dir, "node_modules", pkg), { recursive: true });
  }
  spawnSync("chmod", ["-R", "a+rX", dir]);
  return out;
}

describe("opening", () => {
  it("creates the folder and the file on first start, in WAL mode, at the latest schema", async () => {
    const path = join(temp(), "nested", "data", "bot.sqlite");
    const { store } = open(path);
    expect(store.persistent).toBe(true);
    expect(existsSync(path)).toBe(true);
    const db = new Database(path, { readonly: true });
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    expect(schemaVersion(db)).toBe(LATEST_VERSION);
    db.close();
  });

  it("numbers its migrations 1, 2, … with at least two steps", async () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(LATEST_VERSION).toBeGreaterThanOrEqual(2);
  });

  // Every earlier version, so the step from the previous release is always covered.
  it.each(MIGRATIONS.slice(0, -1).map((m) => m.version))(
    "migrates a v%i database and keeps what it held",
    async (from) => {
      const path = join(temp(), "bot.sqlite");
      const old = new Database(path);
      expect(migrate(old, from)).toEqual(MIGRATIONS.slice(0, from).map((m) => m.version));
      old
        .prepare(
          `INSERT INTO kept_questions (day, answered, normalized, group_key, lang, chat_type, matched_id, score)
       VALUES ('2024-03-10', 0, 'what about the eu', 'eu', 'en', 'group', NULL, 0.1)`,
        )
        .run();
      old
        .prepare(
          "INSERT INTO question_counts VALUES ('2024-03-10', 0, '', 'en', 'group', 1), ('2024-03-10', 1, 'x', 'ru', 'private', 4)",
        )
        .run();
      old.prepare("INSERT INTO votes VALUES ('m', 'v', 'japan-grant', -1, '2024-03-10')").run();
      old.prepare("INSERT INTO chat_settings VALUES ('chat', 'ru')").run();
      old.close();

      const { store, logger } = open(path, { now: () => new Date("2024-03-11T00:00:00Z") });
      expect(store.persistent).toBe(true);
      expect(logger.entries.find((e) => e.message.includes("migrated"))?.details).toMatchObject({
        applied: MIGRATIONS.slice(from).map((m) => m.version),
      });
      expect(store.getChatLang("chat")).toBe("ru");
      expect(await store.dailyCounts("2024-03-10", "2024-03-10")).toEqual([
        { day: "2024-03-10", answered: 4, declined: 1 },
      ]);
      expect(await store.topDeclined("2024-03-01", "2024-03-31", 5)).toEqual([
        { groupKey: "eu", example: "what about the eu", count: 1, langs: ["en"], outOfScope: 0 },
      ]);
      expect(await store.worstFeedback("2024-03-01", "2024-03-31", 5)).toEqual([
        { answerId: "japan-grant", up: 0, down: 1, net: -1 },
      ]);
      // v2's additions work on the migrated file.
      store.recordQuestion(answered("a", "2024-03-11", { runnerUpId: "b", runnerUpScore: 0.85 }));
      expect((await store.nearTies("2024-03-11", "2024-03-11", 5)).map((t) => [t.a, t.b, t.count])).toEqual([
        ["a", "b", 1],
      ]);
    },
  );

  it("refuses a schema newer than the code by falling back to memory, with a warning", async () => {
    const path = join(temp(), "bot.sqlite");
    const db = new Database(path);
    db.pragma(`user_version = ${LATEST_VERSION + 1}`);
    db.close();
    const { store, logger } = open(path);
    expect(store.persistent).toBe(false);
    expect(logger.errors().length).toBeGreaterThan(0);
    expect(store.health()).toMatchObject({ state: "degraded", persistent: false });
    store.setChatLang("c", "tr");
    expect(store.getChatLang("c")).toBe("tr");
  });

  it("keeps answering on a corrupt file: warns and stands in with memory", async () => {
    const path = join(temp(), "bot.sqlite");
    writeFileSync(path, "this is not a database, just text that happens to be here ".repeat(100));
    const { store, logger } = open(path);
    expect(store.persistent).toBe(false);
    expect(() => store.recordQuestion(declined("q", "q", "en", "2024-03-10"))).not.toThrow();
    expect(
      (await store.recordVote({ answerId: "a", messageKey: "m", voterKey: "v", vote: 1, day: "2024-03-10" }))
        .status,
    ).toBe("new");
    expect(logger.errors()[0]?.details).toMatchObject({ operation: "open", code: "SQLITE_NOTADB" });
    expect(store.health()).toMatchObject({ state: "degraded", reason: "SQLITE_NOTADB" });
  });
});

describe("durability", { timeout: 90_000 }, () => {
  it("keeps everything written before a restart", async () => {
    const path = join(temp(), "bot.sqlite");
    const first = open(path).store;
    first.recordQuestion(declined("what about the eu", "eu", "en", "2024-03-10"));
    first.setChatLang("chat", "tr");
    await first.close();
    const { store } = open(path, { now: () => new Date("2024-03-10T00:00:00Z") });
    expect(store.getChatLang("chat")).toBe("tr");
    expect((await store.topDeclined("2024-03-10", "2024-03-10", 5))[0]?.count).toBe(1);
  });

  it("loses nothing when the process is killed without closing the store", async () => {
    const path = join(temp(), "bot.sqlite");
    const child = spawn(tsx, [join(import.meta.dirname, "fixtures", "write-and-wait.ts"), path], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    const exited = new Promise((resolve) => child.once("exit", resolve));
    await new Promise<void>((resolve, reject) => {
      let out = "";
      child.stdout.on("data", (chunk: Buffer) => {
        out += chunk.toString();
        if (out.includes("written")) resolve();
      });
      child.once("exit", () => reject(new Error(`child ended before writing: ${out}`)));
    });
    child.kill("SIGKILL");
    await exited;
    const { store } = open(path);
    const today = new Date().toISOString().slice(0, 10);
    expect(store.getChatLang("chat-key")).toBe("tr");
    expect((await store.topDeclined(today, today, 5))[0]).toMatchObject({ groupKey: "eu", count: 1 });
    expect((await store.worstFeedback(today, today, 5))[0]).toMatchObject({
      answerId: "japan-grant",
      down: 1,
    });
  });
});

describe("retention", () => {
  it("purges old entries on open", async () => {
    const path = join(temp(), "bot.sqlite");
    const early = open(path, { now: () => new Date("2024-01-01T00:00:00Z") }).store;
    early.recordQuestion(declined("old", "old", "en", "2023-12-01"));
    early.recordQuestion(declined("recent", "recent", "en", "2024-03-01"));
    await early.close();
    const { store, logger } = open(path, { now: () => new Date("2024-03-10T00:00:00Z"), retentionDays: 30 });
    expect((await store.topDeclined("2023-01-01", "2024-12-31", 5)).map((g) => g.groupKey)).toEqual([
      "recent",
    ]);
    expect(logger.entries.find((e) => e.message.includes("purged"))?.details).toMatchObject({
      removed: 2,
      before: "2024-02-09",
    });
  });

  it("purges once a day while running, and close() stops the timer", async () => {
    vi.useFakeTimers({ toFake: ["setInterval", "clearInterval"] });
    let clock = new Date("2024-03-10T00:00:00Z");
    const { store } = open(join(temp(), "bot.sqlite"), { now: () => clock, retentionDays: 1 });
    store.recordQuestion(declined("q", "q", "en", "2024-03-10"));
    clock = new Date("2024-03-12T00:00:00Z");
    expect(await store.topDeclined("2024-03-01", "2024-03-31", 5)).toHaveLength(1);
    vi.advanceTimersByTime(86_400_000);
    expect(await store.topDeclined("2024-03-01", "2024-03-31", 5)).toHaveLength(0);
    // The daily purge and the watch on the file's identity.
    expect(vi.getTimerCount()).toBe(2);
    await store.close();
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("database trouble", { timeout: 90_000 }, () => {
  it("never waits on a lock held by another connection: writes queue, fail in counted batches, land once it is gone", async () => {
    const path = join(temp(), "bot.sqlite");
    const { store, logger } = open(path, { busyTimeoutMs: 20 });
    const other = new Database(path);
    other.exec("BEGIN EXCLUSIVE");
    for (let i = 0; i < 20; i++)
      store.recordQuestion(declined("a very private question", "private", "en", "2024-03-10"));
    store.setChatLang("chat", "ru");
    expect(store.getChatLang("chat"), "settings apply at once, from memory").toBe("ru");
    const vote = await store.recordVote({
      answerId: "a",
      messageKey: "m",
      voterKey: "v",
      vote: 1,
      day: "2024-03-10",
    });
    expect(vote.status, "a vote that could not be kept is not reported as kept").toBe("failed");
    expect(store.health()).toMatchObject({ state: "degraded", reason: "SQLITE_BUSY", failedWrites: 1 });
    expect(logger.errors()[0]?.details).toMatchObject({ code: "SQLITE_BUSY" });
    expect(JSON.stringify(logger.entries)).not.toContain("private question");
    other.exec("ROLLBACK");
    other.close();
    // Once the lock is gone, the queued questions and the setting are written (retried, not lost).
    await store.flush();
    expect(store.health()).toMatchObject({ state: "ok", queued: 0 });
    expect((await store.dailyCounts("2024-03-10", "2024-03-10"))[0]?.declined).toBe(20);
    expect(logger.entries.some((e) => e.message === "storage writes succeed again")).toBe(true);
  });

  it("while writes fail, a vote and the update journal get their 'not kept' at once, not after the back-off; the next write after it is tried", async () => {
    const path = join(temp(), "bot.sqlite");
    const { store, logger } = open(path, { busyTimeoutMs: 20 });
    const other = new Database(path);
    other.exec("BEGIN EXCLUSIVE");
    const vote = (voterKey: string) =>
      store.recordVote({ answerId: "a", messageKey: "m", voterKey, vote: 1, day: "2024-03-10" });
    expect((await vote("v1")).status, "the first attempt fails: the back-off starts").toBe("failed");
    // From here on no timer fires unless the test moves the clock: what settles, settles at once.
    vi.useFakeTimers();
    const settled: unknown[] = [];
    void vote("v2").then((r) => settled.push(r.status));
    void store.journal?.keepUpdates([{ id: 1, body: "{}" }]).then((kept) => settled.push(kept));
    for (let i = 0; i < 5; i++) await Promise.resolve();
    expect(settled, "the user is told now, and polling holds the offset instead").toEqual(["failed", false]);
    expect(store.health()).toMatchObject({ state: "degraded", reason: "SQLITE_BUSY", failedWrites: 3 });
    expect(logger.errors()[0]?.details).toMatchObject({ code: "SQLITE_BUSY" });

    other.exec("ROLLBACK");
    other.close();
    // The back-off is over: the next vote is tried, and kept, in the database that works again.
    vi.advanceTimersByTime(5000);
    const kept = vote("v3");
    await vi.advanceTimersByTimeAsync(100);
    expect((await kept).status).toBe("new");
    expect(logger.entries.some((e) => e.message === "storage writes succeed again")).toBe(true);
  });

  it("notices a deleted database file, says so as an error, and writes to a new one", async () => {
    const path = join(temp(), "bot.sqlite");
    const { store, logger } = open(path);
    store.setChatLang("chat", "tr");
    store.recordQuestion(declined("before", "before", "en", "2024-03-10"));
    await store.flush();
    for (const suffix of ["", "-wal", "-shm"]) rmSync(`${path}${suffix}`, { force: true });
    await new Promise((resolve) => setTimeout(resolve, 1100));
    store.recordQuestion(declined("after", "after", "en", "2024-03-10"));
    await store.flush();
    expect(logger.errors().map((e) => e.message)).toEqual([
      "database file was deleted or replaced underneath the bot; opening a new one at the same path",
    ]);
    expect(existsSync(path)).toBe(true);
    const source = openReportSource(path);
    expect(source.topDeclined("2024-03-10", "2024-03-10", 5).map((g) => g.groupKey)).toEqual(["after"]);
    source.close();
    // Chat settings survive: they were rewritten from memory into the new file.
    const db = new Database(path, { readonly: true });
    expect(db.prepare("SELECT lang FROM chat_settings").all()).toEqual([{ lang: "tr" }]);
    db.close();
  });

  it("keeps answering on a read-only database file", async () => {
    const dir = temp();
    const path = join(dir, "bot.sqlite");
    const setup = openSqliteStore({ path, retentionDays: 90, logger: recordingLogger() });
    setup.setChatLang("chat-key", "tr");
    await setup.close();
    chmodSync(path, 0o444);
    chmodSync(dir, 0o777); // the folder stays writable, as for a file someone made read-only
    // Root may write any file, so the child drops to "nobody" when the tests run as root. "nobody" may
    // not be able to enter the checkout (a clone under a 0700 folder), so the child runs from a bundle
    // in a folder of its own that anyone can read, with the one native module it needs.
    const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
    const child = await readableChild(temp(), join(import.meta.dirname, "fixtures", "read-only-child.ts"));
    const result = spawnSync(process.execPath, [child, path], {
      encoding: "utf8",
      timeout: 60_000,
      ...asNobody,
    });
    expect(result.stderr).toBe("");
    const outcome = JSON.parse(result.stdout);
    expect(outcome).toMatchObject({ threw: false, persistent: true, vote: "failed", existingLang: "tr" });
    const warned = outcome.warnings.map((w: { details: { code: string } }) => w.details);
    expect(warned).toEqual(expect.arrayContaining([expect.objectContaining({ code: "SQLITE_READONLY" })]));
    expect(result.stdout.split('"warnings"')[1]).not.toContain("secret question text");
  });
});

describe("failures over time", () => {
  it("reports failing writes at least once a minute while they last, then says when they work again", async () => {
    const logger = recordingLogger();
    const failures = writeFailureReport(logger, 40);
    failures.failed(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }), 3);
    for (let i = 0; i < 4; i++) {
      failures.failed(Object.assign(new Error("database or disk is full"), { code: "SQLITE_FULL" }), 2);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    failures.recovered();
    failures.stop();
    const lines = logger.entries.map((e) => e.message);
    expect(lines[0]).toMatch(/^storage writes failing/);
    expect(lines.filter((m) => m === "storage writes still failing").length).toBeGreaterThanOrEqual(2);
    expect(lines.at(-1)).toBe("storage writes succeed again");
    expect(failures.lost).toBe(11);
  });

  it("the stand-in for a database that cannot be opened stays bounded", async () => {
    const path = join(temp(), "bot.sqlite");
    writeFileSync(path, "not a database ".repeat(100));
    const { store } = open(path);
    for (let i = 0; i < MEMORY_MAX_ROWS + 1000; i++)
      store.recordQuestion(declined(`question number ${i} about bread`, `bread ${i}`, "en", "2024-03-10"));
    const groups = await store.topDeclined("2024-03-10", "2024-03-10", 100_000);
    expect(groups.length).toBe(MEMORY_MAX_ROWS);
    expect((await store.dailyCounts("2024-03-10", "2024-03-10"))[0]?.declined).toBe(MEMORY_MAX_ROWS + 1000);
    expect(store.health()).toMatchObject({ state: "degraded", persistent: false });
  });
});

describe("privacy", () => {
  it("writes no raw Telegram id and no text of confidently answered questions to the file", async () => {
    const path = join(temp(), "bot.sqlite");
    const { store } = open(path);
    const hash = makeHasher("test-secret");
    const chatId = "-1001234567890";
    const userId = "987654321";
    const messageId = "4242";
    store.setChatLang(hash(`chat:${chatId}`), "ru");
    store.recordVote({
      answerId: "japan-grant",
      messageKey: hash(`msg:${chatId}:${messageId}`),
      voterKey: hash(`user:${userId}`),
      vote: 1,
      day: "2024-03-10",
    });
    store.recordQuestion(answered("japan-grant", "2024-03-10"));
    await store.close();
    const bytes = readFileSync(path).toString("latin1");
    expect(bytes).toContain(hash(`chat:${chatId}`));
    for (const raw of [chatId, userId, `:${messageId}`]) expect(bytes).not.toContain(raw);
  });
});

describe("report source", () => {
  it("reads an existing database read-only and refuses a missing file", async () => {
    const path = join(temp(), "bot.sqlite");
    const { store } = open(path);
    store.recordQuestion(declined("q", "q", "en", "2024-03-10"));
    await store.flush();
    const source = openReportSource(path);
    expect(source.topDeclined("2024-03-10", "2024-03-10", 5)).toHaveLength(1);
    source.close();
    expect(() => openReportSource(join(temp(), "missing.sqlite"))).toThrow();
  });
});
