import { GrammyError, HttpError } from "grammy";
import { describe, expect, it } from "vitest";
import { createLogger, makeScrubber } from "../../src/logger.ts";

const TOKEN = "987654321:AAFakeButRealisticTokenValue_xyz-0123";

function capture(level: "info" | "debug" = "info", secrets: string[] = [TOKEN]) {
  const lines: string[] = [];
  const logger = createLogger(level, { secrets, write: (line) => lines.push(line) });
  return { logger, text: () => lines.join(""), records: () => lines.map((l) => JSON.parse(l)) };
}

describe("createLogger", () => {
  it("writes one JSON object per line with level, time and message", () => {
    const { logger, records } = capture();
    logger.info({ updateType: "message" }, "update handled");
    const [record] = records();
    expect(record).toMatchObject({ level: 30, msg: "update handled", updateType: "message" });
    expect(typeof record.time).toBe("string");
  });

  it("keeps the token out of messages, fields, error messages and stacks", () => {
    const { logger, text } = capture();
    logger.info(`calling https://api.telegram.org/bot${TOKEN}/getMe`);
    logger.warn({ url: `https://api.telegram.org/bot${encodeURIComponent(TOKEN)}/sendMessage` }, "retrying");
    const cause = new Error(
      `request to https://api.telegram.org/bot${TOKEN}/getUpdates failed, reason: ECONNRESET`,
    );
    logger.error({ err: new HttpError("Network request for 'getUpdates' failed!", cause) }, "polling");
    logger.error({ err: cause }, "raw fetch error");
    expect(text()).not.toContain(TOKEN);
    expect(text()).not.toContain("AAFakeButRealisticTokenValue");
    expect(text()).toContain("[redacted]");
  });

  it("scrubs token-shaped text even when the token was not given to it", () => {
    const { logger, text } = capture("info", []);
    logger.info({ detail: `see /bot${TOKEN}/getMe` }, `token ${TOKEN}`);
    expect(text()).not.toContain("AAFakeButRealisticTokenValue");
  });

  it("drops fields named like secrets, whatever they hold", () => {
    const { logger, records } = capture();
    logger.info({ token: "abc", config: { secret: "webhook-secret-value" } }, "config");
    const [record] = records();
    expect(record.token).toBe("[redacted]");
    expect(record.config.secret).toBe("[redacted]");
    logger.info({ req: { headers: { "x-telegram-bot-api-secret-token": "hdr-secret" } } }, "request");
    expect(JSON.stringify(records()[1])).not.toContain("hdr-secret");
  });

  it("respects the level: debug lines are not written at info", () => {
    const { logger, text } = capture("info");
    logger.debug({ text: "what the user wrote" }, "incoming text");
    expect(text()).toBe("");
  });

  it("logs Telegram errors usefully", () => {
    const { logger, records } = capture();
    const error = new GrammyError(
      "Call to 'sendMessage' failed!",
      { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" },
      "sendMessage",
      {},
    );
    logger.warn({ err: error }, "send failed");
    expect(JSON.stringify(records()[0])).toContain("bot was blocked by the user");
  });
});

describe("makeScrubber", () => {
  it("leaves ordinary text alone", () => {
    const scrub = makeScrubber([TOKEN]);
    const text = "Kyrgyzstan: 23 March 2023, footnote 1 (https://kg.akipress.org/news:1887287/)";
    expect(scrub(text)).toBe(text);
  });

  it("ignores empty or very short secrets instead of scrubbing every letter", () => {
    const scrub = makeScrubber(["", "a", undefined]);
    expect(scrub("a banana")).toBe("a banana");
  });
});
