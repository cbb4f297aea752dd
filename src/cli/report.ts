// `npm run report`: what people asked that the bot could not answer, which answers they disliked and
// which answers the engine confused, for a date range. Text by default; --json for machines;
// --html FILE for one self-contained page. Reads the database read-only: running it never changes data.
import { writeFileSync } from "node:fs";
import { parseArgs } from "node:util";
import { readEnvironment } from "../config.ts";
import { loadKnowledgeBase } from "../content/load.ts";
import { buildReport, type CuratorReport } from "../storage/report.ts";
import { DAY_PATTERN, dayOf, daysBefore } from "../storage/rules.ts";
import { openReportSource } from "../storage/sqlite.ts";
import { renderHtml } from "./report-html.ts";

const USAGE = `usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db PATH] [--limit N] [--json] [--html FILE]
  --from, --to  UTC days, both included (default: the last 30 days, today included)
  --db          the bot's database (default: DATABASE_PATH, else data/bot.sqlite)
  --limit       rows per list (default 20)
  --json        print the report as JSON
  --html FILE   also write the report as one self-contained HTML page`;

class UsageError extends Error {}

interface ReportArgs {
  from: string;
  to: string;
  db: string;
  limit: number;
  json: boolean;
  html: string | undefined;
}

function readOptions(argv: string[]) {
  try {
    return parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        from: { type: "string" },
        to: { type: "string" },
        db: { type: "string" },
        limit: { type: "string" },
        json: { type: "boolean", default: false },
        html: { type: "string" },
        help: { type: "boolean", short: "h", default: false },
      },
    }).values;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function parseReportArgs(argv: string[], now: Date): ReportArgs {
  const values = readOptions(argv);
  if (values.help) {
    console.log(USAGE);
    process.exit(0);
  }
  const to = values.to ?? dayOf(now);
  checkDay("--to", to);
  const from = values.from ?? daysBefore(new Date(`${to}T00:00:00Z`), 29);
  checkDay("--from", from);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const limit = values.limit === undefined ? 20 : Number(values.limit);
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new UsageError("--limit must be a whole number from 1 to 1000");
  }
  const db = values.db ?? readEnvironment().DATABASE_PATH?.trim() ?? "";
  return { from, to, db: db || "data/bot.sqlite", limit, json: values.json, html: values.html };
}

function checkDay(option: string, day: string): void {
  if (!DAY_PATTERN.test(day) || dayOf(new Date(`${day}T00:00:00Z`)) !== day) {
    throw new UsageError(`${option} must be a calendar day written YYYY-MM-DD, e.g. 2024-03-10`);
  }
}

/** First English question of each answer: lets a curator read "japan-grant" as a question. */
function answerDescriptions(): ((id: string) => string | undefined) | undefined {
  try {
    const kb = loadKnowledgeBase();
    return (id) => kb.answerById.get(id)?.questions.en[0];
  } catch {
    console.error("note: content/ did not load, so answers are shown by id only (npm run validate says why)");
    return undefined;
  }
}

function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

function columns(rows: (string | number)[][], rightAligned: boolean[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "").length))) ?? [];
  return rows.map((row) =>
    `  ${row
      .map((c, i) =>
        rightAligned[i] ? String(c).padStart(widths[i] ?? 0) : String(c).padEnd(widths[i] ?? 0),
      )
      .join("  ")}`.trimEnd(),
  );
}

function renderText(report: CuratorReport, db: string): string {
  const { totals } = report;
  const out: string[] = [
    `Curator report ${report.range.from} … ${report.range.to}  (${db})`,
    `Questions: ${totals.answered} answered, ${totals.declined} declined (${Math.round(totals.declinedShare * 100)}% declined)`,
    "",
    "Questions per day (days with questions; # answered, - declined)",
  ];
  const busy = report.daily.filter((d) => d.answered + d.declined > 0);
  const peak = Math.max(1, ...busy.map((d) => d.answered + d.declined));
  const bar = (n: number) => Math.round((n / peak) * 40);
  out.push(
    ...(busy.length === 0
      ? ["  (no questions in this range)"]
      : columns(
          [
            ["day", "answered", "declined", ""],
            ...busy.map((d) => [
              d.day,
              d.answered,
              d.declined,
              "#".repeat(bar(d.answered)) + "-".repeat(bar(d.declined)),
            ]),
          ],
          [false, true, true, false],
        )),
  );

  out.push("", "Top declined questions: the to-do list (add an answer, or a paraphrase to an answer)");
  out.push(
    ...(report.topDeclined.length === 0
      ? ["  (none)"]
      : columns(
          [
            ["#", "count", "langs", "group key", "example"],
            ...report.topDeclined.map((g, i) => [
              i + 1,
              g.count,
              g.langs.join(","),
              clip(g.groupKey, 30),
              clip(g.example, 70),
            ]),
          ],
          [true, true, false, false, false],
        )),
  );

  out.push("", "Answers with the worst feedback");
  out.push(
    ...(report.worstFeedback.length === 0
      ? ["  (no thumbs-down votes)"]
      : columns(
          [
            ["answer", "up", "down", "net", "question"],
            ...report.worstFeedback.map((r) => [r.answerId, r.up, r.down, r.net, clip(r.question ?? "", 60)]),
          ],
          [false, true, true, true, false],
        )),
  );

  out.push("", "Near ties the engine confused (the runner-up scored almost as high)");
  out.push(
    ...(report.nearTies.length === 0
      ? ["  (none)"]
      : columns(
          [
            ["answers", "times", "mean gap", "example"],
            ...report.nearTies.map((p) => [
              `${p.a} <> ${p.b}`,
              p.count,
              p.meanGap.toFixed(3),
              clip(p.example ?? "", 50),
            ]),
          ],
          [false, true, true, false],
        )),
  );
  return out.join("\n");
}

function main(): number {
  let args: ReportArgs;
  try {
    args = parseReportArgs(process.argv.slice(2), new Date());
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${USAGE}`);
    return 2;
  }
  let source: ReturnType<typeof openReportSource>;
  try {
    source = openReportSource(args.db);
  } catch (error) {
    const reason = (error as Error).message;
    console.error(
      /does not exist|unable to open/i.test(reason)
        ? `no database at ${args.db}: start the bot once, or pass --db PATH (or set DATABASE_PATH)`
        : `cannot read ${args.db}: ${reason}`,
    );
    return 1;
  }
  try {
    const describeAnswer = answerDescriptions();
    const report = buildReport(
      source,
      { from: args.from, to: args.to },
      { limit: args.limit, ...(describeAnswer ? { describeAnswer } : {}) },
    );
    console.log(args.json ? JSON.stringify(report, null, 2) : renderText(report, args.db));
    if (args.html) {
      writeFileSync(args.html, renderHtml(report));
      console.error(`HTML report written to ${args.html}`);
    }
    return 0;
  } finally {
    source.close();
  }
}

process.exitCode = main();
