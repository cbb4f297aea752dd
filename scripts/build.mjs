// `npm run build` (also run by `npm ci` through `prepare`, and by `npm start` when src/ changed):
// src/**/*.ts → dist/**/*.js, one file each, at the same depth as src/ so the paths the code finds
// its neighbours by (content/, node_modules/.cache/) stay right. esbuild strips the types and
// rewrites the `.ts` import specifiers; type checking stays with `npm run check`.
// Built into a fresh folder and swapped in, so a bot starting meanwhile never reads half a build.
import { readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = fileURLToPath(new URL("..", import.meta.url));
export const SRC = join(ROOT, "src");
export const DIST = join(ROOT, "dist");
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

export async function build() {
  const { build: esbuild } = await import("esbuild");
  const files = sources();
  const stamp = fingerprint();
  const out = `${DIST}.${process.pid}.tmp`;
  rmSync(out, { recursive: true, force: true });
  await esbuild({
    entryPoints: files.map((name) => join(SRC, name)),
    outdir: out,
    outbase: SRC,
    platform: "node",
    format: "esm",
    target: "node20",
    // Bundling only to get the resolver hook below: every import stays an import.
    bundle: true,
    packages: "external",
    logLevel: "warning",
    plugins: [
      {
        name: "keep-imports",
        setup(b) {
          b.onResolve({ filter: /^\.\.?\// }, (args) =>
            args.kind === "entry-point"
              ? undefined
              : { path: args.path.replace(/\.ts$/, ".js"), external: true },
          );
        },
      },
    ],
  });
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
