// A checker for what Telegram accepts in a sendMessage text: our own reading of the Bot API's
// "HTML style" rules, strict on purpose so a reply that would get "400 can't parse entities" fails here first.

/** Tags Telegram's HTML parse mode understands; anything else is rejected by the real API. */
const ALLOWED_TAGS = new Set([
  "b",
  "strong",
  "i",
  "em",
  "u",
  "ins",
  "s",
  "strike",
  "del",
  "span",
  "tg-spoiler",
  "a",
  "tg-emoji",
  "code",
  "pre",
  "blockquote",
]);

/** Attributes allowed per tag (span only as a spoiler, a only with href). */
const ALLOWED_ATTRS: Record<string, readonly string[]> = {
  a: ["href"],
  span: ["class"],
  "tg-emoji": ["emoji-id"],
  code: ["class"],
  blockquote: ["expandable"],
};

/** Telegram's limit for message text, counted after entity parsing. */
export const MAX_MESSAGE_LENGTH = 4096;

export interface TextCheck {
  ok: boolean;
  problems: string[];
  /** The text as the user sees it (tags removed, entities decoded). */
  visible: string;
}

// Without the u flag a regex sees UTF-16 code units, so an unpaired half of a surrogate pair can be found.
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const NAMED_ENTITIES: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"' };

function decodeEntity(body: string): string | undefined {
  if (body in NAMED_ENTITIES) return NAMED_ENTITIES[body];
  const num = /^#(\d{1,7})$/.exec(body) ?? /^#x([0-9a-f]{1,6})$/i.exec(body);
  if (!num?.[1]) return undefined;
  const code = Number.parseInt(num[1], body.startsWith("#x") || body.startsWith("#X") ? 16 : 10);
  if (code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff)) return undefined;
  return String.fromCodePoint(code);
}

