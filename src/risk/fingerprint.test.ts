import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { describe, expect, it } from 'vitest';
import { stackOf } from './clients/variants.js';
import { FINGERPRINT_MEMO_SIZE, fingerprintOf, sdkFamily, uaFamily } from './fingerprint.js';

// The fingerprint as computed before it was memoised (allocation-heavy, hash per request): the reference.
const VOLATILE = new Set([
  'x-forwarded-for',
  'x-forwarded-proto',
  'x-forwarded-host',
  'x-real-ip',
  'forwarded',
  'via',
  'content-length',
  'x-stainless-retry-count',
  'x-stainless-timeout',
  'x-stainless-read-timeout',
  'idempotency-key',
  'x-request-id',
  'traceparent',
  'tracestate',
]);
const one = (v: string | string[] | undefined): string => {
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.length > 128 ? s.slice(0, 128) : s;
};
const hash = (s: string): string => createHash('sha256').update(s).digest('base64url').slice(0, 12);
function reference(headers: IncomingHttpHeaders, headerOrder: readonly string[]) {
  const ua = one(headers['user-agent']);
  const [lang, os, arch, runtime, pkg, rtv] = ['lang', 'os', 'arch', 'runtime', 'package-version', 'runtime-version'].map((h) => one(headers[`x-stainless-${h}`]).slice(0, 24));
  const order = headerOrder
    .slice(0, 32)
    .filter((h) => !VOLATILE.has(h))
    .map((h) => h.slice(0, 40))
    .join(',');
  const fam = uaFamily(ua);
  const sdk = sdkFamily(ua, lang ?? '');
  const stack = stackOf(order.split(','));
  const foreign = stack && !stack.families.has(sdk ?? fam) ? stack : undefined;
  const coarse = sdk
    ? hash(`${sdk}|${os}|${arch}|${runtime}${foreign ? `|over:${foreign.signature}` : ''}`)
    : hash(`${fam}|${lang}|${os}|${arch}|${runtime}|${stack && !foreign ? 'recorded' : order}`);
  const fine = hash(`${ua}|${pkg}|${rtv}|${order}|${coarse}`);
  const version = pkg || /\d+\.[\d.]+/.exec(ua)?.[0] || '';
  const label = `${fam}${lang ? ` ${lang}` : ''}${version ? ` ${version}` : ''}${os ? `/${os}` : ''}${foreign ? ` over ${[...foreign.families].join('/')}` : ''}`.slice(0, 80);
  return { coarse, fine, label };
}

