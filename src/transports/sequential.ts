// Updates from one chat are handled one after another, in the order they arrived; different chats
// run side by side. Used by both transports, around the bot rather than inside it, so it holds
// whatever the bot's own middleware does.
import { sequentialize } from "@grammyjs/runner";
import { Api, Composer, Context } from "grammy";
import type { Update, UserFromGetMe } from "grammy/types";

/** Which updates must wait for each other: those of one chat (or of one user, outside chats). */
function sequenceKey(ctx: Context): string | undefined {
  if (ctx.chat) return `chat:${ctx.chat.id}`;
  if (ctx.from) return `user:${ctx.from.id}`;
  return undefined;
}

/** The queue an update joins in long polling: its chat's, else its user's, else its own. */
export function sequenceKeyOf(update: Update, botInfo: UserFromGetMe): string {
  return sequenceKey(new Context(update, new Api("0:unused"), botInfo)) ?? `update:${update.update_id}`;
}

export type ChatSequencer = (update: Update, handle: () => Promise<void>) => Promise<void>;

export function createChatSequencer(bot: { api: Api; botInfo: UserFromGetMe }): ChatSequencer {
  const gate = new Composer<Context>(sequentialize(sequenceKey)).middleware();
  return async (update, handle) => {
    const ctx = new Context(update, bot.api, bot.botInfo);
    await gate(ctx, handle);
  };
}
