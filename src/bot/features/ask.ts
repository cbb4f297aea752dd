// Questions: /ask <question> anywhere, any text in a private chat, and in groups a message that
// mentions the bot or replies to it. A question button answers its question as a new message, so the
// chat reads as if the question had been typed.
import { Composer } from "grammy";
import { botTexts } from "../../texts/bot.ts";
import { groupQuestion, parseCommand } from "../addressing.ts";
import { answerQuestion, decisionFor, sendAskHint, sendDecision } from "../answering.ts";
import { acknowledge, onButton } from "../buttons.ts";
import { resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { replyInGroups } from "../send.ts";

export const askFeature = new Composer<MyContext>();

askFeature.chatType(["private", "group", "supergroup"]).command("ask", async (ctx) => {
  // "/ask" alone, sent as a reply to someone's message, asks that message (handy in groups).
  const replied = ctx.msg.reply_to_message;
  const quoted = replied && replied.from?.id !== ctx.me.id ? (replied.text ?? "").trim() : "";
  const question = ctx.match.trim() || quoted;
  if (question === "") return sendAskHint(ctx);
  await answerQuestion(ctx, question, replyInGroups(ctx));
});

askFeature.chatType("private").on("message:text", async (ctx, next) => {
  // Commands nobody claimed go on to the unhandled feature's hint.
  if (parseCommand(ctx.msg.text, ctx.msg.entities)) return next();
  // Our own inline answer, posted into this chat: not a question.
  if (ctx.msg.via_bot?.id === ctx.me.id) return;
  await answerQuestion(ctx, ctx.msg.text);
});

askFeature.chatType(["group", "supergroup"]).on("message:text", async (ctx, next) => {
  if (parseCommand(ctx.msg.text, ctx.msg.entities)) return next();
  if (ctx.msg.via_bot?.id === ctx.me.id) return;
  // Another bot replying to us would start an endless exchange. (Anonymous admins and channels write
  // through service bots, with sender_chat set: those are people.)
  if (ctx.from.is_bot && !ctx.msg.sender_chat) return;
  const question = groupQuestion(ctx.msg, ctx.me);
  if (question === undefined) return next();
  if (question === "") return sendAskHint(ctx);
  await answerQuestion(ctx, question, { replyTo: ctx.msg.message_id });
});

onButton(askFeature, "ask", async (ctx, action) => {
  const id = resolveRef(ctx.deps.kb, action.ref);
  const t = botTexts(action.lang);
  if (!id) return acknowledge(ctx, t.staleButton);
  // Buttons under channel posts would post to every subscriber; the bot never puts question buttons there.
  if (!ctx.chat || ctx.chat.type === "channel") return acknowledge(ctx, t.badButton);
  await acknowledge(ctx);
  await sendDecision(ctx, decisionFor(ctx, id, action.lang));
});
