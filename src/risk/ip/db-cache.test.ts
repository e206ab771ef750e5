import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { buildCacheInChild, cacheChildCommand, CHILD_ENTRY } from './cache-child.js';
import { type Arr, cacheArrays, readCache, writeCache } from './db-cache.js';
import { IpIntel } from './intel.js';
import type { IpDb } from './db.js';
import { loadBundledIpDb, loadIpDbFrom } from './load-db.js';

const root = mkdtempSync(join(tmpdir(), 'warden-ipdb-test-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** A few rows of each bundled CSV, with the quirks the parser handles: quoted orgs, CRLF, an unparsable v6 row. */
function fixtureDirs(): { asnDir: string; ccDir: string } {
  const asnDir = join(root, 'asn');
  const ccDir = join(root, 'cc');
  mkdirSync(asnDir, { recursive: true });
  mkdirSync(ccDir, { recursive: true });
  writeFileSync(
    join(asnDir, 'asn-ipv4-num.csv'),
    ['16777216,16777471,13335,"Cloudflare, Inc."', '50331648,50331903,16509,"Say ""Amazon"""\r', '84475904,84541439,24940,Hetzner Online GmbH'].join('\n') + '\n',
  );
  writeFileSync(
    join(asnDir, 'asn-ipv6.csv'),
    ['2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC', 'not-an-address,2001:4861::,1,Broken', '2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,15169,Google LLC'].join('\n'),
  );
  writeFileSync(join(ccDir, 'geo-whois-asn-country-ipv4-num.csv'), '16777216,16777471,AU\n50331648,50331903,US\r\n84475904,84541439,DE\n');
  writeFileSync(join(ccDir, 'geo-whois-asn-country-ipv6.csv'), '2001:4860::,2001:4860:ffff:ffff:ffff:ffff:ffff:ffff,US\n2a00:1450::,2a00:1450:ffff:ffff:ffff:ffff:ffff:ffff,IE\n');
  return { asnDir, ccDir };
}

const fixture = fixtureDirs();
const probes = ['1.0.0.1', '3.0.0.7', '5.9.1.1', '5.10.0.1', '9.9.9.9', '2001:4860::8888', '2a00:1450:4001::1', '2a01::1'];
const lookups = (db: IpDb): unknown[] => probes.map((ip) => new IpIntel(db).lookup(ip));
const bytesOf = (a: Arr): Buffer => Buffer.from(a.buffer, a.byteOffset, a.byteLength);

describe('IP cache file', () => {
  it('round-trips: the tables read back answer every lookup as the parsed ones do', () => {
    const parsed = loadIpDbFrom(fixture.asnDir, fixture.ccDir);
    const file = join(root, 'fixture.bin');
    expect(writeCache(file, parsed)).toBe(true);
    const back = readCache(file);
    expect(back).toBeDefined();
    expect(lookups(back!)).toEqual(lookups(parsed));
    expect(
      lookups(back!).map((r) => {
        const { country, asn, org } = r as { country: string | null; asn: number | null; org: string | null };
        return [country, asn, org];
      }),
    ).toEqual([
      ['AU', 13335, 'Cloudflare, Inc.'],
      ['US', 16509, 'Say "Amazon"'],
      ['DE', 24940, 'Hetzner Online GmbH'],
      [null, null, null],
      [null, null, null],
      ['US', 15169, 'Google LLC'],
      ['IE', 15169, 'Google LLC'],
      [null, null, null],
    ]);
  });

  it('round-trips the bundled data byte for byte', () => {
    const db = loadBundledIpDb(); // from the tmpdir cache, or at most one CSV parse
    const file = join(root, 'bundled.bin');
    expect(writeCache(file, db)).toBe(true);
    const back = readCache(file)!;
    expect(
      cacheArrays(back)
        .map(bytesOf)
        .map((b, i) => b.equals(bytesOf(cacheArrays(db)[i]!))),
    ).toEqual(Array(15).fill(true));
    expect([...back.orgs.entries()]).toEqual([...db.orgs.entries()]);
    expect(back.bytes).toBe(readFileSync(file).length);
    const real = ['5.9.1.1', '73.162.10.5', '2a00:1450:4001::1', '2001:4860:4860::8888'];
    expect(real.map((ip) => new IpIntel(back).lookup(ip))).toEqual(real.map((ip) => new IpIntel(db).lookup(ip)));
    expect(new IpIntel(back).lookup('5.9.1.1')).toMatchObject({ country: 'DE', asn: 24940 });
  });

  describe('rejects a damaged file instead of throwing', () => {
    const good = join(root, 'good.bin');
    writeCache(good, loadIpDbFrom(fixture.asnDir, fixture.ccDir));
    const bytes = readFileSync(good);
    /** Where the i-th array starts in the file (after the 16-word header, each padded to 4 bytes). */
    const lengths = [...new Uint32Array(bytes.buffer.slice(bytes.byteOffset + 4, bytes.byteOffset + 64))];
    const size = [4, 4, 4, 4, 4, 4, 4, 2, 4, 2, 4, 2, 4, 4, 1];
    const at = (i: number): number => 64 + lengths.slice(0, i).reduce((sum, n, j) => sum + ((n * size[j]! + 3) & ~3), 0);
    const swapWords = (b: Buffer, from: number): Buffer => {
      const c = Buffer.from(b);
      c.writeUInt32LE(b.readUInt32LE(from + 4), from);
      c.writeUInt32LE(b.readUInt32LE(from), from + 4);
      return c;
    };
    const damaged: [string, (b: Buffer) => Buffer][] = [
      ['truncated by a byte', (b) => b.subarray(0, b.length - 1)],
      ['one byte too long', (b) => Buffer.concat([b, Buffer.from([0])])],
      ['shorter than the header', (b) => b.subarray(0, 40)],
      ['empty', () => Buffer.alloc(0)],
      [
        'wrong magic',
        (b) => {
          const c = Buffer.from(b);
          c[0] = 0;
          return c;
        },
      ],
      [
        'an array length past the end',
        (b) => {
          const c = Buffer.from(b);
          c.writeUInt32LE(0x10000000, 8);
          return c;
        },
      ],
      ['IPv4 range starts out of order', (b) => swapWords(b, at(0))],
      ['ASN list out of order', (b) => swapWords(b, at(12))],
      ['org name offsets out of order', (b) => swapWords(b, at(13) + 4)],
      [
        'org names shorter than their offsets say',
        (b) => {
          const c = Buffer.from(b);
          c.writeUInt32LE(lengths[14]! - 1, 4 + 14 * 4);
          return c;
        },
      ],
    ];
    it.each(damaged)('%s', (_, damage) => {
      const file = join(root, 'damaged.bin');
      writeFileSync(file, damage(bytes));
      expect(readCache(file)).toBeUndefined();
    });
    it('missing', () => expect(readCache(join(root, 'nope.bin'))).toBeUndefined());
    it.skipIf(process.platform === 'win32').each([0o664, 0o646, 0o666])('intact but writable by others (mode %o): not trusted', (mode) => {
      // In the shared tmpdir another local user could have written it.
      const file = join(root, `loose-${mode.toString(8)}.bin`);
      writeFileSync(file, bytes);
      chmodSync(file, mode);
      expect(readCache(file)).toBeUndefined();
      chmodSync(file, 0o644);
      expect(readCache(file)).toBeDefined();
    });
    it('the undamaged file is accepted (so the cases above test the damage)', () => {
      expect(lengths.slice(0, 2)).toEqual([6, 6]); // three rows apart: each a start and a gap entry
      expect(lengths.slice(12)).toEqual([4, 5, lengths[14]]);
      expect(at(15)).toBe(bytes.length);
      expect(readCache(good)).toBeDefined();
    });
  });
});

describe('building the cache in a child process', () => {
  const job = { ...fixture, file: '/cache/x.bin' };

  it('runs only from compiled JavaScript, with the entry beside the loader and no parent flags', () => {
    expect(cacheChildCommand('file:///app/dist/risk/ip/load-db.ts', job)).toBeUndefined();
    expect(cacheChildCommand('http://example.com/load-db.js', job)).toBeUndefined();
    expect(cacheChildCommand('file:///app/dist/risk/ip/load-db.js', job, '/usr/bin/node')).toEqual({
      command: '/usr/bin/node',
      args: ['/app/dist/risk/ip/cache-child-main.js', fixture.asnDir, fixture.ccDir, '/cache/x.bin'],
    });
    expect(CHILD_ENTRY).toBe('./cache-child-main.js');
  });

  it('does not spawn from TypeScript sources', () => {
    expect(buildCacheInChild(import.meta.url, { ...fixture, file: join(root, 'from-ts.bin') })).toBe(false);
    expect(readdirSync(root)).not.toContain('from-ts.bin');
  });

  // This directory's modules compiled to plain ESM JavaScript, as tsc emits them into dist/.
  const here = fileURLToPath(new URL('.', import.meta.url));
  const dist = join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'package.json'), '{"type":"module"}');
  for (const name of readdirSync(here).filter((n) => n.endsWith('.ts') && !n.endsWith('.test.ts'))) {
    const out = ts.transpileModule(readFileSync(join(here, name), 'utf8'), {
      compilerOptions: { module: ts.ModuleKind.ES2022, target: ts.ScriptTarget.ES2022, verbatimModuleSyntax: true },
    });
    writeFileSync(join(dist, name.replace(/\.ts$/, '.js')), out.outputText);
  }
  const loaderUrl = pathToFileURL(join(dist, 'load-db.js')).href;

  it('writes a file identical to the in-process one', () => {
    const fromChild = join(root, 'child.bin');
    const inProcess = join(root, 'in-process.bin');
    expect(buildCacheInChild(loaderUrl, { ...fixture, file: fromChild })).toBe(true);
    writeCache(inProcess, loadIpDbFrom(fixture.asnDir, fixture.ccDir));
    expect(readFileSync(fromChild).equals(readFileSync(inProcess))).toBe(true);
  });

  /** The child run as buildCacheInChild runs it, but with its output captured. */
  const runChild = (file: string, dirs: { asnDir: string; ccDir: string } = fixture): { status: number | null; output: string } => {
    const cmd = cacheChildCommand(loaderUrl, { ...dirs, file })!;
    const r = spawnSync(cmd.command, cmd.args, { encoding: 'utf8' });
    return { status: r.status, output: r.stdout + r.stderr };
  };

  it('prints nothing and answers by exit status: 0 written, 3 unparsable, 1 unwritable', () => {
    expect(runChild(join(root, 'quiet.bin'))).toEqual({ status: 0, output: '' });
    expect(readCache(join(root, 'quiet.bin'))).toBeDefined();
    expect(runChild(join(root, 'never.bin'), { asnDir: join(root, 'none'), ccDir: join(root, 'none') })).toEqual({ status: 3, output: '' });
    expect(runChild(join(root, 'no-such-dir', 'x.bin'))).toEqual({ status: 1, output: '' });
    expect(buildCacheInChild(loaderUrl, { ...fixture, file: join(root, 'no-such-dir', 'x.bin') })).toBe(false);
  });
});
