// /start: greeting in the user's language, what the bot knows, three example questions as buttons.
// A deep-link payload that names an answer (t.me/ThisBot?start=<answer-id>) answers it right away;
// any other payload is ignored.
import { Composer } from "grammy";
import { botTexts } from "../../texts/bot.ts";
import { decisionFor, sendDecision } from "../answering.ts";
import { resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { MAX_QUESTION_BUTTONS, questionsKeyboard } from "../keyboards.ts";
import { uiLanguage } from "../language.ts";
import { escapeHtml, replyInGroups, sendHtml } from "../send.ts";

export const startFeature = new Composer<MyContext>();

startFeature.chatType(["private", "group", "supergroup"]).command("start", async (ctx) => {
  const { kb, engine } = ctx.deps;
  const lang = uiLanguage(ctx);
  const t = botTexts(lang);
  ctx.outcome = { ...ctx.outcome, kind: "command", lang };
  const examples = engine.examples(lang, MAX_QUESTION_BUTTONS).map((e) => e.id);
  const html = `${escapeHtml(t.start(kb.article.title, kb.article.author))}\n\n${escapeHtml(t.startExamples)}`;
  const keyboard = questionsKeyboard(kb, examples, lang);
  await sendHtml(ctx, html, { ...(keyboard ? { keyboard } : {}), ...replyInGroups(ctx) });

  const linked = ctx.match ? resolveRef(kb, ctx.match.trim()) : undefined;
  if (linked) await sendDecision(ctx, decisionFor(ctx, linked, lang));
});
