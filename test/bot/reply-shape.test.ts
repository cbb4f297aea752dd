// What a reply looks like in a chat: the short answer first in bold, questions offered once (as
// buttons, not again as a list), long evidence cut with the rest behind Source, quote labels that name
// the language the article prints the passage in.
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/content/schema.ts";
import { escapeHtml } from "../../src/telegram.ts";
import { REPLY_TEXTS } from "../../src/texts/reply.ts";
import { ayse, boris, buttons, createHarness, knowledge, only, privateText, textOf } from "./helpers.ts";

const { kb } = knowledge();
const users = { en: undefined, ru: boris, tr: ayse } as const;

describe("the short answer first", () => {
  it("every fact's reply starts with its short answer in bold, then the curated text", async () => {
    const h = createHarness();
    for (const answer of kb.answers.filter((a) => a.kind !== "bot"))
      for (const lang of LANGS) {
        const text = textOf(
          only(await h.send(privateText(answer.questions[lang][0] as string, users[lang]))),
        );
        const short = answer.short?.[lang] ?? "";
        expect(
          text.startsWith(`<b>${escapeHtml(short)}</b>\n${escapeHtml(answer.answer[lang])}`),
          `${answer.id} ${lang}`,
        ).toBe(true);
      }
  });
});

describe("questions offered once", () => {
  it("a decline names what it offers in one heading and offers the questions as buttons, not bullets", async () => {
    const h = createHarness();
    const call = only(await h.send(privateText("What is the capital of Australia?")));
    expect(textOf(call)).not.toContain("•");
    expect(buttons(call).filter((b) => b.data.startsWith("q:")).length).toBeGreaterThan(0);
  });
});

describe("long evidence", () => {
  const author = kb.answerById.get("author");
  it("the author's biography shows one quote, says how many more, and keeps the rest behind Source", async () => {
    if (!author) throw new Error("content has no author answer");
    for (const lang of LANGS) {
      const h = createHarness();
      const call = only(await h.send(privateText(author.questions[lang][0] as string, users[lang])));
      const text = textOf(call);
      expect(text.match(/<blockquote>/g)).toHaveLength(1);
      expect(text).toContain(escapeHtml(REPLY_TEXTS[lang].moreQuotes(author.quotes.length - 1)));
      expect(text).toContain(escapeHtml(REPLY_TEXTS[lang].quoteLabel(16, "tr")));
      expect(buttons(call).some((b) => b.data.startsWith("src:author:"))).toBe(true);
    }
  });

  it("quotes of the English text are labelled English, Turkish ones Turkish", () => {
    expect(REPLY_TEXTS.ru.quoteLabel(3, "en")).toContain("английском");
    expect(REPLY_TEXTS.ru.quoteLabel(16, "tr")).toContain("турецком");
    expect(REPLY_TEXTS.tr.quoteLabel(16, "tr")).toContain("Türkçe");
    expect(REPLY_TEXTS.en.quoteLabel(16, "tr")).toContain("Turkish");
  });
});
