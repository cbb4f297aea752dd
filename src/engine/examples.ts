// Questions to offer: one answer per topic in turn (topics in their file order, answers in theirs),
// so a handful of examples shows the breadth of the article. Facts only: answers about the bot are left out.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { Answer, Lang } from "../content/schema.ts";

export function pickExamples(kb: KnowledgeBase, lang: Lang, n: number): { id: string; question: string }[] {
  const byTopic = new Map<string, Answer[]>();
  for (const t of kb.topics) byTopic.set(t.id, []);
  for (const a of kb.answers) if (a.kind !== "bot") byTopic.get(a.topic)?.push(a);
  const queues = [...byTopic.values()].filter((q) => q.length > 0);
  const out: { id: string; question: string }[] = [];
  for (let round = 0; out.length < n && queues.some((q) => q.length > round); round++) {
    for (const q of queues) {
      const a = q[round];
      const question = a?.questions[lang][0];
      if (a && question && out.length < n) out.push({ id: a.id, question });
    }
  }
  return out;
}
