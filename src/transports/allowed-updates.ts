// The update types the bot handles, asked for explicitly in getUpdates and setWebhook so Telegram
// sends nothing else (and so a later change to Telegram's defaults cannot surprise us).
import type { Update } from "grammy/types";

export type UpdateType = Exclude<keyof Update, "update_id">;

export const ALLOWED_UPDATES = [
  "message",
  "edited_message",
  "channel_post",
  "edited_channel_post",
  "callback_query",
  "inline_query",
  "chosen_inline_result",
  "my_chat_member",
] as const satisfies readonly UpdateType[];
