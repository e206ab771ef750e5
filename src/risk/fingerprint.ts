// Client fingerprint from request headers: bounded in size whatever the client sends.
import { createHash } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import type { Fingerprint } from './types.js';

const MAX_VALUE = 128;
const MAX_ORDER = 32;
/** Headers that proxies, retries or body size change: not part of who the client is. */
const VOLATILE = new Set([
  'x-forwarded-for', 'x-forwarded-proto', 'x-forwarded-host', 'x-real-ip', 'forwarded', 'via',
  'content-length', 'x-stainless-retry-count', 'x-stainless-timeout', 'x-stainless-read-timeout',
  'idempotency-key', 'x-request-id', 'traceparent', 'tracestate',
]);

function one(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.length > MAX_VALUE ? s.slice(0, MAX_VALUE) : s;
}

function hash(s: string): string {
  return createHash('sha256').update(s).digest('base64url').slice(0, 12);
}

/** First product token of a user agent, without its version ("OpenAI/Python 1.2" → "openai/python"). */
export function uaFamily(ua: string): string {
  const t = ua.trim().split(/[\s(;]/)[0] ?? '';
  const fam = t.replace(/\/[\d.]+.*$/, '').toLowerCase();
  // "OpenAI/Python 1.2.3" style: the family is product plus language.
  const m = /^openai\/(\w+)/i.exec(ua);
  return m ? `openai/${m[1]!.toLowerCase()}` : fam.slice(0, 40) || '-';
}

export function fingerprintOf(headers: IncomingHttpHeaders, headerOrder: readonly string[]): Fingerprint {
  const ua = one(headers['user-agent']);
  const lang = one(headers['x-stainless-lang']).slice(0, 24);
  const os = one(headers['x-stainless-os']).slice(0, 24);
  const arch = one(headers['x-stainless-arch']).slice(0, 24);
  const runtime = one(headers['x-stainless-runtime']).slice(0, 24);
  const pkg = one(headers['x-stainless-package-version']).slice(0, 24);
  const rtv = one(headers['x-stainless-runtime-version']).slice(0, 24);
  const order = headerOrder
    .slice(0, MAX_ORDER)
    .filter((h) => !VOLATILE.has(h))
    .map((h) => h.slice(0, 40))
    .join(',');
  const fam = uaFamily(ua);
  const coarse = hash(`${fam}|${lang}|${os}|${arch}|${runtime}|${order}`);
  const fine = hash(`${ua}|${pkg}|${rtv}|${coarse}`);
  const label = `${fam}${lang ? ` ${lang}` : ''}${os ? `/${os}` : ''}`.slice(0, 80);
  return { coarse, fine, label };
}
