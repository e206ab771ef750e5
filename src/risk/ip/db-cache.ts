// Binary cache of the parsed IP tables, so a restart does not re-parse 100 MB of CSV.
import { randomUUID } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { IpDb } from './load-db.js';
import { V4Table, V6Table } from './range-table.js';

const MAGIC = 0x57444e31; // "WDN1"

// Layout: magic, then for each of 12 arrays its length (u32), then the arrays, then org JSON.
export function writeCache(file: string, db: IpDb): void {
  const arrays = [
    db.asnV4.starts, db.asnV4.ends, db.asnV4.values,
    db.asnV6.starts, db.asnV6.ends, db.asnV6.values,
    db.countryV4.starts, db.countryV4.ends, db.countryV4.values,
    db.countryV6.starts, db.countryV6.ends, db.countryV6.values,
  ];
  const orgs = Buffer.from(JSON.stringify([...db.orgs]), 'utf8');
  const header = new Uint32Array(2 + arrays.length);
  header[0] = MAGIC;
  header[1] = orgs.length;
  arrays.forEach((a, i) => (header[2 + i] = a.length));
  const parts = [Buffer.from(header.buffer), ...arrays.map((a) => Buffer.from(a.buffer, a.byteOffset, a.byteLength)), orgs];
  try {
    const tmp = `${file}.${randomUUID()}.tmp`;
    writeFileSync(tmp, Buffer.concat(parts));
    renameSync(tmp, file); // atomic: a concurrent reader never sees half a file
  } catch {
    // A read-only tmpdir only costs the next start a re-parse.
  }
}

export function readCache(file: string): IpDb | undefined {
  let buf: Buffer;
  try {
    buf = readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length < 56) return undefined;
  // Copy into an aligned ArrayBuffer so typed-array views are legal.
  const ab = new ArrayBuffer(buf.length);
  new Uint8Array(ab).set(buf);
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
  const orgs = new Map<number, string>(JSON.parse(buf.subarray(off).toString('utf8')) as [number, string][]);
  const a = arrays as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array,
    Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
  const asnV4 = new V4Table(a[0], a[1], a[2]);
  const asnV6 = new V6Table(a[3], a[4], a[5]);
  const countryV4 = new V4Table(a[6], a[7], a[8]);
  const countryV6 = new V6Table(a[9], a[10], a[11]);
  return { asnV4, asnV6, countryV4, countryV6, orgs, bytes: ab.byteLength };
}
