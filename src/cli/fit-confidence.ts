// `npm run fit [-- --check]`: fits the engine's confidence model on content/ and writes
// src/engine/confidence-model.ts (see src/eval/fit-confidence.ts). With --check: exit 1 when the
// committed model is not what the content fits now (the test suite runs the same comparison).
import { writeFileSync } from "node:fs";
import { isDeepStrictEqual, parseArgs } from "node:util";
import { loadKnowledgeBase } from "../content/load.ts";
import { MODEL } from "../engine/confidence-model.ts";
import { fitModel, modelSource } from "../eval/fit-confidence.ts";

export const MODEL_FILE = new URL("../engine/confidence-model.ts", import.meta.url).pathname;

function main(): number {
  const { values } = parseArgs({ options: { check: { type: "boolean" } }, strict: true });
  const { model, examples } = fitModel(loadKnowledgeBase());
  const source = modelSource(model);
  const count = (s: string) => examples.filter((e) => e.source === s);
  const para = count("paraphrase");
  console.log(
    `examples: ${para.length} held-out paraphrases (${para.filter((e) => e.right).length} ranked right), ` +
      `${count("held-out-answer").length} of held-out answers, ${count("smalltalk").length} small talk`,
  );
  console.log(`sure from probability ${model.sure}`);
  if (values.check) {
    if (isDeepStrictEqual(MODEL, model)) return 0;
    console.error("src/engine/confidence-model.ts is stale: run npm run fit");
    return 1;
  }
  writeFileSync(MODEL_FILE, source);
  console.log(`wrote ${MODEL_FILE}`);
  return 0;
}

process.exitCode = main();
