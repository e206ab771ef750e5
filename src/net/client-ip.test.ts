import { describe, expect, it } from 'vitest';
import { cidrContains, parseCidr } from './cidr.js';
import { clientIp } from './client-ip.js';

const trusted = ['127.0.0.1/32', '10.0.0.0/8'].map((c) => parseCidr(c)!);

describe('cidr', () => {
  it.each([
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['203.0.113.0/24', '::ffff:203.0.113.5', true],
    ['2001:db8::/32', '2001:db8:1::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['0.0.0.0/0', '8.8.8.8', true],
    ['192.0.2.1', '192.0.2.1', true],
    ['192.0.2.1', '192.0.2.2', false],
  ])('%s contains %s: %s', (c, ip, want) => {
    expect(cidrContains(parseCidr(c)!, ip)).toBe(want);
  });
  it.each(['10.0.0.0/33', 'nonsense', '10.0.0/8', '1.2.3.4/x'])('rejects %s', (c) => expect(parseCidr(c)).toBeUndefined());
});

describe('clientIp', () => {
  it.each([
    ['socket is untrusted: XFF ignored', '198.51.100.1', '1.2.3.4', '198.51.100.1'],
    ['trusted proxy: the right-most untrusted hop', '127.0.0.1', '1.2.3.4, 5.6.7.8', '5.6.7.8'],
    ['trusted hops are skipped', '127.0.0.1', '5.6.7.8, 10.1.1.1', '5.6.7.8'],
    ['a spoofed left-most entry does not win', '127.0.0.1', '9.9.9.9, 5.6.7.8', '5.6.7.8'],
    ['garbage in the chain: judge by the socket', '127.0.0.1', 'not-an-ip', '127.0.0.1'],
    ['no header', '127.0.0.1', undefined, '127.0.0.1'],
    ['mapped IPv4 socket', '::ffff:127.0.0.1', '5.6.7.8', '5.6.7.8'],
  ])('%s', (_n, sock, xff, want) => {
    expect(clientIp(sock, xff, trusted)).toBe(want);
  });
});
