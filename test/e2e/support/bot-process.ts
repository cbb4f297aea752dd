// Runs the real bot (src/main.ts) as a child process, collects its output, and makes sure it is gone
// when the test ends. Its environment is built from scratch, so a developer's .env or BOT_TOKEN
// never leaks into a test.
import { type ChildProcessWithoutNullStreams, spawn } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));

export interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

const running = new Set<BotProcess>();

/** The node arguments of package.json's start script, so tests run the bot the way `npm start` does. */
const START_ARGS = (() => {
  const pkg = JSON.parse(readFileSync(new URL("../../../package.json", import.meta.url), "utf8")) as {
    scripts: { start: string };
  };
  const [command, ...args] = pkg.scripts.start.split(/\s+/);
  if (command !== "node") throw new Error(`the start script should run node, not ${command}`);
  return args;
})();

/** The node flags of the start script (heap sizes…), for other processes that must run alike. */
export const START_NODE_FLAGS: readonly string[] = START_ARGS.filter(
  (arg, i) => arg.startsWith("--") && arg !== "--import" && START_ARGS[i - 1] !== "--import",
);

export interface BotProcessOptions {
  env: Record<string, string>;
  /** Defaults to exactly what `npm start` runs (its node flags included). */
  args?: string[];
}

export class BotProcess {
  readonly child: ChildProcessWithoutNullStreams;
  readonly exited: Promise<Exit>;
  private stdout = "";
  private stderr = "";
  private exit: Exit | undefined;

  constructor(options: BotProcessOptions) {
    // BOT_NODE_FLAGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the bot under a bench (Node refuses
    // --cpu-prof in NODE_OPTIONS).
    const extra = process.env.BOT_NODE_FLAGS?.split(/\s+/).filter(Boolean) ?? [];
    this.child = spawn(process.execPath, options.args ?? [...extra, ...START_ARGS], {
      cwd: REPO_ROOT,
      env: {
        PATH: process.env.PATH ?? "/usr/bin:/bin",
        HOME: process.env.HOME ?? "/tmp",
        // No .env file unless a test asks for one.
        ENV_FILE: "/nonexistent/.env",
        // Telegram's pace (one message a second per chat, 20 a minute per group) would make every
        // multi-question test take minutes; the tests of the throttle itself set their own.
        SEND_CHAT_INTERVAL_MS: "0",
        SEND_GROUP_PER_MINUTE: "1000000",
        SEND_TOTAL_PER_SECOND: "1000000",
        ...options.env,
      },
      stdio: ["pipe", "pipe", "pipe"],
    });
    this.child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
      this.stdout += chunk;
    });
    this.child.stderr.setEncoding("utf8").on("data", (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise((resolve) => {
      this.child.once("close", (code, signal) => {
        this.exit = { code, signal };
        running.delete(this);
        resolve(this.exit);
      });
    });
    running.add(this);
  }

  /** Everything it printed, stdout then stderr. */
  output(): string {
    return `${this.stdout}${this.stderr}`;
  }

  get stderrText(): string {
    return this.stderr;
  }

  /** Its JSON log lines (stdout); other lines are skipped. */
  logs(): LogLine[] {
    const lines: LogLine[] = [];
    for (const line of this.stdout.split("\n")) {
      if (!line.startsWith("{")) continue;
      try {
        lines.push(JSON.parse(line) as LogLine);
      } catch {
        // a partial line still being written
      }
    }
    return lines;
  }

  /** Waits for a log line that matches; fails early if the process exits first. */
  async waitForLog(match: (line: LogLine) => boolean, timeoutMs = 15_000): Promise<LogLine> {
    const deadline = Date.now() + timeoutMs;
    while (true) {
      const found = this.logs().find(match);
      if (found) return found;
      if (this.exit)
        throw new Error(`bot exited (${JSON.stringify(this.exit)}) before the log line:\n${this.output()}`);
      if (Date.now() >= deadline)
        throw new Error(`no matching log line within ${timeoutMs} ms:\n${this.output()}`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  }

  async waitForExit(timeoutMs = 15_000): Promise<Exit> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`bot still running after ${timeoutMs} ms:\n${this.output()}`)),
        timeoutMs,
      );
    });
    try {
      return await Promise.race([this.exited, timeout]);
    } finally {
      clearTimeout(timer);
    }
  }

  /** Sends a signal and reports how it ended and how long it took. */
  async stop(signal: NodeJS.Signals = "SIGTERM", timeoutMs = 10_000): Promise<Exit & { ms: number }> {
    const started = Date.now();
    if (!this.exit) this.child.kill(signal);
    const exit = await this.waitForExit(timeoutMs);
    return { ...exit, ms: Date.now() - started };
  }

  /** Last resort for afterAll: SIGKILL if it is still there. */
  async kill(): Promise<void> {
    if (this.exit) return;
    this.child.kill("SIGKILL");
    await this.exited;
  }
}

export function startBot(options: BotProcessOptions): BotProcess {
  return new BotProcess(options);
}

/**
 * The real bot on long polling against an emulator's API root, with a fresh database, once it polls.
 * `env` adds or overrides variables (e.g. CONVERSATION_SECONDS).
 */
export async function startPollingBot(
  token: string,
  apiRoot: string,
  env: Record<string, string> = {},
): Promise<BotProcess> {
  const dir = mkdtempSync(join(tmpdir(), "e2e-polling-"));
  const bot = startBot({
    env: {
      BOT_TOKEN: token,
      TELEGRAM_API_ROOT: apiRoot,
      DATABASE_PATH: join(dir, "bot.sqlite"),
      LOG_LEVEL: "info",
      ...env,
    },
  });
  await bot.waitForLog((line) => line.msg === "long polling started", 45_000);
  return bot;
}

/** Kills every bot process a test file started and left running. */
export async function killAllBots(): Promise<void> {
  await Promise.all([...running].map((bot) => bot.kill()));
}
