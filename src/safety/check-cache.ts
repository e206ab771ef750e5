// A small LRU of built-in check results: the checks are a pure function of their input, so an identical prompt
// (a fixed system prompt with a fixed question, a retried request, a canned reply) is judged once, not every time.
import { Lru } from '../util/lru.js';
import type { CheckResult, CheckTarget } from './check.js';

export interface CheckCacheOptions {
  /** Results kept; 0 turns the cache off. */
  readonly entries: number;
  /** Inputs longer than this (characters, all texts and documents) are not cached: they are rarely repeated. */
  readonly maxChars: number;
}

export class CheckCache {
  // Recency without re-inserting into the Map on a hit (a full Map rehashes every few re-insertions).
  readonly #map: Lru<string, CheckResult>;
  constructor(readonly opts: CheckCacheOptions) {
    this.#map = new Lru(Math.max(0, opts.entries));
  }

  /**
   * The cache key, or undefined when the input is not cached. `scope` (the tenant) keeps one tenant's
   * prompts from being timed by another.
   */
  key(scope: string, target: CheckTarget, texts: readonly string[], documents: readonly string[]): string | undefined {
    if (this.opts.entries <= 0) return undefined;
    let chars = 0;
    for (const t of texts) chars += t.length;
    for (const d of documents) chars += d.length;
    if (chars > this.opts.maxChars) return undefined;
    // Unambiguous: length-prefixed scope and documents (each checked on its own); the texts are checked joined
    // with '\n', so their join is all of them that matters.
    let docs = '';
    for (const d of documents) docs += `${d.length}:${d}`;
    return `${scope.length}:${scope}|${target}|${documents.length}|${docs}${texts.join('\n')}`;
  }

  get(key: string): CheckResult | undefined {
    return this.#map.get(key);
  }

  /** Newest; beyond `entries` the least recently used goes. */
  set(key: string, r: CheckResult): void {
    this.#map.set(key, r);
  }

  get size(): number {
    return this.#map.size;
  }
}
