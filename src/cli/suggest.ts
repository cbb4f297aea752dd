// `npm run suggest`: for each declined question people asked, the engine's closest answer, offered as a
// paraphrase only when adding it is safe (see src/curator/). Prints by default; `--apply ID…` writes the
// reviewed ones into content/answers/*.yaml, runs the validator and the eval sets before and after, and
// writes nothing (or puts the files back) when anything gets worse.
import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { DEFAULT_CONTENT_DIR, loadKnowledgeBase } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import { answerFiles, editAnswerFiles } from "../curator/apply.ts";
import { compareResults, type Effect, type QuestionSet, runSets } from "../curator/effect.ts";
import { createTriage, type Triaged } from "../curator/triage.ts";
import { createVetting, isCandidate, type Vetted } from "../curator/vet.ts";
import { answerIds, createEngine } from "../engine/index.ts";
import { parseQuestions } from "../eval/evaluation.ts";
import { questionSets, setPath } from "../eval/sets.ts";
import { endQuietlyOnClosedPipe } from "./closed-pipe.ts";
import {
  COMMON_USAGE,
  clip,
  openSourceOrSay,
  readCuratorArgs,
  UsageError,
  wholeNumber,
} from "./curator-cli.ts";

endQuietlyOnClosedPipe();

const USAGE = `usage: npm run suggest -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db PATH] [--limit N] [--min N] [--json]
       npm run suggest -- --apply ID… [same range and --db]
${COMMON_USAGE}
  --min         only groups asked at least this many times (default 2; --apply looks at every group)
  --apply ID…   add these reviewed candidates to content/answers/*.yaml (only if nothing gets worse)
  --content DIR the content folder (default content/)`;

/** Every question set a candidate is checked against: each test/eval/*.yaml, and the dev set. */
const SET_FILES = questionSets();

function loadSets(): QuestionSet[] {
  return SET_FILES.map((name) => ({
    name,
    questions: parseQuestions(readFileSync(setPath(name), "utf8")),
  }));
}

type Row = Triaged & { vetted?: Vetted };

function loadContent(dir: string): KnowledgeBase | undefined {
  try {
    return loadKnowledgeBase(dir);
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    return undefined;
  }
}

const langsLine = (r: Triaged) =>
  `question ${r.readAs}${r.questionLangs?.length ? ` (recorded ${r.questionLangs.join(", ")})` : ""}; replied in ${r.langs.join(", ")}`;

function effectLines(effect: Effect, indent: string): string[] {
  const out = [
    `${indent}eval and dev sets: ${effect.worse.length} worse, ${effect.better.length} better, ${effect.otherwise} other decision(s) changed`,
  ];
  for (const c of effect.worse)
    out.push(
      `${indent}  worse  [${c.set}] "${clip(c.question, 70)}" expects ${c.expected}: ${c.before} → ${c.after}`,
    );
  for (const c of effect.better)
    out.push(
      `${indent}  better [${c.set}] "${clip(c.question, 70)}" expects ${c.expected}: ${c.before} → ${c.after}`,
    );
  return out;
}

