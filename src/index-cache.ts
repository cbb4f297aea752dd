// Start-up without re-reading the content or rebuilding the index. The loaded content is saved under
// a hash of the content files' bytes and of the code that loads and checks them, so a start with
// unchanged content skips YAML parsing and validation (about 0.4 s) and never loads the parser.
// The built index is saved to the same cache folder as a snapshot (plain data in JSON, see
// src/engine/snapshot.ts) under a fingerprint of everything it is built from (the loaded content, the
// engine's code, the stemmers, Node's version), and restored from there on the next start. Any change
// to those gives another file name, and the snapshot itself carries its format and content hash, which
// are checked again: a stale index is never used; a missing, unreadable or damaged file just means
// building it again. The cache is disposable: delete the folder at any time.
import { createHash, type Hash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type { KnowledgeBase } from "./content/knowledge-base.ts";
import { DEFAULT_CONTENT_DIR } from "./content/paths.ts";
import { contentHash, createEngine, type Engine, SNAPSHOT_FORMAT } from "./engine/index.ts";
import { ROOT } from "./paths.ts";

/** node_modules/.cache is where tools keep disposable caches; a fresh `npm ci` starts it empty. */
export const DEFAULT_INDEX_CACHE_DIR = `${ROOT}node_modules/.cache/article-bot/`;

/** The cache folder for a setting (INDEX_CACHE_DIR): unset → the default folder, "off" → none. */
export function indexCacheDir(setting: string | undefined): string | undefined {
  if (setting === undefined) return DEFAULT_INDEX_CACHE_DIR;
  return setting.toLowerCase() === "off" ? undefined : setting;
}

/**
 * Digests of src/engine/ and src/content/ (scripts/build.mjs: folderDigest), written into the built
 * dist/ by the build, which bundles those folders' code away; undefined when running from src/.
 */
declare const __CODE_DIGESTS__: { engine: string; content: string } | undefined;

/** The code that builds the index (engine) or loads the content (content): any change, another digest. */
function codeDigest(part: "engine" | "content"): string {
  if (typeof __CODE_DIGESTS__ !== "undefined") return __CODE_DIGESTS__[part];
  const hash = createHash("sha256");
  hashFolder(hash, new URL(`file://${ROOT}src/${part}/`));
  return hash.digest("hex");
}
const STEMMERS = ["@orama/stemmers/english", "@orama/stemmers/russian", "@orama/stemmers/turkish"];
const FILE = /^(index|content)-[0-9a-f]{24}\.bin$/;
const DIGEST_BYTES = 32;
/** Indexes of other content kept besides the current one. */
const KEEP_OTHERS = 2;

export interface EngineStart {
  engine: Engine;
  /** "saved": restored from the cache; "built": built from the content (and saved, if it could be). */
  from: "saved" | "built";
  /** Time to an engine that answers, fingerprinting included. */
  ms: number;
}

export interface EngineCacheOptions {
  /** The cache folder; undefined: no cache, always build. */
  dir: string | undefined;
  logger?: CacheLog;
}

/** What the cache reports (a pino logger fits): it never fails a start, it only says why it rebuilt. */
export interface CacheLog {
  warn(fields: object, message: string): void;
  debug(fields: object, message: string): void;
}

/** The engine for this content: restored from the cache when it holds this exact build, else built (and saved). */
export function startEngine(kb: KnowledgeBase, { dir, logger }: EngineCacheOptions): EngineStart {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  if (dir === undefined) return { engine: createEngine(kb), from: "built", ms: ms() };
  const file = join(dir, `index-${fingerprint(kb)}.bin`);
  const saved = readSaved(file, logger);
  if (saved) {
    try {
      const snapshot: unknown = JSON.parse(saved.toString("utf8"));
      return { engine: createEngine(kb, { snapshot }), from: "saved", ms: ms() };
    } catch (error) {
      logger?.warn({ file, reason: message(error) }, "saved index unusable; building it again");
    }
  }
  const engine = createEngine(kb);
  const built = ms();
  writeSaved(dir, file, Buffer.from(JSON.stringify(engine.snapshot()), "utf8"), logger);
  return { engine, from: "built", ms: built };
}

export interface ContentStart {
  kb: KnowledgeBase;
  /** "saved": restored from the cache; "loaded": read and checked from the content folder. */
  from: "saved" | "loaded";
  ms: number;
}

/**
 * The content of `contentDir` (default: this checkout's content/), from the cache when it holds these
 * exact files. A miss loads and validates as usual (a ContentError names every problem) and saves.
 */
export async function loadContent(
  contentDir: string | undefined,
  { dir, logger }: EngineCacheOptions,
): Promise<ContentStart> {
  const started = performance.now();
  const ms = () => Math.round((performance.now() - started) * 10) / 10;
  const folder = contentDir ?? DEFAULT_CONTENT_DIR;
  const file = dir === undefined ? undefined : contentFile(dir, folder);
  const saved = file === undefined ? undefined : readSaved(file, logger);
  if (saved) {
    try {
      return { kb: deserialize(saved) as KnowledgeBase, from: "saved", ms: ms() };
    } catch (error) {
      logger?.warn({ file, reason: message(error) }, "saved content unusable; reading it again");
    }
  }
  const { loadKnowledgeBase } = await import("./content/load.ts");
  const kb = loadKnowledgeBase(folder);
  const loaded = ms();
  if (dir !== undefined && file !== undefined) writeSaved(dir, file, serialize(kb), logger);
  return { kb, from: "loaded", ms: loaded };
}

/** The saved content's file; none when the folder cannot be read (loading it then says what is wrong). */
function contentFile(dir: string, folder: string): string | undefined {
  try {
    return join(dir, `content-${contentFingerprint(folder)}.bin`);
  } catch {
    return undefined;
  }
}

/** Every file of the content folder (names and bytes) and the loading code: same hash, same content. */
function contentFingerprint(folder: string): string {
  const hash = createHash("sha256");
  hash.update(`${process.versions.node}\0${process.versions.v8}\0`);
  hashFolder(hash, new URL(`file://${folder.endsWith("/") ? folder : `${folder}/`}`));
  hash.update(codeDigest("content"));
  return hash.digest("hex").slice(0, 24);
}

function hashFolder(hash: Hash, folder: URL): void {
  const names = readdirSync(folder, { recursive: true, encoding: "utf8" }).sort();
  for (const name of names) {
    const path = new URL(name, folder);
    if (!statSync(path).isFile()) continue;
    hash.update(`${name}\0`);
    hash.update(readFileSync(path));
  }
}

/** What the built index depends on, hashed: same fingerprint, same index. */
export function fingerprint(kb: KnowledgeBase): string {
  const hash = createHash("sha256");
  hash.update(`${SNAPSHOT_FORMAT}\0${process.versions.node}\0`);
  // The engine's code: any change to how text is analysed or indexed.
  hash.update(codeDigest("engine"));
  const require = createRequire(import.meta.url);
  for (const stemmer of STEMMERS) hash.update(readFileSync(require.resolve(stemmer)));
  hash.update(contentHash(kb));
  return hash.digest("hex").slice(0, 24);
}

/** The saved bytes, if the file exists and is whole (its leading digest matches the rest). */
function readSaved(file: string, logger: EngineCacheOptions["logger"]): Buffer | undefined {
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT")
      logger?.warn({ file, reason: message(error) }, "could not read the saved index; building it again");
    return undefined;
  }
  const body = data.subarray(DIGEST_BYTES);
  const digest = createHash("sha256").update(body).digest();
  if (data.length <= DIGEST_BYTES || !digest.equals(data.subarray(0, DIGEST_BYTES))) {
    logger?.warn({ file }, "saved index damaged; building it again");
    return undefined;
  }
  return body;
}

/**
 * Writes atomically (a temporary file, then rename: a concurrent start never reads half a file) and
 * drops all but the newest few other indexes (another content folder may share the cache).
 */
function writeSaved(
  dir: string,
  file: string,
  bytes: Uint8Array,
  logger: EngineCacheOptions["logger"],
): void {
  const temporary = `${file}.${process.pid}.${Date.now()}.tmp`;
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(temporary, Buffer.concat([createHash("sha256").update(bytes).digest(), bytes]));
    renameSync(temporary, file);
    const others = readdirSync(dir)
      .filter((name) => FILE.test(name) && join(dir, name) !== file)
      .map((name) => ({ path: join(dir, name), time: statSync(join(dir, name)).mtimeMs }))
      .sort((a, b) => b.time - a.time);
    for (const old of others.slice(KEEP_OTHERS)) rmSync(old.path, { force: true });
    logger?.debug({ file, bytes: bytes.length }, "saved the index");
  } catch (error) {
    try {
      rmSync(temporary, { force: true });
    } catch {
      // Nothing was written, or the folder is not there to clean.
    }
    logger?.warn({ dir, reason: message(error) }, "could not save the index; it is built at every start");
  }
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
