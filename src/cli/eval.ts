// `npm run eval [-- --file path]`: runs the question sets through the engine, prints accuracy per category
// against its target and lists every miss. Without --file: every set (the held-out set, whose targets
// gate the exit status, then the later batches and the development questions, reported beside it), then
// the conversation sets (test/eval/conversations/), each message read after the ones before it as the
// bot reads it.
// Exit 1 when the gating set is below target.
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { parseArgs } from "node:util";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { loadKnowledgeBase } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { createEngine, type Engine } from "../engine/index.ts";
import {
  type ConversationReport,
  evaluateConversations,
  parseConversations,
  unknownConversationIds,
} from "../eval/conversations.ts";
import {
  describe,
  type EvalReport,
  evaluate,
  LANGUAGE_TARGET,
  parseQuestions,
  percent,
  unknownIds,
} from "../eval/evaluation.ts";
import { checkPreambles, PREAMBLES_FILE, parsePreambles } from "../eval/preambles.ts";
import { conversationSets, questionSets, setPath } from "../eval/sets.ts";
import { checkSlips } from "../eval/slips.ts";
import { endQuietlyOnClosedPipe } from "./closed-pipe.ts";

endQuietlyOnClosedPipe();

export function formatReport(report: EvalReport): string {
  const lines: string[] = [];
  lines.push("category        correct   accuracy  target");
  for (const c of report.categories) {
    const flag = c.accuracy >= c.target ? "" : "  BELOW TARGET";
    lines.push(
      `${c.category.padEnd(14)} ${`${c.correct}/${c.total}`.padStart(8)} ${percent(c.accuracy).padStart(10)} ${percent(c.target).padStart(7)}${flag}`,
    );
  }
  const langAcc = report.total ? report.langCorrect / report.total : 0;
  lines.push(
    `${"reply language".padEnd(14)} ${`${report.langCorrect}/${report.total}`.padStart(8)} ${percent(langAcc).padStart(10)} ${percent(LANGUAGE_TARGET).padStart(7)}${langAcc >= LANGUAGE_TARGET ? "" : "  BELOW TARGET"}`,
  );
  lines.push(
    `${"all".padEnd(14)} ${`${report.correct}/${report.total}`.padStart(8)} ${percent(report.total ? report.correct / report.total : 0).padStart(10)}`,
  );
  if (report.misses.length > 0) {
    lines.push("", `misses (${report.misses.length}):`);
    for (const m of report.misses) {
      const expected = [m.question.expect, ...(m.question.also ?? [])].join("|");
      const lang = m.langOk ? "" : `  [reply language wrong, expected ${m.question.lang}]`;
      lines.push(
        `  [${m.question.category}] ${JSON.stringify(m.question.q)}  expected ${expected}, got ${m.got} (${m.score.toFixed(3)})${lang}`,
      );
    }
  }
  return lines.join("\n");
}

export function belowTarget(report: EvalReport): boolean {
  return (
    report.categories.some((c) => c.accuracy < c.target) ||
    (report.total > 0 && report.langCorrect / report.total < LANGUAGE_TARGET)
  );
}

function main(): number {
  const { values } = parseArgs({
    options: { file: { type: "string" }, help: { type: "boolean" } },
    strict: true,
  });
  if (values.help) {
    console.log("usage: npm run eval [-- --file questions.yaml]");
    return 0;
  }
  const kb = loadKnowledgeBase();
  const engine = createEngine(kb);
  const files = values.file ? [values.file] : [...questionSets(), ...conversationSets()].map(setPath);
  let status = 0;
  for (const [i, file] of files.entries()) {
    const text = readFileSync(file, "utf8");
    // A conversation set is a YAML file with a `conversations` list (see src/eval/conversations.ts).
    if (/^conversations:/m.test(text)) {
      const failed = printConversations(kb, engine, file, text, files.length > 1);
      if (failed) return failed;
      continue;
    }
    const questions = parseQuestions(text);
    const bad = unknownIds(kb, questions);
    if (bad.length > 0) {
      console.error(`${file} expects answers that do not exist: ${bad.join(", ")}`);
      return 2;
    }
    const report = evaluate(kb, questions, (q) => engine.ask(q));
    if (files.length > 1) console.log(`${i > 0 ? "\n" : ""}== ${relative(process.cwd(), file)}`);
    console.log(formatReport(report));
    if (i === 0 && belowTarget(report)) status = 1;
  }
  if (!values.file) {
    printPreambleCheck(kb, engine);
    printSlipCheck(kb, engine);
  }
  return status;
}

