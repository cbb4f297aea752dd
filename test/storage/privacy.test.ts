import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/storage/memory.ts";
import { makeHasher, resolvePrivacySecret } from "../../src/storage/privacy.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0).reverse()) c();
});

describe("makeHasher", () => {
  it("gives the same short hex key for the same id, a different one for another id or secret", () => {
    const hash = makeHasher("secret-one");
    const key = hash("user:987654321");
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    expect(hash("user:987654321")).toBe(key);
    expect(hash("user:987654322")).not.toBe(key);
    expect(makeHasher("secret-two")("user:987654321")).not.toBe(key);
    expect(key).not.toContain("987654321");
  });

  it("refuses an empty secret", () => {
    expect(() => makeHasher("")).toThrow(/secret/);
  });
});

describe("resolvePrivacySecret", () => {
  it("uses PRIVACY_SECRET when it is set and stores nothing", () => {
    const store = createMemoryStore();
    expect(resolvePrivacySecret("from-env", store)).toEqual({ secret: "from-env", source: "env" });
    expect(store.getMeta("privacy_secret")).toBeUndefined();
  });

  it("without PRIVACY_SECRET, generates a secret once and finds it again after a restart", () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    const path = join(tmp.dir, "bot.sqlite");
    const first = openSqliteStore({ path, retentionDays: 90, logger: recordingLogger() });
    const generated = resolvePrivacySecret(undefined, first);
    first.close();
    expect(generated.source).toBe("generated");
    expect(generated.secret).toMatch(/^[0-9a-f]{64}$/);

    const second = openSqliteStore({ path, retentionDays: 90, logger: recordingLogger() });
    cleanups.push(() => second.close());
    expect(resolvePrivacySecret("", second)).toEqual({ secret: generated.secret, source: "stored" });
    // Same secret, same keys: a user's earlier vote is still recognised after the restart.
    expect(makeHasher(resolvePrivacySecret(undefined, second).secret)("user:1")).toBe(
      makeHasher(generated.secret)("user:1"),
    );
  });
});
