// Renders a Decision for people: plain text (command line) or Telegram HTML (only <b> <i> <a> <code>
// <blockquote>, every piece of content or user text escaped). Pure functions; strings from texts/reply.ts.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer, Lang } from "../content/schema.ts";
import { attachedFootnote } from "../content/validate.ts";
import { type Decision, type Declined, offeredIds } from "../engine/decision.ts";
import { escapeHtml, TELEGRAM_TEXT_LIMIT } from "../telegram.ts";
import { REPLY_TEXTS, type ReplyTexts } from "../texts/reply.ts";

export type Format = "plain" | "html";

export interface RenderOptions {
  /**
   * The reply goes out with buttons (the bot in a chat): questions it offers are not listed again as
   * text, and evidence longer than LONG_EVIDENCE is cut to its first quote, the rest behind "Source".
   */
  buttons?: boolean;
}

/** Quotes longer than this together (the author's four-sentence biography) are cut when buttons carry the rest. */
export const LONG_EVIDENCE = 700;
/** The one quote kept of long evidence is cut to this. */
const KEPT_QUOTE = 300;

/** Telegram rejects longer messages. */
export const MAX_MESSAGE_LENGTH = TELEGRAM_TEXT_LIMIT;

/** Markup helpers: in plain text they only escape nothing and add no tags. */
function markup(format: Format) {
  const html = format === "html";
  const esc = (s: string) => (html ? escapeHtml(s) : s);
  return {
    esc,
    bold: (s: string) => (html ? `<b>${escapeHtml(s)}</b>` : s),
    italic: (s: string) => (html ? `<i>${escapeHtml(s)}</i>` : s),
    link: (url: string) => (html ? `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>` : url),
    quote: (s: string) => (html ? `<blockquote>${escapeHtml(s)}</blockquote>` : `“${s}”`),
  };
}

/** The first question of an answer in a language: what buttons and suggestions show. */
export function canonicalQuestion(kb: KnowledgeBase, id: string, lang: Lang): string {
  const a = kb.answerById.get(id);
  return a?.questions[lang][0] ?? a?.questions.en[0] ?? id;
}

/** One footnote in full: number, outlet, title (with our translation where the title is in another language), link, access date. */
export function renderFootnote(kb: KnowledgeBase, n: number, lang: Lang, format: Format): string {
  const f = kb.footnoteByNumber.get(n);
  if (!f) return "";
  const t = REPLY_TEXTS[lang];
  const m = markup(format);
  const translated = f.titleLang !== lang ? f.translations[lang] : undefined;
  const title = `“${f.title}”${translated ? ` (${t.translation(translated)})` : ""}`;
  return `${m.bold(`[${n}]`)} ${m.esc(`${f.outlet}, ${title}, `)}${m.link(f.url)}${m.esc(`, ${t.accessed(f.accessed)}`)}`;
}

/** All the article's footnotes. */
export function renderSources(kb: KnowledgeBase, lang: Lang, format: Format): string {
  const m = markup(format);
  const lines = [m.bold(REPLY_TEXTS[lang].allSources(kb.footnotes.length))];
  for (const f of kb.footnotes) lines.push(renderFootnote(kb, f.n, lang, format));
  return lines.join("\n");
}

/** Quotes longer than `limit` characters are cut at a word boundary. */
function shorten(text: string, limit: number, mark: string): string {
  if (text.length <= limit) return text;
  const cut = text.slice(0, Math.max(0, limit));
  const atSpace = cut.lastIndexOf(" ");
  return `${(atSpace > limit / 2 ? cut.slice(0, atSpace) : cut).trimEnd()}${mark}`;
}

/**
 * Answers as rendered, per knowledge base: an answer's block depends on the content and the options
 * alone, never on who asked, so each is built once and every reply showing it reuses the string.
 * Bounded by the content: answers × languages × formats × the few quote limits renderReply tries.
 */
const renderedAnswers = new WeakMap<KnowledgeBase, Map<string, string>>();

function renderAnswerOnce(
  a: Answer,
  kb: KnowledgeBase,
  lang: Lang,
  format: Format,
  quoteLimit: number,
  options: RenderOptions,
  withShort: boolean,
): string {
  let known = renderedAnswers.get(kb);
  if (!known) {
    known = new Map();
    renderedAnswers.set(kb, known);
  }
  const key = `${a.id} ${lang} ${format} ${quoteLimit} ${options.buttons === true} ${withShort}`;
  let text = known.get(key);
  if (text === undefined) {
    text = renderAnswer(a, kb, lang, format, quoteLimit, options, withShort);
    known.set(key, text);
  }
  return text;
}

