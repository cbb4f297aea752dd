// Which of the article's names each answer speaks of, read from its English text by whole words, and
// the names most answers speak of (the article's own country): those narrow nothing down. Worked out
// once per knowledge base.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { plainWords } from "./normalize.ts";

const answerNamesOf = new WeakMap<KnowledgeBase, ReadonlyMap<string, ReadonlySet<string>>>();
const mostOf = new WeakMap<KnowledgeBase, ReadonlySet<string>>();

/** Per answer id, the names ("@id") its English text names. */
export function answerNames(kb: KnowledgeBase): ReadonlyMap<string, ReadonlySet<string>> {
  const known = answerNamesOf.get(kb);
  if (known) return known;
  const out = new Map<string, ReadonlySet<string>>();
  for (const a of kb.answers) {
    const text = ` ${plainWords(a.answer.en).join(" ")} `;
    const named = kb.entities.filter((e) =>
      e.names.some((n) => text.includes(` ${plainWords(n).join(" ")} `)),
    );
    out.set(a.id, new Set(named.map((e) => `@${e.id}`)));
  }
  answerNamesOf.set(kb, out);
  return out;
}

/** Names ("@id") that more than half of the answers name. */
export function namesOfMostAnswers(kb: KnowledgeBase): ReadonlySet<string> {
  const known = mostOf.get(kb);
  if (known) return known;
  const out = namedByMost([...answerNames(kb).values()]);
  mostOf.set(kb, out);
  return out;
}

/** Of the names each answer gives, those more than half of the answers give. */
export function namedByMost(named: readonly ReadonlySet<string>[]): ReadonlySet<string> {
  const counts = new Map<string, number>();
  for (const names of named) for (const n of names) counts.set(n, (counts.get(n) ?? 0) + 1);
  return new Set([...counts].filter(([, c]) => c * 2 > named.length).map(([n]) => n));
}
