// What Telegram itself fixes: message and button-data limits, and its HTML's escaping. One definition
// for the bot, the renderer and the local Bot API alike.

/** Longest message text, counted after entities are parsed (raw HTML is longer, so counting it is safe). */
export const TELEGRAM_TEXT_LIMIT = 4096;

/** Inline buttons' callback_data: 1 to 64 bytes. */
export const CALLBACK_DATA_MAX_BYTES = 64;

/** Escapes text for Telegram HTML (also inside attribute values). */
export function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** The text a reader sees: tags removed, the entities Telegram knows decoded. */
export function visibleText(html: string): string {
  return decodeEntities(html.replace(/<[^>]*>/g, ""));
}

/** Telegram's named entities and numeric references, decoded (&amp; last, so "&amp;lt;" stays "&lt;"). */
export function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-fA-F]+);/g, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&amp;/g, "&");
}
