// The right edge of a growing Merkle tree (its perfect subtree roots): enough to append a leaf
// and compute the root in O(log n) memory, so verify can stream a log of any length.
import { EMPTY_ROOT, nodeHash } from './merkle.js';

export class Frontier {
  private nodes: Buffer[] = [];
  private count = 0;

  /** Rebuild from a saved edge; `size`'s set bits give the subtree heights, largest first. */
  static from(size: number, nodes: readonly Buffer[]): Frontier {
    if (popcount(size) !== nodes.length) throw new RangeError(`frontier of size ${size} needs ${popcount(size)} nodes, got ${nodes.length}`);
    const f = new Frontier();
    f.nodes = nodes.map((n) => Buffer.from(n));
    f.count = size;
    return f;
  }

  get size(): number {
    return this.count;
  }

  /** The saved form: perfect subtree roots, left to right. */
  edge(): Buffer[] {
    return this.nodes.slice();
  }

  append(leaf: Buffer): void {
    this.nodes.push(leaf);
    // Each trailing 1-bit of the old size is a completed subtree that now merges.
    for (let s = this.count; s % 2 === 1; s = (s - 1) / 2) {
      const right = this.nodes.pop()!;
      const left = this.nodes.pop()!;
      this.nodes.push(nodeHash(left, right));
    }
    this.count++;
  }

  root(): Buffer {
    if (this.nodes.length === 0) return EMPTY_ROOT;
    let r = this.nodes[this.nodes.length - 1]!;
    for (let i = this.nodes.length - 2; i >= 0; i--) r = nodeHash(this.nodes[i]!, r);
    return r;
  }

  clone(): Frontier {
    return Frontier.from(this.count, this.nodes);
  }
}

function popcount(n: number): number {
  let c = 0;
  for (let x = n; x > 0; x = Math.floor(x / 2)) c += x % 2;
  return c;
}
