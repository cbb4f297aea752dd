// Splits Telegram HTML into messages of at most `limit` characters. Telegram counts the limit (4096)
// after parsing entities; counting the raw HTML is stricter, so a chunk that fits here always fits there.
// Each chunk is well-formed on its own: tags open at a cut are closed at its end and reopened (with the
// same attributes) at the start of the next chunk. Cuts fall between paragraphs if possible, then lines,
// then words; never inside a tag or an entity like &amp;.

import { escapeHtml, TELEGRAM_TEXT_LIMIT, visibleText } from "../telegram.ts";

export { TELEGRAM_TEXT_LIMIT, visibleText };

interface Unit {
  raw: string;
  /** Open tags (raw text of each opening tag) in force after this unit. */
  stack: readonly OpenTag[];
  /** Only whitespace: dropped at the edges of a chunk. */
  blank: boolean;
  /** How good a cut right after this unit is: 3 paragraph, 2 line, 1 word, 0 anywhere. */
  cut: 0 | 1 | 2 | 3;
}

interface OpenTag {
  name: string;
  raw: string;
}

const TOKEN = /<\/?([a-zA-Z][a-zA-Z0-9-]*)(?:\s[^>]*)?>|&(?:#\d+|#x[0-9a-fA-F]+|[a-zA-Z]+);|[\s\S]/gu;

function tokenize(html: string): Unit[] {
  const units: Unit[] = [];
  let stack: OpenTag[] = [];
  for (const match of html.matchAll(TOKEN)) {
    const raw = match[0];
    const name = match[1]?.toLowerCase();
    if (name && raw.startsWith("</")) {
      const at = stack.map((t) => t.name).lastIndexOf(name);
      if (at >= 0) stack = stack.slice(0, at);
      units.push({ raw, stack, blank: false, cut: 0 });
    } else if (name) {
      stack = [...stack, { name, raw }];
      units.push({ raw, stack, blank: false, cut: 0 });
    } else {
      units.push({ raw, stack, blank: /^\s$/u.test(raw), cut: raw === "\n" ? 2 : raw === " " ? 1 : 0 });
    }
  }
  // A line break that follows another line break ends a paragraph.
  for (let i = 1; i < units.length; i++) {
    const unit = units[i];
    if (unit && unit.raw === "\n" && units[i - 1]?.raw === "\n") unit.cut = 3;
  }
  return units;
}

const opening = (stack: readonly OpenTag[]) => stack.map((t) => t.raw).join("");
const closing = (stack: readonly OpenTag[]) =>
  stack
    .map((t) => `</${t.name}>`)
    .reverse()
    .join("");

export function splitHtml(html: string, limit: number = TELEGRAM_TEXT_LIMIT): string[] {
  if (html.length <= limit) return [html];
  // Room for the longest entity or character, so plain text can always be cut.
  if (limit < 16) throw new RangeError("splitHtml needs a limit of at least 16 characters");
  const units = tokenize(html);
  const chunks: string[] = [];
  let start = 0;
  while (start < units.length) {
    while (start < units.length && units[start]?.blank) start++;
    if (start >= units.length) break;
    const before = start > 0 ? (units[start - 1]?.stack ?? []) : [];
    const prefix = opening(before);
    // Walk forward while the chunk (with the closing tags it would need) still fits; remember the best cut.
    let length = prefix.length;
    let best = -1;
    let bestQuality = -1;
    let end = start;
    for (; end < units.length; end++) {
      const unit = units[end] as Unit;
      length += unit.raw.length;
      if (length + closing(unit.stack).length > limit) break;
      // Prefer a better kind of cut, unless it would leave the chunk less than a third full.
      const quality = length >= limit / 3 ? unit.cut : 0;
      if (quality >= bestQuality) {
        best = end;
        bestQuality = quality;
      }
    }
    if (end >= units.length) best = units.length - 1;
    // Tags nested so deep that their opening and closing alone fill a chunk: keep the words, drop the
    // formatting. Renderer output never comes close; this only keeps the promise "never too long".
    if (best < start) return splitHtml(escapeHtml(visibleText(html)), limit);
    let last = best;
    while (last > start && units[last]?.blank) last--;
    const body = units
      .slice(start, last + 1)
      .map((u) => u.raw)
      .join("");
    chunks.push(prefix + body + closing(units[last]?.stack ?? []));
    start = best + 1;
  }
  return chunks.filter((c) => visibleText(c).trim().length > 0);
}
