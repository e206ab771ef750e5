// Word-family matching shared by the request and output classifiers: per concept, how often one of its entries occurs
// in folded text, in one linear pass (a trie walked from each word start and each CJK character).
import { fold } from '../normalise/fold.js';

/** Most matches counted per concept: the feature says "none, one, a few", not how long the text is. */
export const MAX_COUNT = 3;

const CJK = /[\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff]/;
const LETTER = /\p{L}|\p{N}/u;

/** Per ASCII code unit: 1 for a word character ([a-zA-Z0-9]). */
const ASCII_WORD = Uint8Array.from({ length: 128 }, (_, c) => ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90) ? 1 : 0));

function isWordUnit(text: string, c: number, i: number): boolean {
  if (c < 128) return ASCII_WORD[c] === 1;
  // Kana and Han are letters: no regex for the commonest non-Latin text.
  if ((c >= 0x3040 && c <= 0x30ff) || (c >= 0x3400 && c <= 0x9fff)) return true;
  return LETTER.test(text[i]!);
}

function isWord(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  return isWordUnit(text, text.charCodeAt(i), i);
}

/**
 * A trie over code units: children in one open-addressed hash table keyed by (node, unit), and per node the entries
 * ending there (concept, whether it must end a word, whether it is a one-unit entry).
 */
class Trie {
  readonly from: Int32Array;
  readonly unit: Int32Array;
  readonly to: Int32Array;
  readonly mask: number;
  /** The root's children by ASCII code unit (-1: none), without hashing. */
  readonly root: Int32Array;
  /** Entries ending at node n: concepts[endStart[n] .. endStart[n + 1]), with their flags. */
  readonly endStart: Int32Array;
  readonly endConcept: Int32Array;
  readonly endFlags: Uint8Array;

  constructor(entries: readonly { text: string; concept: number; whole: boolean }[]) {
    const edges: [number, number, number][] = [];
    const child = new Map<string, number>();
    const ends: { concept: number; flags: number }[][] = [[]];
    for (const e of entries) {
      let n = 0;
      for (let i = 0; i < e.text.length; i++) {
        const k = `${n}:${e.text.charCodeAt(i)}`;
        let t = child.get(k);
        if (t === undefined) {
          t = ends.length;
          ends.push([]);
          child.set(k, t);
          edges.push([n, e.text.charCodeAt(i), t]);
        }
        n = t;
      }
      ends[n]!.push({ concept: e.concept, flags: (e.whole ? WHOLE : 0) | (e.text.length === 1 ? SINGLE : 0) });
    }
    let size = 16;
    while (size < edges.length * 2) size *= 2;
    this.mask = size - 1;
    this.from = new Int32Array(size).fill(-1);
    this.unit = new Int32Array(size);
    this.to = new Int32Array(size);
    this.root = new Int32Array(128).fill(-1);
    for (const [f, u, t] of edges) {
      let h = slot(f, u) & this.mask;
      while (this.from[h] !== -1) h = (h + 1) & this.mask;
      this.from[h] = f;
      this.unit[h] = u;
      this.to[h] = t;
      if (f === 0 && u < 128) this.root[u] = t;
    }
    this.endStart = new Int32Array(ends.length + 1);
    ends.forEach((l, i) => (this.endStart[i + 1] = this.endStart[i]! + l.length));
    this.endConcept = Int32Array.from(ends.flat(), (x) => x.concept);
    this.endFlags = Uint8Array.from(ends.flat(), (x) => x.flags);
  }

  /** The child of node `n` by code unit `u`, or -1. */
  next(n: number, u: number): number {
    if (n === 0 && u < 128) return this.root[u]!;
    const from = this.from;
    const mask = this.mask;
    for (let h = slot(n, u) & mask; ; h = (h + 1) & mask) {
      const f = from[h]!;
      if (f === -1) return -1;
      if (f === n && this.unit[h] === u) return this.to[h]!;
    }
  }
}

const WHOLE = 1;
const SINGLE = 2;

function slot(n: number, u: number): number {
  const h = Math.imul(n ^ Math.imul(u, 0x9e3779b1), 0x85ebca6b);
  return h ^ (h >>> 15);
}

/**
 * Counts the entries of `trie` that start at `at` (one per concept and position, capped at MAX_COUNT). `latin`: a
 * one-unit entry matches only before the end of the text or a NUL (the two-unit key its lookup was made with).
 */
function walk(trie: Trie, text: string, at: number, latin: boolean, out: Uint8Array, seen: Int32Array): void {
  const { endStart, endConcept, endFlags } = trie;
  let n = 0;
  for (let j = at; j < text.length; j++) {
    n = trie.next(n, text.charCodeAt(j));
    if (n < 0) return;
    for (let k = endStart[n]!; k < endStart[n + 1]!; k++) {
      const concept = endConcept[k]!;
      const flags = endFlags[k]!;
      if (seen[concept] === at || out[concept]! >= MAX_COUNT) continue;
      if (flags & WHOLE && isWord(text, j + 1)) continue;
      if (latin && flags & SINGLE && j + 1 < text.length && text.charCodeAt(j + 1) !== 0) continue;
      out[concept]!++;
      seen[concept] = at;
    }
  }
}

/**
 * A counter over `concepts` (name → lines of entries separated by '|'). Latin entries are word starts (a trailing
 * '$': whole words), CJK entries substrings; entries are folded like the checked text when the matcher is built.
 * The counts come back in the order of `Object.keys(concepts)`, capped at MAX_COUNT.
 */
export function conceptMatcher(concepts: Readonly<Record<string, readonly string[]>>): (text: string) => Uint8Array {
  const names = Object.keys(concepts);
  const latin: { text: string; concept: number; whole: boolean }[] = [];
  const wide: { text: string; concept: number; whole: boolean }[] = [];
  names.forEach((name, concept) => {
    for (const raw of new Set(concepts[name]!.flatMap((l) => l.split('|')))) {
      const whole = raw.endsWith('$');
      const text = fold(whole ? raw.slice(0, -1) : raw).text;
      if (text.length === 0) continue;
      // A CJK entry is looked up at CJK-range code units only (from U+3040): one starting lower is never met.
      if (CJK.test(text)) {
        if (text.charCodeAt(0) >= 0x3040) wide.push({ text, concept, whole: false });
      } else latin.push({ text, concept, whole });
    }
  });
  const latinTrie = new Trie(latin);
  const wideTrie = new Trie(wide);
  return (text) => {
    const out = new Uint8Array(names.length);
    const seen = new Int32Array(names.length).fill(-1);
    let prevWord = false;
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c >= 0x3040) walk(wideTrie, text, i, false, out, seen);
      const word = isWordUnit(text, c, i);
      if (word && !prevWord) walk(latinTrie, text, i, true, out, seen);
      prevWord = word;
    }
    return out;
  };
}
