// Starts the real bot through the e2e harness and tees everything it prints into a capture directory,
// so the secrets test can grep the output of every bot process the reliability suite ran.
import { appendFileSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import {
  type BotProcess,
  type BotProcessOptions,
  REPO_ROOT,
  startBot,
} from "../../e2e/support/bot-process.ts";

/**
 * A fake token shaped like a real one (bot id, colon, 35 characters), so a scrubber that only looks for
 * the shape is exercised too. It is distinctive enough that any hit in the output is a leak.
 */
export const FAKE_TOKEN = "5550001234:AAHreliabilityFAKE_token-9f8e7d6c5b4a";
/** The part after the colon: it leaks even if the bot id is cut off or the colon is URL-encoded. */
export const FAKE_TOKEN_SECRET_PART = FAKE_TOKEN.slice(FAKE_TOKEN.indexOf(":") + 1);
export const FAKE_WEBHOOK_SECRET = "webhookSECRET_reliability_4b3a29";

const CAPTURE_ROOT = join(REPO_ROOT, "tmp", "reliability-captures");

/**
 * One directory per `vitest run`: test files run in worker processes whose parent is the vitest
 * process, so the parent's pid tells runs apart. Old runs' directories are removed after a day.
 */
export function captureDir(): string {
  const dir = join(CAPTURE_ROOT, `run-${process.ppid}`);
  mkdirSync(dir, { recursive: true });
  return dir;
}

export function cleanOldCaptures(maxAgeMs = 24 * 3600_000): void {
  let entries: string[] = [];
  try {
    entries = readdirSync(CAPTURE_ROOT);
  } catch {
    return;
  }
  for (const name of entries) {
    const path = join(CAPTURE_ROOT, name);
    if (Date.now() - statSync(path).mtimeMs > maxAgeMs) rmSync(path, { recursive: true, force: true });
  }
}

let counter = 0;

/** Starts `src/main.ts` (or `args`) with a clean environment; stdout and stderr go to a capture file too. */
export function startCapturedBot(label: string, options: BotProcessOptions): BotProcess {
  const bot = startBot(options);
  const file = join(captureDir(), `${label.replace(/[^\w-]+/g, "_")}-${process.pid}-${++counter}.log`);
  appendFileSync(file, `# ${label}: ${JSON.stringify(Object.keys(options.env))}\n`);
  bot.child.stdout.on("data", (chunk: string) => appendFileSync(file, chunk));
  bot.child.stderr.on("data", (chunk: string) => appendFileSync(file, chunk));
  bot.exited
    .then((exit) => appendFileSync(file, `\n# exit ${JSON.stringify(exit)}\n`))
    .catch(() => undefined);
  return bot;
}

export interface CapturedFile {
  name: string;
  text: string;
}

export function readCaptures(): CapturedFile[] {
  const dir = captureDir();
  return readdirSync(dir).map((name) => ({ name, text: readFileSync(join(dir, name), "utf8") }));
}

/** Where a secret shows up in some text, in any of the forms a log line could carry it. */
export function findSecret(text: string, secrets: readonly string[]): string | undefined {
  for (const secret of secrets) {
    for (const form of [secret, encodeURIComponent(secret), JSON.stringify(secret).slice(1, -1)]) {
      const at = text.indexOf(form);
      if (at >= 0) return `${JSON.stringify(text.slice(Math.max(0, at - 80), at))}…`;
    }
  }
  return undefined;
}
