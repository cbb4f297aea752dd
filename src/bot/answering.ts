// From a question to a sent reply: ask the engine, record the question for curators, render and send
// with the right keyboard. Used by private chats, groups, channels and question buttons alike.
import type { Message } from "grammy/types";
import type { Lang } from "../content/schema.ts";
import { THRESHOLDS } from "../engine/decide.ts";
import { answerIds, type Decision } from "../engine/decision.ts";
import { errorSummary } from "../logger.ts";
import { canonicalQuestion, renderReply } from "../presentation/render.ts";
import { dayOf } from "../storage/rules.ts";
import type { MyContext } from "./context.ts";
import { replyKeyboard } from "./keyboards.ts";
import { replyText, sendHtml } from "./send.ts";

/**
 * An answer counts as low-confidence when it cleared the engine's answer threshold by less than the
 * ambiguity gap, or a runner-up came that close: its text is kept, like a declined question's, so
 * curators see what people asked.
 */
export const LOW_CONFIDENCE = THRESHOLDS.answer + THRESHOLDS.ambiguityGap;

export function isLowConfidence(decision: Decision): boolean {
  return decision.kind === "answer" && (decision.score < LOW_CONFIDENCE || decision.alternatives.length > 0);
}

/** The engine's decision for a question typed by the user, in the chat's language if one was chosen. */
export function decide(ctx: MyContext, question: string): Decision {
  const lang = ctx.chatLang;
  return ctx.deps.engine.ask(question, {
    ...(lang ? { lang } : {}),
    ...(ctx.from?.language_code ? { userLanguageCode: ctx.from.language_code } : {}),
  });
}

/** The decision for an answer chosen by a button: no matching involved, the id is known. */
export function decisionFor(ctx: MyContext, id: string, lang: Lang): Decision {
  const answer = ctx.deps.kb.answerById.get(id);
  return {
    kind: "answer",
    question: canonicalQuestion(ctx.deps.kb, id, lang),
    lang,
    detected: lang,
    ids: [id],
    score: 1,
    alternatives: [],
    footnotes: answer?.footnotes ?? [],
  };
}

/** Today (UTC, YYYY-MM-DD) by the bot's clock. */
export function today(ctx: MyContext): string {
  return dayOf(ctx.deps.now?.() ?? new Date());
}

/** Keeps the question for the curators' report. A failing store is logged and never stops the answer. */
export function recordQuestion(ctx: MyContext, question: string, decision: Decision): void {
  if (decision.kind === "smalltalk") return;
  const answered = decision.kind === "answer";
  const keepText = !answered || isLowConfidence(decision);
  const runnerUp = answered ? decision.alternatives[0] : undefined;
  try {
    ctx.deps.store.recordQuestion({
      normalized: keepText ? normalizeForLog(question) : null,
      lang: decision.lang,
      questionLang: decision.detected,
      chatType: ctx.chat?.type ?? "inline",
      groupKey: keepText ? ctx.deps.engine.groupKey(question) : null,
      matchedId: answerIds(decision)[0] ?? null,
      score: decision.score,
      answered,
      day: today(ctx),
      ...(runnerUp ? { runnerUpId: runnerUp.id, runnerUpScore: runnerUp.score } : {}),
      ...(decision.kind === "decline" ? { declineReason: decision.reason } : {}),
    });
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: recording a question failed");
  }
}

/** One line, single-spaced, lower-case: what a curator needs to read, nothing of the formatting. */
function normalizeForLog(text: string): string {
  return text.normalize("NFKC").replace(/\s+/g, " ").trim().toLocaleLowerCase();
}

export interface ReplyPlacement {
  /** Reply to this message (groups, channels). */
  replyTo?: number;
  /** Channels get no question or Source buttons: a press there would post to every subscriber. */
  channel?: boolean;
}

/** The decision's part of the update's log line. */
export function noteDecision(ctx: MyContext, decision: Decision): void {
  ctx.note({
    lang: decision.lang,
    kind: decision.kind,
    score: decision.score,
    ...(decision.kind === "answer" ? { answerId: decision.ids[0] } : {}),
  });
}

/** "/ask" alone, or a bare mention: show how to ask, with a question the article answers. */
export async function sendAskHint(ctx: MyContext): Promise<void> {
  const example = ctx.deps.engine.examples(ctx.lang, 1)[0]?.question ?? "";
  ctx.note({ kind: "command", lang: ctx.lang });
  await replyText(ctx, ctx.t.askHint(example));
}

/** Renders and sends a decision with its keyboard; notes the outcome for the update's log line. */
export async function sendDecision(
  ctx: MyContext,
  decision: Decision,
  placement: ReplyPlacement = {},
): Promise<Message> {
  const { kb, engine } = ctx.deps;
  const keyboard = replyKeyboard(kb, engine, decision, {
    questions: !placement.channel,
    source: !placement.channel,
  });
  noteDecision(ctx, decision);
  return sendHtml(ctx, renderReply(decision, kb, "html"), {
    ...(keyboard ? { keyboard } : {}),
    ...(placement.replyTo !== undefined ? { replyTo: placement.replyTo } : {}),
  });
}

/** The whole path for a typed question. */
export async function answerQuestion(
  ctx: MyContext,
  question: string,
  placement: ReplyPlacement = {},
): Promise<Message> {
  ctx.logger.debug({ text: question }, "question");
  const decision = decide(ctx, question);
  recordQuestion(ctx, question, decision);
  return sendDecision(ctx, decision, placement);
}
