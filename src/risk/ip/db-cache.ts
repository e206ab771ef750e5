// Binary cache of the parsed IP tables, so a restart does not re-parse 100 MB of CSV.
import { randomUUID } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync, renameSync, writeFileSync, type Stats } from 'node:fs';
import type { IpDb } from './db.js';
import { V4Table, V6Table } from './range-table.js';

const MAGIC = 0x57444e31; // "WDN1"

/**
 * Layout: magic, then for each of 12 arrays its length (u32), then the arrays, then org JSON.
 * Returns whether the file was written (false: e.g. a read-only tmpdir).
 */
export function writeCache(file: string, db: IpDb): boolean {
  const arrays = [
    db.asnV4.starts,
    db.asnV4.ends,
    db.asnV4.values,
    db.asnV6.starts,
    db.asnV6.ends,
    db.asnV6.values,
    db.countryV4.starts,
    db.countryV4.ends,
    db.countryV4.values,
    db.countryV6.starts,
    db.countryV6.ends,
    db.countryV6.values,
  ];
  const orgs = Buffer.from(JSON.stringify([...db.orgs]), 'utf8');
  const header = new Uint32Array(2 + arrays.length);
  header[0] = MAGIC;
  header[1] = orgs.length;
  arrays.forEach((a, i) => (header[2 + i] = a.length));
  const parts = [Buffer.from(header.buffer), ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), orgs];
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

export function readCache(file: string): IpDb | undefined {
  const ab = readWhole(file);
  if (!ab || ab.byteLength < 56) return undefined;
  const header = new Uint32Array(ab, 0, 14);
  if (header[0] !== MAGIC) return undefined;
  let off = 56;
  const arrays: Uint32Array[] = [];
  for (let i = 0; i < 12; i++) {
    const n = header[2 + i]!;
    if (off + n * 4 > ab.byteLength) return undefined;
    arrays.push(new Uint32Array(ab, off, n));
    off += n * 4;
  }
  const orgLen = header[1]!;
  if (off + orgLen !== ab.byteLength) return undefined;
  let orgs: Map<number, string>;
  try {
    // Bytes garbled inside the org JSON pass the length checks; reject the file instead of throwing at boot.
    orgs = new Map<number, string>(JSON.parse(Buffer.from(ab, off, orgLen).toString('utf8')) as [number, string][]);
  } catch {
    return undefined;
  }
  const a = arrays as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const asnV4 = new V4Table(a[0], a[1], a[2]);
  const asnV6 = new V6Table(a[3], a[4], a[5]);
  const countryV4 = new V4Table(a[6], a[7], a[8]);
  const countryV6 = new V6Table(a[9], a[10], a[11]);
  return { asnV4, asnV6, countryV4, countryV6, orgs, bytes: ab.byteLength };
}