function renderText(rows: Row[], header: string, fileOf: (id: string) => string): string {
  const out = [
    header,
    "Nothing has been changed. To add safe candidates: npm run suggest -- --apply ID…",
    "",
  ];
  const section = (title: string, list: Row[], lines: (r: Row) => string[]) => {
    if (list.length === 0) return;
    out.push(`${title} (${list.length})`);
    for (const r of list) out.push(...lines(r));
    out.push("");
  };
  const head = (r: Row) => `  [${r.id}] "${clip(r.example, 80)}"  ${r.count}×  (${langsLine(r)})`;
  const safe = rows.filter((r) => r.vetted && r.vetted.refusals.length === 0);
  const unsafe = rows.filter((r) => r.vetted && r.vetted.refusals.length > 0);
  section(
    "Safe to add: the engine then answers it, and nothing on the eval and dev sets gets worse",
    safe,
    (r) => {
      const v = r.vetted as Vetted;
      return [
        head(r),
        `     add to ${v.addition.answerId} → questions.${v.addition.under} in ${fileOf(v.addition.answerId)}`,
        `     the engine would then answer it with ${v.answeredAs}`,
        ...(v.effect ? effectLines(v.effect, "     ") : []),
      ];
    },
  );
  section("Not safe to add (the closest answer, and why not)", unsafe, (r) => {
    const v = r.vetted as Vetted;
    return [
      head(r),
      `     closest answer: ${v.addition.answerId}; not offered because it:`,
      ...v.refusals.map((x) => `       - ${x.reason} [${x.check}]`),
      ...(v.effect && v.effect.worse.length > 0 ? effectLines(v.effect, "       ") : []),
    ];
  });
  const by = (status: string) => rows.filter((r) => r.verdict.status === status);
  section(
    "Names something the article never mentions (the engine's own reason): declining is what it should do",
    by("not-in-article"),
    (r) => [`${head(r)}  names "${r.verdict.status === "not-in-article" ? r.verdict.name : ""}"`],
  );
  section(
    "No answer is close as the engine reads it: only a new answer would do, if the article covers it",
    by("nothing-close"),
    (r) => [head(r)],
  );
  section("Answered now (content changed since): nothing to do", by("answered-now"), (r) => [
    `${head(r)}  → ${r.verdict.status === "answered-now" ? r.verdict.ids.join(" + ") : ""}`,
  ]);
  section("Small talk now: nothing to do", by("smalltalk"), (r) => [head(r)]);
  const noise = by("noise");
  out.push(
    `Noise, left out: ${noise.reduce((n, r) => n + r.count, 0)} question(s) in ${noise.length} group(s) (no letters, markup only, or a single character)`,
  );
  if (rows.length === 0) out.push("", "No declined question was asked often enough in this range.");
  return out.join("\n").trimEnd();
}

function main(): number {
  const args = readCuratorArgs(
    USAGE,
    { min: { type: "string" }, apply: { type: "boolean", default: false }, content: { type: "string" } },
    (parsed) => {
      const apply = parsed.extra.apply === true;
      if (apply && parsed.positionals.length === 0)
        throw new UsageError("--apply needs at least one candidate id");
      if (!apply && parsed.positionals.length > 0)
        throw new UsageError(`unexpected argument: ${parsed.positionals[0]} (ids go after --apply)`);
      return {
        ...parsed,
        apply,
        ids: parsed.positionals,
        contentDir: typeof parsed.extra.content === "string" ? parsed.extra.content : DEFAULT_CONTENT_DIR,
        // --apply finds its ids among every group, whatever --min and --limit the listing used.
        min: apply ? 1 : wholeNumber("--min", parsed.extra.min as string | undefined, 2, 1, 1_000_000),
        limit: apply ? 1000 : parsed.limit,
      };
    },
  );
  if (typeof args === "number") return args;
  const kb = loadContent(args.contentDir);
  if (!kb) return 1;
  const source = openSourceOrSay(args.db);
  if (!source) return 1;
  let groups: ReturnType<typeof source.topDeclined>;
  try {
    groups = source.topDeclined(args.from, args.to, args.limit).filter((g) => g.count >= args.min);
  } finally {
    source.close();
  }
  const engine = createEngine(kb);
  const triage = createTriage(kb, engine);
  const sets = loadSets();
  const vetting = createVetting(kb, engine, sets);
  const fileOf = answerFileOf(args.contentDir);
  const wanted = args.apply ? new Set(args.ids) : undefined;
  const rows: Row[] = groups.map((group) => {
    const row = triage(group);
    return isCandidate(row) && (!wanted || wanted.has(row.id)) ? { ...row, vetted: vetting.vet(row) } : row;
  });

  if (args.apply) return apply(args.ids, rows, { kb, contentDir: args.contentDir, sets, vetting, fileOf });
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          range: { from: args.from, to: args.to },
          minCount: args.min,
          sets: vetting.baseline.map((s) => ({
            name: s.name,
            total: s.outcomes.length,
            correct: s.outcomes.filter((o) => o.correct).length,
          })),
          suggestions: rows,
        },
        null,
        2,
      ),
    );
  } else {
    const total = sets.reduce((n, s) => n + s.questions.length, 0);
    const header = `Suggestions from declined questions ${args.from} … ${args.to} (asked at least ${args.min}×), each checked by building the engine with it added and deciding the ${total} questions of ${SET_FILES.join(", ")}`;
    console.log(renderText(rows, header, fileOf));
  }
  return 0;
}

