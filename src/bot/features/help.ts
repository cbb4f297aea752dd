// /help: how to ask, in private chats and in groups, and the commands.
import { Composer } from "grammy";
import type { MyContext } from "../context.ts";
import { replyText } from "../send.ts";

export const helpFeature = new Composer<MyContext>();

helpFeature.chatType(["private", "group", "supergroup"]).command("help", async (ctx) => {
  const t = ctx.t.help;
  ctx.note({ kind: "command", lang: ctx.lang });
  const parts =
    ctx.chat.type === "private"
      ? [t.private, t.group, t.commands, t.inline(ctx.me.username)]
      : [t.group, t.commands, t.inline(ctx.me.username)];
  await replyText(ctx, parts.join("\n\n"));
});
