// Keyed hashes for every Telegram id the store sees (chat, user, message), so the database never holds
// a raw id and cannot be joined with another dataset without the secret.
import { createHmac, randomBytes } from "node:crypto";
import type { Hasher, MetaStore } from "./store.ts";

/** 32 hex digits = 128 bits: collisions are out of reach for any chat, while keys stay short. */
const HASH_HEX_LENGTH = 32;
const SECRET_META_KEY = "privacy_secret";

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

export interface ResolvedSecret {
  secret: string;
  /** env: PRIVACY_SECRET; stored: generated on an earlier start and kept in the database; generated: new now. */
  source: "env" | "stored" | "generated";
}

/**
 * The secret to hash with. PRIVACY_SECRET wins when set. Without it, a random secret is generated once and
 * kept in the database's meta table, so votes and /lang choices still match across restarts; it never
 * leaves the database file. Changing the secret later orphans earlier chat settings and vote keys.
 */
export function resolvePrivacySecret(envSecret: string | undefined, store: MetaStore): ResolvedSecret {
  if (envSecret && envSecret.length > 0) return { secret: envSecret, source: "env" };
  const stored = store.getMeta(SECRET_META_KEY);
  if (stored) return { secret: stored, source: "stored" };
  const secret = randomBytes(32).toString("hex");
  store.setMeta(SECRET_META_KEY, secret);
  return { secret, source: "generated" };
}
