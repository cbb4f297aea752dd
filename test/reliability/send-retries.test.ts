// A reply Telegram refuses for a while (a long flood wait, a server error that lasts) is retried
// until it goes through, within about a quarter of an hour, rather than given up and lost. Run on
// fake timers: the waits are Telegram's, not the test's.
import { Bot } from "grammy";
import pino from "pino";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLocalApi, localBotInfo } from "../../src/transports/local-api.ts";
import { installSendPath } from "../../src/transports/send-path.ts";
import { createSendThrottle } from "../../src/transports/throttle.ts";

afterEach(() => {
  vi.useRealTimers();
});

/** A bot whose sendMessage fails with `failure` for the first `times` attempts. */
function failingBot(
  times: number,
  failure: { error_code: number; description: string; parameters?: object },
) {
  const botInfo = localBotInfo("RetriesBot");
  const api = createLocalApi({ botInfo });
  const bot = new Bot("1:retries", { botInfo });
  let failed = 0;
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method === "sendMessage" && failed < times) {
      failed++;
      // biome-ignore lint/suspicious/noExplicitAny: a refusal is a valid answer to any method.
      return { ok: false, ...failure } as any;
    }
    return api.transformer(prev, method, payload, signal);
  });
  const throttle = createSendThrottle();
  installSendPath(bot, { throttle, logger: pino({ level: "silent" }) });
  return { bot, attempts: () => failed, throttle };
}

describe("replies Telegram refuses for a while", () => {
  it("a flood wait of five minutes is waited out, and the reply is sent", async () => {
    vi.useFakeTimers();
    const { bot, throttle } = failingBot(1, {
      error_code: 429,
      description: "Too Many Requests: retry after 300",
      parameters: { retry_after: 300 },
    });
    const sent = bot.api.sendMessage(-100, "answer");
    await vi.advanceTimersByTimeAsync(301_000);
    await expect(sent).resolves.toMatchObject({ text: "answer" });
    throttle.stop();
  });

  it("server errors for ten minutes are retried with back-off, and the reply is sent once", async () => {
    vi.useFakeTimers();
    // 3 + 6 + 12 + 24 + 48 + 96 + 192 s of back-off: seven failures over about six and a half minutes.
    const { bot, attempts, throttle } = failingBot(7, { error_code: 502, description: "Bad Gateway" });
    const sent = bot.api.sendMessage(1, "answer");
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    await expect(sent).resolves.toMatchObject({ text: "answer" });
    expect(attempts()).toBe(7);
    throttle.stop();
  });
});
