// Storage entry point: the runtime opens the SQLite store and makes the hasher; tests use the memory store.
export type { StoreLogger } from "./log.ts";
export { createMemoryStore, type MemoryStore } from "./memory.ts";
export { makeHasher, privacyKeyPath, type ResolvedSecret, resolvePrivacySecret } from "./privacy.ts";
export { dayOf } from "./rules.ts";
export { openReportSource, openSqliteStore, type SqliteStore, type SqliteStoreOptions } from "./sqlite.ts";
export type * from "./store.ts";
export { createWriteQueue, type QueuedWrite, type WriteQueue } from "./write-queue.ts";
