// Several webhook instances share update claims; an update whose reply has left is never answered
// again by the instance that takes over after its owner died. So "the reply has left" must be true
// when marked: a reply still waiting its turn in the send throttle has not left, and if it were
// marked then, a crash would lose it (seen once: 1 of 400 updates never answered after a kill). And
// "accepted" is marked only once Telegram has accepted the reply.
import { Bot } from "grammy";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createLocalApi, localBotInfo } from "../../src/transports/local-api.ts";
import { createReplyMarks } from "../../src/transports/reply-marks.ts";
import { installSendPath } from "../../src/transports/send-path.ts";
import { createSendThrottle } from "../../src/transports/throttle.ts";

describe("the 'reply has left' mark of shared update claims", () => {
  it("is taken when a reply goes out, not while it waits for its turn in the throttle", async () => {
    const botInfo = localBotInfo("MarksBot");
    const events: string[] = [];
    const api = createLocalApi({ botInfo });
    const bot = new Bot("1:marks", { botInfo });
    // The local API plays the network: installed first, it is what the send path's calls reach.
    bot.api.config.use(async (prev, method, payload, signal) => {
      if (method === "sendMessage") events.push(`sent ${String((payload as { chat_id: number }).chat_id)}`);
      return api.transformer(prev, method, payload, signal);
    });
    const replyMarks = createReplyMarks({
      sending: async (updateId) => {
        events.push(`marked ${updateId}`);
      },
      sent: (updateId) => events.push(`accepted ${updateId}`),
    });
    // Three messages a second in all: the third and later replies wait for their turn.
    const throttle = createSendThrottle({ chatIntervalMs: 0, groupPerMinute: 20, totalPerSecond: 2 });
    installSendPath(bot, { throttle, logger: pino({ level: "silent" }), replyMarks });

    await Promise.all([1, 2, 3, 4].map((n) => replyMarks.run(n, () => bot.api.sendMessage(n, `reply ${n}`))));

    expect(events).toHaveLength(12);
    // Each update is marked right before its own message goes out, never ahead of waiting ones.
    for (let n = 1; n <= 4; n++) {
      const marked = events.indexOf(`marked ${n}`);
      const sent = events.indexOf(`sent ${n}`);
      expect(marked).toBeGreaterThanOrEqual(0);
      expect(sent).toBeGreaterThan(marked);
      expect(events.indexOf(`accepted ${n}`)).toBeGreaterThan(sent);
      const sentBefore = events.slice(0, marked).filter((e) => e.startsWith("sent")).length;
      const markedBefore = events.slice(0, marked).filter((e) => e.startsWith("marked")).length;
      // At most the two that may be on their way at once are marked and not yet sent.
      expect(markedBefore - sentBefore).toBeLessThan(2);
    }
    throttle.stop();
  });

  it("marks an update once, however many calls its reply takes; never for get* calls, nor accepted when refused", async () => {
    const botInfo = localBotInfo("MarksBot");
    const api = createLocalApi({ botInfo });
    const bot = new Bot("1:marks", { botInfo });
    bot.api.config.use(api.transformer);
    const marks: string[] = [];
    const replyMarks = createReplyMarks({
      sending: async (updateId) => {
        marks.push(`sending ${updateId}`);
      },
      sent: (updateId) => marks.push(`sent ${updateId}`),
    });
    const throttle = createSendThrottle({ chatIntervalMs: 0, groupPerMinute: 20, totalPerSecond: 30 });
    installSendPath(bot, { throttle, logger: pino({ level: "silent" }), replyMarks });
    await replyMarks.run(7, () => bot.api.getMe());
    expect(marks).toEqual([]);
    await replyMarks.run(7, async () => {
      await bot.api.sendMessage(1, "one");
      await bot.api.sendMessage(1, "two");
    });
    expect(marks).toEqual(["sending 7", "sent 7"]);
    // A call Telegram refuses is not an accepted reply.
    await replyMarks.run(8, () => bot.api.sendMessage(1, "").catch(() => undefined));
    expect(marks).toEqual(["sending 7", "sent 7", "sending 8"]);
    throttle.stop();
  });
});