// Deterministic pseudo-random inputs (no Math.random: a failure must reproduce).
function rng(seed: number): () => number {
  return () => (seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32;
}
const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

describe('fingerprintOf', () => {
  const uas = ['OpenAI/Python 1.54.3', 'OpenAI/JS 4.20.1', 'curl/8.5.0', 'Mozilla/5.0 (X11; Linux)', '', 'x'.repeat(300), 'a|b|c', '1:2'];
  const vals = ['', 'python', 'Linux', 'x64', 'CPython', '1.54.3', '3.12.1', 'a'.repeat(40), '1:', '|', ':1'];
  const names = ['host', 'user-agent', 'content-type', 'authorization', 'content-length', 'x-request-id', 'accept', 'x-stainless-lang', 'n'.repeat(60), '', 'via'];

  it('equals the unmemoised computation, first time and from the memo', () => {
    const r = rng(42);
    for (let i = 0; i < 3000; i++) {
      const headers: IncomingHttpHeaders = { 'user-agent': pick(r, uas) };
      for (const h of ['lang', 'os', 'arch', 'runtime', 'package-version', 'runtime-version']) if (r() < 0.7) headers[`x-stainless-${h}`] = pick(r, vals);
      if (r() < 0.1) headers['x-stainless-os'] = [pick(r, vals), 'second'] as unknown as string;
      const order = Array.from({ length: Math.floor(r() * 40) }, () => pick(r, names));
      const want = reference(headers, order);
      expect(fingerprintOf(headers, order)).toEqual(want);
      expect(fingerprintOf(headers, order)).toEqual(want);
    }
  });

  it('an official SDK in another header order is the same family at another version', () => {
    const v4 = { 'user-agent': 'OpenAI/JS 4.73.1', 'x-stainless-lang': 'js', 'x-stainless-package-version': '4.73.1', 'x-stainless-os': 'Linux' };
    const v6 = { ...v4, 'user-agent': 'OpenAI/JS 6.9.1', 'x-stainless-package-version': '6.9.1' };
    const a = fingerprintOf(v4, ['accept', 'content-type', 'user-agent', 'x-stainless-lang', 'x-stainless-package-version', 'x-stainless-os']);
    const b = fingerprintOf(v6, ['accept', 'content-type', 'user-agent', 'x-stainless-os', 'x-stainless-package-version', 'x-stainless-lang']);
    expect(a.coarse).toBe(b.coarse);
    expect(a.fine).not.toBe(b.fine);
    expect(b.label).toContain('6.9.1');
    // Another language, or a plain HTTP client claiming nothing, is another family.
    expect(fingerprintOf({ ...v4, 'x-stainless-lang': 'python' }, []).coarse).not.toBe(a.coarse);
    expect(fingerprintOf({ 'user-agent': 'axios/1.7.7' }, []).coarse).not.toBe(a.coarse);
  });

  it('a plain HTTP client in another header order, or with one more header, is another fingerprint', () => {
    const h = { 'user-agent': 'python-requests/2.32.3' };
    const a = fingerprintOf(h, ['host', 'user-agent', 'accept']);
    const b = fingerprintOf(h, ['user-agent', 'host', 'accept']);
    const c = fingerprintOf(h, ['user-agent', 'host', 'accept', 'x-extra']);
    const d = fingerprintOf(h, ['user-agent', 'host']);
    expect(b).toEqual(reference(h, ['user-agent', 'host', 'accept']));
    expect(c).toEqual(reference(h, ['user-agent', 'host', 'accept', 'x-extra']));
    expect(d).toEqual(reference(h, ['user-agent', 'host']));
    expect(new Set([a.coarse, b.coarse, c.coarse, d.coarse]).size).toBe(4);
    // Names past the first 32 are not part of it.
    const long = Array.from({ length: 32 }, (_, i) => `h${i}`);
    expect(fingerprintOf(h, [...long, 'late'])).toEqual(fingerprintOf(h, long));
  });

  it('values that would run together without length prefixes get different fingerprints', () => {
    const a = fingerprintOf({ 'user-agent': 'ua1', 'x-stainless-lang': '2:x' }, []);
    const b = fingerprintOf({ 'user-agent': 'ua1:2', 'x-stainless-lang': 'x' }, []);
    expect(a).toEqual(reference({ 'user-agent': 'ua1', 'x-stainless-lang': '2:x' }, []));
    expect(b).toEqual(reference({ 'user-agent': 'ua1:2', 'x-stainless-lang': 'x' }, []));
    expect(a.fine).not.toBe(b.fine);
  });

  it('stays right when more distinct clients than the memo holds come and go', () => {
    const headersOf = (i: number): IncomingHttpHeaders => ({ 'user-agent': `client-${i}/1.0`, 'x-stainless-lang': 'go' });
    for (let i = 0; i < FINGERPRINT_MEMO_SIZE + 500; i++) fingerprintOf(headersOf(i), ['host']);
    for (const i of [0, 1, FINGERPRINT_MEMO_SIZE + 499]) expect(fingerprintOf(headersOf(i), ['host'])).toEqual(reference(headersOf(i), ['host']));
  });

  it('a memoised fingerprint cannot be changed by a caller', () => {
    const fp = fingerprintOf({ 'user-agent': 'frozen/1' }, []);
    expect(Object.isFrozen(fp)).toBe(true);
  });
});
