// /stats and /unanswered for the user ids in ADMIN_IDS, in private chats. Anyone else gets exactly what
// an unknown command gets, so nothing shows that these commands exist.
import { Composer } from "grammy";
import { botTexts, type StatsLine } from "../../texts/bot.ts";
import { utcDay } from "../answering.ts";
import type { MyContext } from "../context.ts";
import { errorSummary, uiLanguage } from "../language.ts";
import { escapeHtml, sendHtml } from "../send.ts";

export const adminFeature = new Composer<MyContext>();
const privateChats = adminFeature.chatType("private");

/** /unanswered looks this far back: long enough to see patterns, short enough to be current. */
const UNANSWERED_DAYS = 30;
const UNANSWERED_LIMIT = 10;

const isAdmin = (ctx: MyContext) => ctx.from !== undefined && ctx.deps.adminIds.includes(ctx.from.id);

function daysAgo(now: Date, days: number): string {
  return utcDay(new Date(now.getTime() - days * 86_400_000));
}

privateChats.command("stats", async (ctx, next) => {
  if (!isAdmin(ctx)) return next();
  const lang = uiLanguage(ctx);
  const t = botTexts(lang);
  ctx.outcome = { ...ctx.outcome, kind: "command", lang };
  const now = ctx.deps.now?.() ?? new Date();
  const today = utcDay(now);
  let text: string;
  try {
    const days = await ctx.deps.store.dailyCounts(daysAgo(now, 6), today);
    const sum = (rows: typeof days): StatsLine => ({
      answered: rows.reduce((n, r) => n + r.answered, 0),
      declined: rows.reduce((n, r) => n + r.declined, 0),
    });
    text = t.stats(sum(days.filter((d) => d.day === today)), sum(days), today);
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: /stats failed");
    text = t.failure;
  }
  await sendHtml(ctx, escapeHtml(text));
});

privateChats.command("unanswered", async (ctx, next) => {
  if (!isAdmin(ctx)) return next();
  const lang = uiLanguage(ctx);
  const t = botTexts(lang);
  ctx.outcome = { ...ctx.outcome, kind: "command", lang };
  const now = ctx.deps.now?.() ?? new Date();
  let html: string;
  try {
    const groups = await ctx.deps.store.topDeclined(
      daysAgo(now, UNANSWERED_DAYS - 1),
      utcDay(now),
      UNANSWERED_LIMIT,
    );
    html =
      groups.length === 0
        ? escapeHtml(t.unansweredNone(UNANSWERED_DAYS))
        : [
            escapeHtml(t.unansweredHeader(UNANSWERED_DAYS)),
            ...groups.map(
              (g, i) => `${i + 1}. ${escapeHtml(g.example)} — ${g.count} (${escapeHtml(g.langs.join(", "))})`,
            ),
          ].join("\n");
  } catch (error) {
    ctx.logger.warn({ err: errorSummary(error) }, "store: /unanswered failed");
    html = escapeHtml(t.failure);
  }
  await sendHtml(ctx, html);
});
