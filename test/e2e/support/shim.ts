// A loopback Bot API in front of telegram-test-api that behaves more like Telegram where our tests need
// it: real long polling with offsets (updates stay until confirmed, 409 when a second poller or a
// webhook is active), the methods the emulator lacks, Telegram's 400s for bad text and buttons, a
// record of every call, one-shot faults, and updates the emulator cannot make (inline queries…).
import { EventEmitter } from "node:events";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Chat, Update, UserFromGetMe } from "grammy/types";
import { checkOutgoingCall } from "../../reliability/support/telegram-html.ts";

export interface RecordedCall {
  method: string;
  payload: Record<string, unknown>;
  /** HTTP status the bot got. */
  status: number;
  /** Why the shim refused the call as Telegram would (empty when accepted). */
  problems: string[];
  at: number;
}

export interface Fault {
  method: string;
  /** Reply with this status and body instead of serving the call. */
  status?: number;
  body?: unknown;
  /** Close the socket without answering. */
  drop?: boolean;
  /** Wait this long first (alone: a slow but successful answer). */
  delayMs?: number;
  /** How many calls it hits (default 1). */
  times?: number;
}

/** Telegram-shaped error bodies for faults. */
export const telegramError = {
  tooManyRequests: (seconds: number) => ({
    ok: false,
    error_code: 429,
    description: `Too Many Requests: retry after ${seconds}`,
    parameters: { retry_after: seconds },
  }),
  blocked: () => ({ ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }),
  kicked: () => ({
    ok: false,
    error_code: 403,
    description: "Forbidden: bot was kicked from the group chat",
  }),
  internal: () => ({ ok: false, error_code: 500, description: "Internal Server Error" }),
  badGateway: () => ({ ok: false, error_code: 502, description: "Bad Gateway" }),
  badRequest: (why: string) => ({ ok: false, error_code: 400, description: `Bad Request: ${why}` }),
};

/** What the shim needs from telegram-test-api: its events and the bot messages it stored. */
export interface EmulatorView extends EventEmitter {
  storage: { botMessages: { messageId: number; message: Record<string, unknown> }[] };
}

export interface ShimOptions {
  /** The emulator's base URL, e.g. http://127.0.0.1:9000. */
  upstream: string;
  /** The one token this Bot API knows; any other gets 401, as a revoked token would. */
  token: string;
  emulator?: EmulatorView;
  bot?: UserFromGetMe;
  /** Upper bound for holding a long poll, whatever timeout the bot asks for. */
  maxHoldMs?: number;
}

export const DEFAULT_TEST_BOT: UserFromGetMe = {
  id: 666,
  is_bot: true,
  first_name: "Kyrgyz Article Bot",
  username: "KgArticleTestBot",
  can_join_groups: true,
  can_read_all_group_messages: false,
  supports_inline_queries: true,
  can_connect_to_business: false,
  has_main_web_app: false,
  has_topics_enabled: false,
  allows_users_to_create_topics: false,
  can_manage_bots: false,
  supports_join_request_queries: false,
};

/** Methods that only change settings Telegram keeps for the bot: accepted and recorded. */
const SETTINGS_METHODS = new Set([
  "setMyCommands",
  "deleteMyCommands",
  "setMyDescription",
  "setMyShortDescription",
  "setMyName",
  "setChatMenuButton",
  "setMyDefaultAdministratorRights",
  "sendChatAction",
  "setMessageReaction",
  "pinChatMessage",
  "unpinChatMessage",
  "answerInlineQuery",
  "answerCallbackQuery",
]);

const CONFLICT_POLL =
  "Conflict: terminated by other getUpdates request; make sure that only one bot instance is running";
const CONFLICT_WEBHOOK =
  "Conflict: can't use getUpdates method while webhook is active; use deleteWebhook to delete the webhook first";

type Json = Record<string, unknown>;

interface HeldPoll {
  res: ServerResponse;
  answer: (status: number, body: unknown) => void;
}

interface Webhook {
  url: string;
  secret?: string;
  allowedUpdates?: string[];
}

