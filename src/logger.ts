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

export function createLogger(level: LogLevel = "info", options: LoggerOptions = {}): Logger {
  const scrub = makeScrubber(options.secrets);
  const write = options.write ?? ((line: string) => process.stdout.write(line));
  return pino(
    {
      level,
      base: { pid: process.pid },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Field names that hold secrets are dropped outright, whatever their value looks like.
      redact: {
        paths: [
          "token",
          "botToken",
          "secret",
          "secretToken",
          "*.token",
          "*.botToken",
          "*.secret",
          "*.secretToken",
          'headers["x-telegram-bot-api-secret-token"]',
          'req.headers["x-telegram-bot-api-secret-token"]',
        ],
        censor: CENSORED,
      },
    },
    { write: (line: string) => write(scrub(line)) },
  );
}

/** Name and message of an error, for logs: never payloads or user text. */
export function errorSummary(error: unknown): { name: string; message: string } {
  if (error instanceof Error) return { name: error.name, message: error.message };
  return { name: "non-error", message: String(error) };
}
