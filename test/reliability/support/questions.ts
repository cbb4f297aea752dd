// Questions whose answers can be told apart, checked in process with the real engine: for order and
// exactly-once checks, each reply must say which question it answers.
import { loadKnowledgeBase } from "../../../src/content/load.ts";
import { createEngine } from "../../../src/engine/index.ts";
import { escapeHtml } from "../../../src/telegram.ts";

export interface KnownQuestion {
  question: string;
  answerId: string;
  /** The start of the HTML reply: the short answer and the answer text, escaped as the bot sends them. */
  replyStart: string;
}

/** One question per distinct answer (English canonical questions the engine answers with that answer). */
export function distinctQuestions(): KnownQuestion[] {
  const kb = loadKnowledgeBase();
  const engine = createEngine(kb);
  const out: KnownQuestion[] = [];
  const starts = new Set<string>();
  for (const answer of kb.answers) {
    const question = answer.questions.en[0];
    if (!question) continue;
    const decision = engine.ask(question, { lang: "en" });
    if (decision.kind !== "answer" || decision.ids[0] !== answer.id) continue;
    // The short answer comes first, in bold, then the curated text.
    const short = answer.short ? `<b>${escapeHtml(answer.short.en)}</b>\n` : "";
    const replyStart = `${short}${escapeHtml(answer.answer.en)}`.slice(0, short.length + 60);
    if ([...starts].some((s) => s.startsWith(replyStart) || replyStart.startsWith(s))) continue;
    starts.add(replyStart);
    out.push({ question, answerId: answer.id, replyStart });
  }
  return out;
}

/** Which known question a reply answers, or undefined (a reply may open with a heading before the answer). */
export function whichQuestion(known: readonly KnownQuestion[], replyText: string): KnownQuestion | undefined {
  const afterHeading = replyText.slice(replyText.indexOf("\n") + 1);
  return (
    known.find((k) => replyText.startsWith(k.replyStart)) ??
    known.find((k) => replyText.startsWith("<b>") && afterHeading.startsWith(k.replyStart))
  );
}
