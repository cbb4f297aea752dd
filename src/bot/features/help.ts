// /help: how to ask, in private chats and in groups, and the commands.
import { Composer } from "grammy";
import { botTexts } from "../../texts/bot.ts";
import type { MyContext } from "../context.ts";
import { uiLanguage } from "../language.ts";
import { escapeHtml, replyInGroups, sendHtml } from "../send.ts";

export const helpFeature = new Composer<MyContext>();

helpFeature.chatType(["private", "group", "supergroup"]).command("help", async (ctx) => {
  const lang = uiLanguage(ctx);
  const t = botTexts(lang).help;
  ctx.outcome = { ...ctx.outcome, kind: "command", lang };
  const parts =
    ctx.chat.type === "private"
      ? [t.private, t.group, t.commands, t.inline(ctx.me.username)]
      : [t.group, t.commands, t.inline(ctx.me.username)];
  await sendHtml(ctx, parts.map(escapeHtml).join("\n\n"), replyInGroups(ctx));
});
