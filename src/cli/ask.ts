// `npm run -s ask -- "question"`: the reply as plain text, citation included.
// `npm run -s ask -- --jsonl`: one question per stdin line → one JSON object per stdout line, in order,
// nothing else on stdout. A stable interface: other tools depend on these fields.
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { LANGS, type Lang } from "../content/langs.ts";
import { ContentError } from "../content/problems.ts";
import type { Decision } from "../engine/decision.ts";
import type { Engine } from "../engine/index.ts";
import { indexCacheDir, loadContent, startEngine } from "../index-cache.ts";
import { renderReply } from "../presentation/render.ts";
import { endQuietlyOnClosedPipe } from "./closed-pipe.ts";

endQuietlyOnClosedPipe();

const USAGE = `usage:
  npm run -s ask -- [--lang en|ru|tr] [--user-lang CODE] "question"
  npm run -s ask -- --jsonl [--lang en|ru|tr] [--user-lang CODE] < questions.txt

  --jsonl          read one question per line from stdin, write one JSON object per line:
                   {"question","answered","hedged","id","lang","text","footnotes","score"}
  --lang xx        reply in this language (en, ru or tr) whatever the question's language
  --user-lang CODE a Telegram language code, used when the question is too short to tell its language
  --content DIR    the content folder (default: content/)
  --help           this text`;

/** One line of --jsonl output. */
export interface AskRecord {
  question: string;
  /** A curated answer was given (answers about the bot itself included; declines and small talk are not). */
  answered: boolean;
  /** Answered with a hedge ("I think you are asking about …"): the engine was not sure. */
  hedged: boolean;
  id: string | null;
  lang: Lang;
  /** The full plain-text reply, citation included. */
  text: string;
  footnotes: number[];
  score: number;
}

function toRecord(decision: Decision, kb: KnowledgeBase): AskRecord {
  return {
    question: decision.question,
    answered: decision.kind === "answer",
    hedged: decision.kind === "answer" && decision.confidence === "hedged",
    id: decision.kind === "answer" ? (decision.ids[0] ?? null) : null,
    lang: decision.lang,
    text: renderReply(decision, kb, "plain"),
    footnotes: decision.kind === "answer" ? decision.footnotes : [],
    score: decision.score,
  };
}

class UsageError extends Error {}

function parseOptions(argv: string[]) {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
  const lang = parsed.values.lang;
  if (lang !== undefined && !(LANGS as readonly string[]).includes(lang))
    throw new UsageError(`--lang must be one of ${LANGS.join(", ")} (got "${lang}")`);
  return { ...parsed.values, lang: lang as Lang | undefined, question: parsed.positionals.join(" ") };
}

function parse(argv: string[]) {
  return parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      jsonl: { type: "boolean" },
      lang: { type: "string" },
      "user-lang": { type: "string" },
      content: { type: "string" },
      help: { type: "boolean", short: "h" },
    },
  });
}

async function answerLines(
  engine: Engine,
  kb: KnowledgeBase,
  opts: Parameters<Engine["ask"]>[1],
): Promise<void> {
  const lines = createInterface({ input: process.stdin, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) {
    const record = toRecord(engine.ask(line, opts), kb);
    process.stdout.write(`${JSON.stringify(record)}\n`);
  }
}

async function main(argv: string[]): Promise<number> {
  const opts = parseOptions(argv);
  if (opts.help) {
    console.log(USAGE);
    return 0;
  }
  if (!opts.jsonl && opts.question.trim() === "") throw new UsageError("no question given");
  if (opts.jsonl && opts.question.trim() !== "")
    throw new UsageError("--jsonl reads questions from stdin, not arguments");
  // Both saved between runs (INDEX_CACHE_DIR, as for the bot): a one-question run should neither
  // parse the YAML nor rebuild the index when the content has not changed.
  const cache = {
    dir: indexCacheDir(process.env.INDEX_CACHE_DIR || undefined),
    logger: { warn: (_fields: object, message: string) => console.error(`ask: ${message}`), debug: () => {} },
  };
  const { kb } = await loadContent(opts.content, cache);
  const { engine } = startEngine(kb, cache);
  const askOptions = {
    ...(opts.lang ? { lang: opts.lang } : {}),
    ...(opts["user-lang"] ? { userLanguageCode: opts["user-lang"] } : {}),
  };
  if (opts.jsonl) await answerLines(engine, kb, askOptions);
  else console.log(renderReply(engine.ask(opts.question, askOptions), kb, "plain"));
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof UsageError) {
      console.error(`ask: ${error.message}\n\n${USAGE}`);
      process.exitCode = 2;
    } else if (error instanceof ContentError) {
      console.error(error.message);
      process.exitCode = 1;
    } else {
      console.error(`ask: ${error instanceof Error ? error.message : String(error)}`);
      process.exitCode = 1;
    }
  },
);
