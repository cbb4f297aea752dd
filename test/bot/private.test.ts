// Private chats: any text is a question; the answer is cited, with buttons to go further.
import { describe, expect, it } from "vitest";
import { escapeHtml } from "../../src/telegram.ts";
import { botTexts } from "../../src/texts/bot.ts";
import {
  alice,
  ayse,
  boris,
  button,
  buttons,
  createHarness,
  editedUpdate,
  knowledge,
  messageOf,
  messageUpdate,
  only,
  press,
  privateText,
  STICKER,
  sent,
  textOf,
} from "./helpers.ts";

const { kb } = knowledge();
/** A fact answer with a footnote and related questions: the richest reply. */
const cited = kb.answers.find((a) => a.kind === "fact" && a.footnotes.length > 0 && a.related.length > 0);
if (!cited) throw new Error("content has no cited answer with related questions");
const footnote = kb.footnoteByNumber.get(cited.footnotes[0] as number);
if (!footnote) throw new Error("footnote missing");

describe("a question in a private chat", () => {
  it("gets the cited answer, the footnote link and a keyboard (related, Source, 👍/👎)", async () => {
    const h = createHarness();
    const reply = only(await h.send(privateText(cited.questions.en[0] as string)));
    const html = textOf(reply);
    expect(reply.payload.parse_mode).toBe("HTML");
    expect(reply.payload.link_preview_options).toEqual({ is_disabled: true });
    expect(html).toContain(escapeHtml(cited.answer.en));
    expect(html).toContain(`<a href="${escapeHtml(footnote.url)}">`);
    expect(html).toContain(`[${footnote.n}]`);

    const all = buttons(reply);
    const questions = all.filter((b) => b.data.startsWith("q:"));
    expect(questions.length).toBeGreaterThanOrEqual(1);
    expect(questions.length).toBeLessThanOrEqual(3);
    for (const q of questions) expect(q.data).toMatch(/:en$/);
    expect(all.map((b) => b.data)).toEqual(
      expect.arrayContaining([`src:${cited.id}:en`, `fb:+:${cited.id}`, `fb:-:${cited.id}`]),
    );
    expect(button(reply, (b) => b.data.startsWith("src:")).text).toBe(botTexts("en").sourceButton);
  });

  it("is declined honestly when the article does not say, with answerable questions as buttons", async () => {
    const h = createHarness();
    const reply = only(await h.send(privateText("How do I bake sourdough bread at home?")));
    const questionButtons = buttons(reply).filter((b) => b.data.startsWith("q:"));
    expect(questionButtons.length).toBeGreaterThanOrEqual(1);
    expect(questionButtons.length).toBeLessThanOrEqual(3);
    // A decline cites nothing and offers no feedback or Source buttons.
    expect(textOf(reply)).not.toContain("<a href");
    expect(buttons(reply).some((b) => b.data.startsWith("fb:") || b.data.startsWith("src:"))).toBe(false);
  });

  it("answers a pressed question button as a new message and acknowledges the press", async () => {
    const h = createHarness();
    const first = only(await h.send(privateText(cited.questions.en[0] as string)));
    const related = button(first, (b) => b.data.startsWith("q:"));
    const calls = await h.send(press(related.data, messageOf(first)));
    expect(calls.map((c) => c.method)).toEqual(["answerCallbackQuery", "sendMessage"]);
    const id = related.data.split(":")[1] as string;
    const answer = kb.answerById.get(id);
    expect(textOf(only(calls))).toContain(escapeHtml(answer?.answer.en ?? "missing"));
    expect(sent(calls, "editMessageText")).toHaveLength(0);
  });

  it("shows the source in full under the Source button: the article's paragraph and the footnote", async () => {
    const h = createHarness();
    const first = only(await h.send(privateText(cited.questions.en[0] as string)));
    const source = button(first, (b) => b.data.startsWith("src:"));
    const reply = only(await h.send(press(source.data, messageOf(first))));
    const paragraph = kb.article.paragraphs.find((p) => p.n === cited.quotes[0]?.p);
    expect(textOf(reply)).toContain(escapeHtml(paragraph?.text ?? "missing"));
    expect(textOf(reply)).toContain(footnote.url.replace(/&/g, "&amp;"));
    expect(textOf(reply)).toContain(footnote.accessed);
  });

  it("answers Russian in Russian and Turkish in Turkish, buttons included", async () => {
    const h = createHarness();
    const ru = only(await h.send(privateText(cited.questions.ru[0] as string, boris)));
    expect(textOf(ru)).toContain(escapeHtml(cited.answer.ru));
    expect(button(ru, (b) => b.data.startsWith("src:")).text).toBe(botTexts("ru").sourceButton);

    // Language follows the question, not the user's Telegram setting.
    const tr = only(await h.send(privateText(cited.questions.tr[0] as string, alice)));
    expect(textOf(tr)).toContain(escapeHtml(cited.answer.tr));
    expect(button(tr, (b) => b.data.startsWith("src:")).text).toBe(botTexts("tr").sourceButton);
    for (const b of buttons(tr).filter((x) => x.data.startsWith("q:"))) expect(b.data).toMatch(/:tr$/);
  });

  it("escapes whatever the user typed: markup in a question never reaches Telegram as markup", async () => {
    const h = createHarness();
    const reply = only(await h.send(privateText("<b>Who</b> is <script>alert(1)</script> & Putin?")));
    expect(textOf(reply)).not.toMatch(/<script|<b>Who/);
  });

  it("hints in reply to stickers, photos, voice and locations, edited messages and unknown commands", async () => {
    const h = createHarness();
    const t = botTexts("en");
    const sticker = messageUpdate(undefined, {
      extra: {
        sticker: STICKER,
      },
    });
    expect(textOf(only(await h.send(sticker)))).toBe(t.nonText);
    const photo = messageUpdate(undefined, {
      extra: { photo: [{ file_id: "p", file_unique_id: "p", width: 1, height: 1 }] },
    });
    expect(textOf(only(await h.send(photo)))).toBe(t.nonText);
    const location = messageUpdate(undefined, { extra: { location: { latitude: 42.87, longitude: 74.59 } } });
    expect(textOf(only(await h.send(location)))).toBe(t.nonText);
    expect(textOf(only(await h.send(editedUpdate("Who wrote the article?"))))).toBe(t.edited);
    expect(textOf(only(await h.send(privateText("/frobnicate now"))))).toBe(t.unknownCommand);
    // The hint follows the user's language.
    expect(textOf(only(await h.send(privateText("/frobnicate", ayse))))).toBe(botTexts("tr").unknownCommand);
  });

  it("stays silent on its own inline answer posted into the chat", async () => {
    const h = createHarness();
    const update = messageUpdate(cited.answer.en, { extra: { via_bot: h.bot.botInfo } });
    expect(await h.send(update)).toEqual([]);
  });
});
