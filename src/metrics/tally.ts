// Counts added on the request path as plain numbers by label set, handed to a prom-client counter
// when it is scraped: its inc() hashes and validates the label object on every call, a cost paid
// per request; here that is one string key and one Map entry, and prom-client's cost per scrape.
import type { Counter } from 'prom-client';

export class Tally<L extends string> {
  private readonly pending = new Map<string, { labels: Partial<Record<L, string>>; n: number }>();

  /** `key` must name the label set one to one (the label values joined with a separator they cannot hold). */
  add(key: string, labels: () => Partial<Record<L, string>>, n = 1): void {
    const e = this.pending.get(key);
    if (e) e.n += n;
    else this.pending.set(key, { labels: labels(), n });
  }

  /** Into `counter` (from its collect(), before a scrape reads it). */
  flush(counter: Counter<L>): void {
    for (const { labels, n } of this.pending.values()) counter.inc(labels, n);
    this.pending.clear();
  }
}
