// Start-up configuration: `.env` plus the environment, each variable checked by a small rule below. A
// bad value stops the bot with a message that names each variable and why it is wrong, never the value
// itself. Checked by hand rather than with zod: building zod's schemas cost about 60 ms of every start
// (issue 11), for twenty variables; the content's schemas (src/content/schema.ts) stay zod.
import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import type { SendLimits } from "./transports/throttle.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Telegram's token shape: the bot id, a colon, then the secret part. */
const TOKEN_PATTERN = /^\d+:[\w-]+$/;
/** What Telegram accepts as `secret_token` in setWebhook. */
const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

/** A variable's rule: its value read from the (trimmed, non-empty) text, or why the text is wrong. */
type Rule<T> = (text: string) => { value: T } | { reason: string };
type RuleValue<R> = R extends Rule<infer T> ? T : never;

const text: Rule<string> = (value) => ({ value });

const matching =
  (pattern: RegExp, reason: string): Rule<string> =>
  (value) =>
    pattern.test(value) ? { value } : { reason };

const url =
  (protocols: RegExp, what: string): Rule<string> =>
  (value) =>
    URL.canParse(value) && protocols.test(new URL(value).protocol)
      ? { value }
      : { reason: `must be ${what}` };

const integer =
  (min: number, max: number): Rule<number> =>
  (value) => {
    const n = Number(value);
    return /^\d+$/.test(value) && n >= min && n <= max
      ? { value: n }
      : { reason: `must be a whole number from ${min} to ${max}` };
  };

const oneOf =
  <T extends string>(values: readonly T[]): Rule<T> =>
  (value) =>
    (values as readonly string[]).includes(value)
      ? { value: value as T }
      : { reason: `must be one of ${values.join(", ")}` };

/** Settings every mode shares. Empty variables count as unset (see `dropEmpty`); defaults in parseConfig. */
const COMMON = {
  BOT_TOKEN: matching(
    TOKEN_PATTERN,
    "must look like 123456789:AbCdEf… (digits, a colon, then letters, digits, _ or -)",
  ),
  TELEGRAM_API_ROOT: url(/^https?:$/, "an http(s) URL such as http://127.0.0.1:8081"),
  LOG_LEVEL: oneOf(LOG_LEVELS),
  ADMIN_IDS: matching(
    /^\s*\d+\s*(,\s*\d+\s*)*$/,
    "must be Telegram user ids separated by commas, e.g. 12345,67890",
  ),
  DATABASE_PATH: text,
  DATABASE_URL: url(/^postgres(ql)?:$/, "a postgres:// URL such as postgres://bot:pass@127.0.0.1:5432/bot"),
  CONTENT_DIR: text,
  INDEX_CACHE_DIR: text,
  RETENTION_DAYS: integer(1, 3650),
  CONVERSATION_SECONDS: integer(1, 86_400),
  // Telegram's limits on sending; lower only for a test or a local Bot API server.
  SEND_CHAT_INTERVAL_MS: integer(0, 60_000),
  SEND_GROUP_PER_MINUTE: integer(1, 1_000_000),
  SEND_TOTAL_PER_SECOND: integer(1, 1_000_000),
  PRIVACY_SECRET: (value: string) =>
    value.length >= 16 ? { value } : { reason: "must be at least 16 characters long" },
};

/** Webhook mode's own settings; polling has none. A webhook without its URL or secret cannot start. */
const WEBHOOK = {
  WEBHOOK_URL: (value: string) =>
    URL.canParse(value) && new URL(value).protocol === "https:"
      ? { value }
      : { reason: "must be an https URL (Telegram only delivers webhooks over https)" },
  WEBHOOK_SECRET: matching(WEBHOOK_SECRET_PATTERN, "must be 1-256 characters of A-Z, a-z, 0-9, _ or -"),
  HOST: text,
  PORT: integer(1, 65535),
  MAX_WEBHOOK_BODY_BYTES: integer(1024, 10_000_000),
} satisfies Record<string, Rule<unknown>>;

const REQUIRED_FOR_WEBHOOK: Partial<Record<keyof typeof WEBHOOK, string>> = {
  WEBHOOK_URL: "is required when BOT_MODE=webhook (the public https URL Telegram posts to)",
  WEBHOOK_SECRET: "is required when BOT_MODE=webhook (Telegram sends it back in a header we check)",
};

/** Every variable the configuration reads (documented in .env.example). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...Object.keys(COMMON),
  "BOT_MODE",
  ...Object.keys(WEBHOOK),
];

export type TransportConfig =
  | { mode: "polling" }
  | {
      mode: "webhook";
      url: string;
      /** The path Telegram will POST to, taken from WEBHOOK_URL. */
      path: string;
      secret: string;
      host: string;
      port: number;
      maxBodyBytes: number;
    };

export interface Config {
  /** Absent: no Telegram, the terminal chat instead. */
  botToken: string | undefined;
  apiRoot: string | undefined;
  logLevel: LogLevel;
  adminIds: number[];
  databasePath: string;
  /** A PostgreSQL server shared by several instances; absent: the SQLite file at databasePath. */
  databaseUrl: string | undefined;
  /** Absent: the content/ folder of this checkout. */
  contentDir: string | undefined;
  /** Where the built index is saved between starts; absent: the default folder; "off": never saved. */
  indexCacheDir: string | undefined;
  retentionDays: number;
  /** How long a follow-up ("when?") is read against the last answer. */
  conversationSeconds: number;
  /** The outgoing pace (transports/throttle.ts). */
  sendLimits: SendLimits;
  privacySecret: string | undefined;
  transport: TransportConfig;
}

export interface ConfigProblem {
  variable: string;
  reason: string;
}

