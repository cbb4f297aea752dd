// The small pieces the bot relies on: button codes, HTML splitting, who a group message is for.
import fc from "fast-check";
import type { Message, MessageEntity } from "grammy/types";
import { describe, expect, it } from "vitest";
import { groupQuestion, isForAnotherBot, parseCommand, stripBotMentions } from "../../src/bot/addressing.ts";
import { type ButtonAction, decodeAction, encodeAction } from "../../src/bot/callback-data.ts";
import { splitHtml, visibleText } from "../../src/bot/split.ts";
import { LANGS } from "../../src/content/schema.ts";
import { checkTelegramText } from "../reliability/support/telegram-html.ts";
import { botInfo } from "./helpers.ts";

describe("button codes", () => {
  const lang = fc.constantFrom(...LANGS);
  const id = fc.stringMatching(/^[a-z][a-z0-9-]{0,47}$/);
  const action: fc.Arbitrary<ButtonAction> = fc.oneof(
    fc.record({ type: fc.constant("ask" as const), ref: id, lang }),
    fc.record({ type: fc.constant("source" as const), ref: id, lang }),
    fc.record({
      type: fc.constant("vote" as const),
      vote: fc.constantFrom(1 as const, -1 as const),
      ref: id,
    }),
    fc.record({ type: fc.constant("topics" as const), lang }),
    fc.record({ type: fc.constant("topic" as const), topic: id, lang }),
    fc.record({ type: fc.constant("topicAnswer" as const), ref: id, lang }),
    fc.record({ type: fc.constant("setLang" as const), lang }),
  );

  it("round-trip and always fit Telegram's 64 bytes", () => {
    fc.assert(
      fc.property(action, (a) => {
        const data = encodeAction(a);
        expect(Buffer.byteLength(data)).toBeLessThanOrEqual(64);
        expect(decodeAction(data)).toEqual(a);
      }),
    );
  });

  it("decode any string without throwing, and reject what they did not make", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 100 }), (s) => {
        const decoded = decodeAction(s);
        if (decoded) expect(encodeAction(decoded)).toBe(s);
      }),
    );
    for (const bad of [
      "q:x:de",
      "q:x",
      "q:X:en",
      "fb:*:x",
      "lang:en:extra",
      "src::en",
      `q:${"a".repeat(70)}:en`,
    ])
      expect(decodeAction(bad), bad).toBeUndefined();
  });
});

describe("splitting HTML", () => {
  const word = fc.stringMatching(/^[a-zA-Zа-яё0-9]{1,12}$/);
  const text = fc.array(fc.oneof(word, fc.constantFrom(" ", " ", "\n", "\n\n", "&amp;", "&lt;", "🇰🇬", "ё")), {
    maxLength: 60,
  });
  const html: fc.Arbitrary<string> = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: "small", withCrossShrink: true },
      text.map((t) => t.join("")),
      fc
        .tuple(fc.constantFrom("b", "i", "code", "blockquote"), tie("list"))
        .map(([t, inner]) => `<${t}>${inner}</${t}>`),
      // Telegram does not nest links; the renderer never does.
      text.map((t) => `<a href="https://example.org/?a=1&amp;b=2">${t.join("") || "link"}</a>`),
    ),
    list: fc.array(tie("node"), { maxLength: 4 }).map((parts) => (parts as string[]).join("")),
  })).list as fc.Arbitrary<string>;

  it("keeps every chunk within the limit and well-formed, and loses no visible text", () => {
    fc.assert(
      fc.property(html, fc.integer({ min: 120, max: 400 }), (source, limit) => {
        fc.pre(visibleText(source).trim() !== "");
        const chunks = splitHtml(source, limit);
        for (const chunk of chunks) {
          expect(chunk.length).toBeLessThanOrEqual(limit);
          const problems = checkTelegramText(chunk, "HTML").problems.filter((p) => !p.includes("empty"));
          expect(problems).toEqual([]);
        }
        const squash = (s: string) => s.replace(/\s+/g, "");
        expect(squash(chunks.map(visibleText).join(""))).toBe(squash(visibleText(source)));
      }),
      { numRuns: 300 },
    );
  });

  it("cuts between paragraphs when it can", () => {
    const paragraph = (n: number) => `<b>Part ${n}</b> ${"word ".repeat(30).trim()}`;
    const source = [1, 2, 3, 4].map(paragraph).join("\n\n");
    const chunks = splitHtml(source, 400);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.startsWith("<b>Part")).toBe(true);
  });

  it("leaves a short message alone", () => {
    expect(splitHtml("<b>hi</b> there")).toEqual(["<b>hi</b> there"]);
  });
});

describe("who a group message is for", () => {
  const msg = (text: string, entities: MessageEntity[] = [], extra: Partial<Message> = {}) =>
    ({ text, entities, ...extra }) as Message;
  const mention = (text: string, at: string): MessageEntity => ({
    type: "mention",
    offset: text.indexOf(at),
    length: at.length,
  });

  it("reads commands, with or without @target", () => {
    const text = `/Ask@${botInfo.username}  who met Kulubaev?`;
    const call = parseCommand(text, [{ type: "bot_command", offset: 0, length: text.indexOf(" ") }]);
    expect(call).toEqual({ command: "ask", target: botInfo.username, args: "who met Kulubaev?" });
    expect(call && isForAnotherBot(call, botInfo)).toBe(false);
    const other = parseCommand("/ask@OtherBot hi", [{ type: "bot_command", offset: 0, length: 13 }]);
    expect(other && isForAnotherBot(other, botInfo)).toBe(true);
    expect(parseCommand("hi /ask", [{ type: "bot_command", offset: 3, length: 4 }])).toBeUndefined();
  });

  it("finds mentions of this bot only, and cuts them out", () => {
    const text = `Hey @${botInfo.username.toLowerCase()}, who met Kulubaev? cc @someone`;
    const m = msg(text, [mention(text, `@${botInfo.username.toLowerCase()}`), mention(text, "@someone")]);
    expect(stripBotMentions(m, botInfo)).toBe("Hey , who met Kulubaev? cc @someone");
    expect(groupQuestion(m, botInfo)).toBe("Hey , who met Kulubaev? cc @someone");
    const other = "who met Kulubaev? @someone";
    expect(groupQuestion(msg(other, [mention(other, "@someone")]), botInfo)).toBeUndefined();
    const textMention = msg("Bot, who met Kulubaev?", [
      { type: "text_mention", offset: 0, length: 3, user: botInfo },
    ]);
    expect(groupQuestion(textMention, botInfo)).toBe(", who met Kulubaev?");
  });
});
