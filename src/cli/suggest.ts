// `npm run suggest`: for each declined question people asked often, the closest existing answer, as a
// candidate paraphrase for a curator to review. It only prints: nothing here writes to content/.
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { DEFAULT_CONTENT_DIR, loadKnowledgeBase } from "../content/load.ts";
import { ContentError } from "../content/problems.ts";
import type { Candidate, Decision, DetectedLang } from "../engine/decision.ts";
import { createEngine, type Engine } from "../engine/index.ts";
import type { DeclinedGroup } from "../storage/store.ts";
import { endQuietlyOnClosedPipe } from "./closed-pipe.ts";
import { COMMON_USAGE, clip, openSourceOrSay, readCuratorArgs, wholeNumber } from "./curator-cli.ts";

endQuietlyOnClosedPipe();

const USAGE = `usage: npm run suggest -- [--from YYYY-MM-DD] [--to YYYY-MM-DD] [--db PATH] [--limit N] [--min N] [--json]
${COMMON_USAGE}
  --min         only groups asked at least this many times (default 2)`;

type QuestionsKey = "en" | "ru" | "tr" | "ky";

type Outcome =
  /** The closest answer: add the example as one of its questions if it asks the same thing. */
  | { status: "candidate"; candidate: CandidateDetails }
  /** The engine answers it now (content changed since): nothing to do. */
  | { status: "answered-now"; ids: string[]; score: number }
  /** It names something the article never mentions: declining is right. */
  | { status: "out-of-scope"; name: string | null }
  /** Small talk now: nothing to do. */
  | { status: "smalltalk" }
  /** Nothing close: only a new answer would do, and only if the article says something about it. */
  | { status: "no-candidate" };

interface CandidateDetails {
  id: string;
  score: number;
  /** The answer's own first question, to compare with the example. */
  question: string;
  /** Where to add it: the answer's file and the language list. */
  file: string | null;
  addUnder: QuestionsKey;
}

type Suggestion = DeclinedGroup & Outcome;

/** An engine that can rank answers regardless of the decline threshold (optional; see closestAnswer). */
type MaybeRanking = Engine & { rank?: (question: string, n: number) => Candidate[] };

/**
 * The best answer for a declined question. With `engine.rank` it is the top answer whatever its score;
 * without it, the first related answer the decline offered (alternatives scored 0 are only examples).
 */
function closestAnswer(engine: MaybeRanking, question: string, decision: Decision): Candidate | undefined {
  if (typeof engine.rank === "function") return engine.rank(question, 1)[0];
  return decision.kind === "decline" ? decision.related[0] : undefined;
}

function questionsKey(detected: DetectedLang, groupLangs: string[]): QuestionsKey {
  if (detected === "ru-latn") return "ru";
  if (detected === "en" || detected === "ru" || detected === "tr" || detected === "ky") return detected;
  const fromGroup = groupLangs.find((l): l is QuestionsKey => ["en", "ru", "tr", "ky"].includes(l));
  return fromGroup ?? "en";
}

/** The answers file that defines an id (ids are unique across files; the loader checks it). */
function answerFileFinder(contentDir: string): (id: string) => string | null {
  const dir = join(contentDir, "answers");
  const files = readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => ({ path: join(dir, f), text: readFileSync(join(dir, f), "utf8") }));
  return (id) => {
    const line = new RegExp(`^\\s*-?\\s*id:\\s*["']?${id.replace(/[^a-z0-9-]/g, "")}["']?\\s*$`, "m");
    const hit = files.find((f) => line.test(f.text));
    return hit ? relative(process.cwd(), hit.path) : null;
  };
}

