// Sending HTML the one safe way: split to Telegram's limit, link previews off, keyboard on the last
// part, and in groups a reply to the asking message (even if that message is deleted meanwhile).
// ctx.reply already keeps forum-topic messages in their topic (message_thread_id).
import type { InlineKeyboardMarkup, Message } from "grammy/types";
import { escapeHtml } from "../telegram.ts";
import type { MyContext } from "./context.ts";
import { splitHtml } from "./split.ts";

export { escapeHtml };

export interface SendOptions {
  keyboard?: InlineKeyboardMarkup;
  /** Message id to reply to. */
  replyTo?: number;
}

export async function sendHtml(ctx: MyContext, html: string, options: SendOptions = {}): Promise<Message> {
  const parts = splitHtml(html);
  let last: Message | undefined;
  for (const [i, part] of parts.entries()) {
    last = await ctx.reply(part, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(i === 0 && options.replyTo !== undefined
        ? { reply_parameters: { message_id: options.replyTo, allow_sending_without_reply: true } }
        : {}),
      ...(i === parts.length - 1 && options.keyboard ? { reply_markup: options.keyboard } : {}),
    });
  }
  if (!last) throw new Error("nothing to send: the reply is empty");
  return last;
}

/** Replace the text of the message a button belongs to (used by /topics so browsing does not spam). */
export async function editHtml(ctx: MyContext, html: string, keyboard?: InlineKeyboardMarkup): Promise<void> {
  // An edited message cannot be split; /topics pages are short, the first part is the page.
  const [page = html] = splitHtml(html);
  try {
    await ctx.editMessageText(page, {
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
      ...(keyboard ? { reply_markup: keyboard } : {}),
    });
  } catch (error) {
    // Pressing the same button twice asks Telegram to set the same text: harmless, not an error.
    if (error instanceof Error && /message is not modified/i.test(error.message)) return;
    // The message was deleted or can no longer be edited: the person still gets the page they asked for.
    if (
      ctx.chat &&
      error instanceof Error &&
      /message to edit not found|message can't be edited/i.test(error.message)
    ) {
      await sendHtml(ctx, page, keyboard ? { keyboard } : {});
      return;
    }
    throw error;
  }
}

/** The bot's own plain text (escaped here), sent like any reply: in groups as a reply to the asking message. */
export function replyText(ctx: MyContext, text: string, options: SendOptions = {}): Promise<Message> {
  return sendHtml(ctx, escapeHtml(text), { ...replyInGroups(ctx), ...options });
}

/** In groups the bot replies to the message that addressed it, so the thread stays readable. */
export function replyInGroups(ctx: MyContext): { replyTo?: number } {
  const message = ctx.message ?? ctx.channelPost;
  return ctx.chat?.type !== "private" && message ? { replyTo: message.message_id } : {};
}
