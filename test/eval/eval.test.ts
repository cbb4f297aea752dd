// The held-out evaluation set (test/eval/questions.yaml, written without seeing the content's
// paraphrases): every category must reach its target, and every reply must be in the question's language.
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createEngine } from "../../src/engine/index.ts";
import {
  evaluateConversations,
  parseConversations,
  unknownConversationIds,
} from "../../src/eval/conversations.ts";
import {
  type EvalReport,
  evaluate,
  isCorrect,
  LANGUAGE_TARGET,
  parseQuestions,
  percent,
  unknownIds,
} from "../../src/eval/evaluation.ts";
import { checkPreambles, PREAMBLES_FILE, parsePreambles } from "../../src/eval/preambles.ts";
import { conversationSets, questionSets } from "../../src/eval/sets.ts";
import { checkSlips } from "../../src/eval/slips.ts";

const questions = parseQuestions(readFileSync(new URL("./questions.yaml", import.meta.url), "utf8"));
let kb: KnowledgeBase;
let report: EvalReport;

beforeAll(() => {
  kb = loadKnowledgeBase();
  const engine = createEngine(kb);
  report = evaluate(kb, questions, (q) => engine.ask(q));
});

const missesIn = (category: string) =>
  report.misses
    .filter((m) => m.question.category === category)
    .map((m) => `${JSON.stringify(m.question.q)}: expected ${m.question.expect}, got ${m.got} (${m.score})`)
    .join("\n");

describe("held-out evaluation", () => {
  it("expects only answers that exist", () => {
    expect(unknownIds(kb, questions)).toEqual([]);
  });

  it("covers every category it scores", () => {
    expect(report.categories.length).toBeGreaterThan(0);
    expect(report.total).toBe(questions.length);
  });

  it("reaches every category's target", () => {
    const below = report.categories
      .filter((c) => c.accuracy < c.target)
      .map((c) => `${c.category}: ${percent(c.accuracy)} < ${percent(c.target)}\n${missesIn(c.category)}`);
    expect(below, below.join("\n\n")).toEqual([]);
  });

  it("replies in the question's language every time", () => {
    const wrong = report.misses
      .filter((m) => !m.langOk)
      .map((m) => `${m.question.q} (expected ${m.question.lang})`);
    expect(report.langCorrect / report.total, wrong.join("\n")).toBeGreaterThanOrEqual(LANGUAGE_TARGET);
  });
});

describe("scoring a reply", () => {
  const decline = { q: "?", expect: "decline", category: "near-miss", lang: "en" } as const;
  it("counts a decline's accepted answers (ones that say the article lacks it), and no other answer", () => {
    const accepting = { ...decline, also: ["japan-agreement"] };
    const said = { score: 0.5, lang: "en" } as const;
    expect(isCorrect(kb, accepting, { ...said, kind: "decline" })).toBe(true);
    expect(isCorrect(kb, accepting, { ...said, kind: "answer", ids: ["japan-agreement"] })).toBe(true);
    expect(isCorrect(kb, accepting, { ...said, kind: "answer", ids: ["japan-grant-batken"] })).toBe(false);
    expect(isCorrect(kb, decline, { ...said, kind: "answer", ids: ["japan-agreement"] })).toBe(false);
    expect(isCorrect(kb, accepting, { ...said, kind: "smalltalk" })).toBe(false);
  });
});

// The fresh batch (test/eval/fresh-questions.yaml) has no per-category targets: it is the honest measure of
// questions nobody tuned on. What must hold there too: the safe failures stay safe.
describe("fresh questions", () => {
  const fresh = parseQuestions(readFileSync(new URL("./fresh-questions.yaml", import.meta.url), "utf8"));
  let freshReport: EvalReport;
  beforeAll(() => {
    const engine = createEngine(kb);
    freshReport = evaluate(kb, fresh, (q) => engine.ask(q));
  });
  const of = (category: string) => freshReport.categories.find((c) => c.category === category);

  it("declines every question about something the article never mentions, and small talk gets no fact", () => {
    expect(of("out-of-scope")?.accuracy).toBe(1);
    expect(of("smalltalk")?.accuracy).toBe(1);
  });

  it("answers most of them right (the first measure was 83%, 92% with the hedged band), each in the question's language", () => {
    expect(freshReport.correct / freshReport.total).toBeGreaterThanOrEqual(0.9);
    expect(freshReport.langCorrect).toBe(freshReport.total);
  });
});

