// Compact codes for inline-button callback_data. Telegram allows 1–64 bytes, and anything can arrive
// here (old keyboards, forged data), so decoding validates every part and returns undefined otherwise.
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS, type Lang } from "../content/langs.ts";

import { CALLBACK_DATA_MAX_BYTES } from "../telegram.ts";

/** How a button names an answer: its id, or "#<index>" for an id too long to fit. */
export type AnswerRef = string;

export type ButtonAction =
  /** Answer this question as a new message. */
  | { type: "ask"; ref: AnswerRef; lang: Lang }
  /** Show the source of this answer in full. */
  | { type: "source"; ref: AnswerRef; lang: Lang }
  | { type: "vote"; vote: 1 | -1; ref: AnswerRef }
  /** /topics browsing, edited in place: the list, one topic, one answer. */
  | { type: "topics"; lang: Lang }
  | { type: "topic"; topic: string; lang: Lang }
  | { type: "topicAnswer"; ref: AnswerRef; lang: Lang }
  /** "auto": forget the choice, answer each question in its own language. */
  | { type: "setLang"; lang: Lang | "auto" };

const REF = /^(?:[a-z][a-z0-9-]*|#\d{1,4})$/;
const TOPIC = /^[a-z][a-z0-9-]*$/;
const MAX_ID_IN_DATA = 48;

export function encodeAction(action: ButtonAction): string {
  let data: string;
  switch (action.type) {
    case "ask":
      data = `q:${action.ref}:${action.lang}`;
      break;
    case "source":
      data = `src:${action.ref}:${action.lang}`;
      break;
    case "vote":
      data = `fb:${action.vote === 1 ? "+" : "-"}:${action.ref}`;
      break;
    case "topics":
      data = `T:${action.lang}`;
      break;
    case "topic":
      data = `t:${action.topic}:${action.lang}`;
      break;
    case "topicAnswer":
      data = `ta:${action.ref}:${action.lang}`;
      break;
    case "setLang":
      data = `lang:${action.lang}`;
      break;
  }
  if (Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES)
    throw new Error(`callback data longer than ${CALLBACK_DATA_MAX_BYTES} bytes: ${data}`);
  return data;
}

function asLang(value: string | undefined): Lang | undefined {
  return (LANGS as readonly string[]).includes(value ?? "") ? (value as Lang) : undefined;
}

export function decodeAction(data: string | undefined): ButtonAction | undefined {
  if (!data || Buffer.byteLength(data, "utf8") > CALLBACK_DATA_MAX_BYTES) return undefined;
  const parts = data.split(":");
  const [code, a, b] = parts;
  const ref = (value: string | undefined) => (value !== undefined && REF.test(value) ? value : undefined);
  switch (code) {
    case "q":
    case "src":
    case "ta": {
      const r = ref(a);
      const lang = asLang(b);
      if (parts.length !== 3 || !r || !lang) return undefined;
      const type = code === "q" ? "ask" : code === "src" ? "source" : "topicAnswer";
      return { type, ref: r, lang };
    }
    case "fb": {
      const r = ref(b);
      if (parts.length !== 3 || (a !== "+" && a !== "-") || !r) return undefined;
      return { type: "vote", vote: a === "+" ? 1 : -1, ref: r };
    }
    case "T": {
      const lang = asLang(a);
      return parts.length === 2 && lang ? { type: "topics", lang } : undefined;
    }
    case "t": {
      const lang = asLang(b);
      if (parts.length !== 3 || !a || !TOPIC.test(a) || !lang) return undefined;
      return { type: "topic", topic: a, lang };
    }
    case "lang": {
      const lang = a === "auto" ? "auto" : asLang(a);
      return parts.length === 2 && lang ? { type: "setLang", lang } : undefined;
    }
    default:
      return undefined;
  }
}

/** The shortest stable name for an answer in button data: the id (stable across content edits) when it fits. */
export function answerRef(kb: KnowledgeBase, id: string): AnswerRef {
  if (id.length <= MAX_ID_IN_DATA) return id;
  return `#${kb.answers.findIndex((a) => a.id === id)}`;
}

/** Telegram's /start payload: up to 64 of A-Z a-z 0-9 _ -. Answer ids fit (lower-case words joined by "-"). */
const START_PAYLOAD = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * t.me/<bot>?start=<answer>: opens the bot and answers this question (the /start feature reads the
 * payload). Undefined for an id that cannot be a payload.
 */
export function answerLink(botUsername: string, id: string): string | undefined {
  return START_PAYLOAD.test(id) ? `https://t.me/${botUsername}?start=${id}` : undefined;
}

/** The answer a button names, or undefined when the content has changed since the button was sent. */
export function resolveRef(kb: KnowledgeBase, ref: AnswerRef): string | undefined {
  if (ref.startsWith("#")) {
    const answer = kb.answers[Number(ref.slice(1))];
    return answer && answer.id.length > MAX_ID_IN_DATA ? answer.id : undefined;
  }
  return kb.answerById.has(ref) ? ref : undefined;
}
