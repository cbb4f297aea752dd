// Keyed hashes for every Telegram id the store sees (chat, user, message), so the database never holds
// a raw id and cannot be joined with another dataset without the key. The key never sits in the
// database: anyone holding both could test guessed ids against the hashes (about 300,000 ids a second
// on one core). It comes from PRIVACY_SECRET or from its own file beside the database (mode 0600),
// generated on first start.
import { createHmac, randomBytes } from "node:crypto";
import { chmodSync, mkdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Hasher, MetaStore } from "./store.ts";

/** 32 hex digits = 128 bits: collisions are out of reach for any chat, while keys stay short. */
const HASH_HEX_LENGTH = 32;
/** Where versions before the key file kept a generated key: moved out on the next start. */
const LEGACY_META_KEY = "privacy_secret";

/**
 * Recent inputs and their keys: the same chat is hashed for every reply it gets (its /lang choice,
 * its conversation), and an HMAC costs more than the rest of the look-up. Bounded; oldest go first.
 */
const MEMO_SIZE = 4096;

/** HMAC-SHA256 of the value with the secret, hex, truncated to 128 bits. */
export function makeHasher(secret: string): Hasher {
  if (secret.length === 0) throw new RangeError("the privacy secret must not be empty");
  const memo = new Map<string, string>();
  return (value) => {
    const known = memo.get(value);
    if (known !== undefined) return known;
    const key = createHmac("sha256", secret).update(value, "utf8").digest("hex").slice(0, HASH_HEX_LENGTH);
    if (memo.size >= MEMO_SIZE) memo.delete(memo.keys().next().value as string);
    memo.set(value, key);
    return key;
  };
}

/** The key file for a database: `privacy.key` in the database's folder. */
export function privacyKeyPath(databasePath: string): string {
  return join(dirname(databasePath), "privacy.key");
}

export interface ResolvedSecret {
  secret: string;
  /**
   * env: PRIVACY_SECRET; file: the key file; moved: found in the database (an earlier version) and
   * moved to the key file; generated: new now, written to the key file; memory: new now, but the key
   * file could not be written (hashes change at the next start).
   */
  source: "env" | "file" | "moved" | "generated" | "memory";
}

export interface SecretSources {
  keyPath: string;
  /** The database's meta table, where earlier versions kept a generated key. */
  legacy?: MetaStore & { deleteMeta?(key: string): void };
}

/** Reads the key file (tightening its mode to 0600 if others could read it), or undefined if absent. */
function readKeyFile(path: string): string | undefined {
  let text: string;
  try {
    text = readFileSync(path, "utf8").trim();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
  if ((statSync(path).mode & 0o077) !== 0) chmodSync(path, 0o600);
  return text.length > 0 ? text : undefined;
}

function writeKeyFile(path: string, secret: string): boolean {
  try {
    mkdirSync(dirname(path), { recursive: true });
    // wx: never overwrite a key another process just wrote.
    writeFileSync(path, `${secret}\n`, { mode: 0o600, flag: "wx" });
    return true;
  } catch {
    return false;
  }
}

/**
 * The secret to hash with. PRIVACY_SECRET wins when set. Without it, the key file beside the database;
 * without that, a key an earlier version kept in the database (moved to the file and removed from the
 * database), else a new random key written to the file. Changing the key later orphans earlier chat
 * settings and vote keys.
 */
export function resolvePrivacySecret(envSecret: string | undefined, sources: SecretSources): ResolvedSecret {
  if (envSecret && envSecret.length > 0) return { secret: envSecret, source: "env" };
  const fromFile = readKeyFile(sources.keyPath);
  if (fromFile) return { secret: fromFile, source: "file" };
  const legacy = sources.legacy?.getMeta(LEGACY_META_KEY);
  if (legacy && writeKeyFile(sources.keyPath, legacy)) {
    sources.legacy?.deleteMeta?.(LEGACY_META_KEY);
    return { secret: legacy, source: "moved" };
  }
  if (legacy) return { secret: legacy, source: "memory" };
  const secret = randomBytes(32).toString("hex");
  if (writeKeyFile(sources.keyPath, secret)) return { secret, source: "generated" };
  // Lost a race with another process starting at the same moment: use the key it wrote.
  const written = readKeyFile(sources.keyPath);
  return written ? { secret: written, source: "file" } : { secret, source: "memory" };
}
