// What keeps the bot up and honest under bad input: forged buttons, failing handlers, blocked chats,
// over-long replies; and what it logs (one line per update, never the text above debug).
import { describe, expect, it } from "vitest";
import { visibleText } from "../../src/bot/split.ts";
import type { KnowledgeBase } from "../../src/content/knowledge-base.ts";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import { checkTelegramText } from "../reliability/support/telegram-html.ts";
import {
  alice,
  button,
  createHarness,
  firstAnswerableFact,
  knowledge,
  messageOf,
  only,
  press,
  privateText,
  sent,
  textOf,
} from "./helpers.ts";

const { fact, question } = firstAnswerableFact("en");

describe("forged, stale or oversized button data", () => {
  it("gets a polite toast and nothing else", async () => {
    const h = createHarness();
    const reply = only(await h.send(privateText(question)));
    const on = messageOf(reply);
    const forged = [
      "",
      "q:../../etc/passwd:en",
      "q:no-such-answer:en",
      "q:#9999:en",
      "src:no-such-answer:ru",
      "fb:x:someone",
      "fb:+:no-such-answer",
      "lang:de",
      "t:nowhere:en",
      "ta:no-such-answer:tr",
      "T:xx",
      `q:${"a".repeat(70)}:en`,
      "💥".repeat(20),
    ];
    for (const data of forged) {
      const calls = await h.send(press(data, on));
      expect(
        calls.map((c) => c.method),
        data,
      ).toEqual(["answerCallbackQuery"]);
      const toast = String(calls[0]?.payload.text);
      expect([
        botTexts("en").badButton,
        botTexts("en").staleButton,
        botTexts("ru").staleButton,
        botTexts("tr").staleButton,
      ]).toContain(toast);
    }
  });
});

describe("failures", () => {
  it("a handler that throws gets an apology in a private chat; the next update is served", async () => {
    const h = createHarness();
    const { engine } = knowledge();
    const ask = engine.ask;
    engine.ask = () => {
      throw new Error("index corrupted");
    };
    try {
      const calls = await h.send(privateText(question));
      expect(textOf(only(calls))).toBe(botTexts("en").failure);
    } finally {
      engine.ask = ask;
    }
    const error = h.logs.find((l) => l.level === 50);
    expect(error?.msg).toBe("update failed");
    expect(JSON.stringify(error)).not.toContain(question);
    expect(textOf(only(await h.send(privateText(question))))).toContain(escapeHtml(fact.answer.en));
  });

  it("a chat that blocked the bot (403) is logged quietly, without the text", async () => {
    const h = createHarness();
    h.bot.api.config.use(async (prev, method, payload, signal) =>
      method === "sendMessage"
        ? { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }
        : prev(method, payload, signal),
    );
    await expect(h.send(privateText(question))).resolves.toBeDefined();
    const line = h.logs.find((l) => l.code === 403);
    expect(line?.level).toBe(30);
    expect(h.logs.some((l) => l.level >= 50)).toBe(false);
    expect(JSON.stringify(h.logs)).not.toContain(question);
  });
});

describe("logging", () => {
  it("writes one info line per update: type, chat type, language, answer id, score, latency; no text", async () => {
    const h = createHarness();
    await h.send(privateText(question));
    const lines = h.logs.filter((l) => l.msg === "update");
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      level: 30,
      type: "message",
      chat: "private",
      lang: "en",
      answerId: fact.id,
    });
    expect(typeof lines[0]?.score).toBe("number");
    expect(typeof lines[0]?.ms).toBe("number");
    expect(JSON.stringify(h.logs)).not.toContain(question);
    expect(JSON.stringify(h.logs)).not.toContain("TEST-TOKEN");
  });

  it("shows the question only at debug level", async () => {
    const h = createHarness({ logLevel: "debug" });
    await h.send(privateText(question));
    const withText = h.logs.filter((l) => JSON.stringify(l).includes(question));
    expect(withText.length).toBeGreaterThan(0);
    for (const l of withText) expect(l.level).toBe(20);
  });
});

describe("long replies", () => {
  it("are split into messages of at most 4096 characters, each well-formed, nothing lost", async () => {
    const { kb } = knowledge();
    const copy: KnowledgeBase = structuredClone(kb);
    const target = copy.answerById.get(fact.id);
    const p = copy.article.paragraphs.find((x) => x.n === target?.quotes[0]?.p);
    if (!p) throw new Error("no paragraph");
    const sentence =
      "Filler sentence with <angle> & ampersand to stretch the paragraph beyond Telegram's limit. ";
    p.text = `${p.text} ${sentence.repeat(120)}`;
    const h = createHarness({ kb: copy });
    const reply = only(await h.send(privateText(question, alice)));
    const source = button(reply, (b) => b.data.startsWith("src:"));
    const parts = sent(await h.send(press(source.data, messageOf(reply))));
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expect(textOf(part).length).toBeLessThanOrEqual(4096);
      expect(checkTelegramText(textOf(part), "HTML").problems).toEqual([]);
    }
    const squash = (s: string) => s.replace(/\s+/g, " ").trim();
    expect(squash(parts.map((x) => visibleText(textOf(x))).join(" "))).toContain(squash(p.text));
  });
});