/** The answers file that defines an id, as a path a curator can open. */
function answerFileOf(contentDir: string): (id: string) => string {
  const files = answerFiles(contentDir);
  return (id) => {
    const path = files.get(id) ?? join(contentDir, "answers");
    const near = relative(process.cwd(), path);
    return near.startsWith("..") ? path : near;
  };
}

interface ApplyContext {
  kb: KnowledgeBase;
  contentDir: string;
  sets: QuestionSet[];
  vetting: ReturnType<typeof createVetting>;
  fileOf: (id: string) => string;
}

function apply(ids: string[], rows: Row[], ctx: ApplyContext): number {
  const chosen: Row[] = [];
  let refused = false;
  for (const id of ids) {
    const row = rows.find((r) => r.id === id);
    if (!row) {
      console.error(
        `${id}: no declined question in this range has that id (run npm run suggest to list them)`,
      );
      refused = true;
    } else if (!row.vetted) {
      console.error(`${id}: "${clip(row.example, 80)}" is not a candidate (${row.verdict.status})`);
      refused = true;
    } else if (row.vetted.refusals.length > 0) {
      console.error(
        `${id}: "${clip(row.example, 80)}" is not safe to add to ${row.vetted.addition.answerId}:`,
      );
      for (const r of row.vetted.refusals) console.error(`  - ${r.reason} [${r.check}]`);
      if (row.vetted.effect && row.vetted.effect.worse.length > 0)
        console.error(effectLines(row.vetted.effect, "  ").join("\n"));
      refused = true;
    } else chosen.push(row);
  }
  if (refused) {
    console.error("Nothing written.");
    return 1;
  }
  const additions = chosen.map((r) => (r.vetted as Vetted).addition);
  const together = ctx.vetting.together(additions);
  if (together.worse.length > 0) {
    console.error("Together these candidates make questions worse:");
    console.error(effectLines(together, "  ").join("\n"));
    console.error("Nothing written.");
    return 1;
  }

  const edits = editAnswerFiles(ctx.contentDir, additions);
  const restore = () => {
    for (const e of edits) writeFileSync(e.path, e.before);
  };
  for (const e of edits) writeFileSync(e.path, e.after);
  for (const a of additions)
    console.log(
      `added to ${a.answerId} → questions.${a.under} in ${ctx.fileOf(a.answerId)}: ${JSON.stringify(a.question)}`,
    );

  // The written files are what counts: load them with every check of `npm run validate`, then measure.
  let after: KnowledgeBase;
  try {
    after = loadKnowledgeBase(ctx.contentDir);
  } catch (error) {
    restore();
    console.error(
      `validate failed, files put back as they were:\n${error instanceof Error ? error.message : String(error)}`,
    );
    return 1;
  }
  console.log("validate: content OK");
  const engine = createEngine(after);
  const effect = compareResults(ctx.vetting.baseline, runSets(after, engine, ctx.sets));
  console.log("eval before → after:");
  for (const t of effect.totals)
    console.log(`  ${t.set.padEnd(32)} ${t.before}/${t.total} → ${t.after}/${t.total}`);
  console.log(effectLines(effect, "  ").join("\n"));
  const unanswered = additions.filter((a) => answerIds(engine.ask(a.question))[0] !== a.answerId);
  if (effect.worse.length > 0 || unanswered.length > 0) {
    restore();
    console.error("Something got worse: files put back as they were.");
    return 1;
  }
  for (const a of additions) console.log(`now answered: ${JSON.stringify(a.question)} → ${a.answerId}`);
  return 0;
}

process.exitCode = main();
