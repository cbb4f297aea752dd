// `npm run report`: what people asked that the bot could not answer, which answers they disliked and
// which answers the engine confused, for a date range. Text by default; --json for machines;
// --html FILE for one self-contained page. Reads the database read-only: running it never changes data.
import { writeFileSync } from "node:fs";
import { loadKnowledgeBase } from "../content/load.ts";
import { buildReport, type CuratorReport, declineKind } from "../storage/report.ts";
import { endQuietlyOnClosedPipe } from "./closed-pipe.ts";
import {
  COMMON_USAGE,
  clip,
  columns,
  noPositionals,
  openSourceOrSay,
  readCuratorArgs,
} from "./curator-cli.ts";
import { renderHtml } from "./report-html.ts";

endQuietlyOnClosedPipe();

const USAGE = `usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db PATH] [--limit N] [--json] [--html FILE]
${COMMON_USAGE}
  --html FILE   also write the report as one self-contained HTML page`;

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
            ["#", "count", "langs", "why declined", "group key", "example"],
            ...report.topDeclined.map((g, i) => [
              i + 1,
              g.count,
              g.langs.join(","),
              declineKind(g),
              clip(g.groupKey, 30),
              clip(g.example, 70),
            ]),
          ],
          [true, true, false, false, false, false],
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
  const args = readCuratorArgs(USAGE, { html: { type: "string" } }, (parsed) => ({
    ...noPositionals(parsed),
    html: typeof parsed.extra.html === "string" ? parsed.extra.html : undefined,
  }));
  if (typeof args === "number") return args;
  const source = openSourceOrSay(args.db);
  if (!source) return 1;
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
