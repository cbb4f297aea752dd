// One emulated Telegram (emulator + shim from test/e2e/support) and the real bot process polling it,
// with the fake token and a throw-away database. Everything is on 127.0.0.1 and stopped by `close()`.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Update } from "grammy/types";
import type { BotProcess, LogLine } from "../../e2e/support/bot-process.ts";
import { TelegramWorld } from "../../e2e/support/emulator.ts";
import type { RecordedCall } from "../../e2e/support/shim.ts";
import {
  FAKE_TOKEN,
  FAKE_TOKEN_SECRET_PART,
  FAKE_WEBHOOK_SECRET,
  findSecret,
  startCapturedBot,
} from "./captured-bot.ts";
import { HoldProxy } from "./hold-proxy.ts";

export interface BotUnderTest {
  world: TelegramWorld;
  bot: BotProcess;
  dataDir: string;
  /** Present when started with `holdProxy: true`: the bot talks to the shim through it. */
  proxy: HoldProxy | undefined;
  /** The environment the bot was started with (to start a second one like it). */
  env: Record<string, string>;
  /** Starts another bot process against the same world (restarts, second instances). */
  startAnother(label: string, extraEnv?: Record<string, string>): BotProcess;
  close(): Promise<void>;
}

export function baseEnv(apiRoot: string, dataDir: string): Record<string, string> {
  return {
    BOT_TOKEN: FAKE_TOKEN,
    TELEGRAM_API_ROOT: apiRoot,
    DATABASE_PATH: join(dataDir, "bot.sqlite"),
    PRIVACY_SECRET: "reliability-privacy-secret-0123456789",
    LOG_LEVEL: "info",
  };
}

export const isPollingStarted = (line: LogLine): boolean => line.msg === "long polling started";

export async function startBotUnderTest(
  label: string,
  extraEnv: Record<string, string> = {},
  options: { waitFor?: (line: LogLine) => boolean; holdProxy?: boolean } = {},
): Promise<BotUnderTest> {
  const world = await TelegramWorld.start(FAKE_TOKEN);
  const proxy = options.holdProxy ? await new HoldProxy(world.apiRoot).start() : undefined;
  const dataDir = mkdtempSync(join(tmpdir(), "kg-reliability-"));
  const env = { ...baseEnv(proxy?.url ?? world.apiRoot, dataDir), ...extraEnv };
  const started: BotProcess[] = [];
  const startAnother = (name: string, more: Record<string, string> = {}) => {
    const process = startCapturedBot(name, { env: { ...env, ...more } });
    started.push(process);
    return process;
  };
  const bot = startAnother(label);
  try {
    if (options.waitFor) await bot.waitForLog(options.waitFor, 30_000);
    else await waitUntilPolling(bot, world);
  } catch (error) {
    await bot.kill();
    await proxy?.close();
    await world.close();
    throw error;
  }
  return {
    world,
    bot,
    dataDir,
    proxy,
    env,
    startAnother,
    close: async () => {
      // Bots first: a poller left running against a closed server only logs errors.
      await Promise.all(started.map((p) => p.stop("SIGTERM", 8000).catch(() => p.kill())));
      await Promise.all(started.map((p) => p.kill()));
      await proxy?.close();
      await world.close();
      rmSync(dataDir, { recursive: true, force: true });
      // Every process this file started is checked here too, whatever order the test files run in.
      for (const p of started) {
        const leak = findSecret(p.output(), [FAKE_TOKEN, FAKE_TOKEN_SECRET_PART, FAKE_WEBHOOK_SECRET]);
        if (leak) throw new Error(`a secret appeared in a bot's output, after: ${leak}`);
      }
    },
  };
}

/** Ready when the bot's first getUpdates reaches the shim (works at any LOG_LEVEL). */
export async function waitUntilPolling(
  bot: BotProcess,
  world: TelegramWorld,
  timeoutMs = 30_000,
): Promise<void> {
  const before = world.shim.pollCount;
  const deadline = Date.now() + timeoutMs;
  while (world.shim.pollCount === before) {
    if (bot.child.exitCode !== null) throw new Error(`bot exited before polling:\n${bot.output()}`);
    if (Date.now() > deadline) throw new Error(`bot not polling within ${timeoutMs} ms:\n${bot.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** Waits for the bot's one log line about this update: every call its handlers awaited came before it. */
export function updateHandled(bot: BotProcess, updateId: number, timeoutMs = 10_000): Promise<LogLine> {
  return bot.waitForLog((line) => line.msg === "update" && line.update_id === updateId, timeoutMs);
}

/** Injects an update through the shim and waits until the bot has handled it. */
export async function deliver(
  t: BotUnderTest,
  update: Omit<Update, "update_id">,
): Promise<{ updateId: number; log: LogLine }> {
  const updateId = t.world.inject(update);
  const log = await updateHandled(t.bot, updateId);
  return { updateId, log };
}

/** Calls the bot made about one chat, inline query or button press. */
export function callsAbout(
  calls: readonly RecordedCall[],
  about: { chatId?: number; callbackQueryId?: string; inlineQueryId?: string },
): RecordedCall[] {
  return calls.filter((call) => {
    const p = call.payload;
    if (about.chatId !== undefined && String(p.chat_id) === String(about.chatId)) return true;
    if (about.callbackQueryId !== undefined && p.callback_query_id === about.callbackQueryId) return true;
    if (about.inlineQueryId !== undefined && p.inline_query_id === about.inlineQueryId) return true;
    return false;
  });
}

/** Log lines at error level or above (pino: 50 error, 60 fatal). */
export function errorLogs(bot: BotProcess): LogLine[] {
  return bot.logs().filter((line) => line.level >= 50);
}

/** Waits until `condition` holds: a bound for a busy machine, never a timed assertion. */
export async function until(condition: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

/** The environment for webhook mode on 127.0.0.1 (start with `waitFor: isWebhookRegistered`). */
export function webhookEnv(port: number, path: string): Record<string, string> {
  return {
    BOT_MODE: "webhook",
    WEBHOOK_URL: `https://bot.example.org${path}`,
    WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
    HOST: "127.0.0.1",
    PORT: String(port),
  };
}

export const isWebhookRegistered = (line: LogLine): boolean => line.msg === "webhook registered";

/** A text message in a private chat (English-speaking user), as Telegram would post it to a webhook. */
export function privateMessageUpdate(
  updateId: number,
  chatId: number,
  text: string,
): Record<string, unknown> {
  return {
    update_id: updateId,
    message: {
      message_id: updateId,
      date: Math.floor(Date.now() / 1000),
      chat: { id: chatId, type: "private", first_name: "Aigerim" },
      from: { id: chatId, is_bot: false, first_name: "Aigerim", language_code: "en" },
      text,
    },
  };
}
