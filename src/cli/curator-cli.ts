// What `npm run report` and `npm run suggest` share: the date range, database and list-size options, and
// the plain-text table helpers.
import { parseArgs } from "node:util";
import { readEnvironment, terminalDatabasePath } from "../config.ts";
import { DAY_PATTERN, dayOf, daysBefore } from "../storage/rules.ts";
import { openReportSource } from "../storage/sqlite.ts";

export class UsageError extends Error {}

export interface CuratorArgs {
  from: string;
  to: string;
  db: string;
  limit: number;
  json: boolean;
  help: boolean;
  /** Words after the options (only `suggest --apply` takes any). */
  positionals: string[];
}

export const COMMON_USAGE = `  --from, --to  UTC days, both included (default: the last 30 days, today included)
  --db          the bot's database (default: DATABASE_PATH, else data/bot.sqlite)
  --terminal    the terminal chat's database beside it instead (data/bot.terminal.sqlite)
  --limit       rows per list (default 20)
  --json        print JSON instead of text`;

const COMMON_OPTIONS = {
  from: { type: "string" },
  to: { type: "string" },
  db: { type: "string" },
  limit: { type: "string" },
  json: { type: "boolean", default: false },
  terminal: { type: "boolean", default: false },
  help: { type: "boolean", short: "h", default: false },
} as const;

type ExtraOptions = Record<string, { type: "string" } | { type: "boolean"; default: boolean }>;

/** Parses the shared options plus `extra`; throws UsageError with a reason a person can act on. */
export function parseCuratorArgs<E extends ExtraOptions>(
  argv: string[],
  extra: E,
  now: Date,
): CuratorArgs & { extra: Record<keyof E, string | boolean | undefined> } {
  let values: Record<string, string | boolean | undefined>;
  let positionals: string[];
  try {
    const parsed = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: true,
      options: { ...COMMON_OPTIONS, ...extra },
    });
    values = parsed.values as Record<string, string | boolean | undefined>;
    positionals = parsed.positionals;
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const text = (name: string) => (typeof values[name] === "string" ? (values[name] as string) : undefined);
  const to = text("to") ?? dayOf(now);
  checkDay("--to", to);
  const from = text("from") ?? daysBefore(new Date(`${to}T00:00:00Z`), 29);
  checkDay("--from", from);
  if (from > to) throw new UsageError(`--from ${from} is after --to ${to}`);
  const limit = wholeNumber("--limit", text("limit"), 20, 1, 1000);
  const db = text("db") ?? readEnvironment().DATABASE_PATH?.trim() ?? "";
  const extraValues = Object.fromEntries(Object.keys(extra).map((k) => [k, values[k]])) as Record<
    keyof E,
    string | boolean | undefined
  >;
  return {
    from,
    to,
    db: values.terminal === true ? terminalDatabasePath(db || "data/bot.sqlite") : db || "data/bot.sqlite",
    limit,
    json: values.json === true,
    help: values.help === true,
    positionals,
    extra: extraValues,
  };
}

/** Throws UsageError when words follow the options of a command that takes none. */
export function noPositionals<A extends { positionals: string[] }>(args: A): A {
  if (args.positionals.length > 0) throw new UsageError(`unexpected argument: ${args.positionals[0]}`);
  return args;
}

/**
 * The shared start of a curator command: parse the command line (shared options, `extra`, and what
 * `finish` derives from them, which may throw UsageError). Returns the arguments, or the exit code
 * once usage or help has been printed.
 */
export function readCuratorArgs<E extends ExtraOptions, A extends CuratorArgs>(
  usage: string,
  extra: E,
  finish: (parsed: ReturnType<typeof parseCuratorArgs<E>>) => A,
): A | number {
  let args: A;
  try {
    args = finish(parseCuratorArgs(process.argv.slice(2), extra, new Date()));
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    console.error(`${error.message}\n${usage}`);
    return 2;
  }
  if (args.help) {
    console.log(usage);
    return 0;
  }
  return args;
}

export function wholeNumber(
  option: string,
  raw: string | undefined,
  fallback: number,
  min: number,
  max: number,
) {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || n < min || n > max) {
    throw new UsageError(`${option} must be a whole number from ${min} to ${max}`);
  }
  return n;
}

function checkDay(option: string, day: string): void {
  if (!DAY_PATTERN.test(day) || dayOf(new Date(`${day}T00:00:00Z`)) !== day) {
    throw new UsageError(`${option} must be a calendar day written YYYY-MM-DD, e.g. 2024-03-10`);
  }
}

/** The database opened read-only, or undefined after saying on stderr why it cannot be read. */
export function openSourceOrSay(db: string): ReturnType<typeof openReportSource> | undefined {
  try {
    return openReportSource(db);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    console.error(
      /does not exist|unable to open/i.test(reason)
        ? `no database at ${db}: start the bot once, or pass --db PATH (or set DATABASE_PATH)`
        : `cannot read ${db}: ${reason}`,
    );
    return undefined;
  }
}

export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, " ");
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** Rows padded into aligned columns, indented two spaces. */
export function columns(rows: (string | number)[][], rightAligned: boolean[]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? "").length))) ?? [];
  return rows.map((row) =>
    `  ${row
      .map((c, i) =>
        rightAligned[i] ? String(c).padStart(widths[i] ?? 0) : String(c).padEnd(widths[i] ?? 0),
      )
      .join("  ")}`.trimEnd(),
  );
}
