// Binary cache of the parsed IP tables, so a restart does not re-parse 100 MB of CSV.
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import type { IpDb } from './db.js';
import { OrgNames } from './org-names.js';
import { V4Table, V6Table } from './range-table.js';

const MAGIC = 0x57444e32; // "WDN2"

/** How many arrays a file holds: V4 tables two each (starts, values), V6 four (block starts and values, fine starts and values), orgs three. */
const ARRAYS = 2 + 4 + 2 + 4 + 3;
const HEADER_BYTES = 4 * (1 + ARRAYS);
const pad4 = (n: number): number => (n + 3) & ~3;

export type Arr = Uint32Array | Uint16Array | Uint8Array;

/** The arrays a cache file holds, in file order. */
export function cacheArrays(db: IpDb): Arr[] {
  const v6 = (t: V6Table): Arr[] => [t.blockStarts, t.blockValues, t.fineStarts, t.fineValues];
  return [db.asnV4.starts, db.asnV4.values, ...v6(db.asnV6), db.countryV4.starts, db.countryV4.values, ...v6(db.countryV6), db.orgs.asns, db.orgs.offsets, db.orgs.utf8];
}

/**
 * Layout: magic, each array's length in elements (u32), then the arrays in cacheArrays order, each padded
 * to 4 bytes so every one is a typed-array view of the file's single ArrayBuffer when read back.
 * Returns whether the file was written (false: e.g. a read-only tmpdir).
 */
export function writeCache(file: string, db: IpDb): boolean {
  const arrays = cacheArrays(db);
  const header = new Uint32Array(1 + arrays.length);
  header[0] = MAGIC;
  arrays.forEach((a, i) => (header[1 + i] = a.length));
  const parts: Buffer[] = [Buffer.from(header.buffer)];
  for (const a of arrays) {
    parts.push(Buffer.from(a.buffer, a.byteOffset, a.byteLength));
    if (pad4(a.byteLength) > a.byteLength) parts.push(Buffer.alloc(pad4(a.byteLength) - a.byteLength));
  }
  try {
    const tmp = `${file}.${randomUUID()}.tmp`;
    writeFileSync(tmp, Buffer.concat(parts), { mode: 0o644 });
    renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
    return true;
  } catch {
    // A read-only tmpdir only costs the next start a re-parse.
    return false;
  }
}

/**
 * The cache lives in the shared tmpdir: a file another local user created (or may rewrite) could steer the
 * network classification risk scoring relies on, so only our own file, writable by nobody else, is read.
 */
function trusted(st: Stats): boolean {
  if (process.platform === 'win32' || typeof process.getuid !== 'function') return true;
  return st.uid === process.getuid() && (st.mode & 0o022) === 0;
}

/** The whole file in one ArrayBuffer (aligned, so typed-array views are legal), read without a Buffer in between. */
function readWhole(file: string): ArrayBuffer | undefined {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return undefined;
  }
  try {
    const st = fstatSync(fd);
    if (!trusted(st)) return undefined;
    const ab = new ArrayBuffer(st.size);
    const into = new Uint8Array(ab);
    let got = 0;
    while (got < into.length) {
      const n = readSync(fd, into, got, into.length - got, got);
      if (n === 0) return undefined; // shrank while we read: not the file we measured
      got += n;
    }
    return ab;
  } catch {
    return undefined;
  } finally {
    closeSync(fd);
  }
}

/** Keys of `width` words strictly ascending (what the binary searches rely on). */
function ascending(keys: Uint32Array, width: number): boolean {
  for (let i = width; i < keys.length; i += width) {
    let k = 0;
    while (k < width && keys[i + k] === keys[i - width + k]) k++;
    if (k === width || keys[i + k]! < keys[i - width + k]!) return false;
  }
  return true;
}

/** Reads the arrays in file order, each as the view its table needs; throws past the end. */
function arrayReader(ab: ArrayBuffer, lengths: Uint32Array) {
  let off = HEADER_BYTES;
  let i = 0;
  const next = <T extends Arr>(make: new (b: ArrayBuffer, at: number, n: number) => T, size: number): T => {
    const n = lengths[i++]!;
    if (i > ARRAYS || off + n * size > ab.byteLength) throw new RangeError('IP cache: past the end');
    const a = new make(ab, off, n);
    off += pad4(n * size);
    return a;
  };
  return {
    u32: () => next(Uint32Array, 4),
    u16: () => next(Uint16Array, 2),
    u8: () => next(Uint8Array, 1),
    /** Whether every array was read and nothing follows. */
    done: () => i === ARRAYS && off === ab.byteLength,
  };
}

/** The tables of a file that is whole and consistent (lengths, order, name offsets), else undefined. */
export function readCache(file: string): IpDb | undefined {
  const ab = readWhole(file);
  if (!ab || ab.byteLength < HEADER_BYTES) return undefined;
  const header = new Uint32Array(ab, 0, 1 + ARRAYS);
  if (header[0] !== MAGIC) return undefined;
  let db: IpDb;
  const r = arrayReader(ab, header.subarray(1));
  try {
    const asnV4 = new V4Table(r.u32(), r.u32());
    const asnV6 = new V6Table(r.u32(), r.u32(), r.u32(), r.u32());
    const countryV4 = new V4Table(r.u32(), r.u16());
    const countryV6 = new V6Table(r.u32(), r.u16(), r.u32(), r.u16());
    const orgs = new OrgNames(r.u32(), r.u32(), r.u8());
    db = { asnV4, asnV6, countryV4, countryV6, orgs, bytes: ab.byteLength };
  } catch {
    return undefined;
  }
  return r.done() && consistent(db) ? db : undefined;
}

/** Lengths that match and keys in the order the binary searches rely on. */
function consistent(db: IpDb): boolean {
  const v4 = (t: V4Table) => t.starts.length === t.values.length && ascending(t.starts, 1);
  const v6 = (t: V6Table) => t.blockStarts.length === 2 * t.blockValues.length && t.fineStarts.length === 4 * t.fineValues.length && ascending(t.blockStarts, 2) && ascending(t.fineStarts, 4);
  const { asns, offsets, utf8 } = db.orgs;
  const orgs = offsets.length === asns.length + 1 && offsets[0] === 0 && offsets[asns.length] === utf8.length && ascending(asns, 1) && offsets.every((x, i) => i === 0 || x >= offsets[i - 1]!);
  return v4(db.asnV4) && v4(db.countryV4) && v6(db.asnV6) && v6(db.countryV6) && orgs;
}
