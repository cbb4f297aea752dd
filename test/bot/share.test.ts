// Answers people can pass on: a share button under every answer (switch_inline_query with the answer's
// question), which inline mode answers with that very answer; deep links t.me/<bot>?start=<answer>.
import type { InlineKeyboardButton, InlineKeyboardMarkup, InlineQueryResultArticle } from "grammy/types";
import { describe, expect, it } from "vitest";
import { LANGS } from "../../src/content/schema.ts";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import type { LocalApiCall } from "../../src/transports/local-api.ts";
import {
  alice,
  channelPost,
  createHarness,
  firstAnswerableFact,
  inlineQuery,
  knowledge,
  only,
  privateText,
  textOf,
} from "./helpers.ts";

const { kb } = knowledge();
const { fact, question } = firstAnswerableFact("en");

function shareButtons(call: LocalApiCall): InlineKeyboardButton.SwitchInlineButton[] {
  const markup = call.payload.reply_markup as InlineKeyboardMarkup | undefined;
  return (markup?.inline_keyboard ?? [])
    .flat()
    .filter((b): b is InlineKeyboardButton.SwitchInlineButton => "switch_inline_query" in b);
}

describe("share", () => {
  it("an answer has one share button, labelled in the reply's language, carrying its question", async () => {
    const h = createHarness();
    const reply = only(await h.send(privateText(question)));
    const [share, ...more] = shareButtons(reply);
    expect(more).toEqual([]);
    expect(share?.text).toBe(botTexts("en").shareButton);
    expect(share?.switch_inline_query).toBe(question);
  });

  it("the shared query posts the same cited answer, for every answer in every language", async () => {
    const h = createHarness();
    for (const answer of kb.answers)
      for (const lang of LANGS) {
        const query = answer.questions[lang][0] as string;
        const call = only(
          await h.send(inlineQuery(query, { ...alice, language_code: lang })),
          "answerInlineQuery",
        );
        const [first] = call.payload.results as InlineQueryResultArticle[];
        expect(first?.id, `${answer.id} ${lang}`).toMatch(new RegExp(`^m:.+:${lang}$`));
        const posted = (first?.input_message_content as { message_text?: string } | undefined)?.message_text;
        expect(posted, `${answer.id} ${lang}`).toContain(escapeHtml(answer.answer[lang]));
      }
  });

  it("channels get no share button (a press there is the channel's, not a reader's)", async () => {
    const h = createHarness();
    expect(shareButtons(only(await h.send(channelPost(`/ask ${question}`))))).toEqual([]);
  });

  it("declines and small talk have nothing to share", async () => {
    const h = createHarness();
    expect(shareButtons(only(await h.send(privateText("Who won the 2022 FIFA World Cup final?"))))).toEqual(
      [],
    );
    expect(shareButtons(only(await h.send(privateText("thanks!"))))).toEqual([]);
  });
});

describe("deep links", () => {
  it("t.me/<bot>?start=<answer> opens that answer after the greeting, in the user's language", async () => {
    const h = createHarness();
    const calls = await h.send(privateText(`/start ${fact.id}`));
    expect(calls).toHaveLength(2);
    expect(textOf(calls[1] as LocalApiCall)).toContain(escapeHtml(fact.answer.en));
  });
});
