// A small LRU of built-in check results: the checks are a pure function of their input, so an identical prompt
// (a fixed system prompt with a fixed question, a retried request, a canned reply) is judged once, not every time.
import type { CheckResult, CheckTarget } from './check.js';

export interface CheckCacheOptions {
  /** Results kept; 0 turns the cache off. */
  readonly entries: number;
  /** Inputs longer than this (characters, all texts and documents) are not cached: they are rarely repeated. */
  readonly maxChars: number;
}

export class CheckCache {
  // Map iteration order is insertion order: re-inserting on a hit makes the first key the least recently used.
  readonly #map = new Map<string, CheckResult>();
  constructor(readonly opts: CheckCacheOptions) {}

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
    const hit = this.#map.get(key);
    if (hit !== undefined) {
      this.#map.delete(key);
      this.#map.set(key, hit);
    }
    return hit;
  }

  set(key: string, r: CheckResult): void {
    if (this.#map.size >= this.opts.entries) {
      const oldest = this.#map.keys().next().value;
      if (oldest !== undefined) this.#map.delete(oldest);
    }
    this.#map.set(key, r);
  }

  get size(): number {
    return this.#map.size;
  }
}
