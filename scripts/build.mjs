// `npm run build` (also run by `npm ci` through `prepare`, and by `npm start` when src/ changed):
// the entry points below and everything they import from src/ → a few bundled files in dist/ (each
// entry, plus shared and lazily imported chunks in dist/chunks/), so a start reads, resolves and
// compiles a handful of files instead of a hundred. Packages stay imports of node_modules. esbuild
// strips the types; type checking stays with `npm run check`. Code finds the checkout's folders
// through src/paths.ts, whatever file it was bundled into.
// Built into a fresh folder and swapped in, so a bot starting meanwhile never reads half a build.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SRC = join(ROOT, "src");
export const DIST = join(ROOT, "dist");
/**
 * What can be run from dist/: `npm start` runs main.js; `node dist/cli/report.js`… the tools. Built
 * apart, so the bot's start reads its own few files, not chunks cut to what it shares with the tools.
 */
const ENTRIES = [["main.ts"], ["cli/ask.ts", "cli/report.ts", "cli/suggest.ts", "cli/validate.ts"]];
const PACKAGE = JSON.parse(readFileSync(join(ROOT, "package.json"), "utf8"));
const BUNDLED = ["zod"];
/** What the build was made from: each source file's path and modification time. */
const STAMP = ".build.json";

/** Every TypeScript file under src/, relative to it, sorted. */
function sources() {
  return readdirSync(SRC, { recursive: true, encoding: "utf8" })
    .filter((name) => name.endsWith(".ts"))
    .sort();
}

function fingerprint() {
  return Object.fromEntries(sources().map((name) => [name, statSync(join(SRC, name)).mtimeMs]));
}

/** True when dist/ is missing or was built from other sources than src/ holds now. */
export function isStale() {
  try {
    return readFileSync(join(DIST, STAMP), "utf8") !== JSON.stringify(fingerprint());
  } catch {
    return true;
  }
}

/**
 * A folder's files (names and bytes) hashed as src/index-cache.ts hashes them when it runs from src/:
 * the saved index and content name the code they were made by, which the bundle no longer shows.
 */
function folderDigest(folder) {
  const hash = createHash("sha256");
  for (const name of readdirSync(folder, { recursive: true, encoding: "utf8" }).sort()) {
    if (!statSync(join(folder, name)).isFile()) continue;
    hash.update(`${name}\0`);
    hash.update(readFileSync(join(folder, name)));
  }
  return hash.digest("hex");
}

export async function build() {
  const { build: esbuild } = await import("esbuild");
  const files = sources();
  const stamp = fingerprint();
  const out = `${DIST}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  const digests = { engine: folderDigest(join(SRC, "engine")), content: folderDigest(join(SRC, "content")) };
  const bundle = (entries) =>
    esbuild({
      entryPoints: entries.map((name) => join(SRC, name)),
      outdir: out,
      outbase: SRC,
      platform: "node",
      format: "esm",
      target: "node20",
      bundle: true,
      // What more than one entry uses, and what is imported lazily (`await import()`: the PostgreSQL
      // store, the YAML loading), goes into chunks of its own, loaded only when needed.
      splitting: true,
      chunkNames: "chunks/[name]-[hash]",
      // Packages stay imports of node_modules, but for zod: its package is 111 modules (every locale
      // of its messages) that would be read and compiled; bundled, only what the schemas use is kept.
      external: Object.keys(PACKAGE.dependencies).filter((name) => !BUNDLED.includes(name)),
      define: { __CODE_DIGESTS__: JSON.stringify(digests) },
      logLevel: "warning",
    });
  // One after the other: both may write a chunk of the same name (same code, same hash).
  for (const entries of ENTRIES) await bundle(entries);
  writeFileSync(join(out, STAMP), JSON.stringify(stamp));
  const old = `${DIST}.${process.pid}.old`;
  try {
    renameSync(DIST, old);
  } catch {
    // No earlier build.
  }
  renameSync(out, DIST);
  rmSync(old, { recursive: true, force: true });
  return { files: files.length, dir: relative(process.cwd(), DIST) || DIST };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const started = performance.now();
  const result = await build();
  console.log(
    `built ${result.files} files into ${result.dir} in ${Math.round(performance.now() - started)} ms`,
  );
}
