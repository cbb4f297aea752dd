// /start: greeting in the user's language, what the bot knows, three example questions as buttons.
// A deep-link payload that names an answer (t.me/ThisBot?start=<answer-id>) answers it right away;
// any other payload is ignored.
import { Composer } from "grammy";
import { decisionFor, sendDecision } from "../answering.ts";
import { resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { MAX_QUESTION_BUTTONS, questionsKeyboard } from "../keyboards.ts";
import { replyText } from "../send.ts";

export const startFeature = new Composer<MyContext>();

startFeature.chatType(["private", "group", "supergroup"]).command("start", async (ctx) => {
  const { kb, engine } = ctx.deps;
  const { lang, t } = ctx;
  ctx.note({ kind: "command", lang });
  const examples = engine.examples(lang, MAX_QUESTION_BUTTONS).map((e) => e.id);
  const text = `${t.start(kb.article.title, kb.article.author)}\n\n${t.startExamples}`;
  const keyboard = questionsKeyboard(kb, examples, lang);
  await replyText(ctx, text, keyboard ? { keyboard } : {});

  const linked = ctx.match ? resolveRef(kb, ctx.match.trim()) : undefined;
  if (linked) await sendDecision(ctx, decisionFor(ctx, linked, lang));
});
