// Shared pieces for the storage tests: temp folders and a logger that remembers what it was told.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { StoreLogger } from "../../src/storage/log.ts";
import type { QuestionEvent } from "../../src/storage/store.ts";

export function tempDir(prefix = "kg-store-"): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export interface RecordedLog {
  level: "error" | "warn" | "info";
  details: Record<string, unknown>;
  message: string;
}

export function recordingLogger(): StoreLogger & {
  entries: RecordedLog[];
  warnings: () => RecordedLog[];
  errors: () => RecordedLog[];
} {
  const entries: RecordedLog[] = [];
  return {
    entries,
    warnings: () => entries.filter((e) => e.level === "warn"),
    errors: () => entries.filter((e) => e.level === "error"),
    error: (details, message) => entries.push({ level: "error", details: { ...details }, message }),
    warn: (details, message) => entries.push({ level: "warn", details: { ...details }, message }),
    info: (details, message) => entries.push({ level: "info", details: { ...details }, message }),
  };
}

/** A declined question as the bot records it. */
export function declined(text: string, groupKey: string | null, lang: string, day: string): QuestionEvent {
  return {
    normalized: text,
    groupKey,
    lang,
    chatType: "private",
    matchedId: null,
    score: 0.1,
    answered: false,
    day,
  };
}

/** A confidently answered question: no text, as the bot sends it. */
export function answered(id: string, day: string, extra: Partial<QuestionEvent> = {}): QuestionEvent {
  return {
    normalized: null,
    groupKey: null,
    lang: "en",
    chatType: "private",
    matchedId: id,
    score: 0.9,
    answered: true,
    day,
    ...extra,
  };
}
