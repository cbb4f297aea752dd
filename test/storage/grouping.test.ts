// Declined questions grouped in the report by the engine's groupKey: one line on the curators' to-do
// list for the same question asked in several languages and spellings.
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { loadKnowledgeBase } from "../../src/content/load.ts";
import { createEngine } from "../../src/engine/index.ts";
import { openSqliteStore } from "../../src/storage/sqlite.ts";
import { recordingLogger, tempDir } from "./helpers.ts";

const engine = createEngine(loadKnowledgeBase());
const tmp = tempDir();
afterAll(tmp.cleanup);

describe("grouping declined questions", () => {
  it("puts spellings and languages of the same declined question in one group", async () => {
    const store = openSqliteStore({
      path: join(tmp.dir, "bot.sqlite"),
      retentionDays: 90,
      logger: recordingLogger(),
    });
    const asked: [string, string][] = [
      ["Sadyr Japarov in Tokyo?", "en"],
      ["sadyr japarov in tokyo", "en"],
      ["Caparov Tokyo", "tr"],
      ["Sadır Caparov Tokyo'da mı?", "tr"],
      ["What is the weather in Bishkek?", "en"],
    ];
    for (const [text, lang] of asked) {
      const decision = engine.ask(text);
      expect(decision.kind, text).toBe("decline");
      store.recordQuestion({
        normalized: text.toLowerCase(),
        groupKey: engine.groupKey(text),
        lang,
        chatType: "private",
        matchedId: null,
        score: decision.score,
        answered: false,
        day: "2024-03-10",
      });
    }
    const groups = await store.topDeclined("2024-03-10", "2024-03-10", 10);
    store.close();
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ count: 4, langs: ["en", "tr"] });
    expect(groups[1]).toMatchObject({ count: 1, example: "what is the weather in bishkek?" });
  });
});
