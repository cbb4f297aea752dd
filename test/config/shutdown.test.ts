// The shutdown path on its own: steps in order, exit 0; a failing step still lets the rest run and
// exits 1; a step that never ends is cut off by the hard limit with exit 1.
import { describe, expect, it } from "vitest";
import { createLogger } from "../../src/logger.ts";
import { installShutdown } from "../../src/transports/shutdown.ts";

function setup(steps: { name: string; run: () => Promise<void> | void }[], timeoutMs = 5000) {
  const lines: string[] = [];
  const logger = createLogger("info", { write: (line) => lines.push(line) });
  let resolveExit!: (code: number) => void;
  const exitCode = new Promise<number>((resolve) => {
    resolveExit = resolve;
  });
  // No signals: the test calls begin() itself rather than signalling the test runner.
  const shutdown = installShutdown(steps, {
    logger,
    timeoutMs,
    exit: (code) => resolveExit(code),
    signals: [],
  });
  return { shutdown, exitCode, lines };
}

describe("installShutdown", () => {
  it("runs the steps in order once, then exits 0", async () => {
    const order: string[] = [];
    const { shutdown, exitCode } = setup([
      { name: "stop", run: async () => void order.push("stop") },
      { name: "close", run: () => void order.push("close") },
    ]);
    void shutdown.begin("SIGTERM");
    void shutdown.begin("SIGINT");
    expect(await exitCode).toBe(0);
    expect(order).toEqual(["stop", "close"]);
  });

  it("keeps going after a failing step and exits 1", async () => {
    const order: string[] = [];
    const { shutdown, exitCode, lines } = setup([
      {
        name: "stop",
        run: () => {
          throw new Error("boom");
        },
      },
      { name: "close", run: () => void order.push("close") },
    ]);
    void shutdown.begin("SIGTERM");
    expect(await exitCode).toBe(1);
    expect(order).toEqual(["close"]);
    expect(lines.join("")).toContain("shutdown step failed");
  });

  it("exits 1 with a log line when a step hangs past the limit", async () => {
    const { shutdown, exitCode, lines } = setup(
      [{ name: "hang", run: () => new Promise<void>(() => {}) }],
      50,
    );
    void shutdown.begin("SIGTERM");
    expect(await exitCode).toBe(1);
    expect(lines.join("")).toContain("shutdown took too long");
  });
});
