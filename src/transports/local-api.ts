// A Bot API that lives in this process: an API transformer that answers the calls the bot makes
// (sendMessage, editMessageText, answerCallbackQuery, answerInlineQuery, setMyCommands, getChatMember…)
// without touching the network. The terminal chat prints what it records; tests read it. It refuses
// what Telegram refuses (empty or over-long text, oversized button data) so mistakes show up here.
import type { Transformer } from "grammy";
import type { Chat, InlineKeyboardMarkup, Message, UserFromGetMe } from "grammy/types";
import { CALLBACK_DATA_MAX_BYTES, TELEGRAM_TEXT_LIMIT, visibleText } from "../telegram.ts";

export interface LocalApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** What the local API answered (set once the call is answered). */
  reply?: LocalApiReply;
}

export type MemberStatus = "creator" | "administrator" | "member" | "restricted" | "left" | "kicked";

export interface LocalApiOptions {
  botInfo: UserFromGetMe;
  /** What getChatMember answers for a user in a chat; "member" unless told otherwise. */
  memberStatus?: (chatId: number, userId: number) => MemberStatus;
  /** Chats the bot may write to, for plausible Message objects; unknown ids are guessed from the sign. */
  chats?: Map<number, Chat>;
  /** Called after each call with the Bot API's reply to it. */
  onCall?: (call: LocalApiCall, reply: LocalApiReply) => void;
  /** Seconds since the epoch, for message dates. */
  now?: () => number;
}

export interface LocalApi {
  transformer: Transformer;
  calls: LocalApiCall[];
  /** Messages the bot has sent, as they are now (after edits), by "chatId:messageId". */
  messages: Map<string, Message>;
  /** A message the bot sent, as it is now. */
  message(chatId: number, messageId: number): Message | undefined;
}

export type LocalApiReply =
  | { ok: true; result: unknown }
  | { ok: false; error_code: number; description: string };
type Reply = LocalApiReply;

/** Text as Telegram would store it: tags gone, entities decoded (enough for a plausible Message). */
function parsedText(text: string, parseMode: unknown): string {
  if (parseMode !== "HTML") return text;
  return visibleText(text);
}

function badRequest(description: string): Reply {
  return { ok: false, error_code: 400, description: `Bad Request: ${description}` };
}

function checkText(payload: Record<string, unknown>): Reply | undefined {
  const text = typeof payload.text === "string" ? parsedText(payload.text, payload.parse_mode) : "";
  if (text.trim() === "") return badRequest("message text is empty");
  if (text.length > TELEGRAM_TEXT_LIMIT) return badRequest("message is too long");
  return checkMarkup(payload.reply_markup);
}

function checkMarkup(markup: unknown): Reply | undefined {
  for (const row of (markup as InlineKeyboardMarkup | undefined)?.inline_keyboard ?? []) {
    for (const button of row) {
      if ("callback_data" in button && Buffer.byteLength(button.callback_data) > CALLBACK_DATA_MAX_BYTES)
        return badRequest("BUTTON_DATA_INVALID");
    }
  }
  return undefined;
}

