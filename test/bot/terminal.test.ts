// The terminal chat, in-process: lines in, readable text out, the same bot in between.
import { createHmac } from "node:crypto";
import { PassThrough } from "node:stream";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { createMemoryStore } from "../../src/storage/memory.ts";
import { htmlToTerminal, runTerminalChat } from "../../src/transports/terminal.ts";
import { firstAnswerableFact, knowledge } from "./helpers.ts";

const { kb, engine } = knowledge();
const { fact } = firstAnswerableFact("en");

/** Runs a whole session with piped input; returns the exit code and everything printed. */
async function session(lines: string[], languageCode = "en") {
  const input = new PassThrough();
  const output = new PassThrough();
  let printed = "";
  output.on("data", (chunk) => {
    printed += String(chunk);
  });
  input.end(lines.map((l) => `${l}\n`).join(""));
  const code = await runTerminalChat({
    kb,
    engine,
    store: createMemoryStore(),
    hash: (v) => createHmac("sha256", "t").update(v).digest("hex"),
    logger: pino({ level: "silent" }),
    input,
    output,
    languageCode,
  });
  return { code, printed };
}

describe("the terminal chat", () => {
  it("says it is local, answers with the citation's link visible, and exits 0 at the end of input", async () => {
    const { code, printed } = await session([fact.questions.en[0] as string]);
    expect(code).toBe(0);
    expect(printed).toContain("No BOT_TOKEN is set");
    expect(printed).toContain("@BotFather");
    expect(printed).toContain(`you › ${fact.questions.en[0]}`);
    expect(printed).toContain(fact.answer.en);
    for (const n of fact.footnotes) expect(printed).toContain(kb.footnoteByNumber.get(n)?.url ?? "?");
    expect(printed).not.toMatch(/<\/?(b|i|a|blockquote)\b/);
  });

  it("numbers buttons; typing a number presses one (a question, then 👍)", async () => {
    const { printed } = await session(["/start", "1"]);
    const first = /\(1\) (.+)/.exec(printed)?.[1];
    expect(first).toBeDefined();
    const pressed = kb.answers.find((a) => a.questions.en[0]?.startsWith(first ?? "-"));
    expect(printed).toContain(pressed?.answer.en ?? "missing");

    // Numbering is the same in every session: find 👍 under the answer, then press it.
    const shown = await session([fact.questions.en[0] as string]);
    const thumb = /\((\d+)\) 👍/.exec(shown.printed)?.[1];
    expect(thumb).toBeDefined();
    const voted = await session([fact.questions.en[0] as string, thumb ?? "0"]);
    expect(voted.printed).toContain("(Thank you for the feedback!)");
  });

  it("re-prints an edited message: /topics browsing in place", async () => {
    const { printed } = await session(["/topics", "1"]);
    expect(printed).toContain("bot ✎ ›");
  });

  it("stops at /quit and ignores what follows; a number with no button says so", async () => {
    const { code, printed } = await session(["42", "/quit", fact.questions.en[0] as string]);
    expect(code).toBe(0);
    expect(printed).toContain("there is no button (42)");
    expect(printed).not.toContain(fact.answer.en);
  });

  it("tries inline mode with @username", async () => {
    const { printed } = await session(["@ArticleAnswersBot", "1"]);
    expect(printed).toMatch(/inline › \d+ result\(s\)/);
    expect(printed).toContain("you via @ArticleAnswersBot ›");
  });

  it("speaks the terminal user's language", async () => {
    const { printed } = await session(["/help"], "ru");
    expect(printed).toContain("Напишите вопрос о статье");
  });
});

describe("HTML as terminal text", () => {
  it("keeps link addresses visible, marks quotes, decodes entities", () => {
    expect(
      htmlToTerminal(
        '<b>[1]</b> Aki &amp; Co, <a href="https://x.org/?a=1&amp;b=2">https://x.org/?a=1&amp;b=2</a>',
      ),
    ).toBe("[1] Aki & Co, https://x.org/?a=1&b=2");
    expect(htmlToTerminal('<a href="https://x.org">the report</a>')).toBe("the report (https://x.org)");
    expect(htmlToTerminal("<blockquote>one\ntwo</blockquote> &lt;3")).toBe("│ one\n│ two <3");
  });
});
