// /about: the article, its author, what the bot can and cannot do, and what it stores for how long.
import { Composer } from "grammy";
import { botTexts } from "../../texts/bot.ts";
import type { MyContext } from "../context.ts";
import { uiLanguage } from "../language.ts";
import { escapeHtml, replyInGroups, sendHtml } from "../send.ts";

export const aboutFeature = new Composer<MyContext>();

aboutFeature.chatType(["private", "group", "supergroup"]).command("about", async (ctx) => {
  const { kb, retentionDays } = ctx.deps;
  const lang = uiLanguage(ctx);
  ctx.outcome = { ...ctx.outcome, kind: "command", lang };
  const text = botTexts(lang).about({
    title: kb.article.title,
    author: kb.article.author,
    footnotes: kb.footnotes.length,
    answers: kb.answers.filter((a) => a.kind !== "bot").length,
    days: retentionDays,
  });
  await sendHtml(ctx, escapeHtml(text), replyInGroups(ctx));
});
