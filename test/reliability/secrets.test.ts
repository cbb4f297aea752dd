// The token and the other secrets never reach the output: not in logs, not in error messages, not in a
// crash. This file starts the bot in the ways most likely to print them (bad configuration, a token
// Telegram rejects, an unreachable API, a crash at start-up), then greps everything every bot process
// of the reliability suite printed in this run (captured by support/captured-bot.ts).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { killAllBots } from "../e2e/support/bot-process.ts";
import { TelegramWorld } from "../e2e/support/emulator.ts";
import { freePort } from "../e2e/support/free-port.ts";
import { baseEnv } from "./support/bot-under-test.ts";
import {
  cleanOldCaptures,
  FAKE_TOKEN,
  FAKE_TOKEN_SECRET_PART,
  FAKE_WEBHOOK_SECRET,
  findSecret,
  readCaptures,
  startCapturedBot,
} from "./support/captured-bot.ts";

const SECRETS = [FAKE_TOKEN, FAKE_TOKEN_SECRET_PART, FAKE_WEBHOOK_SECRET];
let world: TelegramWorld;

beforeAll(async () => {
  cleanOldCaptures();
  world = await TelegramWorld.start(FAKE_TOKEN);
});

afterAll(async () => {
  await killAllBots();
  await world?.close();
});

async function runToExit(
  label: string,
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const bot = startCapturedBot(label, { env });
  try {
    const exit = await bot.waitForExit(30_000);
    return { code: exit.code, output: bot.output() };
  } finally {
    await bot.kill();
  }
}

describe.concurrent("configuration errors name the variable, never its value", () => {
  it.each([
    ["BOT_TOKEN", "BOT_TOKEN", "not-a-token-but-SECRETISH-value-8d7f6e"],
    ["TELEGRAM_API_ROOT", "TELEGRAM_API_ROOT", "ftp://admin:hunter2-SECRETISH@host"],
    ["PRIVACY_SECRET", "PRIVACY_SECRET", "Sh0rtSECRET"],
    ["WEBHOOK_SECRET", "WEBHOOK_SECRET", "has spaces and SECRETISH!"],
    ["RETENTION_DAYS", "RETENTION_DAYS", "ninety-SECRETISH"],
  ])(
    "a bad %s",
    async (_name, variable, value) => {
      const env: Record<string, string> = {
        ...baseEnv(world.apiRoot, "/tmp"),
        ...(variable === "WEBHOOK_SECRET"
          ? {
              BOT_MODE: "webhook",
              WEBHOOK_URL: "https://bot.example.org/hook",
              PORT: String(await freePort()),
            }
          : {}),
        [variable]: value,
      };
      const { code, output } = await runToExit(`config-${variable}`, env);
      expect(code).not.toBe(0);
      expect(output).toContain(variable);
      expect(output).not.toContain(value);
      expect(output).not.toContain("SECRETISH");
      expect(findSecret(output, SECRETS)).toBeUndefined();
    },
    60_000,
  );
});

describe("start-up failures print no secret", () => {
  it("a token Telegram rejects (401)", async () => {
    const other = "5550009999:AAHanotherFAKEtoken_rejected-by-the-api0";
    const { code, output } = await runToExit("rejected-token", {
      ...baseEnv(world.apiRoot, "/tmp"),
      BOT_TOKEN: other,
    });
    expect(code).toBe(1);
    expect(output).toMatch(/BOT_TOKEN/);
    expect(findSecret(output, [other, other.split(":")[1] ?? other])).toBeUndefined();
  }, 60_000);

  it("an API that cannot be reached (the URL with the token is in the network error)", async () => {
    const closed = `http://127.0.0.1:${await freePort()}`;
    const { code, output } = await runToExit("unreachable-api", {
      ...baseEnv(closed, "/tmp"),
      TELEGRAM_API_ROOT: closed,
    });
    expect(code).toBe(1);
    expect(output).toMatch(/reach/i);
    expect(findSecret(output, SECRETS)).toBeUndefined();
  }, 60_000);

  it("an unreachable API whose address carries credentials: only its origin is printed", async () => {
    const port = await freePort();
    const withCredentials = `http://botuser:hunter2-api-password@127.0.0.1:${port}/secret-path-7f3a`;
    const { code, output } = await runToExit("unreachable-api-credentials", {
      ...baseEnv(withCredentials, "/tmp"),
      TELEGRAM_API_ROOT: withCredentials,
    });
    expect(code).toBe(1);
    expect(output).toContain(`http://127.0.0.1:${port}`);
    for (const secret of ["hunter2-api-password", "botuser", "secret-path-7f3a"])
      expect(output).not.toContain(secret);
  }, 60_000);

  it("a failure at start-up with an error object (webhook port taken) prints no token", async () => {
    // Something else holds the port: listen fails with EADDRINUSE and the error is logged in full.
    const { createServer } = await import("node:net");
    const blocker = createServer();
    const port = await freePort();
    await new Promise<void>((resolve) => blocker.listen(port, "127.0.0.1", resolve));
    try {
      const { code, output } = await runToExit("crash-port-taken", {
        ...baseEnv(world.apiRoot, "/tmp"),
        DATABASE_PATH: ":memory:",
        BOT_MODE: "webhook",
        WEBHOOK_URL: "https://bot.example.org/hook",
        WEBHOOK_SECRET: FAKE_WEBHOOK_SECRET,
        HOST: "127.0.0.1",
        PORT: String(port),
      });
      expect(code).not.toBe(0);
      expect(output).toMatch(/EADDRINUSE/);
      expect(findSecret(output, SECRETS)).toBeUndefined();
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);

  it("with debug logging on, a normal start and stop print no secret", async () => {
    const bot = startCapturedBot("debug-logging", {
      env: { ...baseEnv(world.apiRoot, `/tmp`), LOG_LEVEL: "trace", DATABASE_PATH: ":memory:" },
    });
    await bot.waitForLog((l) => l.msg === "long polling started", 40_000);
    const chat = world.privateChat(50_001, { languageCode: "en" });
    await chat.say("Who did Kulubaev meet?");
    await chat.reply();
    const exit = await bot.stop("SIGTERM");
    expect(exit.code).toBe(0);
    expect(findSecret(bot.output(), SECRETS)).toBeUndefined();
  }, 60_000);
});

describe("everything the suite's bot processes printed in this run", () => {
  it("contains no token and no webhook secret", () => {
    const captures = readCaptures();
    expect(captures.length).toBeGreaterThan(0);
    const leaks = captures
      .map((file) => ({ file: file.name, where: findSecret(file.text, SECRETS) }))
      .filter((leak) => leak.where !== undefined);
    expect(leaks).toEqual([]);
  });
});
