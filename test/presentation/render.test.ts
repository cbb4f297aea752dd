// Replies as people see them: the answer, the quote, the citation; Telegram-safe HTML; within the limit.
import { beforeAll, describe, expect, it } from "vitest";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { LANGS, type Lang } from "../../src/content/schema.ts";
import { createEngine, type Decision, type Engine, offeredIds } from "../../src/engine/index.ts";
import {
  canonicalQuestion,
  MAX_MESSAGE_LENGTH,
  renderFootnote,
  renderReply,
  renderSources,
} from "../../src/presentation/render.ts";

let kb: KnowledgeBase;
let engine: Engine;
beforeAll(() => {
  kb = loadKnowledgeBase();
  engine = createEngine(kb);
});

/** Problems with a string as Telegram HTML: unknown tags, unbalanced tags, bare & < >. */
function htmlProblems(html: string): string[] {
  const problems: string[] = [];
  const stack: string[] = [];
  const tag = /<(\/?)(b|i|code|blockquote|a)(?: href="([^"<>]*)")?>/y;
  for (let i = 0; i < html.length; i++) {
    const c = html[i];
    if (c === "<") {
      tag.lastIndex = i;
      const m = tag.exec(html);
      if (!m) {
        problems.push(`bad tag at ${i}: ${html.slice(i, i + 20)}`);
        continue;
      }
      const [whole, close, name] = m;
      if (close) {
        if (stack.pop() !== name) problems.push(`unbalanced </${name}> at ${i}`);
      } else {
        if (name === "a" && m[3] === undefined) problems.push(`<a> without href at ${i}`);
        stack.push(name as string);
      }
      i += whole.length - 1;
    } else if (c === ">") problems.push(`bare > at ${i}`);
    else if (c === "&" && !/^&(amp|lt|gt|quot);/.test(html.slice(i, i + 6))) problems.push(`bare & at ${i}`);
  }
  if (stack.length > 0) problems.push(`unclosed ${stack.join(", ")}`);
  return problems;
}

function answerDecision(ids: [string, ...string[]], lang: Lang, alternatives: string[] = []): Decision {
  return {
    kind: "answer",
    question: "q",
    lang,
    detected: lang,
    ids,
    score: 0.9,
    confidence: "sure",
    alternatives: alternatives.map((id) => ({ id, score: 0.85 })),
    footnotes: [...new Set(ids.flatMap((id) => kb.answerById.get(id)?.footnotes ?? []))],
    shortFor: ids,
  };
}

describe("answers", () => {
  it("give the answer, the article's quote labelled as such, and the footnote in full", () => {
    const text = renderReply(answerDecision(["kulubaev-syromolotov-meeting"], "en"), kb, "plain");
    const a = kb.answerById.get("kulubaev-syromolotov-meeting");
    const f = kb.footnoteByNumber.get(1);
    expect(text).toContain(a?.answer.en);
    expect(text).toContain("From the article (paragraph 9)");
    expect(text).toContain(a?.quotes[0]?.text);
    expect(text).toContain("[1]");
    expect(text).toContain(f?.outlet);
    expect(text).toContain(f?.title);
    expect(text).toContain(`translation: ${f?.translations.en}`);
    expect(text).toContain(f?.url);
    expect(text).toContain("24.03.2023");
  });

  it("show a Russian title as printed to Russian readers, without a translation", () => {
    const text = renderReply(answerDecision(["kulubaev-syromolotov-meeting"], "ru"), kb, "plain");
    expect(text).toContain(kb.footnoteByNumber.get(1)?.title);
    expect(text).not.toContain("перевод:");
    expect(text).toContain("[1]");
  });

  it("give the English title of footnote 4 with its marked translation in Turkish", () => {
    const text = renderReply(answerDecision(["japan-grant-batken"], "tr"), kb, "plain");
    expect(text).toContain(kb.footnoteByNumber.get(4)?.title);
    expect(text).toContain(`çeviri: ${kb.footnoteByNumber.get(4)?.translations.tr}`);
  });

  it("cite the paragraph where the article gives no footnote", () => {
    expect(renderReply(answerDecision(["democracy-island"], "en"), kb, "plain")).toContain(
      "From the article, paragraph 1 (no footnote)",
    );
    expect(renderReply(answerDecision(["democracy-island"], "ru"), kb, "plain")).toContain(
      "абзац 1 (без сноски)",
    );
  });

  it("cite every footnote of a combined answer, and each part of a two-part answer", () => {
    const timeline = renderReply(answerDecision(["timeline-2023-03-23"], "en"), kb, "plain");
    for (const n of kb.answerById.get("timeline-2023-03-23")?.footnotes ?? [])
      expect(timeline).toContain(`[${n}]`);
    const two = renderReply(
      answerDecision(["du-dewen-visit-announcement", "japan-grant-batken"], "en"),
      kb,
      "plain",
    );
    expect(two).toContain(kb.answerById.get("du-dewen-visit-announcement")?.answer.en);
    expect(two).toContain(kb.answerById.get("japan-grant-batken")?.answer.en);
    expect(two.indexOf("[3]")).toBeLessThan(two.indexOf("[4]"));
  });

  it("offer a close alternative by its question", () => {
    const text = renderReply(
      answerDecision(["du-dewen-quote"], "en", ["du-dewen-visit-announcement"]),
      kb,
      "plain",
    );
    expect(text).toContain("You may also mean:");
    expect(text).toContain(canonicalQuestion(kb, "du-dewen-visit-announcement", "en"));
  });

  it("about the bot say so and cite nothing", () => {
    const text = renderReply(answerDecision(["bot-capabilities"], "en"), kb, "plain");
    expect(text).toContain("not a fact from the article");
    expect(text).not.toMatch(/\[\d\]/);
  });

  it("from the article's page cite the page, not a paragraph or footnote", () => {
    const d = engine.ask("is this article available in other languages?");
    expect(d.kind === "answer" && d.ids[0]).toBe("article-languages");
    const text = renderReply(d, kb, "plain");
    expect(text).toContain("Türkçe, Русский");
    expect(text).toContain("Source: the article's page");
    expect(text).not.toMatch(/\[\d\]|paragraph \d/);
    expect(renderReply(engine.ask("есть ли статья на других языках?"), kb, "plain")).toContain(
      "страница статьи",
    );
  });
});

