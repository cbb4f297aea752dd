// deploy/: the systemd unit and the Dockerfile are checked by the tools that can run here (no Docker
// engine): systemd-analyze verify and dockerfile-utils' linter; and both start the bot exactly as
// `npm start` does (same node flags), with data at absolute paths.
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const read = (path: string) => readFileSync(path, "utf8");
const unit = read("deploy/kg-article-bot.service");
const dockerfile = read("deploy/Dockerfile");
const startScript = (JSON.parse(read("package.json")) as { scripts: { start: string } }).scripts.start;

describe("the systemd unit", () => {
  it("passes systemd-analyze verify", () => {
    const which = spawnSync("systemd-analyze", ["--version"]);
    // CI and developers' machines have systemd-analyze; say so loudly where one does not.
    expect(which.error, "systemd-analyze is not installed").toBeUndefined();
    const dir = mkdtempSync(join(tmpdir(), "unit-"));
    try {
      copyFileSync("deploy/kg-article-bot.service", join(dir, "kg-article-bot.service"));
      const result = spawnSync("systemd-analyze", ["verify", join(dir, "kg-article-bot.service")], {
        encoding: "utf8",
      });
      expect(`${result.stdout}${result.stderr}`).toBe("");
      expect(result.status).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("runs the start script's command as its own user, with absolute data paths and a longer stop timeout", () => {
    expect(unit).toContain(`ExecStart=/usr/bin/${startScript}`);
    expect(unit).toMatch(/^User=kg-article-bot$/m);
    expect(unit).toMatch(/^EnvironmentFile=\//m);
    expect(unit).toMatch(/^Environment=DATABASE_PATH=\//m);
    expect(unit).toMatch(/^Environment=INDEX_CACHE_DIR=\//m);
    expect(unit).toMatch(/^Restart=on-failure$/m);
    // The bot's own shutdown limit is 5 s (src/main.ts).
    expect(Number(/^TimeoutStopSec=(\d+)$/m.exec(unit)?.[1])).toBeGreaterThan(5);
    for (const option of ["NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes"])
      expect(unit).toContain(option);
  });
});

describe("the Dockerfile", () => {
  it("passes the linter with no warning", () => {
    const result = spawnSync("node_modules/.bin/dockerfile-utils", ["lint", "deploy/Dockerfile"], {
      encoding: "utf8",
    });
    expect(`${result.stdout}${result.stderr}`).toBe("");
    expect(result.status).toBe(0);
  });

  it("builds in one stage and runs as a non-root user in another, without compilers", () => {
    const stages = dockerfile.split(/^FROM /m).slice(1);
    expect(stages).toHaveLength(2);
    const [build = "", run = ""] = stages;
    expect(build).toMatch(/g\+\+/);
    expect(run).not.toMatch(/g\+\+|python3|apt-get/);
    expect(run).toMatch(/^USER node$/m);
    expect(run).toMatch(/^VOLUME \["\/data"\]$/m);
    expect(run).toMatch(/DATABASE_PATH=\/data\//);
    expect(run).toMatch(/^HEALTHCHECK [\s\S]*\/healthz/m);
    expect(run).toMatch(/BOT_MODE=webhook/);
    const flags = startScript.replace(/^node /, "").split(" ");
    expect(run).toContain(`CMD ${JSON.stringify(["node", ...flags])}`.replace(/","/g, '", "'));
  });
});