function updateType(update: Update): string {
  return Object.keys(update).find((key) => key !== "update_id") ?? "unknown";
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

export class BotApiShim extends EventEmitter {
  readonly calls: RecordedCall[] = [];
  /** Every update handed to the bot by getUpdates (again if it was handed out again). */
  readonly delivered: Update[] = [];
  /** update_id → when getUpdates first handed it to the bot (ms, Date.now()). */
  readonly deliveredAt = new Map<number, number>();
  /** chat id → user ids that getChatMember reports as administrators. */
  readonly admins = new Map<number, Set<number>>();
  /** Commands per `scope|language_code`, as setMyCommands left them. */
  readonly commands = new Map<string, unknown>();
  webhook: Webhook | undefined;
  pollCount = 0;
  /** When set, sends beyond these limits get Telegram's 429, as Telegram's flood control does. */
  sendLimits: { chatIntervalMs: number; groupPerMinute: number; totalPerSecond: number } | undefined;
  private readonly sendTimes = new Map<string, number[]>();
  private allSendTimes: number[] = [];

  private readonly bot: UserFromGetMe;
  private readonly maxHoldMs: number;
  private readonly faults: Fault[] = [];
  /** Updates not yet confirmed by an offset, oldest first, numbered by the shim. */
  private readonly pending: Update[] = [];
  private readonly chats = new Map<number, Chat>();
  private allowedUpdates: string[] | undefined;
  private nextUpdateId = 100_000;
  private held: HeldPoll | undefined;
  private wakeGeneration = 0;
  private readonly sleepers = new Set<() => void>();
  private server: Server | undefined;
  private baseUrl = "";

  constructor(private readonly options: ShimOptions) {
    super();
    this.bot = options.bot ?? DEFAULT_TEST_BOT;
    this.maxHoldMs = options.maxHoldMs ?? 10_000;
    for (const event of ["AddedUserMessage", "AddedUserCommand", "AddedUserCallbackQuery"]) {
      options.emulator?.on(event, () => this.wake());
    }
  }

  get url(): string {
    return this.baseUrl;
  }

  get me(): UserFromGetMe {
    return this.bot;
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => {
      this.route(req, res).catch((error: unknown) => {
        this.reply(res, 502, { ok: false, error_code: 502, description: `shim: ${String(error)}` });
      });
    });
    await new Promise<void>((resolve) => this.server?.listen(port, "127.0.0.1", resolve));
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async close(): Promise<void> {
    this.held?.answer(200, { ok: true, result: [] });
    this.wake();
    const server = this.server;
    if (!server) return;
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  }

  /** Queues an update Telegram would send (inline_query, channel_post…); returns its update_id. */
  inject(update: Omit<Update, "update_id">): number {
    const id = this.nextUpdateId++;
    this.enqueue({ ...update, update_id: id } as Update);
    this.wake();
    return id;
  }

  /** Arms a fault for the next matching call(s). */
  fail(fault: Fault): void {
    this.faults.push({ times: 1, ...fault });
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((call) => call.method === method);
  }

  /** Calls Telegram would have refused (bad HTML, too long, bad buttons…). */
  rejectedCalls(): RecordedCall[] {
    return this.calls.filter((call) => call.problems.length > 0);
  }

  /** Resolves with the first recorded call (past or future) that matches; rejects after timeoutMs. */
  waitForCall(match: (call: RecordedCall) => boolean, timeoutMs = 5000): Promise<RecordedCall> {
    const found = this.calls.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onCall = (call: RecordedCall) => {
        if (!match(call)) return;
        cleanup();
        resolve(call);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching Bot API call within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off("call", onCall);
      };
      this.on("call", onCall);
    });
  }

  /** Resolves once an update that matches has been handed to the bot; rejects after timeoutMs. */
  waitForDelivery(match: (update: Update) => boolean, timeoutMs = 5000): Promise<Update> {
    const found = this.delivered.find(match);
    if (found) return Promise.resolve(found);
    return new Promise((resolve, reject) => {
      const onDelivered = (updates: Update[]) => {
        const hit = updates.find(match);
        if (!hit) return;
        cleanup();
        resolve(hit);
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`no matching update delivered within ${timeoutMs} ms`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.off("delivered", onDelivered);
      };
      this.on("delivered", onDelivered);
    });
  }

  // ---- request handling ----

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const match = /^\/bot([^/]+)\/(\w+)/.exec(req.url ?? "");
    const body = await this.readBody(req);
    if (!match) return this.reply(res, 404, { ok: false, error_code: 404, description: "Not Found" });
    const [, token, method = ""] = match;
    if (decodeURIComponent(token ?? "") !== this.options.token) {
      return this.reply(res, 401, { ok: false, error_code: 401, description: "Unauthorized" });
    }
    const payload = this.parsePayload(req, body);

    const fault = this.takeFault(method);
    if (fault?.delayMs) await sleep(fault.delayMs);
    if (fault?.drop) {
      this.record(method, payload, 0, ["dropped by fault"]);
      req.socket.destroy();
      return;
    }
    if (fault?.status !== undefined) {
      this.record(method, payload, fault.status, [`fault ${fault.status}`]);
      return this.reply(res, fault.status, fault.body ?? { ok: false, error_code: fault.status });
    }

    if (method === "getUpdates") return this.getUpdates(req, res, payload);

    const flood = this.floodWait(method, payload);
    if (flood !== undefined) {
      this.record(method, payload, 429, [`flood control: ${flood}`]);
      return this.reply(res, 429, telegramError.tooManyRequests(1));
    }

    const problems = checkOutgoingCall(method, payload);
    if (problems.length > 0) {
      this.record(method, payload, 400, problems);
      return this.reply(res, 400, telegramError.badRequest(problems[0] ?? "invalid request"));
    }
    const [status, answer] = await this.serve(method, payload, req);
    this.record(method, payload, status, status === 200 ? [] : [String((answer as Json).description)]);
    this.reply(res, status, answer);
  }

  private async serve(method: string, payload: Json, req: IncomingMessage): Promise<[number, unknown]> {
    const ok = (result: unknown): [number, unknown] => [200, { ok: true, result }];
    switch (method) {
      case "getMe":
        return ok(this.bot);
      case "getMyCommands":
        return ok(this.commands.get(this.commandsKey(payload)) ?? []);
      case "setWebhook":
        this.webhook = {
          url: String(payload.url ?? ""),
          ...(typeof payload.secret_token === "string" ? { secret: payload.secret_token } : {}),
          ...(Array.isArray(payload.allowed_updates)
            ? { allowedUpdates: payload.allowed_updates as string[] }
            : {}),
        };
        if (this.webhook.url === "") this.webhook = undefined;
        if (Array.isArray(payload.allowed_updates)) this.allowedUpdates = payload.allowed_updates as string[];
        this.held?.answer(409, { ok: false, error_code: 409, description: CONFLICT_WEBHOOK });
        return ok(true);
      case "deleteWebhook":
        this.webhook = undefined;
        if (payload.drop_pending_updates === true) this.pending.length = 0;
        return ok(true);
      case "getWebhookInfo":
        return ok({
          url: this.webhook?.url ?? "",
          has_custom_certificate: false,
          pending_update_count: this.pending.length,
          ...(this.webhook?.allowedUpdates ? { allowed_updates: this.webhook.allowedUpdates } : {}),
        });
      case "getChat": {
        const chat = this.chats.get(Number(payload.chat_id));
        return chat ? ok(chat) : [400, telegramError.badRequest("chat not found")];
      }
      case "getChatMember": {
        const userId = Number(payload.user_id);
        const isAdmin = this.admins.get(Number(payload.chat_id))?.has(userId) ?? false;
        return ok({
          status: isAdmin ? "administrator" : "member",
          user: { id: userId, is_bot: false, first_name: "User" },
          ...(isAdmin ? { can_be_edited: false, is_anonymous: false } : {}),
        });
      }
      case "getChatAdministrators": {
        const ids = [...(this.admins.get(Number(payload.chat_id)) ?? [])];
        return ok(
          ids.map((id) => ({ status: "administrator", user: { id, is_bot: false, first_name: "Admin" } })),
        );
      }
      case "editMessageText":
      case "editMessageReplyMarkup": {
        if (this.isUnchangedEdit(method, payload)) {
          return [
            400,
            telegramError.badRequest(
              "message is not modified: specified new message content and reply markup are exactly the same as a current content and reply markup of the message",
            ),
          ];
        }
        return this.forward(method, payload, req, () => true);
      }
      case "deleteMessage":
        return this.forward(method, payload, req, () => true);
      case "sendMessage":
        return this.forward(method, payload, req, (result) => this.fixSentMessage(result as Json, payload));
      default:
        if (SETTINGS_METHODS.has(method)) {
          if (method === "setMyCommands") this.commands.set(this.commandsKey(payload), payload.commands);
          if (method === "deleteMyCommands") this.commands.delete(this.commandsKey(payload));
          return ok(true);
        }
        return this.forward(method, payload, req, (result) => result);
    }
  }

  /** Sends a call on to the emulator and turns its answer into what Telegram would say. */
  private async forward(
    method: string,
    payload: Json,
    req: IncomingMessage,
    fixResult: (result: unknown) => unknown,
  ): Promise<[number, unknown]> {
    const response = await fetch(`${this.options.upstream}${req.url}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(payload),
    });
    let answer: Json;
    try {
      answer = JSON.parse(await response.text()) as Json;
    } catch {
      answer = {};
    }
    if (answer.ok === true) return [200, { ok: true, result: fixResult(answer.result) }];
    if (answer.ok === false) return [response.status, answer];
    // The emulator answers methods it lacks with HTTP 500 and no Telegram fields; a 5xx would make
    // auto-retry try forever, and Telegram says 404 for a method it does not know.
    return [404, { ok: false, error_code: 404, description: `Not Found: method ${method} is not emulated` }];
  }

  /** The emulator dates messages in milliseconds and calls every chat private. */
  private fixSentMessage(result: Json, payload: Json): Json {
    const chatId = Number(payload.chat_id);
    const date = Number(result.date);
    return {
      ...result,
      date: date > 1e11 ? Math.floor(date / 1000) : date,
      from: this.bot,
      chat: this.chats.get(chatId) ?? result.chat,
    };
  }

  private isUnchangedEdit(method: string, payload: Json): boolean {
    const stored = this.options.emulator?.storage.botMessages.find(
      (m) =>
        String(m.messageId) === String(payload.message_id) &&
        String(m.message.chat_id) === String(payload.chat_id),
    );
    if (!stored) return false;
    const sameMarkup =
      JSON.stringify(stored.message.reply_markup ?? null) === JSON.stringify(payload.reply_markup ?? null);
    if (method === "editMessageReplyMarkup") return sameMarkup;
    return sameMarkup && stored.message.text === payload.text;
  }

  private commandsKey(payload: Json): string {
    return `${JSON.stringify(payload.scope ?? { type: "default" })}|${String(payload.language_code ?? "")}`;
  }

  // ---- long polling ----

  private async getUpdates(req: IncomingMessage, res: ServerResponse, payload: Json): Promise<void> {
    this.pollCount++;
    if (this.webhook) {
      return this.reply(res, 409, { ok: false, error_code: 409, description: CONFLICT_WEBHOOK });
    }
    // Telegram ends the older request when a newer one arrives: the older poller learns it has a rival.
    this.held?.answer(409, { ok: false, error_code: 409, description: CONFLICT_POLL });

    if (Array.isArray(payload.allowed_updates)) this.allowedUpdates = payload.allowed_updates as string[];
    const offset = Number(payload.offset ?? 0);
    const limit = Math.min(100, Math.max(1, Number(payload.limit ?? 100)));
    const holdMs = Math.min(this.maxHoldMs, Math.max(0, Number(payload.timeout ?? 0)) * 1000);
    const deadline = Date.now() + holdMs;

    let answered = false;
    const poll: HeldPoll = {
      res,
      answer: (status, body) => {
        if (answered) return;
        answered = true;
        if (this.held === poll) this.held = undefined;
        this.reply(res, status, body);
        this.wake();
      },
    };
    this.held = poll;
    res.on("close", () => {
      answered = true;
      if (this.held === poll) this.held = undefined;
    });

    // Bounded: each pass either answers or sleeps until woken or the deadline.
    for (let pass = 0; pass < 10_000 && !answered; pass++) {
      const generation = this.wakeGeneration;
      if (offset > 0) this.confirmBelow(offset);
      await this.pullFromEmulator(req);
      const ready = this.deliverable().slice(0, limit);
      if (answered) return;
      if (ready.length > 0 || Date.now() >= deadline) {
        poll.answer(200, { ok: true, result: ready });
        this.delivered.push(...ready);
        const at = Date.now();
        for (const u of ready) if (!this.deliveredAt.has(u.update_id)) this.deliveredAt.set(u.update_id, at);
        if (ready.length > 0) this.emit("delivered", ready);
        return;
      }
      if (generation === this.wakeGeneration) await this.nap(deadline - Date.now());
    }
    poll.answer(200, { ok: true, result: [] });
  }

  /** Which of `sendLimits` a message would break now (undefined: none), counting it when it passes. */
  private floodWait(method: string, payload: Json): string | undefined {
    const limits = this.sendLimits;
    if (!limits || !/^(send(?!ChatAction)|copyMessage|forwardMessage|editMessage)/.test(method))
      return undefined;
    const chat = String(payload.chat_id ?? "");
    if (chat === "") return undefined;
    const now = Date.now();
    const times = (this.sendTimes.get(chat) ?? []).filter((t) => t > now - 60_000);
    this.allSendTimes = this.allSendTimes.filter((t) => t > now - 1000);
    // A little slack for timers firing early and the hop through the network.
    const slack = 5;
    const last = times[times.length - 1];
    if (last !== undefined && now - last < limits.chatIntervalMs - slack) return "per chat";
    if (chat.startsWith("-") && times.length >= limits.groupPerMinute) return "per group";
    if (this.allSendTimes.length >= limits.totalPerSecond) return "overall";
    times.push(now);
    this.sendTimes.set(chat, times);
    this.allSendTimes.push(now);
    return undefined;
  }

  /** getUpdates with an offset confirms every update below it: they are gone for good. */
  private confirmBelow(offset: number): void {
    while (this.pending.length > 0 && (this.pending[0]?.update_id ?? offset) < offset) this.pending.shift();
  }

  /** Updates of the types the bot asked for; Telegram drops the others. */
  private deliverable(): Update[] {
    const allowed = this.allowedUpdates;
    if (!allowed || allowed.length === 0) return this.pending;
    for (let i = this.pending.length - 1; i >= 0; i--) {
      const update = this.pending[i];
      if (update && !allowed.includes(updateType(update))) this.pending.splice(i, 1);
    }
    return this.pending;
  }

  private async pullFromEmulator(req: IncomingMessage): Promise<void> {
    const response = await fetch(`${this.options.upstream}${(req.url ?? "").replace(/\?.*$/, "")}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    const answer = (await response.json()) as { result?: Json[] };
    for (const raw of answer.result ?? []) this.enqueue(this.tidyEmulatorUpdate(raw));
  }

  /** Renumbers (one id sequence with injected updates) and removes the emulator's own fields. */
  private tidyEmulatorUpdate(raw: Json): Update {
    const update: Json = { ...raw, update_id: this.nextUpdateId++ };
    const message = raw.message as Json | undefined;
    if (message) {
      const { botToken: _token, ...rest } = message;
      update.message = rest;
    }
    const query = raw.callback_query as Json | undefined;
    if (query) {
      const chat = (query.message as Json | undefined)?.chat as Json | undefined;
      update.callback_query = { chat_instance: `ci${String(chat?.id ?? 0)}`, ...query };
    }
    return update as unknown as Update;
  }

  private enqueue(update: Update): void {
    for (const value of Object.values(update)) {
      const chat = (value as { chat?: Chat; message?: { chat?: Chat } } | undefined)?.chat;
      if (chat) this.chats.set(chat.id, chat);
    }
    this.pending.push(update);
  }

  private wake(): void {
    this.wakeGeneration++;
    for (const sleeper of [...this.sleepers]) sleeper();
  }

  private nap(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.sleepers.delete(done);
        resolve();
      };
      // Without the emulator's events we cannot be woken by user messages, so look again soon.
      const timer = setTimeout(done, this.options.emulator ? Math.max(0, ms) : Math.min(20, Math.max(0, ms)));
      this.sleepers.add(done);
    });
  }

  // ---- plumbing ----

  private takeFault(method: string): Fault | undefined {
    const index = this.faults.findIndex((f) => f.method === method);
    if (index < 0) return undefined;
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.times = (fault.times ?? 1) - 1;
    if (fault.times <= 0) this.faults.splice(index, 1);
    return fault;
  }

  private record(method: string, payload: Json, status: number, problems: string[]): void {
    const call: RecordedCall = { method, payload, status, problems, at: Date.now() };
    this.calls.push(call);
    this.emit("call", call);
  }

  private async readBody(req: IncomingMessage): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  }

  private parsePayload(req: IncomingMessage, body: Buffer): Json {
    const query = Object.fromEntries(new URL(req.url ?? "/", "http://shim").searchParams);
    const type = String(req.headers["content-type"] ?? "");
    const text = body.toString("utf8");
    if (text === "") return query;
    if (type.includes("application/json")) {
      try {
        return { ...query, ...(JSON.parse(text) as Json) };
      } catch {
        return query;
      }
    }
    if (type.includes("application/x-www-form-urlencoded")) {
      return { ...query, ...Object.fromEntries(new URLSearchParams(text)) };
    }
    return query; // multipart (file uploads): not needed by this bot
  }

  private reply(res: ServerResponse, status: number, body: unknown): void {
    if (res.headersSent || res.destroyed) return;
    const text = JSON.stringify(body);
    res.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(text) });
    res.end(text);
  }
}