function suggest(
  kb: KnowledgeBase,
  engine: MaybeRanking,
  groups: DeclinedGroup[],
  fileOf: (id: string) => string | null,
): Suggestion[] {
  return groups.map((group): Suggestion => {
    const decision = engine.ask(group.example);
    if (decision.kind === "answer")
      return { ...group, status: "answered-now", ids: decision.ids, score: decision.score };
    if (decision.kind === "smalltalk") return { ...group, status: "smalltalk" };
    // The bot saw the original text (capitals help spot an unknown name); its verdict at the time counts too.
    const mostlyOutside = (group.outOfScope ?? 0) * 2 >= group.count && (group.outOfScope ?? 0) > 0;
    if (decision.reason === "out-of-scope" || mostlyOutside) {
      return {
        ...group,
        status: "out-of-scope",
        name: decision.reason === "out-of-scope" ? decision.name : null,
      };
    }
    const best = closestAnswer(engine, group.example, decision);
    const answer = best ? kb.answerById.get(best.id) : undefined;
    if (!best || !answer) return { ...group, status: "no-candidate" };
    const addUnder = questionsKey(decision.detected, group.langs);
    return {
      ...group,
      status: "candidate",
      candidate: {
        id: best.id,
        score: best.score,
        question: answer.questions[addUnder]?.[0] ?? answer.questions.en[0] ?? "",
        file: fileOf(best.id),
        addUnder,
      },
    };
  });
}

function renderText(suggestions: Suggestion[], header: string): string {
  const out = [
    header,
    "Nothing has been changed. Add a paraphrase only if it asks exactly what the answer says.",
    "",
  ];
  if (suggestions.length === 0) out.push("No declined question was asked often enough in this range.");
  suggestions.forEach((s, i) => {
    out.push(
      `${i + 1}. "${clip(s.example, 90)}"  ${s.count}× (${s.langs.join(", ")}), group "${clip(s.groupKey, 40)}"`,
    );
    switch (s.status) {
      case "candidate": {
        const c = s.candidate;
        out.push(`   closest answer: ${c.id} (score ${c.score.toFixed(2)}): "${clip(c.question, 80)}"`);
        out.push(
          `   to accept: in ${c.file ?? "content/answers/"}, under ${c.id} → questions.${c.addUnder}, add:`,
        );
        out.push(`       - ${JSON.stringify(s.example)}`);
        break;
      }
      case "answered-now":
        out.push(`   answered now by ${s.ids.join(" + ")} (score ${s.score.toFixed(2)}): nothing to do`);
        break;
      case "out-of-scope":
        out.push(
          `   out of scope${s.name ? ` ("${s.name}")` : ""}: the article does not cover it; declining is right`,
        );
        break;
      case "smalltalk":
        out.push("   small talk now: nothing to do");
        break;
      case "no-candidate":
        out.push("   no answer is close: only a new answer would do, if the article says something about it");
        break;
    }
    out.push("");
  });
  return out.join("\n").trimEnd();
}

function main(): number {
  const args = readCuratorArgs(USAGE, { min: { type: "string" } }, (parsed) => ({
    ...parsed,
    min: wholeNumber("--min", parsed.extra.min as string | undefined, 2, 1, 1_000_000),
  }));
  if (typeof args === "number") return args;
  let kb: KnowledgeBase;
  try {
    kb = loadKnowledgeBase();
  } catch (error) {
    if (!(error instanceof ContentError)) throw error;
    console.error(error.message);
    return 1;
  }
  const source = openSourceOrSay(args.db);
  if (!source) return 1;
  let groups: DeclinedGroup[];
  try {
    groups = source.topDeclined(args.from, args.to, args.limit).filter((g) => g.count >= args.min);
  } finally {
    source.close();
  }
  const suggestions = suggest(kb, createEngine(kb), groups, answerFileFinder(DEFAULT_CONTENT_DIR));
  if (args.json) {
    console.log(
      JSON.stringify({ range: { from: args.from, to: args.to }, minCount: args.min, suggestions }, null, 2),
    );
  } else {
    const header = `Suggestions from declined questions ${args.from} … ${args.to} (asked at least ${args.min}×)`;
    console.log(renderText(suggestions, header));
  }
  return 0;
}

process.exitCode = main();
