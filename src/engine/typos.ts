// Typo tolerance: an unknown word is replaced by the nearest word the content uses, if one is close
// enough. Candidates come from a letter-pair index so only a handful of words get the exact distance
// check, which keeps a question well under a millisecond.

/** Shortest word corrected ("raod" → "road", "mony" → "money"; "giv" is left alone). */
export const MIN_CORRECTED = 4;

/** Edits allowed for a word of this length: none for short words (too many false friends), 1, then 2. */
export function maxEdits(length: number): number {
  if (length < MIN_CORRECTED) return 0;
  return length < 9 ? 1 : 2;
}

// Rows reused across calls: the distance is computed thousands of times while indexing and asking.
let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);

/** Optimal-string-alignment distance (a swap of two neighbours counts as one edit), or max+1 if larger. */
export function editDistance(a: string, b: string, max: number): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const cols = b.length + 1;
  if (rowA.length < cols) {
    rowA = new Int32Array(cols * 2);
    rowB = new Int32Array(cols * 2);
    rowC = new Int32Array(cols * 2);
  }
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j < cols; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = i;
    const ai = a.charCodeAt(i - 1);
    for (let j = 1; j < cols; j++) {
      const bj = b.charCodeAt(j - 1);
      let v = Math.min(
        (prev[j] as number) + 1,
        (cur[j - 1] as number) + 1,
        (prev[j - 1] as number) + (ai === bj ? 0 : 1),
      );
      if (i > 1 && j > 1 && ai === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === bj)
        v = Math.min(v, (prev2[j - 2] as number) + 1);
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const spare = prev2;
    prev2 = prev;
    prev = cur;
    cur = spare;
  }
  return prev[cols - 1] as number;
}

/** The word's distinct letter pairs, as numbers (two UTF-16 code units). */
function pairs(word: string): Set<number> {
  const out = new Set<number>();
  for (let i = 0; i + 1 < word.length; i++) out.add(word.charCodeAt(i) * 65536 + word.charCodeAt(i + 1));
  return out;
}

/** A pair's key among words of one length: lengths stay far below 2^20, pairs below 2^32. */
function pairKey(length: number, pair: number): number {
  return length * 4294967296 + pair;
}

/** A spelling index as plain data: the words in the order they were added, their values and use counts. */
export interface SpellingData<T> {
  words: string[];
  values: T[];
  counts: number[];
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
  private readonly counts: number[] = [];
  /**
   * Letter pair → ids of the words with it, per word length: a question only looks at similar lengths.
   * Worked out when first needed (most questions have no typo), again after new words.
   */
  private byPair: Map<number, number[]> | undefined;
  private readonly ids = new Map<string, number>();
  private shared = new Int32Array(256);
  /** Corrections already worked out; questions repeat their words. */
  private readonly memo = new Map<string, Correction<T> | null>();

  /** The index of `data`: the letter-pair lists are derived again, in the order the words were added. */
  static fromData<T>(data: SpellingData<T>): SpellingIndex<T> {
    const index = new SpellingIndex<T>();
    data.words.forEach((word, id) => {
      index.ids.set(word, id);
      index.words.push(word);
      index.values.push(data.values[id] as T);
      index.counts.push(data.counts[id] ?? 1);
    });
    return index;
  }

  toData(): SpellingData<T> {
    return { words: [...this.words], values: [...this.values], counts: [...this.counts] };
  }

  /** Adds a word (again): how often the content uses it breaks ties between equally near words. */
  add(word: string, value: T): void {
    if (maxEdits(word.length) === 0) return;
    if (this.memo.size > 0) this.memo.clear();
    const known = this.ids.get(word);
    if (known !== undefined) {
      this.counts[known] = (this.counts[known] ?? 0) + 1;
      return;
    }
    this.ids.set(word, this.words.length);
    this.words.push(word);
    this.values.push(value);
    this.counts.push(1);
    this.byPair = undefined;
  }

  private pairIndex(): Map<number, number[]> {
    if (this.byPair) return this.byPair;
    const byPair = new Map<number, number[]>();
    this.words.forEach((word, id) => {
      for (const p of pairs(word)) {
        const key = pairKey(word.length, p);
        const list = byPair.get(key);
        if (list) list.push(id);
        else byPair.set(key, [id]);
      }
    });
    this.byPair = byPair;
    return byPair;
  }

  get size(): number {
    return this.words.length;
  }

  /**
   * The closest word within maxEdits(word.length), or undefined. Between equally near words the one the
   * content uses more often wins; a tie in that too, between different values, gives undefined: a guess
   * between two meanings is worse than none.
   */
  nearest(word: string, sameValue: (a: T, b: T) => boolean = Object.is): Correction<T> | undefined {
    const remembered = this.memo.get(word);
    if (remembered !== undefined) return remembered ?? undefined;
    const found = this.search(word, maxEdits(word.length), sameValue) ?? this.secondEdit(word, sameValue);
    if (this.memo.size > 20_000) this.memo.clear();
    this.memo.set(word, found ?? null);
    return found;
  }

