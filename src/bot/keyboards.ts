// Inline keyboards. Question buttons show the canonical question in the reply language; every button's
// data goes through encodeAction, which refuses anything over Telegram's 64 bytes.
import type { InlineKeyboardButton, InlineKeyboardMarkup } from "grammy/types";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS, type Lang } from "../content/langs.ts";
import { type Decision, offeredIds } from "../engine/decision.ts";
import { canonicalQuestion } from "../presentation/render.ts";
import { botTexts } from "../texts/bot.ts";
import { answerRef, type ButtonAction, encodeAction } from "./callback-data.ts";
import type { AnswerEngine } from "./context.ts";

/** Up to three question buttons under a reply: more reads as a menu, not a suggestion. */
export const MAX_QUESTION_BUTTONS = 3;

/** Telegram shows long button labels cut anyway; cutting here keeps them readable. */
const MAX_LABEL = 60;

function label(text: string): string {
  return text.length <= MAX_LABEL ? text : `${text.slice(0, MAX_LABEL - 1).trimEnd()}…`;
}

type Row = InlineKeyboardButton[];

function button(text: string, action: ButtonAction): InlineKeyboardButton.CallbackButton {
  return { text: label(text), callback_data: encodeAction(action) };
}

/** Telegram rejects a keyboard with an empty row; no rows at all means no keyboard. */
function markup(rows: Row[]): InlineKeyboardMarkup | undefined {
  const kept = rows.filter((row) => row.length > 0);
  return kept.length > 0 ? { inline_keyboard: kept } : undefined;
}

/**
 * Buttons and rows that depend on the content alone (an answer's question, its Source/share/vote row),
 * made once per knowledge base and shared by every keyboard showing them: grammY only serialises a
 * keyboard, nothing changes one after it is built. Bounded by the content (answers × languages).
 */
const madeOnce = new WeakMap<KnowledgeBase, Map<string, InlineKeyboardButton | Row>>();

function once<T extends InlineKeyboardButton | Row>(kb: KnowledgeBase, key: string, make: () => T): T {
  let made = madeOnce.get(kb);
  if (!made) {
    made = new Map();
    madeOnce.set(kb, made);
  }
  let found = made.get(key) as T | undefined;
  if (found === undefined) {
    found = make();
    made.set(key, found);
  }
  return found;
}

function questionButton(kb: KnowledgeBase, id: string, lang: Lang, type: "ask" | "topicAnswer" = "ask") {
  return once(kb, `${type} ${id} ${lang}`, () =>
    button(canonicalQuestion(kb, id, lang), { type, ref: answerRef(kb, id), lang }),
  );
}

/** Distinct known ids, in order, without those excluded, at most `limit`. */
function pick(kb: KnowledgeBase, ids: Iterable<string>, exclude: readonly string[], limit: number): string[] {
  const out: string[] = [];
  for (const id of ids) {
    if (out.length >= limit) break;
    if (kb.answerById.has(id) && !exclude.includes(id) && !out.includes(id)) out.push(id);
  }
  return out;
}

/**
 * Questions to offer under a reply: the engine's close alternatives ("did you mean"), then the answer's
 * related questions; on a decline or small talk, the engine's suggestions, then popular questions.
 */
export function suggestedIds(kb: KnowledgeBase, engine: AnswerEngine, decision: Decision): string[] {
  const alternatives = offeredIds(decision);
  if (decision.kind === "answer") {
    const related = decision.ids.flatMap((id) => kb.answerById.get(id)?.related ?? []);
    return pick(kb, [...alternatives, ...related], decision.ids, MAX_QUESTION_BUTTONS);
  }
  const popular = engine.examples(decision.lang, MAX_QUESTION_BUTTONS * 2).map((e) => e.id);
  return pick(kb, [...alternatives, ...popular], [], MAX_QUESTION_BUTTONS);
}

function questionRows(kb: KnowledgeBase, ids: readonly string[], lang: Lang): Row[] {
  return ids.map((id) => [questionButton(kb, id, lang)]);
}

export function questionsKeyboard(
  kb: KnowledgeBase,
  ids: readonly string[],
  lang: Lang,
): InlineKeyboardMarkup | undefined {
  return markup(questionRows(kb, ids, lang));
}