function parseAttrs(tag: string, raw: string, problems: string[]): void {
  const allowed = ALLOWED_ATTRS[tag] ?? [];
  const attrRe = /\s*([a-z-]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'>]+))?/giy;
  let rest = raw;
  let guard = 0;
  while (rest.trim() !== "" && guard++ < 50) {
    attrRe.lastIndex = 0;
    const m = attrRe.exec(rest);
    if (!m || m[0] === "") {
      problems.push(`<${tag}> has malformed attributes: ${JSON.stringify(raw)}`);
      return;
    }
    const name = m[1]?.toLowerCase() ?? "";
    if (!allowed.includes(name)) problems.push(`<${tag}> may not have attribute ${name}`);
    const value = m[2]?.replace(/^["']|["']$/g, "") ?? "";
    if (value.includes("<")) problems.push(`attribute ${name} of <${tag}> contains an unescaped '<'`);
    if (tag === "span" && name === "class" && value !== "tg-spoiler")
      problems.push(`<span class="${value}">`);
    rest = rest.slice(m[0].length);
  }
}

/** Checks one outgoing text: length, UTF-16 well-formedness and, for HTML, tags and entities. */
export function checkTelegramText(text: unknown, parseMode?: string): TextCheck {
  const problems: string[] = [];
  if (typeof text !== "string") return { ok: false, problems: [`text is ${typeof text}`], visible: "" };
  let visible = text;
  if (parseMode === "HTML") {
    visible = "";
    const stack: string[] = [];
    let i = 0;
    while (i < text.length) {
      const ch = text[i];
      if (ch === "<") {
        const end = text.indexOf(">", i);
        if (end < 0) {
          problems.push(`unescaped '<' at ${i}`);
          break;
        }
        const inner = text.slice(i + 1, end);
        const m = /^(\/?)([a-z][a-z0-9-]*)(\s[\s\S]*)?$/i.exec(inner);
        if (!m) {
          problems.push(`unescaped '<' or bad tag at ${i}: ${JSON.stringify(text.slice(i, end + 1))}`);
          i = end + 1;
          continue;
        }
        const closing = m[1] === "/";
        const tag = (m[2] ?? "").toLowerCase();
        if (!ALLOWED_TAGS.has(tag)) problems.push(`tag <${tag}> is not allowed by Telegram`);
        if (closing) {
          if (m[3]?.trim()) problems.push(`closing tag </${tag}> has attributes`);
          const open = stack.pop();
          if (open !== tag) problems.push(`</${tag}> closes <${open ?? "nothing"}>`);
        } else {
          parseAttrs(tag, m[3] ?? "", problems);
          if (tag === "a" && !/\shref\s*=/.test(m[3] ?? "")) problems.push("<a> without href");
          stack.push(tag);
        }
        i = end + 1;
      } else if (ch === ">") {
        problems.push(`unescaped '>' at ${i}`);
        visible += ch;
        i++;
      } else if (ch === "&") {
        const semi = text.indexOf(";", i);
        const body = semi > i ? text.slice(i + 1, semi) : "";
        const decoded = semi > i && semi - i <= 12 ? decodeEntity(body) : undefined;
        if (decoded === undefined) {
          problems.push(`bare '&' or unsupported entity at ${i}: ${JSON.stringify(text.slice(i, i + 10))}`);
          visible += ch;
          i++;
        } else {
          visible += decoded;
          i = semi + 1;
        }
      } else {
        visible += ch;
        i++;
      }
    }
    if (stack.length) problems.push(`unclosed tags: ${stack.join(", ")}`);
  } else if (parseMode !== undefined) {
    problems.push(`unexpected parse_mode ${parseMode}`);
  }
  if (visible.trim() === "")
    problems.push("text is empty after parsing (Telegram: 400 message text is empty)");
  if (visible.length > MAX_MESSAGE_LENGTH)
    problems.push(`text is ${visible.length} > ${MAX_MESSAGE_LENGTH} chars`);
  if (LONE_SURROGATE.test(visible)) problems.push("text has a lone surrogate (not valid UTF-8 for Telegram)");
  if (visible.includes("\u0000")) problems.push("text contains NUL");
  return { ok: problems.length === 0, problems, visible };
}

/** Telegram's limits for the rest of an outgoing call: button data, toast text, inline results. */
export function checkOutgoingCall(method: string, payload: Record<string, unknown>): string[] {
  const problems: string[] = [];
  const parseMode = typeof payload.parse_mode === "string" ? payload.parse_mode : undefined;
  if (method === "sendMessage" || method === "editMessageText") {
    problems.push(...checkTelegramText(payload.text, parseMode).problems);
  }
  if (method === "answerCallbackQuery" && payload.text !== undefined) {
    const t = String(payload.text);
    if (t.length > 200) problems.push(`callback answer text is ${t.length} > 200 chars`);
  }
  if (method === "answerInlineQuery") {
    const results = Array.isArray(payload.results) ? payload.results : [];
    if (results.length > 50) problems.push(`${results.length} inline results > 50`);
    for (const r of results as Record<string, unknown>[]) {
      const content = r.input_message_content as Record<string, unknown> | undefined;
      if (content) {
        const mode = typeof content.parse_mode === "string" ? content.parse_mode : undefined;
        problems.push(
          ...checkTelegramText(content.message_text, mode).problems.map((p) => `inline result: ${p}`),
        );
      }
      if (typeof r.id !== "string" || Buffer.byteLength(r.id) > 64)
        problems.push("inline result id missing or > 64 bytes");
    }
  }
  const markup = payload.reply_markup as
    | { inline_keyboard?: { callback_data?: string; text?: string }[][] }
    | undefined;
  for (const row of markup?.inline_keyboard ?? []) {
    for (const button of row) {
      if (!button.text) problems.push("button without text");
      if (button.callback_data !== undefined && Buffer.byteLength(button.callback_data) > 64) {
        problems.push(`callback_data is ${Buffer.byteLength(button.callback_data)} > 64 bytes`);
      }
    }
  }
  return problems;
}
