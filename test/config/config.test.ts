import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { CONFIG_VARIABLES, ConfigError, loadConfig, parseConfig } from "../../src/config.ts";

const TOKEN = "123456789:AAHsecretPartOfTheToken_abc-DEF";
const WEBHOOK = {
  BOT_TOKEN: TOKEN,
  BOT_MODE: "webhook",
  WEBHOOK_URL: "https://bot.example.org/telegram/hook",
  WEBHOOK_SECRET: "s3cret_Value-1",
};

function problems(env: Record<string, string>): { variable: string; reason: string }[] {
  try {
    parseConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error("expected a ConfigError");
}

describe("parseConfig", () => {
  it("defaults to long polling, info logs, 90 days and data/bot.sqlite", () => {
    expect(parseConfig({})).toEqual({
      botToken: undefined,
      apiRoot: undefined,
      logLevel: "info",
      adminIds: [],
      databasePath: "data/bot.sqlite",
      databaseUrl: undefined,
      retentionDays: 90,
      conversationSeconds: 900,
      sendLimits: { chatIntervalMs: 1000, groupPerMinute: 20, totalPerSecond: 30 },
      privacySecret: undefined,
      transport: { mode: "polling" },
    });
  });

  it("reads a webhook setup, taking the path from WEBHOOK_URL", () => {
    const config = parseConfig({ ...WEBHOOK, PORT: "3000", HOST: "127.0.0.1", ADMIN_IDS: "12, 34" });
    expect(config.transport).toEqual({
      mode: "webhook",
      url: WEBHOOK.WEBHOOK_URL,
      path: "/telegram/hook",
      secret: WEBHOOK.WEBHOOK_SECRET,
      host: "127.0.0.1",
      port: 3000,
      maxBodyBytes: 262_144,
    });
    expect(config.adminIds).toEqual([12, 34]);
  });

  it("treats empty variables as unset, as in a fresh copy of .env.example", () => {
    expect(parseConfig({ BOT_TOKEN: "", TELEGRAM_API_ROOT: " ", ADMIN_IDS: "" }).botToken).toBeUndefined();
  });

  it("strips a trailing slash from TELEGRAM_API_ROOT", () => {
    expect(parseConfig({ TELEGRAM_API_ROOT: "http://127.0.0.1:8081/" }).apiRoot).toBe(
      "http://127.0.0.1:8081",
    );
  });

  it("refuses webhook mode without WEBHOOK_URL and WEBHOOK_SECRET", () => {
    expect(problems({ BOT_TOKEN: TOKEN, BOT_MODE: "webhook" }).map((p) => p.variable)).toEqual([
      "WEBHOOK_URL",
      "WEBHOOK_SECRET",
    ]);
  });

  it("refuses webhook mode without a token", () => {
    const { BOT_TOKEN: _, ...noToken } = WEBHOOK;
    expect(problems(noToken).map((p) => p.variable)).toEqual(["BOT_TOKEN"]);
  });

  it.each([
    ["BOT_TOKEN", { BOT_TOKEN: "not-a-token" }],
    ["BOT_MODE", { BOT_MODE: "websocket" }],
    ["LOG_LEVEL", { LOG_LEVEL: "loud" }],
    ["ADMIN_IDS", { ADMIN_IDS: "12,alice" }],
    ["RETENTION_DAYS", { RETENTION_DAYS: "99999" }],
    ["TELEGRAM_API_ROOT", { TELEGRAM_API_ROOT: "ftp://example.org" }],
    ["PRIVACY_SECRET", { PRIVACY_SECRET: "short" }],
    ["DATABASE_URL", { DATABASE_URL: "mysql://db.example.org/bot", PRIVACY_SECRET: "0123456789abcdef" }],
    ["WEBHOOK_URL", { ...WEBHOOK, WEBHOOK_URL: "http://bot.example.org/hook" }],
    ["WEBHOOK_SECRET", { ...WEBHOOK, WEBHOOK_SECRET: "has spaces in it" }],
    ["PORT", { ...WEBHOOK, PORT: "70000" }],
    ["MAX_WEBHOOK_BODY_BYTES", { ...WEBHOOK, MAX_WEBHOOK_BODY_BYTES: "lots" }],
  ])("names %s when it is wrong, without echoing the value", (variable, env) => {
    const found = problems(env as Record<string, string>);
    expect(found.map((p) => p.variable)).toEqual([variable]);
    const value = (env as Record<string, string>)[variable] ?? "";
    expect(found[0]?.reason).not.toContain(value);
  });

  it("requires PRIVACY_SECRET with DATABASE_URL: every instance must hash ids alike", () => {
    const found = problems({ DATABASE_URL: "postgres://bot:pw@127.0.0.1:5432/bot" });
    expect(found.map((p) => p.variable)).toEqual(["PRIVACY_SECRET"]);
    const url = "postgres://bot:pw@127.0.0.1:5432/bot";
    expect(parseConfig({ DATABASE_URL: url, PRIVACY_SECRET: "0123456789abcdef" }).databaseUrl).toBe(url);
  });

  it("lists every bad variable at once, and the message never contains a secret", () => {
    const env = { BOT_TOKEN: "bad token value", BOT_MODE: "webhook", WEBHOOK_SECRET: "x y", LOG_LEVEL: "??" };
    let message = "";
    try {
      parseConfig(env);
    } catch (error) {
      message = (error as Error).message;
    }
    for (const variable of ["BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET", "LOG_LEVEL"]) {
      expect(message).toContain(`- ${variable}:`);
    }
    expect(message).not.toContain("bad token value");
    expect(message).not.toContain("x y");
  });
});

describe("loadConfig", () => {
  it("reads ENV_FILE (default .env) and lets the environment win over it", () => {
    const dir = mkdtempSync(join(tmpdir(), "config-test-"));
    const file = join(dir, ".env");
    writeFileSync(file, `# comment\nBOT_TOKEN=${TOKEN}\nLOG_LEVEL=debug\nRETENTION_DAYS=30\n`);
    const config = loadConfig({ ENV_FILE: file, LOG_LEVEL: "warn" });
    expect(config.botToken).toBe(TOKEN);
    expect(config.logLevel).toBe("warn");
    expect(config.retentionDays).toBe(30);
  });

  it("works without any env file", () => {
    expect(loadConfig({ ENV_FILE: "/nonexistent/.env" }).transport.mode).toBe("polling");
  });
});

describe(".env.example", () => {
  const example = new URL("../../.env.example", import.meta.url).pathname;

  it("documents every variable the bot reads", () => {
    const text = readFileSync(example, "utf8");
    for (const variable of CONFIG_VARIABLES) expect(text).toMatch(new RegExp(`^${variable}=`, "m"));
  });

  it("is a valid configuration as it is: no token, so the terminal chat", () => {
    const config = loadConfig({ ENV_FILE: example });
    expect(config.botToken).toBeUndefined();
    expect(config.transport.mode).toBe("polling");
  });
});
