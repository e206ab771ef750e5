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

/** The inputs of the last key built for one target, and that key. */
interface Recent {
  readonly scope: string;
  readonly texts: readonly string[];
  readonly documents: readonly string[];
  readonly key: string;
}

function same(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export class CheckCache {
  // Recency without re-inserting into the Map on a hit (a full Map rehashes every few re-insertions).
  readonly #map: Lru<string, CheckResult>;
  /**
   * Per target, the last input and its key: a repeated input (the same prompt, the same answer) is compared text by
   * text instead of joined into a fresh key string that the Map must hash again. The key it holds is the one
   * key() builds for these inputs, so looking it up gives what a freshly built key would (recency included).
   */
  readonly #recent: Partial<Record<CheckTarget, Recent>> = {};
  constructor(readonly opts: CheckCacheOptions) {
    this.#map = new Lru(Math.max(0, opts.entries));
  }

  /**
   * The cached result for these inputs; on a miss, the key to set() the result under; undefined when
   * the input is not cached at all.
   */
  lookup(scope: string, target: CheckTarget, texts: readonly string[], documents: readonly string[]): CheckResult | string | undefined {
    const r = this.#recent[target];
    if (r !== undefined && r.scope === scope && same(r.texts, texts) && same(r.documents, documents)) {
      const hit = this.#map.get(r.key);
      if (hit !== undefined) return hit;
    }
    const key = this.key(scope, target, texts, documents);
    if (key === undefined) return undefined;
    this.#recent[target] = { scope, texts: texts.slice(), documents: documents.slice(), key };
    return this.#map.get(key) ?? key;
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
