// /sources (all footnotes), /source N (one), and the Source button under an answer (its footnotes in
// full, or, for an answer without one, the article's own paragraph it comes from).
import { Composer } from "grammy";
import type { KnowledgeBase } from "../../content/knowledge-base.ts";
import type { Lang } from "../../content/schema.ts";
import { canonicalQuestion, renderFootnote, renderSources } from "../../presentation/render.ts";
import { botTexts } from "../../texts/bot.ts";
import { publication } from "../article-info.ts";
import { acknowledge, onButton } from "../buttons.ts";
import { answerLink, resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { escapeHtml, replyInGroups, replyText, sendHtml } from "../send.ts";

export const sourcesFeature = new Composer<MyContext>();
const chats = sourcesFeature.chatType(["private", "group", "supergroup"]);

chats.command("sources", async (ctx) => {
  ctx.note({ kind: "command", lang: ctx.lang });
  const about = publication(ctx.deps.kb, ctx.t).map(escapeHtml);
  await sendHtml(
    ctx,
    [renderSources(ctx.deps.kb, ctx.lang, "html"), ...about].join("\n\n"),
    replyInGroups(ctx),
  );
});

chats.command("source", async (ctx) => {
  const { kb } = ctx.deps;
  const { lang, t } = ctx;
  ctx.note({ kind: "command", lang });
  const arg = ctx.match.trim();
  const count = kb.footnotes.length;
  if (/^\d{1,3}$/.test(arg) && kb.footnoteByNumber.has(Number(arg))) {
    const n = Number(arg);
    const links = kb.answers
      .filter((a) => a.footnotes.includes(n))
      .flatMap((a) => {
        const url = answerLink(ctx.me.username, a.id);
        return url
          ? [`• <a href="${escapeHtml(url)}">${escapeHtml(canonicalQuestion(kb, a.id, lang))}</a>`]
          : [];
      });
    const parts = [renderFootnote(kb, n, lang, "html")];
    if (links.length > 0) parts.push(`${escapeHtml(t.sourceAnswers)}\n${links.join("\n")}`);
    await sendHtml(ctx, parts.join("\n\n"), replyInGroups(ctx));
  } else if (arg === "") await replyText(ctx, t.sourceUsage(count));
  else await replyText(ctx, t.sourceMissing(arg.length > 20 ? `${arg.slice(0, 20)}…` : arg, count));
});

onButton(sourcesFeature, "source", async (ctx, action) => {
  const id = resolveRef(ctx.deps.kb, action.ref);
  if (!id) return acknowledge(ctx, botTexts(action.lang).staleButton);
  await acknowledge(ctx);
  ctx.note({ lang: action.lang, answerId: id });
  await sendHtml(ctx, answerSourceHtml(ctx.deps.kb, id, action.lang));
});

/**
 * The whole article paragraphs an answer rests on (verbatim, numbered: the reply itself quotes only the
 * sentence), then its footnotes in full.
 */
export function answerSourceHtml(kb: KnowledgeBase, id: string, lang: Lang): string {
  const answer = kb.answerById.get(id);
  const t = botTexts(lang);
  const parts = [`<b>${escapeHtml(t.sourceHeader)}</b>`];
  const paragraphs = [...new Set((answer?.quotes ?? []).map((q) => q.p))];
  for (const n of paragraphs) {
    const text = kb.article.paragraphs.find((p) => p.n === n)?.text;
    if (text === undefined) continue;
    parts.push(
      `${escapeHtml(t.paragraphCitation(n, kb.article.title))}\n<blockquote>${escapeHtml(text)}</blockquote>`,
    );
  }
  for (const n of answer?.footnotes ?? []) parts.push(renderFootnote(kb, n, lang, "html"));
  return parts.join("\n\n");
}
