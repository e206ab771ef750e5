// RFC 9162 (Certificate Transparency v2) Merkle tree: hashing, inclusion and consistency
// proofs, and their verifiers. The leaf index is the event's sequence number in the log.
import { createHash, hash } from 'node:crypto';

const NODE_PREFIX = Buffer.from([0x01]);

export function sha256(...parts: readonly Uint8Array[]): Buffer {
  if (parts.length === 1) return hash('sha256', parts[0]!, 'buffer');
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
}

/** Domain-separated so a leaf can never be passed off as an interior node (second preimage). */
export function leafHash(data: Uint8Array): Buffer {
  const b = Buffer.allocUnsafe(data.length + 1);
  b[0] = 0x00;
  b.set(data, 1);
  return hash('sha256', b, 'buffer');
}

/**
 * leafHash of a stored event body (its UTF-8 bytes): the string is hashed as it is, and the digest
 * taken as a binary string (hash() building the Buffer itself costs about a microsecond more).
 */
export function leafHashOfText(body: string): Buffer {
  return Buffer.from(hash('sha256', '\0' + body, 'binary'), 'latin1');
}

/** Scratch for the common case: two 32-byte children (one-shot hash, no allocation but the digest). */
const pair = Buffer.alloc(65, 0x01);

export function nodeHash(left: Uint8Array, right: Uint8Array): Buffer {
  if (left.length !== 32 || right.length !== 32) return sha256(NODE_PREFIX, left, right);
  pair.set(left, 1);
  pair.set(right, 33);
  return hash('sha256', pair, 'buffer');
}

/** MTH({}) = SHA-256 of the empty string. */
export const EMPTY_ROOT: Buffer = sha256();

/** Largest power of two strictly smaller than n (n >= 2). */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/**
 * A tree over a fixed list of leaf hashes that answers roots and proofs for any prefix.
 * Perfect, aligned subtrees are cached per level, so each proof costs O(log² n) hashes.
 */
export class MerkleTree {
  private readonly levels: Buffer[][];

  constructor(leafHashes: readonly Buffer[]) {
    this.levels = [leafHashes.slice()];
    for (let prev = this.levels[0]!; prev.length > 1; ) {
      const next: Buffer[] = [];
      for (let i = 0; i + 1 < prev.length; i += 2) next.push(nodeHash(prev[i]!, prev[i + 1]!));
      this.levels.push(next);
      prev = next;
    }
  }

  get size(): number {
    return this.levels[0]!.length;
  }

  /** MTH(D[start:end]) */
  hash(start: number, end: number): Buffer {
    const n = end - start;
    if (n === 0) return EMPTY_ROOT;
    // A power-of-two range aligned to its size is a cached perfect subtree.
    if ((n & (n - 1)) === 0 && start % n === 0) {
      const level = Math.log2(n);
      const h = this.levels[level]?.[start / n];
      if (h) return h;
    }
    const k = splitPoint(n);
    return nodeHash(this.hash(start, start + k), this.hash(start + k, end));
  }

  root(size = this.size): Buffer {
    this.checkSize(size);
    return this.hash(0, size);
  }

  /** PATH(m, D[size]): sibling hashes from the leaf up. */
  inclusionProof(index: number, size = this.size): Buffer[] {
    this.checkSize(size);
    if (!(index >= 0 && index < size)) throw new RangeError(`leaf ${index} not in tree of size ${size}`);
    const out: Buffer[] = [];
    const path = (m: number, start: number, end: number): void => {
      const n = end - start;
      if (n <= 1) return;
      const k = splitPoint(n);
      if (m < k) {
        path(m, start, start + k);
        out.push(this.hash(start + k, end));
      } else {
        path(m - k, start + k, end);
        out.push(this.hash(start, start + k));
      }
    };
    path(index, 0, size);
    return out;
  }

  /** PROOF(m, D[n]) of RFC 9162 §2.1.4.1; empty when m is 0 or m == n. */
  consistencyProof(m: number, n = this.size): Buffer[] {
    this.checkSize(n);
    if (!(m >= 0 && m <= n)) throw new RangeError(`cannot prove ${m} consistent with ${n}`);
    if (m === 0 || m === n) return [];
    const out: Buffer[] = [];
    const sub = (m2: number, start: number, end: number, b: boolean): void => {
      const n2 = end - start;
      if (m2 === n2) {
        if (!b) out.push(this.hash(start, end));
        return;
      }
      const k = splitPoint(n2);
      if (m2 <= k) {
        sub(m2, start, start + k, b);
        out.push(this.hash(start + k, end));
      } else {
        sub(m2 - k, start + k, end, false);
        out.push(this.hash(start, start + k));
      }
    };
    sub(m, 0, n, true);
    return out;
  }

  private checkSize(size: number): void {
    if (!(Number.isInteger(size) && size >= 0 && size <= this.size)) throw new RangeError(`tree has ${this.size} leaves, asked for ${size}`);
  }
}
