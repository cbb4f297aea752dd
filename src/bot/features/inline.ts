// Inline mode: "@ThisBot question" in any chat (a channel admin posting to a channel, for one) offers
// the full cited answer as a message to send. An empty query lists popular questions; a question the
// article does not answer gets one result that says so.
import { Composer } from "grammy";
import type { InlineQueryResultArticle } from "grammy/types";
import type { Decision } from "../../engine/decision.ts";
import { canonicalQuestion, renderReply } from "../../presentation/render.ts";
import { botTexts } from "../../texts/bot.ts";
import { decisionFor } from "../answering.ts";
import { answerRef } from "../callback-data.ts";
import type { MyContext } from "../context.ts";
import { languageFromCode } from "../language.ts";
import { splitHtml } from "../split.ts";

export const inlineFeature = new Composer<MyContext>();

/** Telegram caches results per query for this long; the article does not change while the bot runs. */
export const INLINE_CACHE_SECONDS = 300;
/** Telegram's limit for inline queries; longer text (other clients, forged updates) is cut. */
const MAX_QUERY = 256;
const POPULAR = 20;
const MAX_RESULTS = 8;
const MAX_DESCRIPTION = 120;

function firstLine(text: string): string {
  const line = text.split("\n").find((l) => l.trim() !== "") ?? "";
  return line.length <= MAX_DESCRIPTION ? line : `${line.slice(0, MAX_DESCRIPTION - 1).trimEnd()}…`;
}

function result(ctx: MyContext, id: string, title: string, decision: Decision): InlineQueryResultArticle {
  const { kb } = ctx.deps;
  // An inline message cannot be split: the first part is what gets posted (answers are far shorter).
  const [html = ""] = splitHtml(renderReply(decision, kb, "html"));
  return {
    type: "article",
    id,
    title,
    description: firstLine(renderReply(decision, kb, "plain")),
    input_message_content: {
      message_text: html,
      parse_mode: "HTML",
      link_preview_options: { is_disabled: true },
    },
  };
}

function answerResult(ctx: MyContext, id: string, decision: Decision): InlineQueryResultArticle {
  return result(ctx, `a:${answerRef(ctx.deps.kb, id)}:${decision.lang}`, decision.question, decision);
}

inlineFeature.on("inline_query", async (ctx) => {
  const { kb, engine } = ctx.deps;
  const query = ctx.inlineQuery.query.slice(0, MAX_QUERY).trim();
  const code = ctx.from.language_code;
  ctx.note({ kind: "inline" });

  if (query === "") {
    const lang = languageFromCode(code) ?? "en";
    const results = engine
      .examples(lang, POPULAR)
      .map((e) => answerResult(ctx, e.id, decisionFor(ctx, e.id, lang)));
    ctx.note({ lang });
    // The list depends on the user's language, so Telegram must not share it between users.
    await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: true });
    return;
  }

  // Queries arrive keystroke by keystroke, so they are not recorded for the curators' report.
  ctx.logger.debug({ text: query }, "inline query");
  const decision = engine.ask(query, code ? { userLanguageCode: code } : {});
  const t = botTexts(decision.lang);
  ctx.note({
    lang: decision.lang,
    score: decision.score,
    ...(decision.kind === "answer" ? { answerId: decision.ids[0] } : {}),
  });
  let results: InlineQueryResultArticle[];
  if (decision.kind === "answer") {
    const first = decision.ids[0];
    const title = canonicalQuestion(kb, first, decision.lang);
    const main = result(ctx, `m:${answerRef(kb, first)}:${decision.lang}`, title, decision);
    const others = decision.alternatives
      .filter((c) => kb.answerById.has(c.id) && !decision.ids.includes(c.id))
      .slice(0, MAX_RESULTS - 1)
      .map((c) => answerResult(ctx, c.id, decisionFor(ctx, c.id, decision.lang)));
    results = [main, ...others];
  } else {
    const title = decision.kind === "decline" ? t.inlineDeclineTitle : t.inlineSmalltalkTitle;
    results = [result(ctx, `${decision.kind}:${decision.lang}`, title, decision)];
  }
  await ctx.answerInlineQuery(results, { cache_time: INLINE_CACHE_SECONDS, is_personal: false });
});
