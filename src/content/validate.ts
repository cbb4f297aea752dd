// Cross-file checks that a schema cannot express: quotes are verbatim, footnotes are the ones the
// article attaches to the quoted passage, everything is covered, nothing is shared or ambiguous.
import type { KnowledgeBase } from "./knowledge-base.ts";
import { LANGS } from "./langs.ts";
import type { Problem } from "./problems.ts";

export const MIN_QUESTIONS = { en: 6, ru: 4, tr: 4 } as const;

/** A short answer is a few words: longer is no longer short. */
export const MAX_SHORT_ANSWER = 60;

/**
 * Problems of an answer's short form in one language: too long; a figure the article never prints; a
 * name (a capitalised word after the first) that neither the answer's own text in that language nor
 * any spelling in aliases.yaml has; a name the article never mentions (out-of-scope.yaml).
 */
function shortAnswerProblems(
  short: string,
  answerText: string,
  articleNumbers: ReadonlySet<string>,
  names: readonly string[],
  outOfScope: readonly string[],
): string[] {
  const out: string[] = [];
  if (short.length > MAX_SHORT_ANSWER)
    out.push(`is ${short.length} characters, more than ${MAX_SHORT_ANSWER}`);
  for (const num of short.match(/\d+/g) ?? [])
    if (!articleNumbers.has(num)) out.push(`states "${num}", which the article never prints`);
  const text = simpleFold(answerText);
  const first = short.search(/\p{L}/u);
  for (const m of short.matchAll(/\p{Lu}[\p{L}\p{M}’'-]*/gu)) {
    if (m.index === first) continue;
    const word = simpleFold(m[0]);
    if (word !== "" && !text.includes(word) && !names.some((n) => n.includes(word)))
      out.push(`names "${m[0]}", which its answer text does not`);
  }
  const folded = ` ${simpleFold(short)} `;
  for (const name of outOfScope)
    if (folded.includes(` ${name} `)) out.push(`names "${name}", which the article never mentions`);
  return out;
}

const FOOTNOTE_MARK = /\[(\d+)\]/g;

/** Lower-case, punctuation-free, single-spaced: two paraphrases equal under this are the same question. */
export function simpleFold(s: string): string {
  return s
    .normalize("NFKC")
    .replace(/İ/g, "i")
    .toLowerCase()
    .replace(/ı/g, "i") // Turkish dotted/dotless i fold together, so "KIRGIZ" and "kırgız" compare equal
    .replace(/ё/g, "е")
    .replace(/[\p{P}\p{S}]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The footnote the article attaches to a passage: the first marker after the passage in the same
 * paragraph (authors put the marker at the end of what it supports). Text after the paragraph's last
 * marker is the author's own commentary and has no footnote.
 */
export function attachedFootnote(paragraph: string, quote: string): number | null {
  const at = paragraph.indexOf(quote);
  if (at < 0) return null;
  // A quote that itself ends with the marker carries it.
  const inside = [...quote.matchAll(FOOTNOTE_MARK)].at(-1);
  if (inside) return Number(inside[1]);
  const next = /\[(\d+)\]/.exec(paragraph.slice(at + quote.length));
  return next ? Number(next[1]) : null;
}

export function validateKnowledgeBase(kb: KnowledgeBase, fileOf: (answerId: string) => string): Problem[] {
  const problems: Problem[] = [];
  const paragraphs = new Map(kb.article.paragraphs.map((p) => [p.n, p]));

  kb.article.paragraphs.forEach((p, i) => {
    if (p.n !== i + 1)
      problems.push({
        file: "content/article.yaml",
        entry: `paragraph ${p.n}`,
        reason: `paragraphs must be numbered 1, 2, 3… in order (expected ${i + 1})`,
      });
  });

  // Footnotes: every marker in the article has an entry, every entry has a marker, fields match the printed line.
  const marked = new Set<number>();
  for (const p of kb.article.paragraphs)
    for (const m of p.text.matchAll(FOOTNOTE_MARK)) marked.add(Number(m[1]));
  const seen = new Set<number>();
  for (const f of kb.footnotes) {
    const entry = `footnote ${f.n}`;
    const file = "content/footnotes.yaml";
    if (seen.has(f.n)) problems.push({ file, entry, reason: "duplicate footnote number" });
    seen.add(f.n);
    if (!marked.has(f.n)) problems.push({ file, entry, reason: `the article has no marker [${f.n}]` });
    for (const [field, value] of [
      ["title", f.title],
      ["outlet", f.outlet],
      ["url", f.url],
      ["accessed", f.accessed],
    ] as const) {
      if (!f.printed.includes(value))
        problems.push({ file, entry, reason: `${field} "${value}" does not occur in the printed footnote` });
    }
    if (f.titleLang !== "en" && !f.translations.en)
      problems.push({ file, entry, reason: "a title not in English needs an English translation" });
  }
  for (const n of marked)
    if (!seen.has(n))
      problems.push({
        file: "content/footnotes.yaml",
        entry: `footnote ${n}`,
        reason: `the article marks [${n}] but no footnote has that number`,
      });

  // Answers.
  const ids = new Set<string>();
  const topicIds = new Set(kb.topics.map((t) => t.id));
  const covered = new Set<number>();
  const cited = new Set<number>();
  const questionOwner = new Map<string, string>();
  const articleText = [
    kb.article.title,
    ...kb.article.paragraphs.map((p) => p.text),
    ...kb.footnotes.map((f) => f.printed),
  ].join("\n");
  // Whole numbers only: "45" must not pass because a URL in a footnote contains "261450".
  const articleNumbers = new Set(articleText.match(/\d+/g) ?? []);
  const entityNames = kb.entities.flatMap((e) => e.names.map(simpleFold));
  const outOfScopeNames = kb.outOfScope.flatMap((e) => e.names.map(simpleFold));

  for (const a of kb.answers) {
    const file = fileOf(a.id);
    const entry = a.id;
    const add = (reason: string) => problems.push({ file, entry, reason });
    if (ids.has(a.id)) add("duplicate answer id");
    ids.add(a.id);
    if (!topicIds.has(a.topic)) add(`unknown topic "${a.topic}" (see content/topics.yaml)`);
    for (const r of a.related) {
      if (r === a.id) add("an answer cannot be related to itself");
      else if (!kb.answerById.has(r)) add(`related answer "${r}" does not exist`);
    }
    if (a.next !== undefined && (a.next === a.id || !kb.answerById.has(a.next)))
      add(`next answer "${a.next}" does not exist or is the answer itself`);
    if (a.preferredFor.length > 0 && a.kind !== "combined")
      add(
        "only a combined answer can be preferredFor a concept (it must gather the facts it is preferred to)",
      );
    for (const c of a.preferredFor)
      if (!kb.concepts.some((k) => k.id === c))
        add(`preferredFor concept "${c}" is not in content/lexicon.yaml`);
    for (const c of a.requires)
      if (!kb.concepts.some((k) => k.id === c)) add(`required concept "${c}" is not in content/lexicon.yaml`);
    for (const id of a.speakers)
      if (!kb.entities.some((e) => e.id === id && e.kind === "person"))
        add(`speaker "${id}" is not a person in content/aliases.yaml`);
    if (a.speakers.length > 0 && !a.details.includes("words"))
      add('speakers name whose words an answer gives: its details must include "words"');
    if (a.kind !== "bot" && a.kind !== "page" && a.quotes.length === 0)
      add("a fact needs at least one verbatim quote from the article");

    const attached = new Set<number>();
    for (const q of a.quotes) {
      const p = paragraphs.get(q.p);
      if (!p) {
        add(`quote cites paragraph ${q.p}, which does not exist`);
        continue;
      }
      if (!p.text.includes(q.text)) {
        add(`quote is not verbatim in paragraph ${q.p}: "${q.text.slice(0, 80)}"`);
        continue;
      }
      covered.add(q.p);
      const n = attachedFootnote(p.text, q.text);
      if (n !== null) attached.add(n);
    }
    for (const n of a.footnotes) {
      if (!kb.footnoteByNumber.has(n)) add(`cites footnote ${n}, which does not exist`);
      else if (!attached.has(n))
        add(`cites footnote ${n}, but the article does not attach it to any quoted passage`);
      cited.add(n);
    }
    for (const n of attached) {
      if (!a.footnotes.includes(n))
        add(`the article attaches footnote ${n} to a quoted passage, but the answer does not cite it`);
    }

    for (const lang of LANGS) {
      const have = a.questions[lang].length;
      if (have < MIN_QUESTIONS[lang])
        add(`needs at least ${MIN_QUESTIONS[lang]} ${lang} questions, has ${have}`);
      // Figures in an answer must come from the article: a number it never prints is an invented fact.
      for (const num of a.answer[lang].match(/\d+/g) ?? []) {
        if (!articleNumbers.has(num)) add(`${lang} answer states "${num}", which the article never prints`);
      }
      if (a.short)
        for (const reason of shortAnswerProblems(
          a.short[lang],
          a.answer[lang],
          articleNumbers,
          entityNames,
          outOfScopeNames,
        ))
          add(`${lang} short answer ${reason}`);
    }
    if (!a.short && a.kind !== "bot") add("needs a short answer (short: en/ru/tr), shown first in bold");
    for (const lang of [...LANGS, "ky"] as const) {
      for (const q of a.questions[lang] ?? []) {
        const key = simpleFold(q);
        const owner = questionOwner.get(key);
        if (owner && owner !== a.id) add(`question "${q}" is also a question of "${owner}"`);
        else if (owner === a.id) add(`question "${q}" is listed twice`);
        questionOwner.set(key, a.id);
      }
    }
  }

  for (const f of kb.footnotes)
    if (!cited.has(f.n))
      problems.push({
        file: "content/answers",
        entry: `footnote ${f.n}`,
        reason: "no answer cites this footnote",
      });
  for (const p of kb.article.paragraphs)
    if (!covered.has(p.n))
      problems.push({
        file: "content/answers",
        entry: `paragraph ${p.n}`,
        reason: "no answer quotes this paragraph",
      });

  // Names: one spelling must lead to one entity, and nothing "out of scope" may occur in the article.
  const nameOwner = new Map<string, string>();
  const claim = (file: string, owner: string, name: string) => {
    const key = simpleFold(name);
    const prev = nameOwner.get(key);
    if (prev && prev !== owner)
      problems.push({ file, entry: owner, reason: `"${name}" is also a name of "${prev}"` });
    nameOwner.set(key, owner);
  };
  for (const e of kb.entities) for (const n of e.names) claim("content/aliases.yaml", e.id, n);
  for (const e of kb.entities)
    if (e.standsFor !== undefined && !kb.entities.some((other) => other.id === e.standsFor && other !== e))
      problems.push({
        file: "content/aliases.yaml",
        entry: e.id,
        reason: `standsFor "${e.standsFor}" is not another entity in content/aliases.yaml`,
      });
  for (const c of kb.concepts) for (const t of c.terms) claim("content/lexicon.yaml", `concept:${c.id}`, t);
  const foldedArticle = ` ${simpleFold(articleText)} `;
  for (const e of kb.outOfScope) {
    for (const n of e.names) {
      claim("content/out-of-scope.yaml", `out-of-scope:${e.id}`, n);
      if (foldedArticle.includes(` ${simpleFold(n)} `))
        problems.push({
          file: "content/out-of-scope.yaml",
          entry: e.id,
          reason: `"${n}" occurs in the article, so it is not out of scope`,
        });
    }
  }
  const intentIds = new Set<string>();
  for (const s of kb.smalltalk) {
    if (intentIds.has(s.id))
      problems.push({ file: "content/smalltalk.yaml", entry: s.id, reason: "duplicate intent id" });
    intentIds.add(s.id);
  }
  return problems;
}

/** Counts for the validation report. */
/** Answers drawn from the article, not about the bot itself: what /about and validate both report. */
export function articleAnswerCount(kb: KnowledgeBase): number {
  return kb.answers.filter((a) => a.kind !== "bot").length;
}

export function contentStats(kb: KnowledgeBase) {
  const perTopic = new Map<string, number>();
  const questions = { en: 0, ru: 0, tr: 0, ky: 0 };
  for (const a of kb.answers) {
    perTopic.set(a.topic, (perTopic.get(a.topic) ?? 0) + 1);
    for (const lang of ["en", "ru", "tr", "ky"] as const) questions[lang] += a.questions[lang]?.length ?? 0;
  }
  const cited = new Set(kb.answers.flatMap((a) => a.footnotes));
  const covered = new Set(kb.answers.flatMap((a) => a.quotes.map((q) => q.p)));
  return {
    answers: kb.answers.length,
    /** What /about counts: answers drawn from the article (the rest are about the bot itself). */
    articleAnswers: articleAnswerCount(kb),
    perTopic: Object.fromEntries(perTopic),
    questions,
    footnotesCited: cited.size,
    footnotes: kb.footnotes.length,
    paragraphsCovered: covered.size,
    paragraphs: kb.article.paragraphs.length,
    entities: kb.entities.length,
    names: kb.entities.reduce((n, e) => n + e.names.length, 0),
  };
}
