import { describe, expect, it } from "vitest";
import { SpellingIndex } from "../../src/engine/typos.ts";

describe("the nearest content word to a typo", () => {
  it("prefers, between equally near words, the one the typed word only lacks letters of", () => {
    const index = new SpellingIndex<string>();
    // "active" is used more often, and one substitution from "achive" as "achieve" is one insertion.
    for (const w of ["active", "active", "active", "achieve"]) index.add(w, w);
    expect(index.nearest("achive")?.word).toBe("achieve");
  });

  it("keeps the more used word when neither lacks only letters, and in four-letter words", () => {
    const index = new SpellingIndex<string>();
    for (const w of ["meet", "meet", "meant"]) index.add(w, w);
    expect(index.nearest("meat")?.word).toBe("meet");
  });

  it("prefers, after a dropped letter, two letters typed the wrong way round to another letter", () => {
    const index = new SpellingIndex<string>();
    // "asein" (a name) is used more often, one substitution from "asain"; "asian" is one swap.
    for (const w of ["asein", "asein", "asian"]) index.add(w, w);
    expect(index.nearest("asain")?.word).toBe("asian");
  });
});
