// Bot API faults, injected one at a time by the shim in front of the emulator, against the real bot
// process: every question is still answered exactly once, a failing chat never holds up the others,
// the process keeps running, and the log says what happened (without the token).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { TestChat } from "../e2e/support/emulator.ts";
import { type RecordedCall, telegramError } from "../e2e/support/shim.ts";
import { type BotUnderTest, startBotUnderTest } from "./support/bot-under-test.ts";
import { FAKE_TOKEN, FAKE_TOKEN_SECRET_PART, findSecret } from "./support/captured-bot.ts";

const QUESTION = "Who did Kulubaev meet on 23 March 2023?";
let t: BotUnderTest;
let nextChat = 20_000;
/** Button presses per chat: each may bring one message too (they are not user messages). */
const presses = new Map<string, number>();

function privateChat(): TestChat {
  const id = nextChat++;
  return t.world.privateChat(id, { languageCode: "en" });
}

/** Successful sendMessage calls to a chat, i.e. messages the person actually got. */
function delivered(chatId: number): RecordedCall[] {
  return t.world.shim.calls.filter(
    (c) => c.method === "sendMessage" && c.status === 200 && String(c.payload.chat_id) === String(chatId),
  );
}

/**
 * Waits until the shim has recorded a delivered message to the chat. (The emulator stores a message a
 * moment before the shim records the call, so reading the emulator alone would race the record.)
 */
async function answered(chat: TestChat, timeoutMs = 10_000): Promise<RecordedCall> {
  return t.world.shim.waitForCall(
    (c) => c.method === "sendMessage" && c.status === 200 && String(c.payload.chat_id) === String(chat.id),
    timeoutMs,
  );
}

function attempts(chatId: number): RecordedCall[] {
  return t.world.shim.calls.filter(
    (c) => c.method === "sendMessage" && String(c.payload.chat_id) === String(chatId),
  );
}

function faulted(method: string, status: number): Promise<RecordedCall> {
  return t.world.shim.waitForCall((c) => c.method === method && c.problems[0] === `fault ${status}`, 10_000);
}

function dropped(method: string): Promise<RecordedCall> {
  return t.world.shim.waitForCall((c) => c.method === method && c.problems[0] === "dropped by fault", 10_000);
}

/** A warning in the bot's log about this method and error (code or network failure). */
function loggedTrouble(method: string, code: number | "network"): boolean {
  return t.bot
    .logs()
    .some(
      (l) =>
        l.level >= 40 &&
        l.method === method &&
        (code === "network" ? l.code === undefined || l.code === "network" : l.code === code),
    );
}

beforeAll(async () => {
  t = await startBotUnderTest("api-faults", {}, { holdProxy: true });
}, 60_000);

afterAll(async () => {
  await t?.close();
});

