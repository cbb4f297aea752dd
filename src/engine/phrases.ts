// Multi-word names and concepts ("Jeenbek Kulubaev", "министр иностранных дел", "dışişleri bakanı")
// found in a sequence of tokens, longest first. Every token offers several keys (its spelling, its stem
// in each plausible language), so "Кулубаевым" finds "Кулубаев" and "Japonya'dan" finds "Japonya".

export interface PhraseTarget {
  /** The term the phrase becomes, e.g. "@kulubaev", "#meeting", "!putin". */
  term: string;
  kind: "entity" | "concept" | "out-of-scope";
  id: string;
  /** Set for names that are also ordinary words ("US" vs "us"): they must be typed in capitals. */
  needsCapitals?: string;
  /** Broader concepts the phrase also stands for ("foreign minister" → "#minister"). */
  broader?: readonly string[];
}

interface Node {
  /** Absent on the many leaves (most names are one word): a Map each costs start-up time. */
  next?: Map<string, Node>;
  target?: PhraseTarget;
}

/**
 * A trie as plain data: every key sequence that leads to a target, in the order the trie holds them
 * (re-adding them in this order gives the same trie), with its target's number in `targets`.
 */
export interface PhraseTrieData {
  targets: PhraseTarget[];
  paths: [string[], number][];
  singleWords: [string, number][];
}

export interface PhraseMatch {
  start: number;
  /** Exclusive. */
  end: number;
  target: PhraseTarget;
}

export class PhraseTrie {
  private readonly root: Node = { next: new Map() };
  /** Single-word names by spelling, for suffixed forms ("Жапаровдун", "Caparovun"). */
  private readonly singleWords = new Map<string, PhraseTarget>();

  static fromData(data: PhraseTrieData): PhraseTrie {
    const trie = new PhraseTrie();
    const target = (n: number) => {
      const found = data.targets[n];
      if (!found) throw new Error(`phrase target ${n} missing`);
      return found;
    };
    // Indexed loops: this runs once, cold, at start-up, where destructuring iterators is slow.
    const { paths, singleWords } = data;
    for (let i = 0; i < paths.length; i++) {
      const path = paths[i] as [string[], number];
      trie.add(path[0], target(path[1]));
    }
    for (let i = 0; i < singleWords.length; i++) {
      const entry = singleWords[i] as [string, number];
      trie.singleWords.set(entry[0], target(entry[1]));
    }
    return trie;
  }

  toData(): PhraseTrieData {
    const numbers = new Map<PhraseTarget, number>();
    const number = (target: PhraseTarget) => {
      let n = numbers.get(target);
      if (n === undefined) {
        n = numbers.size;
        numbers.set(target, n);
      }
      return n;
    };
    const paths: [string[], number][] = [];
    const walk = (node: Node, keys: string[]) => {
      if (node.target) paths.push([keys, number(node.target)]);
      if (node.next) for (const [key, child] of node.next) walk(child, [...keys, key]);
    };
    walk(this.root, []);
    const singleWords = [...this.singleWords].map(([spelling, t]): [string, number] => [spelling, number(t)]);
    return { targets: [...numbers.keys()], paths, singleWords };
  }

  /** Adds one key sequence; an existing target for the same sequence is kept (first writer wins). */
  add(keys: readonly string[], target: PhraseTarget): void {
    if (keys.length === 0) return;
    let node = this.root;
    for (const k of keys) {
      node.next ??= new Map();
      let child = node.next.get(k);
      if (!child) {
        child = {};
        node.next.set(k, child);
      }
      node = child;
    }
    node.target ??= target;
  }

  addSingleWord(spelling: string, target: PhraseTarget): void {
    if (!this.singleWords.has(spelling)) this.singleWords.set(spelling, target);
  }

  /**
   * Greedy left-to-right, longest match first. `keysOf(i)` gives token i's keys; `accept` may veto
   * a match (e.g. a capitals-only name typed in lower case).
   */
  findAll(
    count: number,
    keysOf: (i: number) => readonly string[],
    accept: (m: PhraseMatch) => boolean,
  ): PhraseMatch[] {
    const found: PhraseMatch[] = [];
    let i = 0;
    while (i < count) {
      const match = this.longestAt(i, count, keysOf, accept);
      if (match) {
        found.push(match);
        i = match.end;
      } else i += 1;
    }
    return found;
  }

  private longestAt(
    start: number,
    count: number,
    keysOf: (i: number) => readonly string[],
    accept: (m: PhraseMatch) => boolean,
  ): PhraseMatch | undefined {
    // Most tokens begin no name or concept: find that out without building a frontier.
    const firstKeys = keysOf(start);
    let begins = false;
    for (const key of firstKeys)
      if (this.root.next?.has(key)) {
        begins = true;
        break;
      }
    if (!begins) return undefined;
    let best: PhraseMatch | undefined;
    // Breadth over the token's alternative keys; paths are few because names are short.
    let frontier: Node[] = [this.root];
    for (let i = start; i < count && frontier.length > 0; i++) {
      const nextFrontier: Node[] = [];
      for (const node of frontier) {
        for (const key of keysOf(i)) {
          const child = node.next?.get(key);
          if (!child || nextFrontier.includes(child)) continue;
          nextFrontier.push(child);
          if (child.target) {
            const m = { start, end: i + 1, target: child.target };
            if ((!best || m.end > best.end) && accept(m)) best = m;
          }
        }
      }
      frontier = nextFrontier;
    }
    return best;
  }

  /** A single-word name the spelling starts with, followed by at most `maxSuffix` letters of grammar. */
  prefixName(spelling: string, minLength: number, maxSuffix: number): PhraseTarget | undefined {
    for (let len = spelling.length - 1; len >= minLength && spelling.length - len <= maxSuffix; len--) {
      const target = this.singleWords.get(spelling.slice(0, len));
      if (target) return target;
    }
    return undefined;
  }
}
