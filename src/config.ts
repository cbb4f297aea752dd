// Start-up configuration: `.env` plus the environment, checked by one schema. A bad value stops the
// bot with a message that names each variable and why it is wrong, never the value itself.
import { existsSync, readFileSync } from "node:fs";
import { parse as parseDotenv } from "dotenv";
import * as z from "zod";
import type { SendLimits } from "./transports/throttle.ts";

export const LOG_LEVELS = ["fatal", "error", "warn", "info", "debug", "trace", "silent"] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Telegram's token shape: the bot id, a colon, then the secret part. */
const TOKEN_PATTERN = /^\d+:[\w-]+$/;
/** What Telegram accepts as `secret_token` in setWebhook. */
const WEBHOOK_SECRET_PATTERN = /^[A-Za-z0-9_-]{1,256}$/;

const optionalUrl = (protocols: RegExp, what: string) =>
  z
    .string()
    .refine((value) => URL.canParse(value) && protocols.test(new URL(value).protocol), `must be ${what}`)
    .optional();

const integer = (min: number, max: number, fallback: number) =>
  z
    .string()
    .regex(/^\d+$/, `must be a whole number from ${min} to ${max}`)
    .transform(Number)
    .refine((n) => n >= min && n <= max, `must be a whole number from ${min} to ${max}`)
    .prefault(String(fallback));

/** Settings every mode shares. Empty variables count as unset (see `dropEmpty`). */
const CommonSchema = z.object({
  BOT_TOKEN: z
    .string()
    .regex(TOKEN_PATTERN, "must look like 123456789:AbCdEf… (digits, a colon, then letters, digits, _ or -)")
    .optional(),
  TELEGRAM_API_ROOT: optionalUrl(/^https?:$/, "an http(s) URL such as http://127.0.0.1:8081"),
  LOG_LEVEL: z.enum(LOG_LEVELS, `must be one of ${LOG_LEVELS.join(", ")}`).default("info"),
  ADMIN_IDS: z
    .string()
    .regex(/^\s*\d+\s*(,\s*\d+\s*)*$/, "must be Telegram user ids separated by commas, e.g. 12345,67890")
    .optional()
    .transform((list) => (list ? list.split(",").map((id) => Number(id.trim())) : [])),
  DATABASE_PATH: z.string().default("data/bot.sqlite"),
  DATABASE_URL: optionalUrl(
    /^postgres(ql)?:$/,
    "a postgres:// URL such as postgres://bot:pass@127.0.0.1:5432/bot",
  ),
  CONTENT_DIR: z.string().optional(),
  INDEX_CACHE_DIR: z.string().optional(),
  RETENTION_DAYS: integer(1, 3650, 90),
  CONVERSATION_SECONDS: integer(1, 86_400, 900),
  // Telegram's limits on sending; lower only for a test or a local Bot API server.
  SEND_CHAT_INTERVAL_MS: integer(0, 60_000, 1000),
  SEND_GROUP_PER_MINUTE: integer(1, 1_000_000, 20),
  SEND_TOTAL_PER_SECOND: integer(1, 1_000_000, 30),
  PRIVACY_SECRET: z.string().min(16, "must be at least 16 characters long").optional(),
});

/** Polling and webhook are separate shapes, so a webhook without its URL or secret cannot start. */
const TransportSchema = z.discriminatedUnion(
  "BOT_MODE",
  [
    z.object({ BOT_MODE: z.literal("polling") }),
    z.object({
      BOT_MODE: z.literal("webhook"),
      WEBHOOK_URL: z
        .string({ error: "is required when BOT_MODE=webhook (the public https URL Telegram posts to)" })
        .refine(
          (value) => URL.canParse(value) && new URL(value).protocol === "https:",
          "must be an https URL (Telegram only delivers webhooks over https)",
        ),
      WEBHOOK_SECRET: z
        .string({ error: "is required when BOT_MODE=webhook (Telegram sends it back in a header we check)" })
        .regex(WEBHOOK_SECRET_PATTERN, "must be 1-256 characters of A-Z, a-z, 0-9, _ or -"),
      HOST: z.string().default("0.0.0.0"),
      PORT: integer(1, 65535, 8080),
      MAX_WEBHOOK_BODY_BYTES: integer(1024, 10_000_000, 262_144),
    }),
  ],
  { error: "must be polling or webhook" },
);

/** Every variable the schema reads (documented in .env.example). */
export const CONFIG_VARIABLES: readonly string[] = [
  ...new Set([
    ...Object.keys(CommonSchema.shape),
    ...TransportSchema.options.flatMap((option) => Object.keys(option.shape)),
  ]),
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

function problemsOf(error: z.ZodError, fallbackVariable: string): ConfigProblem[] {
  return error.issues.map((issue) => ({
    variable: typeof issue.path[0] === "string" ? issue.path[0] : fallbackVariable,
    reason: issue.message,
  }));
}

/** Checks the variables and returns the typed config; throws ConfigError listing every problem. */
export function parseConfig(rawEnv: Env): Config {
  const env = dropEmpty(rawEnv);
  const common = CommonSchema.safeParse(env);
  const transport = TransportSchema.safeParse({ BOT_MODE: "polling", ...env });
  const problems = [
    ...(common.success ? [] : problemsOf(common.error, "?")),
    ...(transport.success ? [] : problemsOf(transport.error, "BOT_MODE")),
  ];
  if (
    common.success &&
    transport.success &&
    transport.data.BOT_MODE === "webhook" &&
    !common.data.BOT_TOKEN
  ) {
    problems.push({ variable: "BOT_TOKEN", reason: "is required when BOT_MODE=webhook" });
  }
  // Instances sharing a server database must hash ids alike; a key generated by each would not agree.
  if (common.success && common.data.DATABASE_URL && !common.data.PRIVACY_SECRET) {
    problems.push({
      variable: "PRIVACY_SECRET",
      reason: "is required with DATABASE_URL (every instance must hash ids with the same key)",
    });
  }
  if (!common.success || !transport.success || problems.length > 0) throw new ConfigError(problems);

  const c = common.data;
  const t = transport.data;
  return {
    botToken: c.BOT_TOKEN,
    apiRoot: c.TELEGRAM_API_ROOT?.replace(/\/+$/, ""),
    logLevel: c.LOG_LEVEL,
    adminIds: c.ADMIN_IDS,
    databasePath: c.DATABASE_PATH,
    databaseUrl: c.DATABASE_URL,
    contentDir: c.CONTENT_DIR,
    indexCacheDir: c.INDEX_CACHE_DIR,
    retentionDays: c.RETENTION_DAYS,
    conversationSeconds: c.CONVERSATION_SECONDS,
    sendLimits: {
      chatIntervalMs: c.SEND_CHAT_INTERVAL_MS,
      groupPerMinute: c.SEND_GROUP_PER_MINUTE,
      totalPerSecond: c.SEND_TOTAL_PER_SECOND,
    },
    privacySecret: c.PRIVACY_SECRET,
    transport:
      t.BOT_MODE === "polling"
        ? { mode: "polling" }
        : {
            mode: "webhook",
            url: t.WEBHOOK_URL,
            path: new URL(t.WEBHOOK_URL).pathname,
            secret: t.WEBHOOK_SECRET,
            host: t.HOST,
            port: t.PORT,
            maxBodyBytes: t.MAX_WEBHOOK_BODY_BYTES,
          },
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