describe("Bot API faults", () => {
  it("429 on sendMessage: waits retry_after, answers once, other chats are not held up", async () => {
    const a = privateChat();
    const b = privateChat();
    t.world.shim.fail({ method: "sendMessage", status: 429, body: telegramError.tooManyRequests(1) });
    await a.say(QUESTION);
    const limited = await faulted("sendMessage", 429);
    await b.say(QUESTION);
    await answered(b);
    await answered(a, 10_000);
    const [aOk] = delivered(a.id);
    const [bOk] = delivered(b.id);
    expect(delivered(a.id)).toHaveLength(1);
    expect(delivered(b.id)).toHaveLength(1);
    // B went through while A was waiting out its rate limit; A retried only after retry_after.
    expect(bOk?.at).toBeLessThan(aOk?.at ?? 0);
    expect((aOk?.at ?? 0) - limited.at).toBeGreaterThanOrEqual(950);
    expect(loggedTrouble("sendMessage", 429)).toBe(true);
  });

  it("429 on getUpdates: polling pauses retry_after, then every question is answered once", async () => {
    const c = privateChat();
    const d = privateChat();
    t.world.shim.fail({ method: "getUpdates", status: 429, body: telegramError.tooManyRequests(1) });
    // The held poll returns this question; the next poll is the one refused.
    await c.say(QUESTION);
    await answered(c);
    const limited = await faulted("getUpdates", 429);
    await d.say(QUESTION);
    await answered(d, 10_000);
    expect(delivered(c.id)).toHaveLength(1);
    expect(delivered(d.id)).toHaveLength(1);
    expect((delivered(d.id)[0]?.at ?? 0) - limited.at).toBeGreaterThanOrEqual(950);
    expect(loggedTrouble("getUpdates", 429)).toBe(true);
  });

  it("500 on sendMessage: retried after a back-off, answered once", async () => {
    const e = privateChat();
    t.world.shim.fail({ method: "sendMessage", status: 500, body: telegramError.internal() });
    await e.say(QUESTION);
    await answered(e, 15_000);
    expect(attempts(e.id).map((c) => c.status)).toEqual([500, 200]);
    expect(loggedTrouble("sendMessage", 500)).toBe(true);
  }, 30_000);

  it("502 on getUpdates: polling resumes, nothing lost", async () => {
    const f = privateChat();
    t.world.shim.fail({ method: "getUpdates", status: 502, body: telegramError.badGateway() });
    const warm = privateChat();
    await warm.say(QUESTION);
    await answered(warm);
    await faulted("getUpdates", 502);
    await f.say(QUESTION);
    await answered(f, 15_000);
    expect(delivered(f.id)).toHaveLength(1);
    expect(delivered(warm.id)).toHaveLength(1);
    expect(loggedTrouble("getUpdates", 502)).toBe(true);
  }, 30_000);

  it("dropped connection on sendMessage: retried, answered once", async () => {
    const g = privateChat();
    t.world.shim.fail({ method: "sendMessage", drop: true });
    await g.say(QUESTION);
    await dropped("sendMessage");
    await answered(g, 15_000);
    expect(attempts(g.id).map((c) => c.status)).toEqual([0, 200]);
    expect(loggedTrouble("sendMessage", "network")).toBe(true);
  }, 30_000);

  it("dropped connection on getUpdates: polling resumes, nothing lost", async () => {
    const h = privateChat();
    t.world.shim.fail({ method: "getUpdates", drop: true });
    const warm = privateChat();
    await warm.say(QUESTION);
    await answered(warm);
    await dropped("getUpdates");
    await h.say(QUESTION);
    await answered(h, 15_000);
    expect(delivered(h.id)).toHaveLength(1);
    expect(loggedTrouble("getUpdates", "network")).toBe(true);
  }, 30_000);

  it("slow sendMessage in one chat does not hold up another", async () => {
    const slow = privateChat();
    const quick = privateChat();
    const hold = t.proxy?.hold(
      (method, p) => method === "sendMessage" && String(p.chat_id) === String(slow.id),
    );
    if (!hold) throw new Error("started without the hold proxy");
    await slow.say(QUESTION);
    await hold.arrived;
    // The slow chat's reply is stuck on its way to Telegram; another chat is answered meanwhile.
    await quick.say(QUESTION);
    await answered(quick);
    expect(delivered(slow.id)).toEqual([]);
    hold.release();
    await answered(slow);
    expect(delivered(slow.id)).toHaveLength(1);
    expect(delivered(quick.id)).toHaveLength(1);
  });

  it("a slow chat does not hold up the next question in the same chat forever", async () => {
    const chat = privateChat();
    const hold = t.proxy?.hold(
      (method, p) => method === "sendMessage" && String(p.chat_id) === String(chat.id),
    );
    if (!hold) throw new Error("started without the hold proxy");
    await chat.say(QUESTION);
    await hold.arrived;
    await chat.say("What did Kyrgyzstan get from Japan?");
    hold.release();
    // Both answered, once each, in the order asked (one chat's updates are handled one after another).
    await t.world.shim.waitForCall(() => delivered(chat.id).length >= 2, 10_000);
    const texts = delivered(chat.id).map((c) => String(c.payload.text));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toContain("Kulubaev");
  });

  it("403 blocked by the user: no retry, logged as routine, the next chat is answered", async () => {
    const blocked = privateChat();
    const next = privateChat();
    t.world.shim.fail({ method: "sendMessage", status: 403, body: telegramError.blocked() });
    await blocked.say(QUESTION);
    await faulted("sendMessage", 403);
    await next.say(QUESTION);
    await answered(next);
    expect(attempts(blocked.id).map((c) => c.status)).toEqual([403]);
    expect(delivered(next.id)).toHaveLength(1);
    expect(t.bot.logs().some((l) => l.code === 403 && l.level === 30)).toBe(true);
  });

  it("403 kicked from a group: no retry, the group's next message does not crash anything", async () => {
    const group = t.world.group(-100_777_001, 20_999);
    const other = privateChat();
    t.world.shim.fail({ method: "sendMessage", status: 403, body: telegramError.kicked() });
    await group.say(`/ask ${QUESTION}`);
    await faulted("sendMessage", 403);
    await other.say(QUESTION);
    await answered(other);
    expect(attempts(group.id).map((c) => c.status)).toEqual([403]);
    expect(delivered(other.id)).toHaveLength(1);
  });

  it("400 on one message: that chat is told something went wrong, the others are answered", async () => {
    const bad = privateChat();
    const good = privateChat();
    t.world.shim.fail({
      method: "sendMessage",
      status: 400,
      body: telegramError.badRequest("can't parse entities: unsupported start tag"),
    });
    await bad.say(QUESTION);
    await faulted("sendMessage", 400);
    await good.say(QUESTION);
    await answered(good);
    const apology = await answered(bad);
    expect(String(apology.payload.text)).not.toContain("Kulubaev");
    expect(delivered(bad.id)).toHaveLength(1);
    expect(delivered(good.id)).toHaveLength(1);
    expect(t.bot.logs().some((l) => l.level >= 50 && l.code === 400 && l.method === "sendMessage")).toBe(
      true,
    );
  });

  it("a button whose answer fails (400): the person is still told, though Telegram refuses a second callback answer", async () => {
    const chat = privateChat();
    await chat.say(QUESTION);
    await answered(chat);
    const [answer] = chat.history();
    const button = answer?.buttons.flat().find((b) => b.callback_data?.startsWith("q:"));
    if (!answer || !button) throw new Error("the answer has no question buttons");
    const proxy = t.proxy;
    if (!proxy) throw new Error("started without the hold proxy");
    // Hold the answer on its way out; meanwhile arm what Telegram would say next: this send fails,
    // and the press, already answered, cannot be answered again.
    const hold = proxy.hold((method, p) => method === "sendMessage" && String(p.chat_id) === String(chat.id));
    const before = delivered(chat.id).length;
    await chat.press(answer, button.text);
    presses.set(String(chat.id), 1);
    await hold.arrived;
    t.world.shim.fail({
      method: "sendMessage",
      status: 400,
      body: telegramError.badRequest("message is too long"),
    });
    t.world.shim.fail({
      method: "answerCallbackQuery",
      status: 400,
      body: telegramError.badRequest("query is too old and response timeout expired or query ID is invalid"),
    });
    hold.release();
    await t.world.shim.waitForCall(() => delivered(chat.id).length > before, 10_000);
    expect(t.bot.child.exitCode).toBeNull();
  });

  it("afterwards: still running, every chat answered at most once, no token in the output", async () => {
    // One more question as a barrier: every earlier update was fetched before it.
    const last = privateChat();
    await last.say(QUESTION);
    await answered(last);
    expect(t.bot.child.exitCode).toBeNull();
    // No chat got more replies than it asked questions (the same-chat test asked two).
    const perChat = new Map<string, number>();
    for (const c of t.world.shim.calls) {
      if (c.method !== "sendMessage" || c.status !== 200) continue;
      perChat.set(String(c.payload.chat_id), (perChat.get(String(c.payload.chat_id)) ?? 0) + 1);
    }
    const asked = new Map<string, number>();
    for (const m of t.world.server.storage.userMessages) {
      // Button presses are stored here too, without a message: they are counted in `presses`.
      const chat = (m.message as { chat?: { id: number } } | undefined)?.chat;
      if (!chat) continue;
      const chatId = String(chat.id);
      asked.set(chatId, (asked.get(chatId) ?? 0) + 1);
    }
    for (const [chatId, n] of perChat) {
      expect(n, `chat ${chatId}`).toBeLessThanOrEqual((asked.get(chatId) ?? 0) + (presses.get(chatId) ?? 0));
    }
    expect(t.bot.stderrText).not.toMatch(/unhandled|uncaught/i);
    expect(findSecret(t.bot.output(), [FAKE_TOKEN, FAKE_TOKEN_SECRET_PART])).toBeUndefined();
  });
});