/**
 * Share: Telegram opens a chat picker and types "@ThisBot <question>" there; the inline feature then
 * offers this cited answer to post. The query is the answer's canonical question, which the engine
 * answers with this very answer (tested for every answer).
 */
function shareButton(kb: KnowledgeBase, id: string, lang: Lang): InlineKeyboardButton.SwitchInlineButton {
  return { text: botTexts(lang).shareButton, switch_inline_query: canonicalQuestion(kb, id, lang) };
}

/** Source (when the answer rests on the article), share and 👍/👎, in one row. */
function answerRow(kb: KnowledgeBase, id: string, lang: Lang, withSource: boolean): Row {
  return once(kb, `row ${id} ${lang} ${withSource}`, () => makeAnswerRow(kb, id, lang, withSource));
}

function makeAnswerRow(kb: KnowledgeBase, id: string, lang: Lang, withSource: boolean): Row {
  const answer = kb.answerById.get(id);
  const ref = answerRef(kb, id);
  const row: Row = [];
  // Answers about the bot itself rest on no passage of the article: nothing to show.
  if (withSource && answer && answer.quotes.length + answer.footnotes.length > 0)
    row.push(button(botTexts(lang).sourceButton, { type: "source", ref, lang }));
  // Where buttons post to every subscriber (channels), sharing is the channel's own business.
  if (withSource) row.push(shareButton(kb, id, lang));
  row.push(button("👍", { type: "vote", vote: 1, ref }), button("👎", { type: "vote", vote: -1, ref }));
  return row;
}

export interface AnswerKeyboardOptions {
  /** Question buttons (not in channels, where a press would post to every subscriber). */
  questions: boolean;
  /** The Source button (it posts the footnote as a new message). */
  source: boolean;
}

/** The keyboard under a reply: question buttons, then Source and 👍/👎 for an answer. */
export function replyKeyboard(
  kb: KnowledgeBase,
  engine: AnswerEngine,
  decision: Decision,
  options: AnswerKeyboardOptions = { questions: true, source: true },
): InlineKeyboardMarkup | undefined {
  const rows = options.questions ? questionRows(kb, suggestedIds(kb, engine, decision), decision.lang) : [];
  const id = decision.kind === "answer" ? decision.ids[0] : undefined;
  if (id !== undefined && kb.answerById.has(id)) rows.push(answerRow(kb, id, decision.lang, options.source));
  return markup(rows);
}

export function topicsKeyboard(kb: KnowledgeBase, lang: Lang): InlineKeyboardMarkup | undefined {
  return markup(
    kb.topics
      .filter((topic) => kb.answers.some((a) => a.topic === topic.id))
      .map((topic) => [button(topic.title[lang], { type: "topic", topic: topic.id, lang })]),
  );
}

export function topicKeyboard(
  kb: KnowledgeBase,
  topicId: string,
  lang: Lang,
): InlineKeyboardMarkup | undefined {
  const questions = kb.answers
    .filter((a) => a.topic === topicId)
    .map((a) => [questionButton(kb, a.id, lang, "topicAnswer")]);
  return markup([...questions, [button(botTexts(lang).toTopics, { type: "topics", lang })]]);
}

/** Under an answer opened from /topics: Source, feedback, and the way back to its topic. */
export function topicAnswerKeyboard(
  kb: KnowledgeBase,
  id: string,
  lang: Lang,
): InlineKeyboardMarkup | undefined {
  const topic = kb.answerById.get(id)?.topic ?? "";
  const t = botTexts(lang);
  return markup([
    answerRow(kb, id, lang, true),
    [button(t.back, { type: "topic", topic, lang }), button(t.toTopics, { type: "topics", lang })],
  ]);
}

/** The three languages, and "automatic" (in the language of the menu) on a row of its own. */
export function languageKeyboard(menuLang: Lang): InlineKeyboardMarkup | undefined {
  return markup([
    LANGS.map((lang) => button(botTexts(lang).langName, { type: "setLang", lang })),
    [button(botTexts(menuLang).langAuto, { type: "setLang", lang: "auto" })],
  ]);
}