// Every set kept (the held-out set, the first-sight batches, the development questions): none falls
// below where it stood after issue 13's fourth round began (the preamble's names as evidence, quoted
// article phrases), and none gives more wrong answers. A change that answers more by guessing more fails here;
// a new set in test/eval/ fails until its figures are written down.
describe("every kept set, against where it stood", () => {
  const STOOD: Record<string, { right: number; wrong: number }> = {
    "test/eval/questions.yaml": { right: 578, wrong: 2 },
    "test/eval/batch-a.yaml": { right: 221, wrong: 1 },
    "test/eval/batch-b.yaml": { right: 215, wrong: 4 },
    "test/eval/batch-c.yaml": { right: 194, wrong: 3 },
    "test/eval/batch-d.yaml": { right: 193, wrong: 2 },
    "test/eval/batch-e.yaml": { right: 196, wrong: 2 },
    "test/eval/batch-f.yaml": { right: 193, wrong: 2 },
    "test/eval/batch-g.yaml": { right: 198, wrong: 0 },
    "test/eval/batch-h.yaml": { right: 194, wrong: 4 },
    "test/eval/batch-i.yaml": { right: 193, wrong: 3 },
    "test/eval/batch-j.yaml": { right: 193, wrong: 4 },
    "test/eval/batch-k.yaml": { right: 196, wrong: 2 },
    "test/eval/batch-l.yaml": { right: 195, wrong: 2 },
    "test/eval/batch-m.yaml": { right: 184, wrong: 8 },
    "test/eval/batch-n.yaml": { right: 182, wrong: 12 },
    "test/eval/batch-p.yaml": { right: 115, wrong: 4 },
    "test/eval/batch-q.yaml": { right: 187, wrong: 4 },
    "test/eval/batch-s.yaml": { right: 79, wrong: 0 },
    "test/eval/batch-t.yaml": { right: 78, wrong: 1 },
    "test/eval/batch-u.yaml": { right: 60, wrong: 0 },
    "test/eval/batch-v.yaml": { right: 60, wrong: 0 },
    "test/eval/batch-w.yaml": { right: 58, wrong: 2 },
    "test/eval/batch-x.yaml": { right: 116, wrong: 4 },
    "test/eval/batch-y.yaml": { right: 118, wrong: 1 },
    "test/eval/batch-z.yaml": { right: 117, wrong: 3 },
    "test/eval/batch-za.yaml": { right: 116, wrong: 2 },
    "test/eval/batch-zb.yaml": { right: 119, wrong: 0 },
    "test/eval/batch-zc.yaml": { right: 117, wrong: 1 },
    "test/eval/batch-zd.yaml": { right: 117, wrong: 2 },
    "test/eval/batch-ze.yaml": { right: 77, wrong: 1 },
    "test/eval/batch-zf.yaml": { right: 116, wrong: 2 },
    "test/eval/batch-zg.yaml": { right: 109, wrong: 5 },
    "test/eval/batch-zh.yaml": { right: 147, wrong: 7 },
    "test/eval/batch-zi.yaml": { right: 76, wrong: 3 },
    "test/eval/batch-zj.yaml": { right: 144, wrong: 7 },
    "test/eval/batch-zk.yaml": { right: 74, wrong: 2 },
    "test/eval/batch-zl.yaml": { right: 153, wrong: 3 },
    "test/eval/batch-zm.yaml": { right: 156, wrong: 1 },
    "test/eval/batch-zn.yaml": { right: 154, wrong: 3 },
    "test/eval/batch-zo.yaml": { right: 75, wrong: 2 },
    "test/eval/batch-zq.yaml": { right: 75, wrong: 3 },
    "test/eval/batch-zr.yaml": { right: 40, wrong: 0 },
    "test/eval/batch-zs.yaml": { right: 39, wrong: 1 },
    "test/eval/batch-zt.yaml": { right: 39, wrong: 0 },
    "test/eval/batch-zu.yaml": { right: 72, wrong: 3 },
    "test/eval/batch-zv.yaml": { right: 78, wrong: 1 },
    "test/eval/batch-zw.yaml": { right: 78, wrong: 1 },
    "test/eval/batch-zx.yaml": { right: 37, wrong: 2 },
    "test/eval/batch-zy.yaml": { right: 37, wrong: 0 },
    "test/eval/batch-zz.yaml": { right: 74, wrong: 2 },
    "test/eval/batch-zza.yaml": { right: 145, wrong: 3 },
    "test/eval/batch-zzb.yaml": { right: 144, wrong: 3 },
    "test/eval/batch-zzc.yaml": { right: 140, wrong: 7 },
    "test/eval/batch-zzd.yaml": { right: 136, wrong: 5 },
    "test/eval/batch-zze.yaml": { right: 147, wrong: 2 },
    "test/eval/batch-zzf.yaml": { right: 147, wrong: 1 },
    "test/eval/batch-zzg.yaml": { right: 145, wrong: 2 },
    "test/eval/batch-zzh.yaml": { right: 96, wrong: 3 },
    "test/eval/batch-zzi.yaml": { right: 150, wrong: 0 },
    "test/eval/batch-zzj.yaml": { right: 135, wrong: 7 },
    "test/eval/batch-zzk.yaml": { right: 93, wrong: 3 },
    "test/eval/batch-zzl.yaml": { right: 95, wrong: 2 },
    "test/eval/batch-zzm.yaml": { right: 143, wrong: 2 },
    "test/eval/batch-zzn.yaml": { right: 96, wrong: 1 },
    "test/eval/batch-zzo.yaml": { right: 144, wrong: 5 },
    "test/eval/batch-zzq.yaml": { right: 94, wrong: 3 },
    "test/eval/batch-zzp.yaml": { right: 142, wrong: 3 },
    "test/eval/batch-zzr.yaml": { right: 140, wrong: 4 },
    "test/eval/fresh-questions.yaml": { right: 62, wrong: 1 },
    "test/engine/dev-questions.yaml": { right: 191, wrong: 1 },
  };
  let engine: ReturnType<typeof createEngine>;
  beforeAll(() => {
    engine = createEngine(kb);
  });
  it.each(questionSets())("%s: at least as many right, no more wrong", (name) => {
    const stood = STOOD[name];
    expect(stood, `write down where ${name} stands`).toBeDefined();
    const set = parseQuestions(readFileSync(new URL(`../../${name}`, import.meta.url), "utf8"));
    let right = 0;
    const wrong: string[] = [];
    for (const q of set) {
      const d = engine.ask(q.q);
      if (isCorrect(kb, q, d)) right += 1;
      else if (d.kind === "answer") wrong.push(`${q.q} -> ${d.ids.join("+")} (${d.score})`);
    }
    expect(right).toBeGreaterThanOrEqual(stood?.right ?? 0);
    expect(wrong.length, wrong.join("\n")).toBeLessThanOrEqual(stood?.wrong ?? 0);
  });
});

