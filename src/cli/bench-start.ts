// Helper of `npm run bench`, run in a fresh process so nothing is warm: loads the content (not timed),
// then times getting an engine that answers, from the cache folder given ("off": from the content).
// Prints one JSON line: {"from","ms"}.
import { loadKnowledgeBase } from "../content/load.ts";
import { indexCacheDir, startEngine } from "../index-cache.ts";

const kb = loadKnowledgeBase();
const start = startEngine(kb, { dir: indexCacheDir(process.argv[2] ?? "off") });
start.engine.ask("Who is Du Dewen?");
console.log(JSON.stringify({ from: start.from, ms: start.ms }));
