// The built index as bytes, and back: building it from the content means tokenising, stemming and
// indexing every paraphrase (hundreds of milliseconds on a cold start); restoring it is one native
// deserialisation. Which content and engine the bytes belong to is the caller's to check (see
// src/index-cache.ts); this only refuses bytes that are not a saved index of this format.
import { deserialize, serialize } from "node:v8";
import { Analyzer } from "./analyzer.ts";
import { AnswerIndex } from "./matcher.ts";

/** Bumped whenever the saved fields change meaning; an older file then simply fails to restore. */
export const SAVED_INDEX_FORMAT = "article-bot.index.v1";

export interface IndexParts {
  analyzer: Analyzer;
  index: AnswerIndex;
}

export class SavedIndexError extends Error {}

export function saveIndex(parts: IndexParts): Uint8Array {
  // One serialisation keeps shared objects shared: the index's analyzer is the analyzer.
  return serialize({ format: SAVED_INDEX_FORMAT, analyzer: parts.analyzer, index: parts.index });
}

export function restoreIndex(bytes: Uint8Array): IndexParts {
  let data: unknown;
  try {
    data = deserialize(bytes);
  } catch (error) {
    throw new SavedIndexError(`not a saved index (${error instanceof Error ? error.message : error})`);
  }
  if (!isSaved(data)) throw new SavedIndexError(`not a saved index of format ${SAVED_INDEX_FORMAT}`);
  const analyzer = Analyzer.revive(data.analyzer);
  return { analyzer, index: AnswerIndex.revive(data.index, analyzer) };
}

function isSaved(data: unknown): data is { format: string } & IndexParts {
  if (typeof data !== "object" || data === null) return false;
  const d = data as Record<string, unknown>;
  return (
    d.format === SAVED_INDEX_FORMAT &&
    typeof d.analyzer === "object" &&
    d.analyzer !== null &&
    typeof d.index === "object" &&
    d.index !== null
  );
}
