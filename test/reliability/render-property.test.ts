// Property: whatever a person types, engine + renderer give a reply Telegram accepts — at most 4096
// characters, well-formed HTML with only allowed tags, every user character escaped — and the reply
// only cites answers and footnotes that exist. In process, no network; 4,000 generated inputs.
import fc from "fast-check";
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { LANGS } from "../../src/content/schema.ts";
import { readFollowUp } from "../../src/engine/followup.ts";
import { answerIds, createEngine, type Engine, offeredIds } from "../../src/engine/index.ts";
import { renderReply } from "../../src/presentation/render.ts";
import { checkTelegramText, MAX_MESSAGE_LENGTH } from "./support/telegram-html.ts";

let kb: KnowledgeBase;
let engine: Engine;

beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
});

/** Pieces a hostile or careless user could send, mixed with real words so matches and declines both occur. */
const HOSTILE_BITS = [
  "<b>",
  "</a>",
  "<a href='x'>",
  "&amp;",
  "&",
  "&lt;",
  "<",
  ">",
  '"',
  "*_[]()~`",
  "\\",
  "[1]",
  "[^2]",
  "¹",
  "/ask@OtherBot",
  "/start",
  "@KgArticleTestBot",
  "\u0000",
  "\u200b",
  "\u200d",
  "\u202e",
  "\ufeff",
  "\ud800",
  "\udfff",
  "\u0301\u0301\u0301",
  "مرحبا",
  "שלום",
  "👍🏽",
  "🇰🇬",
  "\n",
  "\t",
  "\r\n",
  "   ",
];

function kbWords(k: KnowledgeBase): string[] {
  const words: string[] = [];
  for (const a of k.answers) for (const lang of LANGS) words.push(...(a.questions[lang] ?? []));
  for (const e of k.entities) words.push(...e.names);
  for (const e of k.outOfScope) words.push(...e.names);
  for (const s of k.smalltalk) for (const list of Object.values(s.phrases)) words.push(...(list ?? []));
  return words;
}

function questionArbitrary(k: KnowledgeBase): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...kbWords(k)) },
    { weight: 3, arbitrary: fc.constantFrom(...HOSTILE_BITS) },
    { weight: 2, arbitrary: fc.string({ unit: "grapheme", maxLength: 20 }) },
    { weight: 1, arbitrary: fc.string({ unit: "binary", maxLength: 20 }) },
  );
  return fc.oneof(
    { weight: 6, arbitrary: fc.array(piece, { maxLength: 12 }).map((parts) => parts.join(" ")) },
    { weight: 2, arbitrary: fc.string({ unit: "binary", maxLength: 300 }) },
    // Message-sized input: Telegram lets people send 4096 characters.
    {
      weight: 1,
      arbitrary: fc
        .tuple(piece, fc.integer({ min: 1, max: 4096 }))
        .map(([p, n]) => p.repeat(n).slice(0, 4096)),
    },
  );
}

const optionsArbitrary = fc.record(
  {
    lang: fc.constantFrom(...LANGS),
    userLanguageCode: fc.constantFrom("en", "ru", "tr", "ky", "uz", "ar", "", "en-GB", "zz"),
  },
  { requiredKeys: [] },
);

describe("engine + renderer on any input", () => {
  it("always gives a reply Telegram accepts, citing only what exists", () => {
    fc.assert(
      fc.property(questionArbitrary(kb), optionsArbitrary, (question, opts) => {
        const decision = engine.ask(question, opts);
        expect(["answer", "decline", "smalltalk"]).toContain(decision.kind);
        for (const id of [...answerIds(decision), ...offeredIds(decision)])
          expect(kb.answerById.has(id), `unknown answer id ${id}`).toBe(true);
        if (decision.kind === "answer")
          for (const n of decision.footnotes)
            expect(kb.footnoteByNumber.has(n), `unknown footnote ${n}`).toBe(true);

        for (const buttons of [false, true]) {
          const html = renderReply(decision, kb, "html", { buttons });
          const check = checkTelegramText(html, "HTML");
          expect(check.problems, html.slice(0, 300)).toEqual([]);
          expect(html.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        }

        const plain = renderReply(decision, kb, "plain");
        expect(checkTelegramText(plain).problems).toEqual([]);
        // Same question, same answer: nothing in the engine depends on earlier questions.
        expect(engine.ask(question, opts)).toEqual(decision);
      }),
      { numRuns: 4000 },
    );
  }, 90_000);

  it("reads any input as a follow-up of any answer and still gives a reply Telegram accepts", () => {
    fc.assert(
      fc.property(
        questionArbitrary(kb),
        fc.constantFrom(...kb.answers.map((a) => a.id)),
        fc.constantFrom(...LANGS),
        optionsArbitrary,
        (question, last, lang, opts) => {
          const reading = readFollowUp(kb, engine, question, { ids: [last], lang }, opts);
          const { decision } = reading;
          for (const id of [...answerIds(decision), ...offeredIds(decision)])
            expect(kb.answerById.has(id), `unknown answer id ${id}`).toBe(true);
          // Resolved: an answer, or a decline naming what the article lacks ("and when?" of an undated answer).
          if (reading.kind === "resolved")
            expect(
              decision.kind === "answer" || (decision.kind === "decline" && decision.reason === "lacks"),
            ).toBe(true);
          else if (reading.kind !== "own") expect(answerIds(decision)).toEqual([]);
          const html = renderReply(decision, kb, "html", { buttons: true });
          expect(checkTelegramText(html, "HTML").problems, html.slice(0, 300)).toEqual([]);
          expect(html.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
        },
      ),
      { numRuns: 1000 },
    );
  }, 90_000);

  it("escapes the user's own words when the reply repeats them", () => {
    const name = kb.outOfScope[0]?.names[0];
    expect(name, "content/out-of-scope.yaml has at least one name").toBeTruthy();
    fc.assert(
      fc.property(fc.constantFrom("<b>", "</a>", "&", "<i>x</i>", "\u202e", "<script>"), (bit) => {
        const html = renderReply(engine.ask(`${bit} ${name} ${bit}?`), kb, "html");
        expect(checkTelegramText(html, "HTML").problems).toEqual([]);
      }),
      { numRuns: 50 },
    );
  });
});
