// `npm start`: the bot as built JavaScript (dist/), so no TypeScript is compiled at start-up. When
// src/ is there and has changed since the last build, it is rebuilt first (about a second), so
// editing and restarting needs nothing else. A deployment without src/ just runs dist/.
// `node scripts/start.mjs cli/ask.js …` runs another built entry the same way (`npm run ask`).
import { existsSync } from "node:fs";
import { DIST, isStale, SRC } from "./build.mjs";

if (existsSync(SRC) && isStale()) {
  const { build } = await import("./build.mjs");
  await build();
} else if (!existsSync(DIST)) {
  process.stderr.write("dist/ is missing and there is no src/ to build it from\n");
  process.exit(1);
}
const entry = process.argv[2]?.endsWith(".js") ? process.argv.splice(2, 1)[0] : "main.js";
await import(`../dist/${entry}`);