/** An answer with its evidence: text, quotes, then the citation (footnotes, or paragraphs without one). */
function renderAnswer(
  a: Answer,
  kb: KnowledgeBase,
  lang: Lang,
  format: Format,
  quoteLimit: number,
  options: RenderOptions,
  withShort: boolean,
): string {
  const t = REPLY_TEXTS[lang];
  const m = markup(format);
  // The short answer first, in bold: what was asked, in a few words, when it answers the kind of question
  // asked (the engine tells); then the curated text.
  const parts =
    a.short && withShort ? [`${m.bold(a.short[lang])}\n${m.esc(a.answer[lang])}`] : [m.esc(a.answer[lang])];
  if (a.kind === "bot" && a.quotes.length === 0) {
    parts.push(m.italic(t.aboutTheBot));
    return parts.join("\n\n");
  }
  if (a.kind === "page" && a.quotes.length === 0) {
    parts.push(m.italic(t.fromThePage));
    return parts.join("\n\n");
  }
  const long = options.buttons && a.quotes.reduce((n, q) => n + q.text.length, 0) > LONG_EVIDENCE;
  const shown = long ? a.quotes.slice(0, 1) : a.quotes;
  const limit = long ? Math.min(quoteLimit, KEPT_QUOTE) : quoteLimit;
  if (limit > 0) {
    for (const q of shown) {
      const original = kb.article.paragraphs.find((p) => p.n === q.p)?.language ?? kb.article.language;
      parts.push(`${m.italic(t.quoteLabel(q.p, original))}\n${m.quote(shorten(q.text, limit, t.shortened))}`);
    }
    if (long) parts.push(m.italic(t.moreQuotes(a.quotes.length - shown.length)));
  }
  const citations: string[] = a.footnotes.map((n) => renderFootnote(kb, n, lang, format));
  const paragraphs = new Map(kb.article.paragraphs.map((p) => [p.n, p.text]));
  const unsourced = new Set<number>();
  for (const q of a.quotes) {
    const text = paragraphs.get(q.p);
    if (text !== undefined && attachedFootnote(text, q.text) === null) unsourced.add(q.p);
  }
  for (const p of unsourced) citations.push(m.esc(t.noFootnote(p)));
  if (citations.length > 0) {
    const label = citations.length > 1 ? t.sourcesLabel : t.sourceLabel;
    parts.push(`${m.bold(label)}\n${citations.join("\n")}`);
  }
  return parts.join("\n\n");
}

function questionList(kb: KnowledgeBase, ids: readonly string[], lang: Lang, format: Format): string {
  const m = markup(format);
  return ids.map((id) => `• ${m.esc(canonicalQuestion(kb, id, lang))}`).join("\n");
}

function smalltalkReply(kb: KnowledgeBase, intent: string, lang: Lang): string {
  return kb.smalltalk.find((s) => s.id === intent)?.reply[lang] ?? kb.smalltalk[0]?.reply[lang] ?? "";
}

/** What a decline says first: why there is no answer. */
function declineText(decision: Declined, t: ReplyTexts, close: boolean): string {
  switch (decision.reason) {
    case "out-of-scope":
      return t.declineOutOfScope(decision.name);
    case "empty":
      return t.declineEmpty;
    case "weak":
      if (decision.broad !== undefined && close) return t.declineBroad(decision.broad);
      return close ? t.declineClose : t.declineWeak;
    case "lacks":
      return t.declineLacks[decision.detail];
  }
}

function build(
  decision: Decision,
  kb: KnowledgeBase,
  format: Format,
  quoteLimit: number,
  options: RenderOptions = {},
): string {
  const lang = decision.lang;
  const t: ReplyTexts = REPLY_TEXTS[lang];
  const m = markup(format);
  const blocks: string[] = [];
  const known = (ids: readonly string[]) => ids.filter((id) => kb.answerById.has(id));
  // With buttons the questions are offered once, as buttons: one heading says what they are.
  let headed = false;
  const list = (header: string, ids: readonly string[]) => {
    if (ids.length === 0) return;
    if (!options.buttons) blocks.push(`${m.bold(header)}\n${questionList(kb, ids, lang, format)}`);
    else if (!headed) blocks.push(m.bold(header));
    headed = true;
  };
  switch (decision.kind) {
    case "answer": {
      // Not sure: say which question this answers, so a wrong guess is visible as one.
      if (decision.confidence === "hedged")
        blocks.push(m.italic(t.hedge(canonicalQuestion(kb, decision.ids[0], lang))));
      for (const id of decision.ids) {
        const a = kb.answerById.get(id);
        if (a)
          blocks.push(
            renderAnswerOnce(a, kb, lang, format, quoteLimit, options, decision.shortFor.includes(id)),
          );
      }
      if (!options.buttons) list(t.alsoMean, known(decision.alternatives.map((c) => c.id)));
      break;
    }
    case "decline": {
      // A weak match with related answers may be one of them, asked in words the engine did not
      // follow: say that, and offer them as what was perhaps meant.
      const related =
        decision.reason === "weak" || decision.reason === "lacks"
          ? known(decision.related.map((c) => c.id))
          : [];
      blocks.push(m.esc(declineText(decision, t, related.length > 0)));
      list(decision.reason === "lacks" ? t.whatItSays : t.didYouMean, related);
      list(
        t.suggestionsHeader,
        known(offeredIds(decision)).filter((id) => !related.includes(id)),
      );
      break;
    }
    case "smalltalk": {
      blocks.push(m.esc(smalltalkReply(kb, decision.intent, lang)));
      list(t.suggestionsHeader, known(decision.examples));
      break;
    }
  }
  return blocks.join("\n\n");
}

/** The full reply for a decision, never longer than Telegram allows (quotes are shortened first). */
export function renderReply(
  decision: Decision,
  kb: KnowledgeBase,
  format: Format,
  options: RenderOptions = {},
): string {
  for (const limit of [Number.POSITIVE_INFINITY, 600, 300, 150, 0]) {
    const text = build(decision, kb, format, limit, options);
    if (text.length <= MAX_MESSAGE_LENGTH) return text;
  }
  // Only a pathological decision gets here: keep the first answer alone, cut as plain text.
  const fallback = build(
    decision.kind === "answer" ? { ...decision, ids: [decision.ids[0]], alternatives: [] } : decision,
    kb,
    "plain",
    0,
  );
  const encode = format === "html" ? escapeHtml : (s: string) => s;
  let limit = MAX_MESSAGE_LENGTH - 1;
  let out = encode(shorten(fallback, limit, "…"));
  while (out.length > MAX_MESSAGE_LENGTH && limit > 0) {
    limit -= out.length - MAX_MESSAGE_LENGTH;
    out = encode(shorten(fallback, limit, "…"));
  }
  return out;
}
