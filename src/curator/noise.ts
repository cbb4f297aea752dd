// What is not a question at all: no letters, markup only, or a single character. Such text is counted
// apart in the curators' lists (on its own line), never shown as something to answer.

/** Tags and character references, as a curator would see them in a pasted message. */
const MARKUP = /<\/?[a-z][^<>]*>|&(?:#\d+|#x[0-9a-f]+|[a-z]+);/gi;

/** Why a text is noise, or null when it reads as words. */
export function noiseReason(text: string): "no letters" | "markup only" | "a single character" | null {
  const trimmed = text.trim();
  if ([...trimmed].length <= 1) return "a single character";
  const withoutMarkup = trimmed.replace(MARKUP, " ");
  const letters = withoutMarkup.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return /\p{L}/u.test(trimmed) ? "markup only" : "no letters";
  if (letters === 1) return "a single character";
  return null;
}

/** Markup or HTML-significant characters: a paraphrase is plain text, and these would be pasted as is. */
export function markupIn(text: string): string | null {
  const tag = text.match(/<\/?[a-z][^<>]*>/i)?.[0];
  if (tag) return tag;
  return text.match(/[<>&]/)?.[0] ?? null;
}
