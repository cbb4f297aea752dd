// `npm run report`: what people asked that the bot could not answer, which answers they disliked and
// which answers the engine confused, for a date range. Text by default; --json for machines;
// --html FILE for one self-contained page. Reads the database read-only: running it never changes data.
import { writeFileSync } from "node:fs";
import { loadKnowledgeBase } from "../content/load.ts";
import { sortDeclined } from "../curator/declined.ts";
import { createTriage } from "../curator/triage.ts";
import { createEngine } from "../engine/index.ts";
import { buildReport } from "../storage/report.ts";
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
import { declinedRow, langs, type Report } from "./report-view.ts";

endQuietlyOnClosedPipe();

const USAGE = `usage: npm run report -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db PATH] [--limit N] [--json] [--html FILE]
${COMMON_USAGE}
  --html FILE   also write the report as one self-contained HTML page`;

/** Content and an engine, when content loads: answer descriptions and today's verdict on each group. */
function contentTools(): {
  describeAnswer?: (id: string) => string | undefined;
  triage?: ReturnType<typeof createTriage>;
} {
  try {
    const kb = loadKnowledgeBase();
    return {
      describeAnswer: (id) => kb.answerById.get(id)?.questions.en[0],
      triage: createTriage(kb, createEngine(kb)),
    };
  } catch {
    console.error(
      "note: content/ did not load, so answers are shown by id only and declines by the reason recorded then (npm run validate says why)",
    );
    return {};
  }
}

function renderText(report: Report, db: string): string {
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

  out.push(
    "",
    "Top declined questions: the to-do list (add a paraphrase to an answer: npm run suggest; or a new answer)",
  );
  out.push(
    ...(report.topDeclined.length === 0
      ? ["  (none)"]
      : columns(
          [
            ["#", "count", "question lang", "the engine today", "example"],
            ...report.topDeclined.map((g, i) => [
              i + 1,
              g.count,
              langs(g),
              g.engineSays,
              clip(g.example, 70),
            ]),
          ],
          [true, true, false, false, false],
        )),
  );
  if (report.notInArticle.length > 0) {
    out.push("", "Declined because they name something the article never mentions (the engine's own reason)");
    out.push(
      ...columns(
        [
          ["count", "question lang", "names", "example"],
          ...report.notInArticle.map((g) => [
            g.count,
            langs(g),
            g.name ?? "(recorded then)",
            clip(g.example, 70),
          ]),
        ],
        [true, false, false, false],
      ),
    );
  }
  if (report.settled.length > 0) {
    out.push("", "Declined then, answered now (content changed since): nothing to do");
    out.push(
      ...columns(
        [
          ["count", "the engine today", "example"],
          ...report.settled.map((g) => [g.count, g.engineSays, clip(g.example, 70)]),
        ],
        [true, false, false],
      ),
    );
  }
  out.push(
    `Noise, left out of these lists: ${report.noise.questions} question(s) in ${report.noise.groups} group(s) (no letters, markup only, or a single character)`,
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

/** Every declined group of the range is sorted (noise and the rest), whatever --limit shows. */
const ALL_GROUPS = 10_000;

function main(): number {
  const args = readCuratorArgs(USAGE, { html: { type: "string" } }, (parsed) => ({
    ...noPositionals(parsed),
    html: typeof parsed.extra.html === "string" ? parsed.extra.html : undefined,
  }));
  if (typeof args === "number") return args;
  const source = openSourceOrSay(args.db);
  if (!source) return 1;
  try {
    const { describeAnswer, triage } = contentTools();
    const base = buildReport(
      source,
      { from: args.from, to: args.to },
      { limit: args.limit, ...(describeAnswer ? { describeAnswer } : {}) },
    );
    const lists = sortDeclined(source.topDeclined(args.from, args.to, ALL_GROUPS), triage, args.limit);
    const report: Report = {
      ...base,
      topDeclined: lists.todo.map(declinedRow),
      notInArticle: lists.notInArticle.map((g) => ({ ...declinedRow(g), name: g.name })),
      settled: lists.settled.map(declinedRow),
      noise: lists.noise,
    };
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
