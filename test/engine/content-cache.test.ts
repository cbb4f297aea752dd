// The saved content: a start with unchanged content files gets exactly the knowledge base that loading
// them gives; any change to a file is read again (never the old content), and broken content is still
// reported, never saved.
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { DEFAULT_CONTENT_DIR, loadKnowledgeBase } from "../../src/content/load.ts";
import { ContentError } from "../../src/content/problems.ts";
import { loadContent } from "../../src/index-cache.ts";

const made: string[] = [];
const temp = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("the content cache", () => {
  it("loads once, then restores the same knowledge base (Maps included)", async () => {
    const dir = temp("content-cache-");
    const first = await loadContent(undefined, { dir });
    const second = await loadContent(undefined, { dir });
    expect([first.from, second.from]).toEqual(["loaded", "saved"]);
    expect(second.kb).toStrictEqual(loadKnowledgeBase());
    expect(second.kb.answerById.get(second.kb.answers[0]?.id ?? "")).toEqual(second.kb.answers[0]);
  });

  it("reads a changed file again and never serves the old content", async () => {
    const content = temp("content-copy-");
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    const dir = temp("content-cache-");
    const before = await loadContent(content, { dir });
    const file = join(content, "topics.yaml");
    const first = before.kb.topics[0];
    if (!first) throw new Error("no topics in the content");
    const title = Object.values(first.title)[0] ?? "";
    writeFileSync(file, readFileSync(file, "utf8").replace(title, `${title} (renamed)`));
    const after = await loadContent(content, { dir });
    expect(after.from).toBe("loaded");
    expect(JSON.stringify(after.kb.topics)).toContain("(renamed)");
    expect(readdirSync(dir).filter((name) => name.startsWith("content-"))).toHaveLength(2);
  });

  it("reports broken content with its file and saves nothing", async () => {
    const content = temp("content-copy-");
    cpSync(DEFAULT_CONTENT_DIR, content, { recursive: true });
    writeFileSync(join(content, "footnotes.yaml"), "footnotes: [ {n: oops");
    const dir = temp("content-cache-");
    await expect(loadContent(content, { dir })).rejects.toThrow(ContentError);
    await expect(loadContent(content, { dir })).rejects.toThrow(/footnotes\.yaml/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it("reports a content folder that is not there as the content's problem, not as a crash", async () => {
    const dir = temp("content-cache-");
    const missing = join(temp("content-gone-"), "content");
    await expect(loadContent(missing, { dir })).rejects.toThrow(ContentError);
    await expect(loadContent(missing, { dir })).rejects.toThrow(/article\.yaml/);
  });
});
