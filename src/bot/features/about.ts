// /about: the article, its author, what the bot can and cannot do, and what it stores for how long.
import { Composer } from "grammy";
import { articleAnswerCount } from "../../content/validate.ts";
import { publication } from "../article-info.ts";
import type { MyContext } from "../context.ts";
import { replyText } from "../send.ts";

export const aboutFeature = new Composer<MyContext>();

aboutFeature.chatType(["private", "group", "supergroup"]).command("about", async (ctx) => {
  const { kb, retentionDays } = ctx.deps;
  ctx.note({ kind: "command", lang: ctx.lang });
  const text = ctx.t.about({
    title: kb.article.title,
    author: kb.article.author,
    footnotes: kb.footnotes.length,
    answers: articleAnswerCount(kb),
    days: retentionDays,
  });
  await replyText(ctx, [text, ...publication(kb, ctx.t)].join("\n\n"));
});
