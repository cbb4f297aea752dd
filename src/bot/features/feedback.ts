// 👍/👎 under answers: one vote per person per answer (a second press, here or under another message
// showing the same answer, changes it), and only for the answer the message actually shows: forged
// callback data is refused. Stored under keyed hashes only (the store never sees a chat, message or
// user id). After the first 👎 on a message, related questions, once. A vote the store could not keep
// is not thanked for.
import { Composer } from "grammy";
import type { InlineKeyboardMarkup } from "grammy/types";
import { errorSummary } from "../../logger.ts";
import type { VoteResult } from "../../storage/store.ts";
import { decisionFor, today } from "../answering.ts";
import { acknowledge, onButton } from "../buttons.ts";
import { resolveRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { questionsKeyboard, suggestedIds } from "../keyboards.ts";
import { replyText } from "../send.ts";

function showsButton(markup: InlineKeyboardMarkup | undefined, data: string): boolean {
  return (
    markup?.inline_keyboard.some((row) =>
      row.some((b) => "callback_data" in b && b.callback_data === data),
    ) ?? false
  );
}

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

  // The press must come from a button this message shows. Inline-mode messages are not sent with the
  // press; there the once-per-person-per-answer rule is the only guard.
  if (message && !showsButton(message.reply_markup, ctx.callbackQuery.data ?? "")) {
    return acknowledge(ctx, t.badButton);
  }

  let result: VoteResult;
  try {
    result = await store.recordVote({
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
  const toast = { new: t.voteNew, changed: t.voteChanged, same: t.voteSame, failed: t.voteNotKept };
  await acknowledge(ctx, toast[result.status]);

  if (result.firstDownvote && message && message.chat.type !== "channel") {
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
