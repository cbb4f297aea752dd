// The checker itself must catch what Telegram would reject, or every test built on it proves nothing.
import { describe, expect, it } from "vitest";
import { checkOutgoingCall, checkTelegramText } from "./support/telegram-html.ts";

describe("checkTelegramText", () => {
  it.each([
    ["plain text", "Hello", undefined],
    [
      "allowed tags and entities",
      '<b>Bold</b> &lt;x&gt; &amp; &quot; &#39; &#x1F600; <a href="https://e.org/?a=1&amp;b=2">l</a>',
      "HTML",
    ],
    ["nested tags", "<blockquote><i>q</i> <code>c</code></blockquote>", "HTML"],
    ["spoiler span", '<span class="tg-spoiler">s</span>', "HTML"],
    ["exactly 4096 visible chars with tags around", `<b>${"x".repeat(4096)}</b>`, "HTML"],
    ["angle brackets are plain in plain mode", "a < b > c & d", undefined],
  ])("accepts %s", (_name, text, mode) => {
    expect(checkTelegramText(text, mode).problems).toEqual([]);
  });

  it.each([
    ["unbalanced tag", "<b>x", "HTML"],
    ["crossed tags", "<b><i>x</b></i>", "HTML"],
    ["a tag Telegram rejects", "<div>x</div>", "HTML"],
    ["a bare ampersand", "Tom & Jerry", "HTML"],
    ["an unsupported named entity", "&nbsp;x", "HTML"],
    ["an unescaped less-than", "a < b", "HTML"],
    ["an unescaped greater-than", "a > b", "HTML"],
    ["an attribute Telegram ignores", '<b onclick="x">y</b>', "HTML"],
    ["a link without href", "<a>y</a>", "HTML"],
    ["more than 4096 visible chars", "x".repeat(4097), undefined],
    ["4097 chars once &amp; is decoded", "&amp;".repeat(4097), "HTML"],
    ["empty text", "", undefined],
    ["whitespace only after tags", "<b> </b>", "HTML"],
    ["a lone surrogate", "a\ud800b", undefined],
    ["a NUL", "a\u0000b", undefined],
    ["not a string", 42, undefined],
  ])("rejects %s", (_name, text, mode) => {
    expect(checkTelegramText(text, mode).ok).toBe(false);
  });
});

describe("checkOutgoingCall", () => {
  it("rejects callback data over 64 bytes and long toasts", () => {
    const keyboard = { inline_keyboard: [[{ text: "b", callback_data: "я".repeat(33) }]] };
    expect(checkOutgoingCall("sendMessage", { text: "x", reply_markup: keyboard })).toHaveLength(1);
    expect(checkOutgoingCall("answerCallbackQuery", { text: "x".repeat(201) })).toHaveLength(1);
  });
  it("checks inline results' message text", () => {
    const results = [{ id: "1", input_message_content: { message_text: "<b>x", parse_mode: "HTML" } }];
    expect(checkOutgoingCall("answerInlineQuery", { results })).toHaveLength(1);
  });
});