/** The preamble check over every kept question set (see src/eval/preambles.ts). */
function printPreambleCheck(kb: KnowledgeBase, engine: Engine): void {
  const questions = questionSets().flatMap((f) => parseQuestions(readFileSync(setPath(f), "utf8")));
  const preambles = parsePreambles(readFileSync(setPath(PREAMBLES_FILE), "utf8"));
  const r = checkPreambles(kb, questions, preambles, (q) => engine.ask(q));
  console.log(`\n== ${PREAMBLES_FILE} (chatty openings and thanks around questions answered right alone)`);
  console.log(
    `${r.questions} questions × their language's openings and closings: ${r.tries - r.broken.length}/${r.tries} unchanged, ${r.broken.length} broken (${r.wrong} now wrong)`,
  );
  for (const b of r.broken)
    console.log(`  ${JSON.stringify(b.text)}  expected ${b.question.expect}, got ${describe(b.got)}`);
}

/** The slip check over every kept question set (see src/eval/slips.ts). */
function printSlipCheck(kb: KnowledgeBase, engine: Engine): void {
  const questions = questionSets().flatMap((f) => parseQuestions(readFileSync(setPath(f), "utf8")));
  console.log("\n== slips of the finger in the longest word of questions answered right as written");
  for (const r of checkSlips(kb, questions, (q) => engine.ask(q))) {
    console.log(
      `${r.slip.padEnd(7)} ${r.tries - r.broken.length}/${r.tries} unchanged, ${r.broken.length} broken (${r.wrong} now wrong)`,
    );
    for (const b of r.broken)
      console.log(`  ${JSON.stringify(b.text)}  expected ${b.question.expect}, got ${describe(b.got)}`);
  }
}

/** Scores one conversation set and prints it; 2 when it expects answers the content lacks. */
function printConversations(
  kb: KnowledgeBase,
  engine: Engine,
  file: string,
  text: string,
  titled: boolean,
): number {
  const conversations = parseConversations(text);
  const bad = unknownConversationIds(kb, conversations);
  if (bad.length > 0) {
    console.error(`${file} expects answers that do not exist: ${bad.join(", ")}`);
    return 2;
  }
  if (titled) console.log(`\n== ${relative(process.cwd(), file)} (conversations)`);
  console.log(formatConversationReport(evaluateConversations(kb, engine, conversations)));
  return 0;
}

export function formatConversationReport(report: ConversationReport): string {
  const lines = ["message           correct   accuracy"];
  const row = (label: string, correct: number, total: number) =>
    `${label.padEnd(16)} ${`${correct}/${total}`.padStart(8)} ${percent(total ? correct / total : 0).padStart(10)}`;
  for (const c of report.categories) lines.push(row(c.category, c.correct, c.total));
  lines.push(row("reply language", report.langCorrect, report.total));
  lines.push(`${row("all", report.correct, report.total)}   wrong answers ${report.wrong}`);
  if (report.misses.length > 0) {
    lines.push("", `misses (${report.misses.length}):`);
    for (const m of report.misses) {
      const t = m.result.turn;
      const expected = [t.expect, ...(t.also ?? [])].join("|");
      const lang = m.result.langOk ? "" : `  [reply language wrong, expected ${t.lang}]`;
      const before = m.before.map((q) => JSON.stringify(q)).join(" / ");
      lines.push(
        `  [${t.category}] ${before ? `${before} / ` : ""}${JSON.stringify(t.q)}  expected ${expected}, got ${m.got} (${m.result.decision.score.toFixed(3)})${lang}`,
      );
    }
  }
  return lines.join("\n");
}

if (process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href) {
  try {
    process.exitCode = main();
  } catch (error) {
    console.error(error instanceof ContentError || error instanceof Error ? error.message : String(error));
    process.exitCode = 2;
  }
}
