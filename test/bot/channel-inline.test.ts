// Channels: /ask posts get a reply post; inline mode offers cited answers in any chat.
import type { InlineQueryResultArticle } from "grammy/types";
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import {
  answerableFacts,
  ayse,
  boris,
  botInfo,
  buttons,
  channel,
  channelPost,
  createHarness,
  firstAnswerableFact,
  inlineQuery,
  knowledge,
  only,
  textOf,
} from "./helpers.ts";

const { kb, engine } = knowledge();
const { fact, question } = firstAnswerableFact("en");

describe("channel posts", () => {
  it("answer /ask as a reply post, with 👍/👎 but no buttons that would post to every subscriber", async () => {
    const h = createHarness();
    const post = channelPost(`/ask ${question}`);
    const reply = only(await h.send(post));
    expect(reply.payload.chat_id).toBe(channel.id);
    expect(textOf(reply)).toContain(escapeHtml(fact.answer.en));
    expect(reply.payload.reply_parameters).toEqual({
      message_id: post.channel_post?.message_id,
      allow_sending_without_reply: true,
    });
    const data = buttons(reply).map((b) => b.data);
    expect(data.every((d) => d.startsWith("fb:"))).toBe(true);
    expect(data).toHaveLength(2);
  });

  it("answer /ask@ThisBot, ignore /ask@OtherBot and every other post", async () => {
    const h = createHarness();
    expect(await h.send(channelPost(`/ask@${botInfo.username} ${question}`))).toHaveLength(1);
    expect(await h.send(channelPost(`/ask@OtherBot ${question}`))).toEqual([]);
    expect(await h.send(channelPost(question))).toEqual([]);
    expect(await h.send(channelPost("/start"))).toEqual([]);
    expect(await h.send(channelPost("/sources"))).toEqual([]);
  });
});

/** The text an inline result would post. */
const postedText = (result: InlineQueryResultArticle | undefined) =>
  (result?.input_message_content as { message_text?: string } | undefined)?.message_text ?? "";

const resultsOf = (calls: Awaited<ReturnType<ReturnType<typeof createHarness>["send"]>>) => {
  const call = only(calls, "answerInlineQuery");
  return { call, results: call.payload.results as InlineQueryResultArticle[] };
};

describe("inline mode", () => {
  it("an empty query lists popular questions in the user's language, each with its full cited answer", async () => {
    const h = createHarness();
    const { call, results } = resultsOf(await h.send(inlineQuery("", boris)));
    expect(results.length).toBeGreaterThan(3);
    expect(results.length).toBeLessThanOrEqual(50);
    expect(results.map((r) => r.title)).toEqual(engine.examples("ru", results.length).map((e) => e.question));
    const first = results[0] as InlineQueryResultArticle;
    const content = first.input_message_content as { message_text: string; parse_mode: string };
    expect(content.parse_mode).toBe("HTML");
    expect(first.input_message_content).toMatchObject({ link_preview_options: { is_disabled: true } });
    expect(first.description?.length).toBeGreaterThan(0);
    expect(call.payload.cache_time).toBe(300);
    expect(new Set(results.map((r) => r.id)).size).toBe(results.length);
  });

  it("a question gets its cited answer first, titled with the canonical question", async () => {
    const h = createHarness();
    const { call, results } = resultsOf(await h.send(inlineQuery(question)));
    const first = results[0] as InlineQueryResultArticle;
    expect(first.title).toBe(question);
    const text = (first.input_message_content as { message_text: string }).message_text;
    expect(text).toContain(escapeHtml(fact.answer.en));
    for (const n of fact.footnotes)
      expect(text).toContain(escapeHtml(kb.footnoteByNumber.get(n)?.url ?? "?"));
    expect(call.payload.is_personal).toBe(false);
  });

  it("a question in Turkish is answered in Turkish", async () => {
    const h = createHarness();
    const [turkish] = answerableFacts("tr");
    const { results } = resultsOf(await h.send(inlineQuery(turkish?.questions.tr[0] ?? "", ayse)));
    expect(postedText(results[0])).toContain(escapeHtml(turkish?.answer.tr ?? "missing"));
  });

  it("a question the article does not answer gets one result that says so", async () => {
    const h = createHarness();
    const { results } = resultsOf(await h.send(inlineQuery("best pizza recipe with pineapple")));
    expect(results).toHaveLength(1);
    expect(results[0]?.title).toBe(botTexts("en").inlineDeclineTitle);
    expect(postedText(results[0])).not.toContain("<a href");
  });

  it("a query of 256 characters, or a longer forged one, is handled", async () => {
    const h = createHarness();
    const long = `${question} `.repeat(20);
    expect(long.length).toBeGreaterThan(256);
    expect(resultsOf(await h.send(inlineQuery(long.slice(0, 256)))).results.length).toBeGreaterThan(0);
    expect(resultsOf(await h.send(inlineQuery(long))).results.length).toBeGreaterThan(0);
  });
});
