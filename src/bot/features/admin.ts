// /stats and /unanswered for the user ids in ADMIN_IDS, in private chats. Anyone else gets exactly what
// an unknown command gets, so nothing shows that these commands exist.
import { Composer } from "grammy";
import {
  type DeclinedLists,
  questionLangOf,
  type SortedGroup,
  sortDeclined,
} from "../../curator/declined.ts";
import { createTriage } from "../../curator/triage.ts";
import { errorSummary } from "../../logger.ts";
import { dayOf, daysBefore } from "../../storage/rules.ts";
import type { BotTexts, StatsLine } from "../../texts/bot.ts";
import type { MyContext } from "../context.ts";
import { isBotAdmin } from "../permissions.ts";
import { escapeHtml, replyText, sendHtml } from "../send.ts";

export const adminFeature = new Composer<MyContext>();
const admins = adminFeature.chatType("private").filter(isBotAdmin);

/** /unanswered looks this far back: long enough to see patterns, short enough to be current. */
const UNANSWERED_DAYS = 30;
const UNANSWERED_LIMIT = 10;
/** Every declined group of the period is sorted (noise, not in the article, to do) before the top few are shown. */
const ALL_GROUPS = 1000;

admins.command("stats", async (ctx) => {
  const { t } = ctx;
  ctx.note({ kind: "command", lang: ctx.lang });
  const now = ctx.deps.now?.() ?? new Date();
  const today = dayOf(now);
  let text: string;
  try {
    const days = await ctx.deps.store.dailyCounts(daysBefore(now, 6), today);
    const sum = (rows: typeof days): StatsLine => ({
      answered: rows.reduce((n, r) => n + r.answered, 0),
      declined: rows.reduce((n, r) => n + r.declined, 0),
    });
    text = t.stats(sum(days.filter((d) => d.day === today)), sum(days), today);
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: /stats failed");
    text = t.failure;
  }
  await replyText(ctx, text);
});

admins.command("unanswered", async (ctx) => {
  const { t } = ctx;
  ctx.note({ kind: "command", lang: ctx.lang });
  const now = ctx.deps.now?.() ?? new Date();
  let html: string;
  try {
    const groups = await ctx.deps.store.topDeclined(
      daysBefore(now, UNANSWERED_DAYS - 1),
      dayOf(now),
      ALL_GROUPS,
    );
    const lists = sortDeclined(groups, createTriage(ctx.deps.kb, ctx.deps.engine), UNANSWERED_LIMIT);
    html = unansweredHtml(t, lists);
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: /unanswered failed");
    html = escapeHtml(t.failure);
  }
  await sendHtml(ctx, html);
});

/**
 * The same lists as `npm run report`, with the checks `npm run suggest` makes without building the engine
 * again: a paraphrase is called "not to add" with its reasons, and one that passes is only said to fit
 * after the eval sets have been run, so the command to do that is given.
 */
function unansweredHtml(t: BotTexts, lists: DeclinedLists): string {
  const u = t.unanswered;
  const lang = (g: SortedGroup) => {
    const question = questionLangOf(g);
    const replies = g.langs.join(", ");
    return replies === question ? question : `${question}; ${u.replied(replies)}`;
  };
  const entry = (g: SortedGroup, marker: string) =>
    `${marker} ${escapeHtml(g.example)} — ${g.count} (${escapeHtml(lang(g))})`;
  const todo = lists.todo.map((g, i) => `${entry(g, `${i + 1}.`)}\n    ${escapeHtml(verdictLine(u, g))}`);
  const lines =
    lists.todo.length === 0 && lists.notInArticle.length === 0
      ? [escapeHtml(t.unansweredNone(UNANSWERED_DAYS))]
      : [escapeHtml(t.unansweredHeader(UNANSWERED_DAYS)), ...todo];
  if (lists.notInArticle.length > 0)
    lines.push(
      "",
      escapeHtml(u.notInArticleHeader),
      ...lists.notInArticle.map((g) => `${entry(g, "•")}${g.name ? `: ${escapeHtml(u.names(g.name))}` : ""}`),
    );
  if (lists.noise.questions > 0) lines.push("", escapeHtml(u.noise(lists.noise.questions)));
  return lines.join("\n");
}

function verdictLine(u: BotTexts["unanswered"], g: SortedGroup): string {
  const verdict = g.triaged?.verdict;
  // The to-do list holds candidates and groups with nothing close (sortDeclined puts the rest elsewhere).
  if (verdict?.status !== "candidate") return u.nothingClose;
  const closest = u.closest(verdict.answerId);
  if (verdict.refusals.length > 0)
    return `${closest}; ${u.notSafe} ${verdict.refusals.map((r) => r.reason).join("; ")}`;
  return `${closest}; ${u.check(`npm run suggest -- --apply ${g.triaged?.id}`)}`;
}
