// Loads the bundled IP data (npm @ip-location-db packages) into range tables, once per process.
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { parseV6 } from './addr.js';
import { buildCacheInChild, type CacheJob } from './cache-child.js';
import { readCache, writeCache } from './db-cache.js';
import type { IpDb } from './db.js';
import { OrgNames } from './org-names.js';
import { TableBuilder } from './range-table.js';

/** Two-letter country code packed into a number (table value) and back. */
export const packCountry = (cc: string): number => (cc.charCodeAt(0) << 8) | cc.charCodeAt(1);
export const unpackCountry = (v: number): string => String.fromCharCode(v >>> 8, v & 0xff);

function packageDir(name: string): string {
  const req = createRequire(import.meta.url);
  return dirname(req.resolve(`${name}/package.json`));
}

/** Splits "a,b,c,\"d, e\"" into at most 4 fields (only the last may be quoted). */
function fields(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  while (out.length < 3) {
    const j = line.indexOf(',', i);
    if (j < 0) break;
    out.push(line.slice(i, j));
    i = j + 1;
  }
  let rest = line.slice(i);
  if (rest.startsWith('"') && rest.endsWith('"')) rest = rest.slice(1, -1).replace(/""/g, '"');
  out.push(rest);
  return out;
}

function eachLine(file: string, fn: (line: string) => void): void {
  const text = readFileSync(file, 'utf8');
  let i = 0;
  while (i < text.length) {
    let j = text.indexOf('\n', i);
    if (j < 0) j = text.length;
    const line = text.charCodeAt(j - 1) === 13 ? text.slice(i, j - 1) : text.slice(i, j);
    if (line.length > 0) fn(line);
    i = j + 1;
  }
}

export function loadIpDbFrom(asnDir: string, countryDir: string): IpDb {
  const orgs: [number, string][] = [];
  const noteOrg = (asn: number, org: string | undefined): void => {
    if (org) orgs.push([asn, org]);
  };

  const a4 = new TableBuilder(1, 32);
  eachLine(join(asnDir, 'asn-ipv4-num.csv'), (line) => {
    const f = fields(line);
    const asn = Number(f[2]);
    a4.addV4(Number(f[0]), Number(f[1]), asn);
    noteOrg(asn, f[3]);
  });
  const a6 = new TableBuilder(4, 32);
  const s = new Uint32Array(4);
  const e = new Uint32Array(4);
  eachLine(join(asnDir, 'asn-ipv6.csv'), (line) => {
    const f = fields(line);
    if (!parseV6(f[0]!, s) || !parseV6(f[1]!, e)) return;
    const asn = Number(f[2]);
    a6.addV6(s, e, asn);
    noteOrg(asn, f[3]);
  });
  const c4 = new TableBuilder(1, 16);
  eachLine(join(countryDir, 'geo-whois-asn-country-ipv4-num.csv'), (line) => {
    const f = line.split(',');
    c4.addV4(Number(f[0]), Number(f[1]), packCountry(f[2] ?? 'ZZ'));
  });
  const c6 = new TableBuilder(4, 16);
  eachLine(join(countryDir, 'geo-whois-asn-country-ipv6.csv'), (line) => {
    const f = line.split(',');
    if (!parseV6(f[0]!, s) || !parseV6(f[1]!, e)) return;
    c6.addV6(s, e, packCountry(f[2] ?? 'ZZ'));
  });
  const asnV4 = a4.v4();
  const asnV6 = a6.v6();
  const countryV4 = c4.v4();
  const countryV6 = c6.v6();
  const names = OrgNames.from(orgs);
  const bytes = asnV4.bytes() + asnV6.bytes() + countryV4.bytes() + countryV6.bytes() + names.bytes();
  return { asnV4, asnV6, countryV4, countryV6, orgs: names, bytes };
}

let cached: IpDb | undefined;

function versionOf(dir: string): string {
  return (JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Where the bundled packages are and the cache file for their versions in `cacheDir`. */
function bundledCacheJob(cacheDir: string): CacheJob {
  const asnDir = packageDir('@ip-location-db/asn');
  const ccDir = packageDir('@ip-location-db/geo-whois-asn-country');
  return { asnDir, ccDir, file: join(cacheDir, `warden-ipdb-${versionOf(asnDir)}-${versionOf(ccDir)}-v2.bin`) };
}

/**
 * The bundled databases, shared by every gateway in the process. Parsing the CSVs takes
 * about 2 s, so the parsed tables are kept in a binary cache file (tmpdir) keyed by the
 * package versions; later starts load it in tens of milliseconds. When the cache is missing
 * a child process parses and writes it: the parse's strings and garbage would otherwise
 * leave this process's heap (and RSS) ~70 MB larger for its whole life. If the child cannot
 * run or its file cannot be read back (read-only tmpdir, running from .ts sources), we parse here.
 */
export function loadBundledIpDb(cacheDir: string = tmpdir()): IpDb {
  if (cached) return cached;
  const job = bundledCacheJob(cacheDir);
  cached = readCache(job.file);
  if (!cached && buildCacheInChild(import.meta.url, job)) cached = readCache(job.file);
  if (!cached) {
    cached = loadIpDbFrom(job.asnDir, job.ccDir);
    writeCache(job.file, cached);
  }
  return cached;
}
