// The question sets the tools report on, in one place: the held-out set, every batch kept in
// test/eval/ (first-sight batches, measured once and kept), and the development questions. A new batch
// is picked up by dropping its file into test/eval/; a conversation set, into test/eval/conversations/.
import { existsSync, readdirSync } from "node:fs";
import { resolve } from "node:path";
import { ROOT } from "../paths.ts";

/** The held-out set, as the repository names it. */
export const HELD_OUT_SET = "test/eval/questions.yaml";
/** The development questions thresholds are tuned on. */
export const DEV_SET = "test/engine/dev-questions.yaml";

/** Every other test/eval/*.yaml, by name. */
export function keptBatches(): string[] {
  return readdirSync(`${ROOT}test/eval/`)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `test/eval/${f}`)
    .filter((name) => name !== HELD_OUT_SET)
    .sort();
}

/** The held-out set, the kept batches, then the development questions. */
export function questionSets(): string[] {
  return [HELD_OUT_SET, ...keptBatches(), DEV_SET];
}

/** Conversation sets (test/eval/conversations/*.yaml, scored by conversations.ts), by name. */
export function conversationSets(): string[] {
  const folder = `${ROOT}test/eval/conversations/`;
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((f) => f.endsWith(".yaml"))
    .map((f) => `test/eval/conversations/${f}`)
    .sort();
}

/** A set's path on disk. */
export function setPath(name: string): string {
  return resolve(ROOT, name);
}