export function createLocalApi(options: LocalApiOptions): LocalApi {
  const calls: LocalApiCall[] = [];
  const messages = new Map<string, Message>();
  const now = options.now ?? (() => Math.floor(Date.now() / 1000));
  let lastMessageId = 0;

  const chatOf = (chatId: number): Chat =>
    options.chats?.get(chatId) ??
    (chatId > 0
      ? { id: chatId, type: "private", first_name: "User" }
      : { id: chatId, type: "supergroup", title: "Group" });

  function sendMessage(payload: Record<string, unknown>): Reply {
    const invalid = checkText(payload);
    if (invalid) return invalid;
    const chat = chatOf(Number(payload.chat_id));
    const message = {
      message_id: ++lastMessageId,
      date: now(),
      chat,
      from: options.botInfo,
      text: parsedText(String(payload.text), payload.parse_mode),
      ...(typeof payload.message_thread_id === "number"
        ? { message_thread_id: payload.message_thread_id, is_topic_message: true }
        : {}),
      ...(payload.reply_markup ? { reply_markup: payload.reply_markup as InlineKeyboardMarkup } : {}),
    } as Message;
    messages.set(`${chat.id}:${message.message_id}`, message);
    return { ok: true, result: message };
  }

  function editMessageText(payload: Record<string, unknown>): Reply {
    const invalid = checkText(payload);
    if (invalid) return invalid;
    if (payload.inline_message_id !== undefined) return { ok: true, result: true };
    const key = `${String(payload.chat_id)}:${String(payload.message_id)}`;
    const before = messages.get(key);
    if (!before) return badRequest("message to edit not found");
    const text = parsedText(String(payload.text), payload.parse_mode);
    const markup = payload.reply_markup as InlineKeyboardMarkup | undefined;
    if (text === before.text && JSON.stringify(markup) === JSON.stringify(before.reply_markup))
      return badRequest("message is not modified");
    const { reply_markup: _dropped, ...rest } = before;
    const after = { ...rest, text, edit_date: now(), ...(markup ? { reply_markup: markup } : {}) } as Message;
    messages.set(key, after);
    return { ok: true, result: after };
  }

  function getChatMember(payload: Record<string, unknown>): Reply {
    const userId = Number(payload.user_id);
    const status = options.memberStatus?.(Number(payload.chat_id), userId) ?? "member";
    const user = { id: userId, is_bot: false, first_name: "User" };
    if (status === "administrator")
      return {
        ok: true,
        result: {
          status,
          user,
          can_be_edited: false,
          is_anonymous: false,
          can_manage_chat: true,
          can_delete_messages: true,
          can_manage_video_chats: false,
          can_restrict_members: true,
          can_promote_members: false,
          can_change_info: true,
          can_invite_users: true,
          can_post_stories: false,
          can_edit_stories: false,
          can_delete_stories: false,
        },
      };
    if (status === "creator") return { ok: true, result: { status, user, is_anonymous: false } };
    return { ok: true, result: { status, user } };
  }

  function answer(method: string, payload: Record<string, unknown>): Reply {
    switch (method) {
      case "getMe":
        return { ok: true, result: options.botInfo };
      case "sendMessage":
        return sendMessage(payload);
      case "editMessageText":
        return editMessageText(payload);
      case "answerCallbackQuery": {
        const text = typeof payload.text === "string" ? payload.text : "";
        return text.length > 200 ? badRequest("MESSAGE_TOO_LONG") : { ok: true, result: true };
      }
      case "answerInlineQuery": {
        const results = Array.isArray(payload.results) ? payload.results : [];
        return results.length > 50 ? badRequest("RESULTS_TOO_MUCH") : { ok: true, result: true };
      }
      case "getChatMember":
        return getChatMember(payload);
      case "getChat":
        return { ok: true, result: chatOf(Number(payload.chat_id)) };
      case "getMyCommands":
        return { ok: true, result: [] };
      case "setMyCommands":
      case "deleteMyCommands":
      case "sendChatAction":
      case "deleteMessage":
      case "setWebhook":
      case "deleteWebhook":
        return { ok: true, result: true };
      default:
        return {
          ok: false,
          error_code: 404,
          description: `Not Found: ${method} is not available in the local API`,
        };
    }
  }

  const transformer: Transformer = async (_prev, method, payload) => {
    const call: LocalApiCall = { method, payload: { ...(payload as Record<string, unknown>) } };
    calls.push(call);
    const reply = answer(method, call.payload);
    call.reply = reply;
    options.onCall?.(call, reply);
    // biome-ignore lint/suspicious/noExplicitAny: the transformer answers every method; its result type is per method.
    return reply as any;
  };

  return {
    transformer,
    calls,
    messages,
    message: (chatId, messageId) => messages.get(`${chatId}:${messageId}`),
  };
}

/** A fixed bot identity for local runs: no getMe needed. */
export function localBotInfo(username = "ArticleAnswersBot"): UserFromGetMe {
  return {
    id: 7_000_000_001,
    is_bot: true,
    first_name: "Article answers",
    username,
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
}
