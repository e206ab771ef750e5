// The latest signed checkpoint, also kept as a file under dataDir: outside the store, so a
// store rolled back or truncated is caught. Written atomically (temp file, fsync, rename).
import { closeSync, fsyncSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import type { SignedCheckpoint } from './checkpoint.js';

export type PinnedRead = { ok: true; cp: SignedCheckpoint | undefined } | { ok: false; problem: string };

export function readPinned(path: string): PinnedRead {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { ok: true, cp: undefined };
    throw e;
  }
  try {
    const o = JSON.parse(text) as SignedCheckpoint;
    if (typeof o.treeSize !== 'number' || typeof o.root !== 'string' || typeof o.signature !== 'string') throw new Error('missing fields');
    return { ok: true, cp: { treeSize: o.treeSize, root: o.root, time: o.time, keyId: o.keyId, signature: o.signature } };
  } catch (e) {
    return { ok: false, problem: `pinned checkpoint ${path} is unreadable (torn write?): ${(e as Error).message}` };
  }
}

export function writePinned(path: string, cp: SignedCheckpoint): void {
  const tmp = `${path}.tmp`;
  const fd = openSync(tmp, 'w', 0o600);
  try {
    writeSync(fd, JSON.stringify(cp) + '\n');
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, path);
}
