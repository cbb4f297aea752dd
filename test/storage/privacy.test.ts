import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
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
  const setup = () => {
    const tmp = tempDir();
    cleanups.push(tmp.cleanup);
    return { dir: tmp.dir, path: join(tmp.dir, "bot.sqlite"), keyPath: join(tmp.dir, "privacy.key") };
  };

  it("uses PRIVACY_SECRET when it is set and writes no key file", () => {
    const { keyPath } = setup();
    expect(resolvePrivacySecret("from-env", { keyPath })).toEqual({ secret: "from-env", source: "env" });
    expect(existsSync(keyPath)).toBe(false);
  });

  it("without PRIVACY_SECRET, generates a key in its own 0600 file beside the database, never in it, and finds it again", async () => {
    const { path, keyPath } = setup();
    const first = openSqliteStore({ path, retentionDays: 90, logger: recordingLogger() });
    const generated = resolvePrivacySecret(undefined, { keyPath, legacy: first });
    await first.close();
    expect(generated.source).toBe("generated");
    expect(generated.secret).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).toString("latin1")).not.toContain(generated.secret);

    expect(resolvePrivacySecret("", { keyPath })).toEqual({ secret: generated.secret, source: "file" });
    // Same secret, same keys: a user's earlier vote is still recognised after the restart.
    expect(makeHasher(resolvePrivacySecret(undefined, { keyPath }).secret)("user:1")).toBe(
      makeHasher(generated.secret)("user:1"),
    );
  });

  it("moves a key an earlier version kept in the database out into the key file", async () => {
    const { path, keyPath } = setup();
    const old = openSqliteStore({ path, retentionDays: 90, logger: recordingLogger() });
    old.setMeta("privacy_secret", "an-old-secret-kept-in-the-database");
    const moved = resolvePrivacySecret(undefined, { keyPath, legacy: old });
    expect(moved).toEqual({ secret: "an-old-secret-kept-in-the-database", source: "moved" });
    expect(old.getMeta("privacy_secret")).toBeUndefined();
    await old.close();
    expect(readFileSync(keyPath, "utf8").trim()).toBe("an-old-secret-kept-in-the-database");
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
  });

  it("tightens a key file others can read", () => {
    const { keyPath } = setup();
    writeFileSync(keyPath, "a-key-someone-copied-by-hand-0123\n", { mode: 0o644 });
    chmodSync(keyPath, 0o644);
    expect(resolvePrivacySecret(undefined, { keyPath }).source).toBe("file");
    expect(statSync(keyPath).mode & 0o777).toBe(0o600);
  });
});
