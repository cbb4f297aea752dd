// Structured JSON logs (pino) on stdout. Secrets never reach the output: known secrets and anything
// shaped like a bot token are scrubbed from every line, because grammY and fetch errors can carry
// the request URL, and the token is part of that URL.
import { pino } from "pino";
import type { LogLevel } from "./config.ts";

export type Logger = pino.Logger;

/** A bot token (`123456789:AA…`), or the `/bot<token>/` segment of a Bot API URL. */
const TOKEN_LIKE = /\bbot\d{3,}:[\w-]+|\b\d{6,}:[\w-]{30,}\b/g;
const CENSORED = "[redacted]";

export interface LoggerOptions {
  /** Exact strings to scrub wherever they appear: the bot token, the webhook secret… */
  secrets?: (string | undefined)[];
  /** Where the lines go; stdout by default. */
  write?: (line: string) => void;
}

function escapeForRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/** Returns a function that removes the given secrets (also URL- and JSON-escaped) and token-like text. */
export function makeScrubber(secrets: (string | undefined)[] = []): (text: string) => string {
  const variants = new Set<string>();
  for (const secret of secrets) {
    if (!secret || secret.length < 4) continue;
    variants.add(secret);
    variants.add(encodeURIComponent(secret));
    variants.add(JSON.stringify(secret).slice(1, -1));
  }
  const exact =
    variants.size > 0
      ? new RegExp(
          [...variants]
            .sort((a, b) => b.length - a.length)
            .map(escapeForRegExp)
            .join("|"),
          "g",
        )
      : undefined;
  return (text) => {
    const withoutExact = exact ? text.replace(exact, CENSORED) : text;
    return withoutExact.replace(TOKEN_LIKE, CENSORED);
  };
}

/** Fields whose value is a secret by name, at the top or up to two objects down (req.headers[…]). */
const SECRET_FIELDS = new Set([
  "token",
  "botToken",
  "secret",
  "secretToken",
  "x-telegram-bot-api-secret-token",
]);
const SECRET_FIELD_DEPTH = 2;

/**
 * The log object with secret-named fields censored; the object itself when there are none (nearly
 * always), so a log line costs no copy. pino's own \`redact\` did the same for these paths but
 * allocated about 14 KB per line, a tenth of what an update costs.
 */
export function withoutSecretFields(fields: Record<string, unknown>, depth = 0): Record<string, unknown> {
  let copy: Record<string, unknown> | undefined;
  for (const key of Object.keys(fields)) {
    const value = fields[key];
    let kept = value;
    if (SECRET_FIELDS.has(key)) kept = CENSORED;
    else if (depth < SECRET_FIELD_DEPTH && isPlainObject(value)) kept = withoutSecretFields(value, depth + 1);
    if (kept !== value) {
      copy ??= { ...fields };
      copy[key] = kept;
    }
  }
  return copy ?? fields;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object" || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** Lines waiting for stdout, and whether a write of them is scheduled. */
let pendingOut = "";
let outScheduled = false;
const FLUSH_AT_CHARS = 64 * 1024;

function flushStdout(): void {
  outScheduled = false;
  if (pendingOut === "") return;
  const text = pendingOut;
  pendingOut = "";
  process.stdout.write(text);
}

/**
 * Log lines go to stdout once per turn of the event loop, together, instead of one write (a system
 * call) each: in a burst that was a few per cent of the bot's CPU. Stdout to a pipe or file is
 * synchronous in Node, so what is pending at exit (process.exit after a fatal line included) is
 * still written.
 */
function writeToStdout(line: string): void {
  if (pendingOut === "" && !outScheduled) {
    outScheduled = true;
    setImmediate(flushStdout);
  }
  pendingOut += line;
  if (pendingOut.length >= FLUSH_AT_CHARS) flushStdout();
}
process.once("exit", flushStdout);

export function createLogger(level: LogLevel = "info", options: LoggerOptions = {}): Logger {
  const scrub = makeScrubber(options.secrets);
  const write = options.write ?? writeToStdout;
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Field names that hold secrets are dropped outright, whatever their value looks like.
      formatters: { log: withoutSecretFields },
    },
    { write: (line: string) => write(scrub(line)) },
  );
}

/** Name and message of an error, for logs: never payloads or user text. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "non-error", message: String(error) };
}