  /**
   * A second edit for words of seven or eight letters ("artical" → "article"), only into a word that
   * begins with the same three letters: people rarely mistype the start of a word.
   */
  private secondEdit(word: string, sameValue: (a: T, b: T) => boolean): Correction<T> | undefined {
    if (word.length < 7 || maxEdits(word.length) !== 1) return undefined;
    const found = this.search(word, 2, sameValue);
    return found && found.distance === 2 && found.word.slice(0, 3) === word.slice(0, 3) ? found : undefined;
  }

  private search(word: string, max: number, sameValue: (a: T, b: T) => boolean): Correction<T> | undefined {
    if (max === 0) return undefined;
    if (this.shared.length < this.words.length) this.shared = new Int32Array(this.words.length * 2);
    const shared = this.shared;
    const touched: number[] = [];
    const own = pairs(word);
    const byPair = this.pairIndex();
    for (let len = word.length - max; len <= word.length + max; len++)
      for (const p of own)
        for (const id of byPair.get(pairKey(len, p)) ?? []) {
          if (shared[id] === 0) touched.push(id);
          shared[id] = (shared[id] as number) + 1;
        }
    // Each edit spoils at most three letter pairs of the word.
    const need = Math.max(1, own.size - 3 * max);
    // …but swapping two letters of a short word can spoil all of them ("raod" shares no pair with
    // "road"): the swapped spellings are looked up directly.
    for (let i = 0; i + 1 < word.length; i++) {
      const id = this.ids.get(word.slice(0, i) + word[i + 1] + word[i] + word.slice(i + 2));
      if (id === undefined) continue;
      if (shared[id] === 0) touched.push(id);
      shared[id] = Math.max(shared[id] as number, need);
    }
    let best: Correction<T> | undefined;
    let bestCount = 0;
    let bestSlip = 0;
    let ambiguous = false;
    for (const id of touched) {
      const enough = (shared[id] as number) >= need;
      shared[id] = 0;
      if (!enough) continue;
      const candidate = this.words[id] ?? "";
      const d = editDistance(word, candidate, max);
      if (d > max) continue;
      const value = this.values[id] as T;
      const used = this.counts[id] ?? 1;
      // Between equally near words, one the typed word is missing letters of ("achive": "achieve", not
      // "active"): a dropped letter is the commonest slip on a phone.
      // (Not in words of four letters, where a dropped letter is as often another word: "meat", "meant".)
      // One letter, that is: two are as often a longer word ("special", "specialty").
      const drop =
        d === 1 && word.length >= 5 && candidate.length > word.length && isSubsequence(word, candidate);
      // …and after it, two letters typed the wrong way round ("asain": "asian", not "asein").
      const slip = drop ? 2 : d === 1 && isAdjacentSwap(word, candidate) ? 1 : 0;
      const better =
        !best ||
        d < best.distance ||
        (d === best.distance && slip > bestSlip) ||
        (d === best.distance && slip === bestSlip && used > bestCount);
      const tie = best !== undefined && d === best.distance && slip === bestSlip && used === bestCount;
      if (better) {
        ambiguous = tie && best !== undefined && !sameValue(best.value, value);
        best = { word: candidate, value, distance: d };
        bestCount = used;
        bestSlip = slip;
      } else if (tie && best !== undefined && !sameValue(best.value, value)) {
        ambiguous = true;
      }
    }
    return ambiguous ? undefined : best;
  }
}

/** Is `b` the word `a` with two neighbouring letters swapped ("thnaks", "thanks")? */
export function isAdjacentSwap(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let i = 0;
  while (i < a.length && a[i] === b[i]) i++;
  return i + 1 < a.length && a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
}

/** Are `short`'s letters all in `long`, in order? */
function isSubsequence(short: string, long: string): boolean {
  let j = 0;
  for (let i = 0; i < long.length && j < short.length; i++) if (long[i] === short[j]) j++;
  return j === short.length;
}

/** The word with each one of its letters left out in turn. */
export function deletions(word: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < word.length; i++) out.push(word.slice(0, i) + word.slice(i + 1));
  return out;
}

/**
 * Words within one edit (symmetric deletion: two words are one insertion, deletion, substitution or
 * neighbour swap apart when they share a one-deletion variant); constant time per look-up.
 */
export class OneEditSet {
  private readonly words = new Set<string>();
  private readonly variants = new Map<string, string>();

  constructor(words: Iterable<string>) {
    for (const w of words) {
      this.words.add(w);
      for (const d of deletions(w)) if (!this.variants.has(d)) this.variants.set(d, w);
    }
  }

  /** The word of the set within one edit of `word`, if any. */
  find(word: string): string | undefined {
    if (this.words.has(word)) return word;
    const shorter = this.variants.get(word);
    if (shorter !== undefined) return shorter;
    for (const d of deletions(word)) {
      if (this.words.has(d)) return d;
      const v = this.variants.get(d);
      if (v !== undefined) return v;
    }
    return undefined;
  }
}
