// The latest signed checkpoint, also kept as a file under dataDir: outside the store, so a
// store rolled back or truncated is caught. Written atomically (temp file, fsync, rename), on
// libuv's threads: the fsync no longer stalls every request in flight each time the sealer runs.
import { readFileSync } from 'node:fs';
import { open, rename } from 'node:fs/promises';
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

/** The caller runs one write at a time (the sealer's runs are serial): they share the temp file. */
export async function writePinned(path: string, cp: SignedCheckpoint): Promise<void> {
  const tmp = `${path}.tmp`;
  const fh = await open(tmp, 'w', 0o600);
  try {
    await fh.writeFile(JSON.stringify(cp) + '\n');
    await fh.sync();
  } finally {
    await fh.close();
  }
  await rename(tmp, path);
}
