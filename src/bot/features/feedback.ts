// 👍/👎 under answers: one vote per user per answer message, a second press changes it. Stored under
// keyed hashes only (the store never sees a chat, message or user id). After 👎, related questions.
import { Composer } from "grammy";
import { errorSummary } from "../../logger.ts";
import { decisionFor, today } from "../answering.ts";
import { acknowledge, onButton } from "../buttons.ts";
import { resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { questionsKeyboard, suggestedIds } from "../keyboards.ts";
import { replyText } from "../send.ts";

export const feedbackFeature = new Composer<MyContext>();

onButton(feedbackFeature, "vote", async (ctx, action) => {
  const { kb, engine, store, hash } = ctx.deps;
  const { lang, t } = ctx;
  const id = resolveRef(kb, action.ref);
  if (!id) return acknowledge(ctx, t.staleButton);
  const message = ctx.callbackQuery.message;
  const where = message ? `${message.chat.id}:${message.message_id}` : ctx.callbackQuery.inline_message_id;
  if (!where) return acknowledge(ctx, t.badButton);
  ctx.note({ answerId: id, lang });

  let result: "new" | "changed" | "same";
  try {
    result = store.recordVote({
      answerId: id,
      // The answer id is part of the key: a /topics message shows several answers over time.
      messageKey: hash(`${where}:${id}`),
      voterKey: hash(String(ctx.from.id)),
      vote: action.vote,
      day: today(ctx),
    });
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: recording a vote failed");
    return acknowledge(ctx, t.failure);
  }
  await acknowledge(ctx, result === "new" ? t.voteNew : result === "changed" ? t.voteChanged : t.voteSame);

  if (action.vote === -1 && result !== "same" && message && message.chat.type !== "channel") {
    let ids = suggestedIds(kb, engine, decisionFor(ctx, id, lang));
    if (ids.length === 0)
      ids = engine
        .examples(lang, 4)
        .map((e) => e.id)
        .filter((other) => other !== id)
        .slice(0, 3);
    const keyboard = questionsKeyboard(kb, ids, lang);
    if (keyboard) await replyText(ctx, t.afterDownvote, { keyboard });
  }
});
