// From a question to a sent reply: ask the engine, record the question for curators, render and send
// with the right keyboard. Used by private chats, groups, channels and question buttons alike.
import type { Message } from "grammy/types";
import type { Lang } from "../content/schema.ts";
import { THRESHOLDS } from "../engine/decide.ts";
import { type AskOptions, answerIds, type Decision } from "../engine/decision.ts";
import { contextAfter, readFollowUp } from "../engine/followup.ts";
import { errorSummary } from "../logger.ts";
import { canonicalQuestion, renderReply } from "../presentation/render.ts";
import { dayOf } from "../storage/rules.ts";
import { botTexts } from "../texts/bot.ts";
import type { MyContext } from "./context.ts";
import { MAX_QUESTION_BUTTONS, questionsKeyboard, replyKeyboard } from "./keyboards.ts";
import { type Conversation, MAX_ANSWERS } from "./memory.ts";
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

/** How the engine should read this user's questions: the chat's language if one was chosen. */
function askOptions(ctx: MyContext): AskOptions {
  const lang = ctx.chatLang;
  return {
    ...(lang ? { lang } : {}),
    ...(ctx.from?.language_code ? { userLanguageCode: ctx.from.language_code } : {}),
  };
}

/**
 * Whose conversation a message belongs to: the private chat; in a group the person, per forum topic.
 * Channels and inline queries have none (no one to follow up).
 */
function conversationKey(ctx: MyContext): string | undefined {
  const chat = ctx.chat;
  if (!chat || chat.type === "channel" || !ctx.from) return undefined;
  if (chat.type === "private") return ctx.deps.hash(`conversation:${chat.id}`);
  const thread = ctx.msg?.is_topic_message ? (ctx.msg.message_thread_id ?? 0) : 0;
  return ctx.deps.hash(`conversation:${chat.id}:${thread}:${ctx.from.id}`);
}

const clock = (ctx: MyContext) => (ctx.deps.now?.() ?? new Date()).getTime();

/**
 * The update's conversation, read once: the question is read against it and the answer added to it
 * (a shared memory is a database round trip, the key a keyed hash). A chat's updates run one at a
 * time, so it cannot change in between.
 */
interface Recalled {
  key: string | undefined;
  conversation: Promise<Conversation | undefined>;
}
const recalled = new WeakMap<MyContext, Recalled>();

function conversationOf(ctx: MyContext): Recalled {
  let found = recalled.get(ctx);
  if (!found) {
    const key = conversationKey(ctx);
    found = { key, conversation: key ? read(ctx, key) : Promise.resolve(undefined) };
    recalled.set(ctx, found);
  }
  return found;
}

async function read(ctx: MyContext, key: string): Promise<Conversation | undefined> {
  try {
    return await ctx.deps.memory.get(key, clock(ctx));
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "memory: reading the conversation failed");
    return undefined;
  }
}

/** Remembers an answer just given, for follow-ups. A failing memory never stops the reply. */
async function remember(ctx: MyContext, decision: Decision): Promise<void> {
  if (decision.kind === "smalltalk") return;
  const { key, conversation } = conversationOf(ctx);
  if (!key) return;
  try {
    const before = await conversation;
    const after = contextAfter(decision, before, MAX_ANSWERS);
    if (after === before) return;
    // (Forgotten: an empty conversation, which a follow-up finds nothing in.)
    await ctx.deps.memory.set(key, {
      ids: after ? [...after.ids] : [],
      lang: after?.lang ?? decision.lang,
      topic: ctx.deps.kb.answerById.get(after?.ids[0] ?? "")?.topic ?? "",
      at: clock(ctx),
      ...(after?.offered ? { offered: true } : {}),
    });
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "memory: saving the conversation failed");
  }
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
    confidence: "sure",
    alternatives: [],
    // The canonical question is the answer's own: its short answer answers it.
    shortFor: [id],
    footnotes: answer?.footnotes ?? [],
  };
}

/** Today (UTC, YYYY-MM-DD) by the bot's clock. */
export function today(ctx: MyContext): string {
  return dayOf(ctx.deps.now?.() ?? new Date());
}

/** Keeps the question for the curators' report. A failing store is logged and never stops the answer. */
export function recordQuestion(
  ctx: MyContext,
  question: string,
  decision: Decision,
  followUpOf?: string,
): void {
  if (decision.kind === "smalltalk") return;
  const answered = decision.kind === "answer";
  // A follow-up's text is kept with what it resolved to: "why?" alone says nothing to a curator.
  const keepText = !answered || isLowConfidence(decision) || followUpOf !== undefined;
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
      ...(followUpOf !== undefined ? { followUpOf } : {}),
      // Counted by update, not by arrival: an update handled again after a crash counts once.
      updateId: ctx.update.update_id,
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
  // Buttons carry the offered questions and the rest of long evidence (Source): the text does not repeat them.
  const html = renderReply(decision, kb, "html", { buttons: !placement.channel });
  const sent = await sendHtml(ctx, html, {
    ...(keyboard ? { keyboard } : {}),
    ...(placement.replyTo !== undefined ? { replyTo: placement.replyTo } : {}),
  });
  await remember(ctx, decision);
  return sent;
}

/** The whole path for a typed question. */
export async function answerQuestion(
  ctx: MyContext,
  question: string,
  placement: ReplyPlacement = {},
): Promise<Message> {
  // Checked on the shared logger first: the update's child logger is made only when something logs.
  if (ctx.deps.logger.isLevelEnabled("debug")) ctx.logger.debug({ text: question }, "question");
  const { kb, engine } = ctx.deps;
  const conversation = await conversationOf(ctx).conversation;
  const reading = readFollowUp(kb, engine, question, conversation, askOptions(ctx));
  const { decision } = reading;
  recordQuestion(
    ctx,
    question,
    decision,
    reading.kind === "own" || reading.kind === "no-context" ? undefined : reading.about,
  );
  if (reading.kind === "own") return sendDecision(ctx, decision, placement);
  ctx.note({ followUp: reading.kind, ...(reading.kind !== "no-context" ? { about: reading.about } : {}) });
  if (reading.kind === "resolved") return sendDecision(ctx, decision, placement);
  // Not settled by the conversation: say so, and offer what can be asked next (as buttons only).
  noteDecision(ctx, decision);
  const t = botTexts(decision.lang);
  const offered =
    reading.kind === "unsettled"
      ? (kb.answerById.get(reading.about)?.related ?? []).filter((id) => kb.answerById.has(id))
      : engine.examples(decision.lang, MAX_QUESTION_BUTTONS).map((e) => e.id);
  const keyboard = placement.channel
    ? undefined
    : questionsKeyboard(kb, offered.slice(0, MAX_QUESTION_BUTTONS), decision.lang);
  const text = reading.kind === "unsettled" ? t.followUpUnsettled : t.followUpNoContext;
  return replyText(ctx, text, {
    ...(keyboard ? { keyboard } : {}),
    ...(placement.replyTo !== undefined ? { replyTo: placement.replyTo } : {}),
  });
}
