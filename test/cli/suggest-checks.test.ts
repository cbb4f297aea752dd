// The checks `npm run suggest` (and /unanswered) make before calling a declined question a paraphrase of
// an answer, on the real content: the refusals a curator reads. The end-to-end runs are suggest.test.ts.
import { describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createAgreement } from "../../src/curator/agreement.ts";
import { noiseReason } from "../../src/curator/noise.ts";
import { createTriage, questionsKeyOf } from "../../src/curator/triage.ts";
import { createEngine } from "../../src/engine/index.ts";

const kb = loadKnowledgeBase();
const engine = createEngine(kb);
const agreement = createAgreement(kb, engine);
const meeting = kb.answerById.get("kulubaev-syromolotov-meeting");
if (!meeting) throw new Error("content/ has no kulubaev-syromolotov-meeting answer");
const checks = (question: string) => agreement.disagreements(question, meeting).map((d) => d.check);

describe("a paraphrase must agree with its answer", () => {
  it("in numbers and dates: a year or month the answer does not give is refused, its own are not", () => {
    expect(checks("who did kulubaev meet on 23 march 2023")).toEqual([]);
    expect(agreement.disagreements("who did kulubaev meet in 2019", meeting)).toContainEqual({
      check: "numbers",
      reason: "says 2019, a number kulubaev-syromolotov-meeting does not give",
    });
    expect(agreement.disagreements("who did kulubaev meet in june", meeting)).toContainEqual({
      check: "dates",
      reason: "names June, a month kulubaev-syromolotov-meeting does not mention",
    });
    expect(checks("с кем кулубаев встретился в июне")).toContain("dates");
    expect(checks("kulubaev haziranda kiminle görüştü")).toContain("dates");
    // "may" is a month only next to a number.
    expect(checks("who may kulubaev have met")).not.toContain("dates");
    expect(checks("who did kulubaev meet on 5 may")).toContain("dates");
  });

  it("in names: a name the answer does not mention, or one the article never mentions, is refused", () => {
    expect(checks("who did kulubaev meet in moscow")).toContain("names");
    expect(agreement.disagreements("did kulubaev meet putin", meeting)).toContainEqual({
      check: "names",
      reason: expect.stringMatching(/names .*which the article never mentions/i),
    });
  });
});

describe("noise", () => {
  it("is text with no letters, markup only, or a single character; a question with markup is not noise", () => {
    expect(noiseReason("???")).toBe("no letters");
    expect(noiseReason("12 34")).toBe("no letters");
    expect(noiseReason("<b></b>")).toBe("markup only");
    expect(noiseReason("<i>&amp;</i>")).toBe("markup only");
    expect(noiseReason("a")).toBe("a single character");
    expect(noiseReason("ж?")).toBe("a single character");
    expect(noiseReason("<b>japan</b> & grant <script>")).toBeNull();
    expect(noiseReason("кто автор")).toBeNull();
  });
});

describe("triage", () => {
  const triage = createTriage(kb, engine);
  const group = (example: string, outOfScope = 0) => ({
    groupKey: "",
    example,
    count: 1,
    langs: ["en"],
    outOfScope,
  });

  it("files a candidate under the language the engine read, and refuses one whose language it cannot tell", () => {
    const turkish = triage(group("peki o ne dedi"));
    expect(turkish).toMatchObject({ readAs: "tr", verdict: { status: "candidate", under: "tr" } });
    // Latin-typed Russian and Kyrgyz go under ru and ky; a text the engine cannot read goes nowhere.
    expect([questionsKeyOf("ru-latn"), questionsKeyOf("ky-latn"), questionsKeyOf("unknown")]).toEqual([
      "ru",
      "ky",
      null,
    ]);
    // Unreadable is not "out of scope": the engine gave no such reason.
    const unreadable = triage(group("zhaparov blorf quix"));
    expect(unreadable).toMatchObject({ readAs: "unknown", verdict: { status: "nothing-close" } });
  });

  it("never offers a question the bot declined as out of scope when it was typed", () => {
    const t = triage(group("when will zhaparov visit beijing with xi", 1));
    if (t.verdict.status === "candidate")
      expect(t.verdict.refusals.map((r) => r.reason).join("; ")).toContain(
        "was declined 1× for naming something",
      );
  });
});
