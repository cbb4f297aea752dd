// The built index as a snapshot: plain data (objects, arrays, strings, numbers; JSON-safe) with a format
// version and the hash of the content it was built from. Building the index means tokenising, stemming
// and indexing every paraphrase (hundreds of milliseconds); restoring a snapshot only fills Maps and
// Sets. A snapshot of another format or of other content is refused, never trusted: the caller builds.
import { createHash } from "node:crypto";
import type { KnowledgeBase } from "../content/knowledge-base.ts";
import { DetailCheck, type DetailCheckData } from "./detail-check.ts";
import { AnswerIndex, type AnswerIndexData } from "./matcher.ts";
import { QuotedPhrases, type QuotedTexts } from "./quoted.ts";
import { SmalltalkMatcher, type SmalltalkPhrase } from "./smalltalk.ts";
import { Vocabulary, type VocabularyData } from "./vocabulary.ts";

/** Bumped whenever the snapshot's fields change shape or meaning: an older snapshot is then refused. */
export const SNAPSHOT_FORMAT = 14;

export interface IndexSnapshot {
  format: number;
  /** contentHash() of the knowledge base the index was built from. */
  content: string;
  vocabulary: VocabularyData;
  index: AnswerIndexData;
  smalltalk: SmalltalkPhrase[];
  details: DetailCheckData;
  quoted: QuotedTexts;
}

export interface IndexParts {
  vocabulary: Vocabulary;
  index: AnswerIndex;
  smalltalk: SmalltalkMatcher;
  details: DetailCheck;
  quoted: QuotedPhrases;
}

export class SnapshotError extends Error {}

const hashes = new WeakMap<KnowledgeBase, string>();

/**
 * The knowledge base's hash, as loaded (the lookup maps are derived from the rest, and JSON drops them
 * anyway). A loaded knowledge base is never changed, so each is hashed once.
 */
export function contentHash(kb: KnowledgeBase): string {
  let hash = hashes.get(kb);
  if (hash === undefined) {
    const json = JSON.stringify(kb, (_key, value: unknown) => (value instanceof Map ? undefined : value));
    hash = createHash("sha256").update(json).digest("hex").slice(0, 32);
    hashes.set(kb, hash);
  }
  return hash;
}

export function takeSnapshot(kb: KnowledgeBase, parts: IndexParts): IndexSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    content: contentHash(kb),
    vocabulary: parts.vocabulary.toData(),
    index: parts.index.toData(),
    smalltalk: parts.smalltalk.toData(),
    details: parts.details.toData(),
    quoted: parts.quoted.toData(),
  };
}

/** The index of a snapshot of this very content and format; a SnapshotError for anything else. */
export function restoreSnapshot(kb: KnowledgeBase, snapshot: unknown): IndexParts {
  if (typeof snapshot !== "object" || snapshot === null) throw new SnapshotError("not an index snapshot");
  const s = snapshot as Partial<IndexSnapshot>;
  if (s.format !== SNAPSHOT_FORMAT)
    throw new SnapshotError(`snapshot format ${String(s.format)}, expected ${SNAPSHOT_FORMAT}`);
  if (s.content !== contentHash(kb)) throw new SnapshotError("snapshot of other content");
  try {
    const vocabulary = Vocabulary.fromData(s.vocabulary as VocabularyData);
    const index = AnswerIndex.fromData(s.index as AnswerIndexData, (term) => vocabulary.isLight(term));
    const smalltalk = new SmalltalkMatcher(s.smalltalk as SmalltalkPhrase[]);
    const details = new DetailCheck(s.details as DetailCheckData);
    if (!Array.isArray(s.quoted)) throw new Error("no quoted texts");
    const quoted = new QuotedPhrases(s.quoted);
    return { vocabulary, index, smalltalk, details, quoted };
  } catch (error) {
    throw new SnapshotError(`damaged snapshot (${error instanceof Error ? error.message : String(error)})`);
  }
}
