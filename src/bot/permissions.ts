// Who may do what: the bot's own admins (ADMIN_IDS) see /stats and /unanswered; a chat's admins set its
// language. Both are predicates for Composer.filter, so a handler behind them never checks again.
import { errorSummary } from "../logger.ts";
import type { MyContext } from "./context.ts";

/** A user listed in ADMIN_IDS. */
export function isBotAdmin(ctx: MyContext): boolean {
  return ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);
}

/**
 * Anyone in a private chat; in a group its administrators, including an anonymous admin (who writes as
 * the group itself: sender_chat is the chat). A failing lookup counts as "not an admin".
 */
export async function isChatAdmin(ctx: MyContext): Promise<boolean> {
  const chat = ctx.chat;
  if (!chat) return false;
  if (chat.type === "private") return true;
  if (ctx.message?.sender_chat?.id === chat.id) return true;
  if (!ctx.from) return false;
  try {
    const member = await ctx.api.getChatMember(chat.id, ctx.from.id);
    return member.status === "administrator" || member.status === "creator";
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "getChatMember failed: treating the user as not an admin");
    return false;
  }
}
