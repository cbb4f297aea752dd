// The outgoing pace, on fake timers: the throttle's own bookkeeping (what it forgets and when) must
// keep Telegram's limits exactly, per chat, per group over a sliding minute, and overall per second.
import { Bot } from "grammy";
import { afterEach, describe, expect, it, vi } from "vitest";
import { createLocalApi, localBotInfo } from "../../src/transports/local-api.ts";
import { createSendThrottle, type SendLimits } from "../../src/transports/throttle.ts";

afterEach(() => {
  vi.useRealTimers();
});

/** Three a minute per group: small, so a test reaches the group limit in a few messages. */
const SMALL_GROUPS: SendLimits = { chatIntervalMs: 1000, groupPerMinute: 3, totalPerSecond: 30 };
/** Five a second in all: reached by a handful of private chats. */
const FIVE_A_SECOND: SendLimits = { chatIntervalMs: 1000, groupPerMinute: 20, totalPerSecond: 5 };

/** On fake timers, a bot behind the throttle that notes when each message reached "Telegram", per chat. */
function pacedBot(limits: SendLimits) {
  vi.useFakeTimers();
  const botInfo = localBotInfo("PaceBot");
  const api = createLocalApi({ botInfo });
  const bot = new Bot("1:pace", { botInfo });
  const sentAt: { chat: number; at: number }[] = [];
  bot.api.config.use(async (prev, method, payload, signal) => {
    if (method === "sendMessage")
      sentAt.push({ chat: Number((payload as { chat_id: number }).chat_id), at: Date.now() });
    return api.transformer(prev, method, payload, signal);
  });
  const throttle = createSendThrottle(limits);
  bot.api.config.use(throttle.transformer);
  return { bot, throttle, sentAt };
}

/** A chat's messages go one after another, as its updates do. */
async function sendInOrder(bot: Bot, chat: number, count: number): Promise<void> {
  for (let i = 0; i < count; i++) await bot.api.sendMessage(chat, `answer ${i}`);
}

const gaps = (times: number[]) => times.slice(1).map((t, i) => t - (times[i] as number));

describe("the send throttle", () => {
  it("keeps a group to its messages per minute over a sliding window, a second apart, across minutes", async () => {
    const { bot, throttle, sentAt } = pacedBot(SMALL_GROUPS);
    const done = sendInOrder(bot, -100, 8);
    await vi.advanceTimersByTimeAsync(200_000);
    await done;
    const times = sentAt.map((s) => s.at);
    expect(times).toHaveLength(8);
    expect(Math.min(...gaps(times))).toBeGreaterThanOrEqual(1000);
    // In any minute at most 3: the 4th message waits for the 1st to leave the window, and so on.
    for (let i = 3; i < times.length; i++)
      expect((times[i] as number) - (times[i - 3] as number)).toBeGreaterThanOrEqual(60_000);
    // And it is not held back longer than the window requires.
    expect((times[3] as number) - (times[0] as number)).toBeLessThan(61_000);
    throttle.stop();
  });

  it("counts a group's minute from its messages, also for one that comes while the minute is not over", async () => {
    const { bot, throttle, sentAt } = pacedBot(SMALL_GROUPS);
    await sendInOrder(bot, -100, 1);
    const first = Date.now();
    const rest = sendInOrder(bot, -100, 2);
    await vi.advanceTimersByTimeAsync(40_000);
    await rest;
    // Forty seconds on, three messages are still within the minute: the fourth waits for the first's.
    const fourth = bot.api.sendMessage(-100, "fourth");
    await vi.advanceTimersByTimeAsync(30_000);
    await fourth;
    expect(sentAt).toHaveLength(4);
    expect((sentAt[3]?.at ?? 0) - first).toBeGreaterThanOrEqual(60_000);
    throttle.stop();
  });

  it("holds a message that comes within a second of the overall limit being reached", async () => {
    const { bot, throttle, sentAt } = pacedBot(FIVE_A_SECOND);
    const start = Date.now();
    await Promise.all([1, 2, 3, 4, 5].map((chat) => bot.api.sendMessage(chat, "now")));
    await vi.advanceTimersByTimeAsync(600);
    const late = bot.api.sendMessage(6, "600 ms later");
    await vi.advanceTimersByTimeAsync(2000);
    await late;
    expect((sentAt[5]?.at ?? 0) - start).toBeGreaterThanOrEqual(1000);
    throttle.stop();
  });

  it("lets private chats go a second apart each, with at most the overall limit in any second", async () => {
    const { bot, throttle, sentAt } = pacedBot(FIVE_A_SECOND);
    const chats = Array.from({ length: 8 }, (_, i) => 1000 + i);
    const done = Promise.all(chats.map((chat) => sendInOrder(bot, chat, 4)));
    await vi.advanceTimersByTimeAsync(60_000);
    await done;
    expect(sentAt).toHaveLength(32);
    for (const chat of chats)
      expect(
        Math.min(...gaps(sentAt.filter((s) => s.chat === chat).map((s) => s.at))),
      ).toBeGreaterThanOrEqual(1000);
    const all = sentAt.map((s) => s.at).sort((a, b) => a - b);
    for (let i = 5; i < all.length; i++)
      expect((all[i] as number) - (all[i - 5] as number)).toBeGreaterThanOrEqual(1000);
    throttle.stop();
  });
});
