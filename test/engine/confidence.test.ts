// The confidence model: fitted on the content, committed as data, and never stale; what it changes is
// visible (a hedged answer says what it takes the question for).
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { committedModel, FEATURES } from "../../src/engine/confidence.ts";
import { createEngine, type Engine } from "../../src/engine/index.ts";
import { fitModel } from "../../src/eval/fit-confidence.ts";
import { renderReply } from "../../src/presentation/render.ts";

let kb: KnowledgeBase;
let engine: Engine;
beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
});

describe("confidence model", () => {
  it("is what the content fits now (run npm run fit after changing content/ or the signals)", () => {
    const { model, examples } = fitModel(kb);
    expect(committedModel()).toEqual(model);
    // Held-out paraphrases are mostly ranked right, held-out answers never: both kinds of material are there.
    const para = examples.filter((e) => e.source === "paraphrase");
    expect(para.filter((e) => e.right).length).toBeGreaterThan(para.length * 0.8);
    expect(examples.some((e) => e.source === "held-out-answer")).toBe(true);
  }, 180_000);

  it("weighs the signals sensibly: more coverage and margin, more confidence; a missing name, less", () => {
    const m = committedModel();
    const w = (f: (typeof FEATURES)[number]) => m.weights[FEATURES.indexOf(f)] as number;
    expect(w("score")).toBeGreaterThan(0);
    expect(w("margin")).toBeGreaterThan(0);
    expect(w("paraphraseCoverage")).toBeGreaterThan(0);
    expect(w("missingNames")).toBeLessThan(0);
  });

  it("refuses a model that does not fit the engine's signals", () => {
    expect(() => committedModel({ ...committedModel(), weights: [1] })).toThrow(/npm run fit/);
  });
});

describe("hedged answers", () => {
  it("a curated question is answered sure; a vaguer one hedged, in the user's language", () => {
    const sure = engine.ask("How much is Japan's grant to Kyrgyzstan?");
    expect(sure).toMatchObject({ kind: "answer", ids: ["japan-grant-batken"], confidence: "sure" });
    expect(renderReply(sure, kb, "plain")).not.toMatch(/I think you are asking/);

    const vague = engine.ask("tell me about roads in batken");
    expect(vague).toMatchObject({ kind: "answer", ids: ["japan-grant-batken"], confidence: "hedged" });
    expect(renderReply(vague, kb, "html")).toMatch(/^<i>I think you are asking about this: “How much/);
  });

  it("says so in Russian and Turkish too", () => {
    const ru = engine.ask("расскажи про дороги в баткене");
    const tr = engine.ask("batken yolları hakkında ne var");
    for (const [d, opening] of [
      [ru, "Кажется, вы спрашиваете об этом"],
      [tr, "Sanırım şunu soruyorsunuz"],
    ] as const) {
      expect(d).toMatchObject({ kind: "answer", confidence: "hedged" });
      expect(renderReply(d, kb, "plain").startsWith(opening)).toBe(true);
    }
  });
});

describe("the hedged band below the answer threshold", () => {
  it("gives a best answer clearly ahead with a hedge, though it scores below the threshold", () => {
    const d = engine.ask("is the presidnt going to beijng sometime?");
    expect(d).toMatchObject({ kind: "answer", ids: ["du-dewen-visit-announcement"], confidence: "hedged" });
    if (d.kind !== "answer") return;
    expect(d.score).toBeLessThan(0.5);
    expect(renderReply(d, kb, "plain")).toMatch(/^I think you are asking about this: /);
  });

  it("declines when the answer lacks a name the question gives, however far ahead it is", () => {
    for (const q of ["When will Japarov visit Moscow?", "How much did China give to Batken?"])
      expect(engine.ask(q), q).toMatchObject({ kind: "decline", reason: "weak" });
  });

  it("is switched off by a floor at the answer threshold", () => {
    const strict = createEngine(kb, { thresholds: { hedge: 0.5 } });
    expect(strict.ask("is the presidnt going to beijng sometime?")).toMatchObject({ kind: "decline" });
  });
});
