// Scores conversations: each message is read in the light of the ones before it, the way the bot reads
// it (readFollowUp, with what the bot remembers: the answers given, newest first, and their language).
// Single questions are scored by evaluation.ts; here a follow-up ("and how much?") is right only if the
// conversation led it to the right answer. No I/O: the callers read the files.
import { parse } from "yaml";
import * as z from "zod";
import { MAX_ANSWERS } from "../bot/memory.ts";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { contextAfter, type FollowUpContext, type FollowUpEngine, readFollowUp } from "../engine/followup.ts";
import type { Decision } from "../engine/index.ts";
import { describe, EvalQuestionSchema, isCorrect, unknownIds } from "./evaluation.ts";

/**
 * What a message is in its conversation: the first question; a follow-up the article answers, or one
 * asking a detail it lacks; a switch to another topic; thanks, alone or before a follow-up.
 */
export const TURN_CATEGORIES = [
  "opening",
  "follow-up",
  "follow-up-lacks",
  "switch",
  "thanks",
  "thanks-follow-up",
] as const;
export type TurnCategory = (typeof TURN_CATEGORIES)[number];

/** A message is scored like a question (evaluation.ts), with its kind in the conversation as category. */
const TurnSchema = EvalQuestionSchema.extend({ category: z.enum(TURN_CATEGORIES) }).strict();
export type Turn = z.infer<typeof TurnSchema>;

const ConversationSchema = z.object({ turns: z.array(TurnSchema).min(1) }).strict();
export type Conversation = z.infer<typeof ConversationSchema>;

/** Parses a conversation set (YAML with a `conversations` list); throws on a malformed entry. */
export function parseConversations(yamlText: string): Conversation[] {
  const raw = parse(yamlText) as { conversations?: unknown };
  return z.array(ConversationSchema).parse(raw?.conversations);
}

/** Expected answers the content does not have: a broken set, not a miss. */
export function unknownConversationIds(kb: KnowledgeBase, conversations: readonly Conversation[]): string[] {
  return unknownIds(
    kb,
    conversations.flatMap((c) => c.turns),
  );
}

export interface TurnResult {
  turn: Turn;
  decision: Decision;
  /** How the message was read: on its own, as a follow-up resolved by the conversation, or neither. */
  reading: "own" | "resolved" | "unsettled" | "no-context";
  ok: boolean;
  langOk: boolean;
}

/** One conversation, message by message, with the memory the bot would keep. */
export function runConversation(
  kb: KnowledgeBase,
  engine: FollowUpEngine,
  conversation: Conversation,
): TurnResult[] {
  let context: FollowUpContext | undefined;
  return conversation.turns.map((turn) => {
    const reading = readFollowUp(kb, engine, turn.q, context);
    const { decision } = reading;
    // The bot remembers what it replied (its own reading or a resolved follow-up), as many answers as it keeps.
    if (reading.kind === "own" || reading.kind === "resolved")
      context = contextAfter(decision, context, MAX_ANSWERS);
    return {
      turn,
      decision,
      reading: reading.kind,
      ok: isCorrect(kb, turn, decision),
      langOk: decision.lang === turn.lang,
    };
  });
}

export interface ConversationReport {
  categories: { category: TurnCategory; total: number; correct: number }[];
  total: number;
  correct: number;
  /** Answers given that are not right (the wrong answers, as in evaluation.ts). */
  wrong: number;
  langCorrect: number;
  /** Every message scored wrong or answered in another language, with the conversation before it. */
  misses: { before: string[]; result: TurnResult; got: string }[];
}

export function evaluateConversations(
  kb: KnowledgeBase,
  engine: FollowUpEngine,
  conversations: readonly Conversation[],
): ConversationReport {
  const per = new Map<TurnCategory, { total: number; correct: number }>();
  const misses: ConversationReport["misses"] = [];
  let total = 0;
  let correct = 0;
  let wrong = 0;
  let langCorrect = 0;
  for (const conversation of conversations) {
    const results = runConversation(kb, engine, conversation);
    results.forEach((result, i) => {
      const c = per.get(result.turn.category) ?? { total: 0, correct: 0 };
      c.total += 1;
      total += 1;
      if (result.ok) {
        c.correct += 1;
        correct += 1;
      } else if (result.decision.kind === "answer") wrong += 1;
      if (result.langOk) langCorrect += 1;
      per.set(result.turn.category, c);
      if (!result.ok || !result.langOk)
        misses.push({
          before: conversation.turns.slice(0, i).map((t) => t.q),
          result,
          got: `${describe(result.decision)}${result.reading === "own" ? "" : ` (${result.reading})`}`,
        });
    });
  }
  const categories = TURN_CATEGORIES.filter((c) => per.has(c)).map((category) => ({
    category,
    ...(per.get(category) ?? { total: 0, correct: 0 }),
  }));
  return { categories, total, correct, wrong, langCorrect, misses };
}
