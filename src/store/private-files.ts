// Owner-only permissions (0700 dirs, 0600 files) for the data directory and the SQLite files: they hold the
// audit log, the key hashes' pepper and the audit keys, which no other local user may read.
import { chmodSync, closeSync, lstatSync, mkdirSync, openSync, readdirSync, type Stats } from 'node:fs';
import { join, relative } from 'node:path';
import type { Logger } from '../log.js';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** POSIX permission bits only; Windows has no group/other bits to tighten. */
const posix = process.platform !== 'win32';

/**
 * Drops group and other access (the owner's own bits stay as they are); true if it changed anything.
 * Symlinks are left alone: their target may be shared and is not ours to change.
 */
function tighten(path: string, st: Stats): boolean {
  if (!posix || st.isSymbolicLink() || (st.mode & 0o077) === 0) return false;
  chmodSync(path, st.mode & 0o700);
  return true;
}

export interface Tightened {
  /** Paths (relative to the data dir) that were looser than owner-only and were tightened. */
  readonly changed: string[];
  /** Paths that could not be tightened (e.g. owned by another user), with why. */
  readonly failed: { path: string; error: string }[];
}

/**
 * Creates the data directory 0700 if absent; then tightens it and everything under it (files written by older
 * versions, or by hand, with the umask's 0644/0755). Depth-bounded: the data dir holds a few files.
 */
export function preparePrivateDir(dir: string, maxDepth = 4): Tightened {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
  const out: Tightened = { changed: [], failed: [] };
  const visit = (path: string, depth: number): void => {
    let st: Stats;
    try {
      st = lstatSync(path);
      if (tighten(path, st)) out.changed.push(relative(dir, path) || '.');
    } catch (e) {
      out.failed.push({ path: relative(dir, path) || '.', error: (e as Error).message });
      return;
    }
    if (!st.isDirectory() || depth >= maxDepth) return;
    let names: string[];
    try {
      names = readdirSync(path);
    } catch (e) {
      out.failed.push({ path: relative(dir, path) || '.', error: (e as Error).message });
      return;
    }
    for (const n of names) visit(join(path, n), depth + 1);
  };
  visit(dir, 0);
  return out;
}

/**
 * Makes sure a SQLite database file exists with mode 0600 before SQLite opens it: SQLite creates its -wal and
 * -shm files with the database file's permissions, so they follow. An existing file (and its -wal/-shm) that
 * is looser is tightened.
 */
export function preparePrivateDbFile(path: string): void {
  for (const p of [path, `${path}-wal`, `${path}-shm`, `${path}-journal`]) {
    try {
      tighten(p, lstatSync(p));
    } catch {
      // Absent (or unreadable: SQLite's own open reports that clearly).
    }
  }
  try {
    closeSync(openSync(path, 'a', PRIVATE_FILE_MODE));
  } catch {
    // A read-only location: SQLite's open reports it.
  }
}

/** One log line for the whole start-up sweep (nothing when everything was already owner-only). */
export function reportTightened(t: Tightened, log: Pick<Logger, 'warn'>): void {
  if (t.changed.length > 0) log.warn('data dir: permissions were looser than owner-only; tightened to 0700/0600', { paths: t.changed.slice(0, 20), count: t.changed.length });
  if (t.failed.length > 0) log.warn('data dir: could not tighten permissions (check the owner)', { failed: t.failed.slice(0, 20), count: t.failed.length });
}
