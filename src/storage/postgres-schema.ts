// Schema of the PostgreSQL store, as ordered steps like migrations.ts for SQLite. The `schema_version`
// table says how many have run; opening applies the rest in one transaction under an advisory lock, so
// several instances starting at once migrate once. Never edit a shipped step: add one.
// Step 1 is the SQLite schema as of its version 6, plus what several instances share: the update ids
// already handled by any instance (duplicate deliveries), with their time for expiry.
import type pg from "pg";

export const POSTGRES_MIGRATIONS: readonly { version: number; describe: string; up: string }[] = [
  {
    version: 1,
    describe: "the SQLite schema v6, update ids claimed across instances, conversations",
    up: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
      CREATE TABLE question_counts (
        day TEXT NOT NULL,
        answered BOOLEAN NOT NULL,
        matched_id TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        count BIGINT NOT NULL,
        PRIMARY KEY (day, answered, matched_id, lang, chat_type)
      );
      CREATE TABLE kept_questions (
        id BIGSERIAL PRIMARY KEY,
        day TEXT NOT NULL,
        answered BOOLEAN NOT NULL,
        normalized TEXT NOT NULL,
        group_key TEXT NOT NULL,
        lang TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        matched_id TEXT,
        score DOUBLE PRECISION NOT NULL,
        runner_up_id TEXT,
        runner_up_score DOUBLE PRECISION,
        decline_reason TEXT,
        question_lang TEXT,
        follow_up_of TEXT
      );
      CREATE INDEX kept_questions_day ON kept_questions (day, answered, group_key);
      CREATE TABLE near_ties (
        day TEXT NOT NULL,
        matched_id TEXT NOT NULL,
        runner_up_id TEXT NOT NULL,
        count BIGINT NOT NULL,
        gap_sum DOUBLE PRECISION NOT NULL,
        PRIMARY KEY (day, matched_id, runner_up_id)
      );
      CREATE TABLE votes (
        answer_id TEXT NOT NULL,
        voter_key TEXT NOT NULL,
        message_key TEXT NOT NULL,
        vote SMALLINT NOT NULL CHECK (vote IN (1, -1)),
        day TEXT NOT NULL,
        PRIMARY KEY (answer_id, voter_key)
      );
      CREATE INDEX votes_day ON votes (day, answer_id);
      CREATE TABLE downvoted_messages (message_key TEXT PRIMARY KEY, day TEXT NOT NULL);
      CREATE TABLE counted_updates (update_id BIGINT PRIMARY KEY, day TEXT NOT NULL);
      CREATE TABLE chat_settings (chat_key TEXT PRIMARY KEY, lang TEXT NOT NULL);
      -- Webhook deliveries claimed by an instance: a redelivery (to any instance) is handled once.
      -- An unfinished claim of an instance that stopped beating (killed) may be taken over.
      CREATE TABLE claimed_updates (
        update_id BIGINT PRIMARY KEY,
        owner TEXT NOT NULL,
        claimed_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        done BOOLEAN NOT NULL DEFAULT false,
        -- Set before its first reply leaves: an instance taking over must not answer again.
        replied BOOLEAN NOT NULL DEFAULT false
      );
      CREATE INDEX claimed_updates_at ON claimed_updates (claimed_at);
      CREATE TABLE instances (id TEXT PRIMARY KEY, seen_at TIMESTAMPTZ NOT NULL);
      -- The conversation memory of follow-ups (src/bot/memory.ts), shared so the next message of a
      -- chat may reach any instance. Keys are keyed hashes; rows expire with the memory's age limit.
      CREATE TABLE conversations (
        key TEXT PRIMARY KEY,
        ids TEXT[] NOT NULL,
        lang TEXT NOT NULL,
        topic TEXT NOT NULL,
        at BIGINT NOT NULL
      );
      CREATE INDEX conversations_at ON conversations (at);
    `,
  },
  {
    version: 2,
    describe: "update claims: the reply on its way (replied) apart from the reply Telegram accepted (sent)",
    up: `
      -- replied: set just before the first reply goes out; sent: once Telegram accepted it. An
      -- instance taking over after the owner died answers again only what was not sent.
      ALTER TABLE claimed_updates ADD COLUMN sent BOOLEAN NOT NULL DEFAULT false;
      -- Claims of the code before: replied meant "do not answer again".
      UPDATE claimed_updates SET sent = replied;
    `,
  },
  {
    version: 3,
    describe:
      "conversations: the last reply offered ids[0] (a decline's first suggestion) rather than gave it",
    up: `
      ALTER TABLE conversations ADD COLUMN offered BOOLEAN NOT NULL DEFAULT false;
    `,
  },
];

export const POSTGRES_LATEST_VERSION = POSTGRES_MIGRATIONS.length;

/** Any fixed number: the lock that keeps two starting instances from migrating at once. */
const MIGRATION_LOCK = 7_211_011;

/** Applies the missing steps; returns the versions applied. Throws on a schema newer than this code. */
export async function migratePostgres(client: pg.ClientBase): Promise<number[]> {
  await client.query("BEGIN");
  try {
    await client.query("SELECT pg_advisory_xact_lock($1)", [MIGRATION_LOCK]);
    await client.query("CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
    const row = await client.query<{ version: number }>("SELECT version FROM schema_version");
    const current = row.rows[0]?.version ?? 0;
    if (current > POSTGRES_LATEST_VERSION)
      throw new Error(
        `database schema is v${current}, newer than this code knows (v${POSTGRES_LATEST_VERSION})`,
      );
    const applied: number[] = [];
    for (const step of POSTGRES_MIGRATIONS) {
      if (step.version <= current) continue;
      await client.query(step.up);
      applied.push(step.version);
    }
    if (row.rows.length === 0)
      await client.query("INSERT INTO schema_version VALUES ($1)", [POSTGRES_LATEST_VERSION]);
    else await client.query("UPDATE schema_version SET version = $1", [POSTGRES_LATEST_VERSION]);
    await client.query("COMMIT");
    return applied;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  }
}