// Every conversation set kept (test/eval/conversations/): each message read after the ones before it,
// as the bot reads it. The same ratchet: no fewer right, no more wrong; a new set fails until written down.
describe("every kept conversation set, against where it stood", () => {
  const STOOD_CONVERSATIONS: Record<string, { right: number; wrong: number }> = {
    "test/eval/conversations/set-a.yaml": { right: 117, wrong: 3 },
    "test/eval/conversations/set-b.yaml": { right: 75, wrong: 1 },
    "test/eval/conversations/set-c.yaml": { right: 113, wrong: 2 },
    "test/eval/conversations/set-d.yaml": { right: 96, wrong: 3 },
    "test/eval/conversations/set-e.yaml": { right: 53, wrong: 2 },
    "test/eval/conversations/set-f.yaml": { right: 55, wrong: 1 },
    "test/eval/conversations/set-g.yaml": { right: 129, wrong: 3 },
    "test/eval/conversations/set-h.yaml": { right: 66, wrong: 4 },
    "test/eval/conversations/set-i.yaml": { right: 62, wrong: 0 },
    "test/eval/conversations/set-j.yaml": { right: 46, wrong: 1 },
    "test/eval/conversations/set-k.yaml": { right: 50, wrong: 1 },
    "test/eval/conversations/set-l.yaml": { right: 48, wrong: 1 },
    "test/eval/conversations/set-m.yaml": { right: 49, wrong: 0 },
    "test/eval/conversations/set-n.yaml": { right: 47, wrong: 2 },
    "test/eval/conversations/set-o.yaml": { right: 45, wrong: 1 },
    "test/eval/conversations/set-p.yaml": { right: 49, wrong: 3 },
    "test/eval/conversations/set-q.yaml": { right: 50, wrong: 1 },
    "test/eval/conversations/set-r.yaml": { right: 51, wrong: 2 },
    "test/eval/conversations/set-s.yaml": { right: 53, wrong: 1 },
    "test/eval/conversations/set-t.yaml": { right: 48, wrong: 1 },
    "test/eval/conversations/set-u.yaml": { right: 49, wrong: 2 },
    "test/eval/conversations/set-v.yaml": { right: 47, wrong: 3 },
    "test/eval/conversations/set-w.yaml": { right: 50, wrong: 1 },
    "test/eval/conversations/set-x.yaml": { right: 51, wrong: 3 },
    "test/eval/conversations/set-y.yaml": { right: 52, wrong: 2 },
  };
  let engine: ReturnType<typeof createEngine>;
  beforeAll(() => {
    engine = createEngine(kb);
  });
  it("finds the conversation sets", () => {
    expect(conversationSets().length).toBeGreaterThan(0);
  });
  it.each(conversationSets())("%s: at least as many right, no more wrong", (name) => {
    const stood = STOOD_CONVERSATIONS[name];
    expect(stood, `write down where ${name} stands`).toBeDefined();
    const set = parseConversations(readFileSync(new URL(`../../${name}`, import.meta.url), "utf8"));
    expect(unknownConversationIds(kb, set)).toEqual([]);
    const report = evaluateConversations(kb, engine, set);
    const wrong = report.misses
      .filter((m) => !m.result.ok && m.result.decision.kind === "answer")
      .map((m) => `${[...m.before, m.result.turn.q].join(" / ")} -> ${m.got}`);
    expect(report.correct).toBeGreaterThanOrEqual(stood?.right ?? 0);
    expect(report.wrong, wrong.join("\n")).toBeLessThanOrEqual(stood?.wrong ?? 0);
  });
});

