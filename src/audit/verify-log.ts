// Recomputes the whole log and checks every seal and signed checkpoint. Streams rows, so
// memory stays O(log n). Stops at the first problem and names the leaf index.
import type { KeyObject } from 'node:crypto';
import { keyIdOf, verifyCheckpoint, type SignedCheckpoint } from './checkpoint.js';
import { Frontier } from './frontier.js';
import type { AuditRow } from './log-port.js';
import { leafHashOfText } from './merkle.js';
import { rowProblem } from './row-check.js';
import { sealMatches } from './seal.js';

/**
 * Milliseconds of checking between yields to the event loop. By time, not by rows: a row costs ~50 µs on an
 * idle core and several times that on a busy one.
 */
const SLICE_MS = 4;

/** 'key-mismatch' is not tampering: the log was signed or sealed with other keys than the verifier holds. */
export type Tamper = 'edited' | 'removed' | 'inserted-or-moved' | 'truncated' | 'checkpoint' | 'unsealed' | 'key-mismatch';

const MISMATCH = 'signed by another key / configuration mismatch (not evidence of tampering)';

/** A report for a log that cannot be checked with this configuration's keys. */
export function keyMismatch(detail: string): VerifyReport {
  return { ok: false, size: 0, root: '', checkpointsChecked: 0, signedSize: 0, unsealedTail: 0, tamper: 'key-mismatch', problem: `${MISMATCH}: ${detail}` };
}

export interface VerifyReport {
  ok: boolean;
  /** Leaves checked. */
  size: number;
  root: string;
  checkpointsChecked: number;
  /** Largest signed tree size that verified. */
  signedSize: number;
  /** Rows after the last checkpoint: not yet sealed, covered at the next checkpoint. */
  unsealedTail: number;
  firstBadIndex?: number;
  tamper?: Tamper;
  problem?: string;
}

export interface VerifyInput {
  rows: AsyncIterable<AuditRow>;
  checkpoints: readonly SignedCheckpoint[];
  /** A checkpoint kept outside the store (dataDir), which catches a truncated store. */
  pinned?: SignedCheckpoint | undefined;
  publicKey: KeyObject;
  sealKey: Buffer;
}

export async function verifyLog(input: VerifyInput): Promise<VerifyReport> {
  const f = new Frontier();
  const r: VerifyReport = { ok: true, size: 0, root: '', checkpointsChecked: 0, signedSize: 0, unsealedTail: 0 };
  const fail = (index: number | undefined, tamper: Tamper, problem: string): VerifyReport => {
    Object.assign(r, { ok: false, tamper, problem, root: f.root().toString('hex') }, index === undefined ? {} : { firstBadIndex: index });
    return r;
  };
  const cps = mergeCheckpoints(input.checkpoints, input.pinned);
  const keyId = keyIdOf(input.publicKey);
  for (const c of cps) {
    if (c.keyId !== keyId) return fail(undefined, 'key-mismatch', `${MISMATCH}: checkpoint at size ${c.treeSize} is signed by key ${c.keyId}; this configuration's audit signing key is ${keyId}`);
    const v = verifyCheckpoint(c, input.publicKey);
    if (!v.ok) return fail(undefined, 'checkpoint', `checkpoint at size ${c.treeSize}: ${v.reason}`);
  }
  const sealedUpTo = cps.at(-1)?.treeSize ?? 0;
  let next = 0;
  const check = (): VerifyReport | undefined => {
    while (cps[next] && cps[next]!.treeSize === f.size) {
      const c = cps[next++]!;
      if (f.root().toString('hex') !== c.root) return fail(Math.max(0, c.treeSize - 1), 'checkpoint', `root at size ${c.treeSize} differs from the signed checkpoint`);
      r.checkpointsChecked++;
      r.signedSize = c.treeSize;
    }
    return undefined;
  };
  if (check()) return r;
  let sliceStart = performance.now();
  for await (const row of input.rows) {
    const index = f.size;
    // Hashing and seal checks of a large log take hundreds of milliseconds: yield to the event loop between
    // slices so requests in flight keep moving (the result is the same; only its timing changes).
    if (index % 16 === 0 && performance.now() - sliceStart >= SLICE_MS) {
      await new Promise<void>((resolve) => setImmediate(resolve));
      sliceStart = performance.now();
    }
    if (row.seq !== index + 1) {
      return row.seq > index + 1 ? fail(index, 'removed', `event ${index} is missing (next stored row is seq ${row.seq})`) : fail(index, 'inserted-or-moved', `row seq ${row.seq} out of order`);
    }
    const leaf = leafHashOfText(row.body);
    const bad = rowProblem(row);
    if (bad) return fail(index, 'edited', `event ${index}: ${bad}`);
    if (row.seal) {
      if (!sealMatches(input.sealKey, index, leaf, row.seal)) return fail(index, 'inserted-or-moved', `event ${index} does not match its seal (edited, inserted or moved)`);
    } else if (index < sealedUpTo) {
      return fail(index, 'unsealed', `event ${index} is covered by a checkpoint but its seal is gone`);
    } else {
      r.unsealedTail++;
    }
    f.append(leaf);
    if (check()) return r;
  }
  r.size = f.size;
  r.root = f.root().toString('hex');
  if (next < cps.length) {
    return fail(f.size, 'truncated', `log has ${f.size} events but a signed checkpoint covers ${cps.at(-1)!.treeSize}`);
  }
  return r;
}

/** Store checkpoints plus the pinned one, by size; two different roots for one size is itself tampering. */
function mergeCheckpoints(list: readonly SignedCheckpoint[], pinned: SignedCheckpoint | undefined): SignedCheckpoint[] {
  const all = [...list].sort((a, b) => a.treeSize - b.treeSize);
  if (pinned && !all.some((c) => c.treeSize === pinned.treeSize && c.root === pinned.root)) {
    all.push(pinned);
    all.sort((a, b) => a.treeSize - b.treeSize);
  }
  return all;
}
