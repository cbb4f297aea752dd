// Schema of the SQLite store as an ordered list of steps. The database's `user_version` says how many
// have run; opening applies the rest, each in its own transaction. Never edit a shipped step: add one.
import type Database from "better-sqlite3";

export interface Migration {
  version: number;
  describe: string;
  up: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    describe: "question counts, kept questions, votes, chat settings, meta",
    up: `
      CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
      -- Every question, as a count only: no text.
      CREATE TABLE question_counts (
        day TEXT NOT NULL,
        answered INTEGER NOT NULL,
        matched_id TEXT NOT NULL DEFAULT '',
        lang TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        count INTEGER NOT NULL,
        PRIMARY KEY (day, answered, matched_id, lang, chat_type)
      ) STRICT;
      -- Declined and low-confidence questions, with their normalised text: the curators' material.
      CREATE TABLE kept_questions (
        id INTEGER PRIMARY KEY,
        day TEXT NOT NULL,
        answered INTEGER NOT NULL,
        normalized TEXT NOT NULL,
        group_key TEXT NOT NULL,
        lang TEXT NOT NULL,
        chat_type TEXT NOT NULL,
        matched_id TEXT,
        score REAL NOT NULL
      ) STRICT;
      -- One vote per voter per answer message; a second press overwrites it.
      CREATE TABLE votes (
        message_key TEXT NOT NULL,
        voter_key TEXT NOT NULL,
        answer_id TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (1, -1)),
        day TEXT NOT NULL,
        PRIMARY KEY (message_key, voter_key)
      ) STRICT;
      CREATE TABLE chat_settings (chat_key TEXT PRIMARY KEY, lang TEXT NOT NULL) STRICT;
    `,
  },
  {
    version: 2,
    describe: "runner-ups and near-tie pairs; indexes for the report's date ranges",
    up: `
      ALTER TABLE kept_questions ADD COLUMN runner_up_id TEXT;
      ALTER TABLE kept_questions ADD COLUMN runner_up_score REAL;
      CREATE TABLE near_ties (
        day TEXT NOT NULL,
        matched_id TEXT NOT NULL,
        runner_up_id TEXT NOT NULL,
        count INTEGER NOT NULL,
        gap_sum REAL NOT NULL,
        PRIMARY KEY (day, matched_id, runner_up_id)
      ) STRICT;
      CREATE INDEX kept_questions_day ON kept_questions (day, answered, group_key);
      CREATE INDEX votes_day ON votes (day, answer_id);
    `,
  },
  {
    version: 3,
    describe: "why a question was declined (out of scope, weak match, empty)",
    up: "ALTER TABLE kept_questions ADD COLUMN decline_reason TEXT;",
  },
  {
    version: 4,
    describe: "the language the engine read a kept question in (the reply language is `lang`)",
    up: "ALTER TABLE kept_questions ADD COLUMN question_lang TEXT;",
  },
  {
    version: 5,
    describe: "for a follow-up ('when?'), the answer it was read against (matched_id is what it resolved to)",
    up: "ALTER TABLE kept_questions ADD COLUMN follow_up_of TEXT;",
  },
  {
    version: 6,
    describe:
      "one vote per voter per answer (not per message); the 'sorry' follow-up once per message; update ids counted once; the durable update queue",
    up: `
      CREATE TABLE votes_by_answer (
        answer_id TEXT NOT NULL,
        voter_key TEXT NOT NULL,
        message_key TEXT NOT NULL,
        vote INTEGER NOT NULL CHECK (vote IN (1, -1)),
        day TEXT NOT NULL,
        PRIMARY KEY (answer_id, voter_key)
      ) STRICT;
      -- Several messages' votes by one voter for one answer become one: the latest.
      INSERT INTO votes_by_answer (answer_id, voter_key, message_key, vote, day)
        SELECT answer_id, voter_key, message_key, vote, day FROM votes WHERE true ORDER BY day
        ON CONFLICT DO UPDATE SET message_key = excluded.message_key, vote = excluded.vote, day = excluded.day;
      DROP TABLE votes;
      ALTER TABLE votes_by_answer RENAME TO votes;
      CREATE INDEX votes_day ON votes (day, answer_id);
      CREATE TABLE downvoted_messages (message_key TEXT PRIMARY KEY, day TEXT NOT NULL) STRICT;
      CREATE TABLE counted_updates (update_id INTEGER PRIMARY KEY, day TEXT NOT NULL) STRICT;
      -- Updates fetched by long polling and not yet handled: confirmed to Telegram only once kept here.
      CREATE TABLE pending_updates (update_id INTEGER PRIMARY KEY, body TEXT NOT NULL) STRICT;
    `,
  },
];

export const LATEST_VERSION = MIGRATIONS.length;

export function schemaVersion(db: Database.Database): number {
  return Number(db.pragma("user_version", { simple: true }));
}

/** Runs the steps above the current version, up to `target`; returns the versions applied. */
export function migrate(db: Database.Database, target: number = LATEST_VERSION): number[] {
  const current = schemaVersion(db);
  if (current > LATEST_VERSION) {
    throw new Error(`database schema is v${current}, newer than this code knows (v${LATEST_VERSION})`);
  }
  const applied: number[] = [];
  for (const step of MIGRATIONS) {
    if (step.version <= current || step.version > target) continue;
    db.transaction(() => {
      db.exec(step.up);
      db.pragma(`user_version = ${step.version}`);
    })();
    applied.push(step.version);
  }
  return applied;
}
