// Outgoing pace, kept before Telegram has to say 429: at most one message a second per chat, 20 a
// minute per group, 30 a second in all (Telegram's published limits). A call that would break one
// waits for its turn; calls of one chat keep their order, since a chat's updates run one at a time.
// Installed as an API transformer, so every reply path (answers, help, edits) goes through it.
import type { Transformer } from "grammy";

export interface SendLimits {
  /** Least time between two messages to one chat. */
  chatIntervalMs: number;
  /** Most messages to one group (or channel) in any minute. */
  groupPerMinute: number;
  /** Most messages in any second, all chats together. */
  totalPerSecond: number;
}

export const TELEGRAM_SEND_LIMITS: SendLimits = {
  chatIntervalMs: 1000,
  groupPerMinute: 20,
  totalPerSecond: 30,
};

/** Methods that put a message in a chat (or change one): what Telegram's limits count. */
const COUNTED = /^(send(?!ChatAction)|copyMessage|forwardMessage|editMessage)/;

/** Raised in a call that was waiting for its turn when the bot began to stop. */
export class StoppingError extends Error {
  constructor() {
    super("the bot is stopping; this message was not sent");
    this.name = "StoppingError";
  }
}

export interface SendThrottle {
  transformer: Transformer;
  /** Fails every waiting call with StoppingError, and any later one. */
  stop(): void;
  /** Calls waiting for their turn. */
  readonly waiting: number;
}

function chatOf(payload: Record<string, unknown>): string | undefined {
  const id = payload.chat_id;
  return typeof id === "number" || typeof id === "string" ? String(id) : undefined;
}

/** Groups, supergroups and channels have negative ids (or an @username); private chats positive ones. */
function isGroupChat(chat: string): boolean {
  return !/^\d+$/.test(chat);
}

export function createSendThrottle(limits: SendLimits = TELEGRAM_SEND_LIMITS): SendThrottle {
  // Times are taken when Telegram has answered a message, so the next one, sent at least the interval
  // later, also arrives at least the interval later, whatever the network's delay on the way.
  /** Per chat, when Telegram answered its latest message. */
  const lastToChat = new Map<string, number>();
  /** Per group, when Telegram answered its messages of the last minute, ascending. */
  const groupSends = new Map<string, number[]>();
  /** When Telegram answered messages in the last second, all chats, ascending. */
  const lastSecond: number[] = [];
  /** Messages on their way (they count against the overall limit too). */
  let inFlight = 0;
  const sleepers = new Set<{ timer: NodeJS.Timeout; reject: (error: Error) => void }>();
  let stopped = false;

  /** Drops the times at or before `cutoff` from the front of an ascending list, in place. */
  function dropBefore(times: number[], cutoff: number): void {
    let old = 0;
    while (old < times.length && (times[old] as number) <= cutoff) old++;
    if (old > 0) times.splice(0, old);
  }

  /** When the maps were last swept of chats that have gone quiet. */
  let sweptAt = 0;

  /**
   * Forgets what no longer limits anyone. The overall list is trimmed at every call (from its front:
   * it is in time order); the per-chat maps only once a second, so a send costs the same however
   * many chats there are (sweeping them at every send cost 17 KB and a pass over every chat).
   */
  function forgetOld(now: number): void {
    dropBefore(lastSecond, now - 1000);
    if (now - sweptAt < 1000) return;
    sweptAt = now;
    for (const [chat, at] of lastToChat) if (at <= now - limits.chatIntervalMs) lastToChat.delete(chat);
    for (const [chat, times] of groupSends) {
      dropBefore(times, now - 60_000);
      if (times.length === 0) groupSends.delete(chat);
    }
  }

  /** The earliest time this chat may send again (a chat sends one message at a time: its updates run in order). */
  function chatTurn(chat: string, now: number): number {
    let at = Math.max(now, (lastToChat.get(chat) ?? Number.NEGATIVE_INFINITY) + limits.chatIntervalMs);
    if (isGroupChat(chat)) {
      const times = groupSends.get(chat);
      if (times) {
        dropBefore(times, now - 60_000);
        const blocking = times[times.length - limits.groupPerMinute];
        if (blocking !== undefined) at = Math.max(at, blocking + 60_000);
      }
    }
    return at;
  }

  function sent(chat: string | undefined): void {
    const at = Date.now();
    if (chat === undefined) return;
    lastToChat.set(chat, at);
    if (!isGroupChat(chat)) return;
    const times = groupSends.get(chat);
    if (times) times.push(at);
    else groupSends.set(chat, [at]);
  }

  function sleepUntil(at: number): Promise<void> {
    const ms = at - Date.now();
    if (ms <= 0) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const sleeper = {
        timer: setTimeout(() => {
          sleepers.delete(sleeper);
          resolve();
        }, ms),
        reject,
      };
      sleepers.add(sleeper);
    });
  }

  /** Waits for the chat's turn, then for room under the overall limit; counts the message as on its way. */
  async function turn(chat: string | undefined): Promise<void> {
    // Bounded: each pass waits for a chat's turn or for a message to leave the last second.
    for (let pass = 0; pass < 10_000; pass++) {
      if (stopped) throw new StoppingError();
      const now = Date.now();
      forgetOld(now);
      const chatAt = chat === undefined ? now : chatTurn(chat, now);
      if (chatAt > now) {
        await sleepUntil(chatAt);
        continue;
      }
      const oldest = lastSecond[0];
      if (inFlight + lastSecond.length < limits.totalPerSecond) {
        inFlight++;
        return;
      }
      await sleepUntil(oldest === undefined ? now + 10 : oldest + 1000);
    }
    throw new StoppingError();
  }

  const transformer: Transformer = async (prev, method, payload, signal) => {
    if (COUNTED.test(method)) {
      if (stopped) throw new StoppingError();
      const chat = chatOf(payload as Record<string, unknown>);
      await turn(chat);
      try {
        return await prev(method, payload, signal);
      } finally {
        inFlight--;
        lastSecond.push(Date.now());
        sent(chat);
      }
    }
    return prev(method, payload, signal);
  };

  return {
    transformer,
    stop() {
      stopped = true;
      for (const s of sleepers) {
        clearTimeout(s.timer);
        s.reject(new StoppingError());
      }
      sleepers.clear();
    },
    get waiting() {
      return sleepers.size;
    },
  };
}
