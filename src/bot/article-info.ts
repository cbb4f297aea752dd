// Facts about the article itself that /about and /sources both give: where else it is published, and
// its own address once content/article.yaml records one (never guessed).
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import type { BotTexts } from "../texts/bot.ts";

/** Where else the article is published, and its own address once content records one. */
export function publication(kb: KnowledgeBase, t: BotTexts): string[] {
  const lines: string[] = [];
  if (kb.article.alsoAvailableIn.length > 0) lines.push(t.alsoPublished(kb.article.alsoAvailableIn));
  if (kb.article.url) lines.push(t.articleAddress(kb.article.url));
  return lines;
}
