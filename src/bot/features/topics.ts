// /topics: browse topics → questions → answer. Every step edits the same message in place, with Back
// buttons, so browsing does not fill the chat.
import { Composer } from "grammy";
import { renderReply } from "../../presentation/render.ts";
import { botTexts } from "../../texts/bot.ts";
import { decisionFor } from "../answering.ts";
import { acknowledge, onButton } from "../buttons.ts";
import { answerLink, resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { topicAnswerKeyboard, topicKeyboard, topicsKeyboard } from "../keyboards.ts";
import { editHtml, escapeHtml, replyText } from "../send.ts";

export const topicsFeature = new Composer<MyContext>();

topicsFeature.chatType(["private", "group", "supergroup"]).command("topics", async (ctx) => {
  ctx.note({ kind: "command", lang: ctx.lang });
  const keyboard = topicsKeyboard(ctx.deps.kb, ctx.lang);
  await replyText(ctx, ctx.t.topicsHeader, keyboard ? { keyboard } : {});
});

onButton(topicsFeature, "topics", async (ctx, { lang }) => {
  await acknowledge(ctx);
  await editHtml(ctx, escapeHtml(botTexts(lang).topicsHeader), topicsKeyboard(ctx.deps.kb, lang));
});

onButton(topicsFeature, "topic", async (ctx, { topic: topicId, lang }) => {
  const { kb } = ctx.deps;
  const topic = kb.topics.find((t) => t.id === topicId);
  const t = botTexts(lang);
  if (!topic) return acknowledge(ctx, t.staleButton);
  await acknowledge(ctx);
  const hasQuestions = kb.answers.some((a) => a.topic === topicId);
  await editHtml(
    ctx,
    escapeHtml(hasQuestions ? t.topicHeader(topic.title[lang]) : t.topicEmpty),
    topicKeyboard(kb, topicId, lang),
  );
});

onButton(topicsFeature, "topicAnswer", async (ctx, action) => {
  const { kb } = ctx.deps;
  const id = resolveRef(kb, action.ref);
  if (!id) return acknowledge(ctx, botTexts(action.lang).staleButton);
  await acknowledge(ctx);
  ctx.note({ lang: action.lang, answerId: id, score: 1 });
  // A channel admin browsing here can paste this into a post: it opens the same answer.
  const url = answerLink(ctx.me.username, id);
  const link = url ? [escapeHtml(botTexts(action.lang).answerLink(url))] : [];
  await editHtml(
    ctx,
    [renderReply(decisionFor(ctx, id, action.lang), kb, "html", { buttons: true }), ...link].join("\n\n"),
    topicAnswerKeyboard(kb, id, action.lang),
  );
});
