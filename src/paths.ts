// The checkout's root folder (where package.json is), found from this module's own place: the same
// whether it runs from src/ (tsx, tests) or from dist/, bundled into a file at whatever depth.
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

function findRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (let dir = here, up = 0; up < 5; dir = dirname(dir), up++)
    if (existsSync(join(dir, "package.json"))) return `${dir}/`;
  throw new Error(`no package.json above ${here}`);
}

/** Absolute, with a trailing slash. */
export const ROOT = findRoot();
