import { describe, expect, it } from 'vitest';
import { blockOf, parseIp, parseV4, parseV6, sourceIdOf } from './addr.js';
import { IpIntel, PLACE_MEMO_SIZE } from './intel.js';
import { loadBundledIpDb } from './load-db.js';
import { classifyAsn } from './net-class.js';
import { TableBuilder } from './range-table.js';

describe('address parsing', () => {
  it.each<[string, number | undefined]>([
    ['1.2.3.4', 0x01020304],
    ['255.255.255.255', 0xffffffff],
    ['::ffff:10.0.0.1', 0x0a000001],
    ['256.1.1.1', undefined],
    ['1.2.3', undefined],
    ['1.2.3.4.5', undefined],
    ['a.b.c.d', undefined],
    ['', undefined],
  ])('v4 %s', (s, n) => expect(parseV4(s)).toBe(n));

  it.each<[string, number[] | undefined]>([
    ['2001:db8::1', [0x20010db8, 0, 0, 1]],
    ['::', [0, 0, 0, 0]],
    ['::1', [0, 0, 0, 1]],
    ['fe80::1:2', [0xfe800000, 0, 0, 0x10002]],
    ['1:2:3:4:5:6:7:8', [0x10002, 0x30004, 0x50006, 0x70008]],
    ['1::2::3', undefined],
    ['12345::', undefined],
    ['1:2:3:4:5:6:7:8:9', undefined],
    ['x'.repeat(100), undefined],
  ])('v6 %s', (s, w) => {
    const out = new Uint32Array(4);
    expect(parseV6(s, out) ? [...out] : undefined).toEqual(w);
  });

  it('tracks IPv6 sources by /64 so rotating inside a prefix is one source', () => {
    expect(sourceIdOf('2001:db8:1:2::1')).toBe(sourceIdOf('2001:db8:1:2:ffff::9'));
    expect(sourceIdOf('2001:db8:1:3::1')).not.toBe(sourceIdOf('2001:db8:1:2::1'));
    expect(sourceIdOf('::ffff:1.2.3.4')).toBe('1.2.3.4');
    expect(parseIp('nonsense')).toBeUndefined();
  });
});

describe('range tables', () => {
  it('finds the range holding an address, and nothing in the gaps', () => {
    const b = new TableBuilder(1, 32);
    b.addV4(10, 20, 1);
    b.addV4(30, 40, 2);
    b.addV4(41, 41, 3);
    const t = b.v4();
    expect([9, 10, 20, 21, 35, 41, 42].map((x) => t.find(x))).toEqual([-1, 1, 1, -1, 2, 3, -1]);
  });
});

describe('IP intelligence from the bundled data', () => {
  const intel = new IpIntel(loadBundledIpDb(), [
    { label: 'tor', netClass: 'tor', cidrs: ['185.220.101.0/24'] },
    { label: 'office', cidrs: ['2001:db8::/32'] },
  ]);
  it.each<[string, string | null, number | null, string]>([
    ['3.5.0.1', 'US', 14618, 'hosting'],
    ['5.9.1.1', 'DE', 24940, 'hosting'],
    ['79.192.1.1', 'DE', 3320, 'isp'],
    ['73.162.10.5', 'US', 7922, 'isp'],
    ['2a00:1450:4001::1', 'IE', 15169, 'hosting'],
    ['185.220.101.5', 'DE', 60729, 'tor'],
    ['127.0.0.1', null, null, 'private'],
  ])('%s', (ip, cc, asn, cls) => {
    expect(intel.lookup(ip)).toMatchObject({ country: cc, asn, netClass: cls });
  });
  it('operator lists label addresses', () => {
    expect(intel.lookup('2001:db8::5').lists).toEqual(['office']);
  });
  it('classifies by org name when the ASN is not listed', () => {
    expect(classifyAsn(1, 'Example Cloud Hosting Ltd')).toBe('hosting');
    expect(classifyAsn(1, 'Some VPN Provider')).toBe('vpn');
    expect(classifyAsn(1, 'Deutsche Telekom AG')).toBe('isp');
  });
});

describe('place (memoised per address)', () => {
  const lists = [
    { label: 'tor', netClass: 'tor' as const, cidrs: ['185.220.101.0/24'] },
    { label: 'office', cidrs: ['2001:db8::/32'] },
  ];
  const intel = new IpIntel(loadBundledIpDb(), lists);
  const fresh = new IpIntel(loadBundledIpDb(), lists);
  const ips = ['3.5.0.1', '5.9.1.1', '79.192.1.1', '2a00:1450:4001::1', '2a00:1450:4001:0:0::1', '185.220.101.5', '127.0.0.1', '::ffff:79.192.1.1', '2001:db8::5', 'garbage', ''];
  it('equals sourceIdOf, blockOf and lookup, first time and from the memo', () => {
    for (let round = 0; round < 2; round++) {
      for (const ip of ips) {
        expect(intel.place(ip)).toEqual({ sourceId: sourceIdOf(ip), block: blockOf(ip), net: fresh.lookup(ip) });
      }
    }
  });
  it('answers from the memo with the same frozen object', () => {
    const a = intel.place('73.162.10.5');
    expect(intel.place('73.162.10.5')).toBe(a);
    expect(Object.isFrozen(a) && Object.isFrozen(a.net) && Object.isFrozen(a.net.lists)).toBe(true);
  });
  it('is bounded: the oldest addresses are dropped and recomputed with the same answer', () => {
    const first = intel.place('86.10.1.1');
    for (let i = 0; i < PLACE_MEMO_SIZE + 10; i++) intel.place(`10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`);
    const again = intel.place('86.10.1.1');
    expect(again).not.toBe(first);
    expect(again).toEqual(first);
  });
});
