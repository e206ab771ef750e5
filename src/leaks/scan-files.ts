// Walks files and directories for Warden keys: skips dependency and VCS folders, binary and oversized files.
import { lstat, open, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { findInText, type Found } from './find.js';

export interface FileHit extends Found {
  readonly file: string;
}

export interface FileScanOptions {
  /** Files larger than this are skipped (generated bundles, data dumps). */
  readonly maxFileBytes: number;
}

const SKIP_DIRS = new Set(['node_modules', '.git', '.hg', '.svn']);
const SNIFF = 8192;

/** A NUL byte in the first 8 KiB marks a binary file (git's own heuristic). */
export function looksBinary(buf: Buffer): boolean {
  return buf.subarray(0, SNIFF).includes(0);
}

async function scanFile(file: string, size: number, o: FileScanOptions, skipped: string[]): Promise<FileHit[]> {
  if (size > o.maxFileBytes) {
    skipped.push(`${file}: larger than ${o.maxFileBytes} bytes`);
    return [];
  }
  const fh = await open(file, 'r');
  try {
    const buf = await fh.readFile();
    if (looksBinary(buf)) return [];
    return findInText(buf.toString('utf8')).map((f) => ({ ...f, file }));
  } finally {
    await fh.close();
  }
}

/** Scans each path (file or directory, recursively); symlinks are not followed, so a loop cannot hang the scan. */
export async function scanPaths(paths: readonly string[], o: FileScanOptions): Promise<{ hits: FileHit[]; skipped: string[] }> {
  const hits: FileHit[] = [];
  const skipped: string[] = [];
  const walk = async (p: string): Promise<void> => {
    const st = await lstat(p);
    if (st.isDirectory()) {
      const entries = await readdir(p, { withFileTypes: true });
      entries.sort((a, b) => a.name.localeCompare(b.name));
      for (const e of entries) {
        if (e.isDirectory() && SKIP_DIRS.has(e.name)) continue;
        if (e.isDirectory() || e.isFile()) await walk(join(p, e.name));
      }
    } else if (st.isFile()) {
      try {
        hits.push(...(await scanFile(p, st.size, o, skipped)));
      } catch (e) {
        skipped.push(`${p}: ${(e as Error).message}`);
      }
    }
  };
  for (const p of paths) await walk(p);
  return { hits, skipped };
}