describe("declines and small talk", () => {
  it("say plainly what the article does not mention, and offer questions it can answer", () => {
    const d = engine.ask("What did Putin say about Kyrgyzstan?");
    const text = renderReply(d, kb, "plain");
    expect(text).toContain("The article does not mention Putin");
    for (const id of offeredIds(d)) expect(text).toContain(canonicalQuestion(kb, id, "en"));
    expect(text).not.toMatch(/\[\d\]/);
  });

  it("say they did not find exactly that when related answers exist, and offer those as what was meant", () => {
    const d = engine.ask(
      "Why are Central Asian governments leaning towards multi-vector diplomacy at this particular moment?",
    );
    if (d.kind !== "decline") throw new Error(`expected a decline, got ${d.kind}`);
    const related = d.related;
    expect(related.length).toBeGreaterThan(0);
    const text = renderReply(d, kb, "plain");
    expect(text).toContain("I could not find an answer to exactly that");
    const [didYouMean, others] = text.split("Questions I can answer:");
    expect(didYouMean).toContain("Did you mean one of these?");
    for (const c of related) expect(didYouMean).toContain(canonicalQuestion(kb, c.id, "en"));
    for (const id of d.examples) expect(others).toContain(canonicalQuestion(kb, id, "en"));
  });

  it("decline in the question's language", () => {
    expect(renderReply(engine.ask("Какая погода в Бишкеке?"), kb, "plain")).toContain("Статья не отвечает");
    expect(renderReply(engine.ask("Bişkek'te hava nasıl?"), kb, "plain")).toContain("Makale bu soruyu");
  });

  it("give the intent's reply and example questions for small talk", () => {
    const d = engine.ask("Merhaba");
    const text = renderReply(d, kb, "plain");
    expect(text).toContain(kb.smalltalk.find((s) => s.id === "greeting")?.reply.tr);
    expect(text).toContain("Yanıtlayabileceğim sorular:");
  });
});

describe("Telegram HTML", () => {
  it("escapes hostile text and stays well-formed", () => {
    const d: Decision = {
      kind: "decline",
      question: '<b>&"</b>',
      lang: "en",
      detected: "en",
      score: 0,
      related: [],
      examples: [],
      reason: "out-of-scope",
      name: '<b>X&Y"</b><script>',
    };
    const html = renderReply(d, kb, "html");
    expect(html).toContain("&lt;b&gt;X&amp;Y&quot;&lt;/b&gt;&lt;script&gt;");
    expect(htmlProblems(html)).toEqual([]);
  });

  it("escapes the & in footnote links and titles and uses only Telegram's tags, for every answer in every language", () => {
    for (const a of kb.answers)
      for (const lang of LANGS) {
        const html = renderReply(answerDecision([a.id], lang, [kb.answers[0]?.id ?? a.id]), kb, "html");
        expect(htmlProblems(html), `${a.id} ${lang}`).toEqual([]);
        for (const n of a.footnotes)
          expect(html).toContain(`href="${kb.footnoteByNumber.get(n)?.url.replace(/&/g, "&amp;")}"`);
      }
    for (const lang of LANGS) expect(htmlProblems(renderSources(kb, lang, "html"))).toEqual([]);
  });

  it("renders questions people type as well-formed HTML", () => {
    for (const q of ["<i>who</i> did Kulubaev meet & why?", "hello", "What did Putin say?", "", "&&&<<>>"])
      expect(htmlProblems(renderReply(engine.ask(q), kb, "html")), q).toEqual([]);
  });
});

describe("length", () => {
  it("never exceeds Telegram's limit, shortening quotes first, and stays well-formed", () => {
    const [one, ...rest] = kb.answers.map((a) => a.id);
    if (one === undefined) throw new Error("no answers");
    const all: [string, ...string[]] = [one, ...rest];
    for (const format of ["plain", "html"] as const) {
      const text = renderReply(answerDecision(all, "ru", all.slice(0, 3)), kb, format);
      expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_LENGTH);
      if (format === "html") expect(htmlProblems(text)).toEqual([]);
    }
  });

  it("keeps a normal reply whole", () => {
    const text = renderReply(answerDecision(["timeline-2023-03-23"], "en"), kb, "plain");
    for (const q of kb.answerById.get("timeline-2023-03-23")?.quotes ?? []) expect(text).toContain(q.text);
  });
});

describe("footnotes and sources", () => {
  it("render one footnote in full and all four", () => {
    const one = renderFootnote(kb, 3, "en", "plain");
    expect(one).toContain(kb.footnoteByNumber.get(3)?.title);
    expect(one).toContain(kb.footnoteByNumber.get(3)?.url);
    const all = renderSources(kb, "tr", "plain");
    for (const f of kb.footnotes) expect(all).toContain(f.url);
  });

  it("give the first question of an answer in each language", () => {
    for (const lang of LANGS)
      expect(canonicalQuestion(kb, "japan-grant-batken", lang)).toBe(
        kb.answerById.get("japan-grant-batken")?.questions[lang][0],
      );
  });
});
