// Leaves of the rows this process committed, by seq, until the sealer takes them. The sealer
// seals a row it finds here from the bytes the writer built (never stored-then-read-back bytes),
// so it neither re-reads nor re-parses it: the body is our canonical output and the indexed
// columns were taken from the same event. If the stored row is changed before or after sealing,
// its seal no longer matches and verify names it. Rows it does not find here (written by another
// process, or more than it remembers) it reads from the store and checks fully.
import { leafHashOfText } from './merkle.js';

/** Bounds memory when nothing seals for a while; older rows are simply read back and checked. */
const LIMIT = 10_000;

/** One per store (a seq means a row of that store's log only). */
export class WrittenRows {
  private readonly leaves = new Map<number, Buffer>();
  private on = false;

  /** Only a process that seals remembers rows (a CLI or a read-only open would only fill memory). */
  enable(): void {
    this.on = true;
  }

  /** Call only once the row's transaction has committed (a rolled-back seq may be reused). */
  note(seq: number, body: string): void {
    if (!this.on) return;
    if (this.leaves.size >= LIMIT) this.leaves.delete(this.leaves.keys().next().value!);
    this.leaves.set(seq, leafHashOfText(body));
  }

  /** The leaf of row `seq` if this process wrote it (and forgets it). */
  take(seq: number): Buffer | undefined {
    const leaf = this.leaves.get(seq);
    if (leaf !== undefined) this.leaves.delete(seq);
    return leaf;
  }

  /** The lowest remembered seq above `seq` (forgetting any at or below it), if any. */
  nextAfter(seq: number): number | undefined {
    // Noted in commit order, so ascending: the first key left is the lowest.
    for (const s of this.leaves.keys()) {
      if (s > seq) return s;
      this.leaves.delete(s);
    }
    return undefined;
  }
}