describe("the preamble check (chatty openings and thanks around questions answered right alone)", () => {
  // Stood at 18 broken of 3756 tries (14 wrong) when the check was written; the round's start (eb587d8)
  // broke 407 of 3750 (53 wrong). An opening that asks nothing, or thanks after the question, must leave
  // nearly every answer as it was.
  const MOST_BROKEN_SHARE = 0.01;
  it("leaves at least 99% of answers unchanged, and turns at most 1% into wrong ones", () => {
    const engine = createEngine(kb);
    const all = questionSets().flatMap((f) =>
      parseQuestions(readFileSync(new URL(`../../${f}`, import.meta.url), "utf8")),
    );
    const preambles = parsePreambles(
      readFileSync(new URL(`../../${PREAMBLES_FILE}`, import.meta.url), "utf8"),
    );
    const r = checkPreambles(kb, all, preambles, (q) => engine.ask(q));
    const listed = r.broken.map((b) => `${b.text} -> ${b.got.kind}`).join("\n");
    expect(r.tries).toBeGreaterThan(1000);
    expect(r.broken.length / r.tries, listed).toBeLessThanOrEqual(MOST_BROKEN_SHARE);
    expect(r.wrong / r.tries, listed).toBeLessThanOrEqual(MOST_BROKEN_SHARE);
  });
});

describe("the slip check (a slip of the finger in the longest word of questions answered right)", () => {
  // Stood at 33 / 35 / 28 broken of 841 (swap / drop / double; 3, 6, 5 wrong) when the check was written;
  // the round's start (eb587d8) broke 49 / 43 / 32 (2, 3, 3 wrong).
  it("leaves at least 95% of answers unchanged for each slip, and turns at most 1% into wrong ones", () => {
    const engine = createEngine(kb);
    const all = questionSets().flatMap((f) =>
      parseQuestions(readFileSync(new URL(`../../${f}`, import.meta.url), "utf8")),
    );
    for (const r of checkSlips(kb, all, (q) => engine.ask(q))) {
      const listed = r.broken.map((b) => `${b.text} -> ${b.got.kind}`).join("\n");
      expect(r.tries).toBeGreaterThan(500);
      expect(r.broken.length / r.tries, `${r.slip}\n${listed}`).toBeLessThanOrEqual(0.05);
      expect(r.wrong / r.tries, `${r.slip}\n${listed}`).toBeLessThanOrEqual(0.01);
    }
  });
});
