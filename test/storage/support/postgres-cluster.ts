// A throwaway PostgreSQL 15 server for tests: initdb in a temporary folder, started on a free loopback
// port (Unix socket in the same folder, nothing else listens), stopped and deleted by stop(). As root
// (CI runs as root) the server runs as the `postgres` user, since PostgreSQL refuses to run as root.
// No skipping: without the binaries this throws and the tests that need it fail, saying why.
import { execFileSync, spawnSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { freePort } from "../../e2e/support/free-port.ts";

const BIN = process.env.PG_BIN ?? "/usr/lib/postgresql/15/bin";
const SERVICE_USER = "postgres";

export interface PostgresCluster {
  /** postgres://… for the `postgres` database; see newDatabase() for a fresh one. */
  readonly url: string;
  readonly port: number;
  /** Creates an empty database and returns its URL (one per test file or test keeps them apart). */
  newDatabase(name?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Runs a PostgreSQL program, as the `postgres` user when we are root. */
function runPg(program: string, args: string[], asRoot: boolean): string {
  const path = join(BIN, program);
  const [command, argv] = asRoot ? ["runuser", ["-u", SERVICE_USER, "--", path, ...args]] : [path, args];
  return execFileSync(command, argv, {
    encoding: "utf8",
    stdio: ["ignore", "pipe", "pipe"],
    timeout: 60_000,
  });
}

let counter = 0;

export async function startPostgres(): Promise<PostgresCluster> {
  if (!existsSync(join(BIN, "pg_ctl")))
    throw new Error(`PostgreSQL 15 is not installed (no ${BIN}/pg_ctl); install postgresql-15 or set PG_BIN`);
  const asRoot = userInfo().uid === 0;
  const dir = mkdtempSync(join(tmpdir(), "kg-pg-"));
  const data = join(dir, "data");
  if (asRoot) {
    const ids = spawnSync("id", ["-u", SERVICE_USER], { encoding: "utf8" });
    const uid = Number(ids.stdout.trim());
    const gid = Number(spawnSync("id", ["-g", SERVICE_USER], { encoding: "utf8" }).stdout.trim());
    if (!Number.isInteger(uid) || ids.status !== 0)
      throw new Error(`running as root but there is no ${SERVICE_USER} user`);
    chownSync(dir, uid, gid);
  }
  const port = await freePort();
  runPg(
    "initdb",
    ["-D", data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync"],
    asRoot,
  );
  const options = [
    `-p ${port}`,
    "-c listen_addresses=127.0.0.1",
    `-c unix_socket_directories=${dir}`,
    // A test server: durability is not the point, speed is.
    "-c fsync=off",
    "-c synchronous_commit=off",
    "-c full_page_writes=off",
    "-c max_connections=100",
  ].join(" ");
  const log = join(dir, "server.log");
  try {
    runPg("pg_ctl", ["-D", data, "-o", options, "-l", log, "-w", "-t", "60", "start"], asRoot);
  } catch (error) {
    const text = existsSync(log) ? readFileSync(log, "utf8") : "";
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`PostgreSQL did not start: ${(error as Error).message}\n${text}`);
  }
  const url = `postgres://postgres@127.0.0.1:${port}/postgres`;
  let stopped = false;
  return {
    url,
    port,
    async newDatabase(name = `t${process.pid}_${++counter}`) {
      const { default: pg } = await import("pg");
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      try {
        await client.query(`CREATE DATABASE "${name}"`);
      } finally {
        await client.end();
      }
      return `postgres://postgres@127.0.0.1:${port}/${name}`;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      try {
        runPg("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"], asRoot);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}
