// The curators' report as ONE self-contained HTML page: inline CSS and an inline SVG chart, no scripts,
// no external assets (a CSP meta tag forbids loading any), and every piece of text escaped.
import { langs, type Report } from "./report-view.ts";

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}

const STYLE = `
  body { font: 15px/1.45 system-ui, sans-serif; margin: 2rem auto; max-width: 62rem; padding: 0 1rem; color: #1d2430; }
  h1 { font-size: 1.5rem; margin-bottom: .2rem; } h2 { font-size: 1.15rem; margin-top: 2rem; }
  .meta { color: #5b6575; margin-top: 0; }
  table { border-collapse: collapse; width: 100%; } th, td { text-align: left; padding: .3rem .6rem; border-bottom: 1px solid #e3e7ee; vertical-align: top; }
  th { background: #f3f5f9; font-weight: 600; } td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
  code { font-size: .9em; } .nowrap { white-space: nowrap; } .empty { color: #5b6575; font-style: italic; }
  .legend span { display: inline-block; width: .8rem; height: .8rem; margin: 0 .3rem 0 1rem; vertical-align: -.1rem; }
  svg { width: 100%; height: auto; }
`;
const ANSWERED_COLOUR = "#3b7dd8";
const DECLINED_COLOUR = "#e0803a";

export function renderHtml(report: Report): string {
  const { range, totals } = report;
  const title = `Curator report ${range.from} – ${range.to}`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body>
<h1>${escapeHtml(title)}</h1>
<p class="meta">Generated ${escapeHtml(report.generatedAt)} · ${totals.answered} answered ·
${totals.declined} declined (${Math.round(totals.declinedShare * 100)}% declined)</p>

<h2>Questions per day</h2>
<p class="legend"><span style="background:${ANSWERED_COLOUR}"></span>answered<span style="background:${DECLINED_COLOUR}"></span>declined</p>
${dailyChart(report)}

<h2>Top declined questions: what to add next</h2>
${table(
  ["#", "Count", "Question language", "The engine today", "Group key", "Example"],
  report.topDeclined.map((g, i) => [
    num(i + 1),
    num(g.count),
    label(langs(g)),
    label(g.engineSays),
    code(g.groupKey),
    cell(g.example),
  ]),
  "No declined questions in this range.",
)}

<h2>Declined because they name something the article never mentions</h2>
${table(
  ["Count", "Question language", "Names", "Example"],
  report.notInArticle.map((g) => [
    num(g.count),
    label(langs(g)),
    label(g.name ?? "(recorded then)"),
    cell(g.example),
  ]),
  "None in this range.",
)}
<p class="meta">Noise, left out of these lists: ${report.noise.questions} question(s) in ${report.noise.groups} group(s) (no letters, markup only, or a single character).</p>

<h2>Answers with the worst feedback</h2>
${table(
  ["Answer", "Up", "Down", "Net"],
  report.worstFeedback.map((r) => [answer(r.answerId, r.question), num(r.up), num(r.down), num(r.net)]),
  "No thumbs-down votes in this range.",
)}

<h2>Near ties the engine confused</h2>
${table(
  ["Answer A", "Answer B", "Times", "Mean gap", "Example"],
  report.nearTies.map((p) => [
    answer(p.a, p.questionA),
    answer(p.b, p.questionB),
    num(p.count),
    num(p.meanGap.toFixed(3)),
    cell(p.example ?? ""),
  ]),
  "No near ties in this range.",
)}
</body>
</html>
`;
}

interface Cell {
  html: string;
  numeric?: boolean;
  nowrap?: boolean;
}
const cell = (text: string): Cell => ({ html: escapeHtml(text) });
/** A short label that reads better on one line. */
const label = (text: string): Cell => ({ html: escapeHtml(text), nowrap: true });
const code = (text: string): Cell => ({ html: `<code>${escapeHtml(text)}</code>` });
const num = (n: number | string): Cell => ({ html: escapeHtml(String(n)), numeric: true });
/** An answer id with its readable question under it. */
const answer = (id: string, question?: string): Cell => ({
  html: `<code>${escapeHtml(id)}</code>${question ? `<br>${escapeHtml(question)}` : ""}`,
});

function table(headers: string[], rows: Cell[][], empty: string): string {
  if (rows.length === 0) return `<p class="empty">${escapeHtml(empty)}</p>`;
  const numeric = rows[0]?.map((c) => c.numeric === true) ?? [];
  const head = headers.map((h, i) => `<th${numeric[i] ? ' class="n"' : ""}>${escapeHtml(h)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((c) => `<td${cellClass(c)}>${c.html}</td>`).join("")}</tr>`)
    .join("\n");
  return `<table>\n<thead><tr>${head}</tr></thead>\n<tbody>\n${body}\n</tbody>\n</table>`;
}

function cellClass(c: Cell): string {
  const names = [c.numeric ? "n" : "", c.nowrap ? "nowrap" : ""].filter(Boolean);
  return names.length > 0 ? ` class="${names.join(" ")}"` : "";
}

/** Stacked bars, one per day: answered below, declined on top; each bar has a tooltip with its figures. */
function dailyChart(report: Report): string {
  const days = report.daily;
  const width = 900;
  const height = 240;
  const left = 40;
  const bottom = 28;
  const top = 12;
  const plotHeight = height - bottom - top;
  const max = Math.max(1, ...days.map((d) => d.answered + d.declined));
  const slot = (width - left - 8) / Math.max(1, days.length);
  const barWidth = Math.max(1, slot * 0.75);
  const y = (value: number) => top + plotHeight - (value / max) * plotHeight;

  const bars = days
    .map((d, i) => {
      const x = (left + i * slot + (slot - barWidth) / 2).toFixed(1);
      const answeredTop = y(d.answered);
      const declinedTop = y(d.answered + d.declined);
      const label = escapeHtml(`${d.day}: ${d.answered} answered, ${d.declined} declined`);
      return `<g><title>${label}</title>
<rect x="${x}" y="${answeredTop.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(top + plotHeight - answeredTop).toFixed(1)}" fill="${ANSWERED_COLOUR}"/>
<rect x="${x}" y="${declinedTop.toFixed(1)}" width="${barWidth.toFixed(1)}" height="${(answeredTop - declinedTop).toFixed(1)}" fill="${DECLINED_COLOUR}"/></g>`;
    })
    .join("\n");
  const first = days[0]?.day ?? report.range.from;
  const last = days.at(-1)?.day ?? report.range.to;
  const baseline = top + plotHeight;
  return `<svg viewBox="0 0 ${width} ${height}" role="img" aria-label="${escapeHtml(`Questions per day, ${first} to ${last}`)}">
<line x1="${left}" y1="${baseline}" x2="${width - 4}" y2="${baseline}" stroke="#8893a5"/>
<line x1="${left}" y1="${top}" x2="${left}" y2="${baseline}" stroke="#8893a5"/>
<text x="${left - 6}" y="${top + 4}" font-size="12" text-anchor="end" fill="#5b6575">${max}</text>
<text x="${left - 6}" y="${baseline}" font-size="12" text-anchor="end" fill="#5b6575">0</text>
<text x="${left}" y="${height - 8}" font-size="12" fill="#5b6575">${escapeHtml(first)}</text>
<text x="${width - 4}" y="${height - 8}" font-size="12" text-anchor="end" fill="#5b6575">${escapeHtml(last)}</text>
${bars}
</svg>`;
}
