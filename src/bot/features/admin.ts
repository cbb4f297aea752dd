// /stats and /unanswered for the user ids in ADMIN_IDS, in private chats. Anyone else gets exactly what
// an unknown command gets, so nothing shows that these commands exist.
import { Composer } from "grammy";
import { errorSummary } from "../../logger.ts";
import { dayOf, daysBefore } from "../../storage/rules.ts";
import type { StatsLine } from "../../texts/bot.ts";
import type { MyContext } from "../context.ts";
import { isBotAdmin } from "../permissions.ts";
import { escapeHtml, replyText, sendHtml } from "../send.ts";

export const adminFeature = new Composer<MyContext>();
const admins = adminFeature.chatType("private").filter(isBotAdmin);

/** /unanswered looks this far back: long enough to see patterns, short enough to be current. */
const UNANSWERED_DAYS = 30;
const UNANSWERED_LIMIT = 10;

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
