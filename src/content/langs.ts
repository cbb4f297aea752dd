// The languages answers are written in: apart from schema.ts, so the bot and the store can use the list
// without building the content's schemas (and loading zod) at every start.
export const LANGS = ["en", "ru", "tr"] as const;
export type Lang = (typeof LANGS)[number];