export class ConfigError extends Error {
  constructor(readonly problems: ConfigProblem[]) {
    super(
      `Invalid configuration (${problems.length} problem${problems.length === 1 ? "" : "s"}); ` +
        `set these in .env or the environment (see .env.example):\n` +
        problems.map((p) => `  - ${p.variable}: ${p.reason}`).join("\n"),
    );
    this.name = "ConfigError";
  }
}

type Env = Record<string, string | undefined>;

/**
 * The terminal chat's own database beside the bot's (`data/bot.sqlite` → `data/bot.terminal.sqlite`):
 * trying the bot on a server must not add to the curators' report of real users' questions.
 */
export function terminalDatabasePath(databasePath: string): string {
  return /\.sqlite$/.test(databasePath)
    ? databasePath.replace(/\.sqlite$/, ".terminal.sqlite")
    : `${databasePath}.terminal`;
}

/** `FOO=` in a .env file means "not set", not "set to nothing". */
function dropEmpty(env: Env): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== "") out[key] = value.trim();
  }
  return out;
}

/**
 * Each variable of `rules` that is set, read by its rule; what is wrong, or missing of `required`
 * (variable → why it is needed), goes to `problems` in the rules' order.
 */
function readAll<R extends Record<string, Rule<unknown>>>(
  rules: R,
  env: Record<string, string>,
  problems: ConfigProblem[],
  required: Partial<Record<keyof R, string>> = {},
): { [K in keyof R]?: RuleValue<R[K]> } {
  const out: { [K in keyof R]?: RuleValue<R[K]> } = {};
  for (const variable of Object.keys(rules) as (keyof R & string)[]) {
    const value = env[variable];
    const needed = required[variable];
    if (value === undefined && needed !== undefined) problems.push({ variable, reason: needed });
    if (value === undefined) continue;
    const result = (rules[variable] as Rule<RuleValue<R[typeof variable]>>)(value);
    if ("reason" in result) problems.push({ variable, reason: result.reason });
    else out[variable] = result.value;
  }
  return out;
}

/** Checks the variables and returns the typed config; throws ConfigError listing every problem. */
export function parseConfig(rawEnv: Env): Config {
  const env = dropEmpty(rawEnv);
  const problems: ConfigProblem[] = [];
  const c = readAll(COMMON, env, problems);
  const commonOk = problems.length === 0;
  const mode = env.BOT_MODE ?? "polling";
  let transport: TransportConfig = { mode: "polling" };
  if (mode === "webhook") {
    const w = readAll(WEBHOOK, env, problems, REQUIRED_FOR_WEBHOOK);
    if (w.WEBHOOK_URL !== undefined && w.WEBHOOK_SECRET !== undefined)
      transport = {
        mode: "webhook",
        url: w.WEBHOOK_URL,
        path: new URL(w.WEBHOOK_URL).pathname,
        secret: w.WEBHOOK_SECRET,
        host: w.HOST ?? "0.0.0.0",
        port: w.PORT ?? 8080,
        maxBodyBytes: w.MAX_WEBHOOK_BODY_BYTES ?? 262_144,
      };
  } else if (mode !== "polling") {
    problems.push({ variable: "BOT_MODE", reason: "must be polling or webhook" });
  }
  if (problems.length === 0 && transport.mode === "webhook" && !c.BOT_TOKEN)
    problems.push({ variable: "BOT_TOKEN", reason: "is required when BOT_MODE=webhook" });
  // Instances sharing a server database must hash ids alike; a key generated by each would not agree.
  if (commonOk && c.DATABASE_URL && !c.PRIVACY_SECRET) {
    problems.push({
      variable: "PRIVACY_SECRET",
      reason: "is required with DATABASE_URL (every instance must hash ids with the same key)",
    });
  }
  if (problems.length > 0) throw new ConfigError(problems);

  return {
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT?.replace(/\/+$/, ""),
    logLevel: c.LOG_LEVEL ?? "info",
    adminIds: c.ADMIN_IDS ? c.ADMIN_IDS.split(",").map((id) => Number(id.trim())) : [],
    databasePath: c.DATABASE_PATH ?? "data/bot.sqlite",
    databaseUrl: c.DATABASE_URL,
    contentDir: c.CONTENT_DIR,
    indexCacheDir: c.INDEX_CACHE_DIR,
    retentionDays: c.RETENTION_DAYS ?? 90,
    conversationSeconds: c.CONVERSATION_SECONDS ?? 900,
    sendLimits: {
      chatIntervalMs: c.SEND_CHAT_INTERVAL_MS ?? 1000,
      groupPerMinute: c.SEND_GROUP_PER_MINUTE ?? 20,
      totalPerSecond: c.SEND_TOTAL_PER_SECOND ?? 30,
    },
    privacySecret: c.PRIVACY_SECRET,
    transport,
  };
}

/**
 * The environment as the bot sees it: variables from the env file (ENV_FILE, default `.env`), with
 * the real environment taking precedence, as dotenv does.
 */
export function readEnvironment(env: Env = process.env): Env {
  const file = env.ENV_FILE?.trim() || ".env";
  let fromFile: Env = {};
  if (existsSync(file)) {
    try {
      fromFile = parseDotenv(readFileSync(file));
    } catch (error) {
      throw new ConfigError([
        { variable: "ENV_FILE", reason: `cannot read ${file}: ${(error as Error).message.split("\n")[0]}` },
      ]);
    }
  }
  return { ...fromFile, ...env };
}

/** `.env` + environment → Config, or a ConfigError naming each bad variable. */
export function loadConfig(env: Env = process.env): Config {
  return parseConfig(readEnvironment(env));
}
