// Typo tolerance: an unknown word is replaced by the nearest word the content uses, if one is close
// enough. Candidates come from a letter-pair index so only a handful of words get the exact distance
// check, which keeps a question well under a millisecond.

/** Edits allowed for a word of this length: none for short words (too many false friends), 1, then 2. */
export function maxEdits(length: number): number {
  if (length < 5) return 0;
  return length < 9 ? 1 : 2;
}

/** Optimal-string-alignment distance (a swap of two neighbours counts as one edit), or max+1 if larger. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows = a.length + 1;
  const cols = b.length + 1;
  let prev2 = new Array<number>(cols).fill(0);
  let prev = Array.from({ length: cols }, (_, j) => j);
  for (let i = 1; i < rows; i++) {
    const cur = new Array<number>(cols).fill(0);
    cur[0] = i;
    let rowMin = i;
    for (let j = 1; j < cols; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min((prev[j] ?? 0) + 1, (cur[j - 1] ?? 0) + 1, (prev[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, (prev2[j - 2] ?? 0) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    prev2 = prev;
    prev = cur;
  }
  return prev[cols - 1] ?? max + 1;
}

function pairs(word: string): Set<string> {
  const out = new Set<string>();
  for (let i = 0; i + 1 < word.length; i++) out.add(word.slice(i, i + 2));
  return out;
}

export interface Correction<T> {
  word: string;
  value: T;
  distance: number;
}

/** Words of the content, each with a value (its term); `nearest` finds the closest one within maxEdits. */
export class SpellingIndex<T> {
  private readonly words: string[] = [];
  private readonly values: T[] = [];
  private readonly byPair = new Map<string, number[]>();
  private readonly seen = new Set<string>();

  add(word: string, value: T): void {
    if (this.seen.has(word) || maxEdits(word.length) === 0) return;
    this.seen.add(word);
    const id = this.words.length;
    this.words.push(word);
    this.values.push(value);
    for (const p of pairs(word)) {
      const list = this.byPair.get(p);
      if (list) list.push(id);
      else this.byPair.set(p, [id]);
    }
  }

  get size(): number {
    return this.words.length;
  }

  /**
   * The closest word within maxEdits(word.length), or undefined. Ties between words with different
   * values are ambiguous and give undefined: a guess between two meanings is worse than none.
   */
  nearest(word: string, sameValue: (a: T, b: T) => boolean = Object.is): Correction<T> | undefined {
    const max = maxEdits(word.length);
    if (max === 0) return undefined;
    const counts = new Map<number, number>();
    const own = pairs(word);
    for (const p of own) for (const id of this.byPair.get(p) ?? []) counts.set(id, (counts.get(id) ?? 0) + 1);
    // Each edit spoils at most three letter pairs of the word.
    const need = Math.max(1, own.size - 3 * max);
    let best: Correction<T> | undefined;
    let ambiguous = false;
    for (const [id, shared] of counts) {
      if (shared < need) continue;
      const candidate = this.words[id] ?? "";
      const d = editDistance(word, candidate, max);
      if (d > max) continue;
      const value = this.values[id] as T;
      if (!best || d < best.distance) {
        best = { word: candidate, value, distance: d };
        ambiguous = false;
      } else if (d === best.distance && !sameValue(best.value, value)) {
        ambiguous = true;
      }
    }
    return ambiguous ? undefined : best;
  }
}
