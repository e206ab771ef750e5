// Client fingerprint from request headers: bounded in size whatever the client sends.
import { hash as sha } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import { Lru } from '../util/lru.js';
import type { Fingerprint } from './types.js';
import { stackOf } from './clients/variants.js';

const MAX_VALUE = 128;
const MAX_ORDER = 32;
/** Headers that proxies, retries or body size change: not part of who the client is. */
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

function one(v: string | string[] | undefined): string {
  const s = Array.isArray(v) ? (v[0] ?? '') : (v ?? '');
  return s.length > MAX_VALUE ? s.slice(0, MAX_VALUE) : s;
}

/** One-shot hashing, as src/crypto and the audit log use it: no Hash object per call. */
function hash(s: string): string {
  return sha('sha256', s, 'base64url').slice(0, 12);
}

/**
 * Fingerprints by their exact inputs: a key's client sends the same headers on every request, so the
 * hashing and UA parsing run once per distinct client, not per request. Bounded (distinct clients churn it, no more).
 */
export const FINGERPRINT_MEMO_SIZE = 2048;
const memo = new Lru<string, Fingerprint>(FINGERPRINT_MEMO_SIZE);

/** The previous request's inputs and fingerprint: compared field by field, no memo key to build and hash. */
interface Last {
  readonly ua: string;
  readonly lang: string;
  readonly os: string;
  readonly arch: string;
  readonly runtime: string;
  readonly pkg: string;
  readonly rtv: string;
  /** The first MAX_ORDER header names as sent (raw: equal names give an equal order string). */
  readonly names: readonly string[];
  readonly fp: Fingerprint;
}
let last: Last | undefined;

function sameNames(kept: readonly string[], names: readonly string[]): boolean {
  const n = Math.min(names.length, MAX_ORDER);
  if (kept.length !== n) return false;
  for (let i = 0; i < n; i++) if (kept[i] !== names[i]) return false;
  return true;
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
  const l = last;
  if (l && l.ua === ua && l.lang === lang && l.os === os && l.arch === arch && l.runtime === runtime && l.pkg === pkg && l.rtv === rtv && sameNames(l.names, headerOrder)) {
    return l.fp;
  }
  const fp = memoised(ua, lang, os, arch, runtime, pkg, rtv, headerOrder);
  last = { ua, lang, os, arch, runtime, pkg, rtv, names: headerOrder.slice(0, MAX_ORDER), fp };
  return fp;
}

function memoised(ua: string, lang: string, os: string, arch: string, runtime: string, pkg: string, rtv: string, headerOrder: readonly string[]): Fingerprint {
  // The first MAX_ORDER names, volatile ones left out, each cut to 40, joined with ','.
  let order = '';
  const n = Math.min(headerOrder.length, MAX_ORDER);
  for (let i = 0, k = 0; i < n; i++) {
    const h = headerOrder[i]!;
    if (VOLATILE.has(h)) continue;
    order += (k++ > 0 ? ',' : '') + (h.length > 40 ? h.slice(0, 40) : h);
  }
  // Length-prefixed, so no two input tuples share a memo key; `order` is last and needs none.
  const memoKey = `${ua.length}:${ua}${lang.length}:${lang}${os.length}:${os}${arch.length}:${arch}${runtime.length}:${runtime}${pkg.length}:${pkg}${rtv.length}:${rtv}${order}`;
  const known = memo.get(memoKey);
  if (known) return known;
  const fp = compute(ua, lang, os, arch, runtime, pkg, rtv, order);
  memo.set(memoKey, fp);
  return fp;
}

/**
 * The official SDKs (Stainless-generated: Node, Python, .NET, Java, Go) announce themselves in
 * `x-stainless-lang` and `x-stainless-package-version`; their header order changes between versions
 * (openai-node 4.x → 5.x/6.x), so for them the family is the language, OS, arch and runtime, and
 * the order is part of the version. Other clients are told apart by UA family and header order.
 */
export function sdkFamily(ua: string, lang: string): string | undefined {
  if (lang) return `sdk:${lang.toLowerCase()}`;
  const t = ua.trim();
  // openai-dotnet sends no x-stainless headers: "OpenAI/2.1.0 (.NET 8.0.11; …)".
  if (/^openai\/[\d.]+\S*\s+\(\.net\b/i.test(t)) return 'sdk:dotnet';
  const m = /^openai\/([a-z]\w*)/i.exec(t);
  return m ? `sdk:${m[1]!.toLowerCase()}` : undefined;
}

/**
 * The header order is matched against the recorded and documented variants (clients/catalogue.ts) by the
 * names an HTTP stack places itself. An SDK claim over a stack recorded only for other clients (the Node
 * SDK's headers pasted into python-requests) is another family. A plain client whose order is a recorded
 * variant of its own family is that family whatever its version, so an upgrade is a new version, not a new
 * client. An order no recording has changes nothing: a new SDK release keeps its family, an unknown plain
 * client keeps its order in its family.
 */
function compute(ua: string, lang: string, os: string, arch: string, runtime: string, pkg: string, rtv: string, order: string): Fingerprint {
  const fam = uaFamily(ua);
  const sdk = sdkFamily(ua, lang);
  const stack = stackOf(order.split(','));
  const foreign = stack !== undefined && !stack.families.has(sdk ?? fam) ? stack : undefined;
  const coarse = sdk
    ? hash(`${sdk}|${os}|${arch}|${runtime}${foreign ? `|over:${foreign.signature}` : ''}`)
    : hash(`${fam}|${lang}|${os}|${arch}|${runtime}|${stack && !foreign ? 'recorded' : order}`);
  const fine = hash(`${ua}|${pkg}|${rtv}|${order}|${coarse}`);
  const version = pkg || /[\d]+\.[\d.]+/.exec(ua)?.[0] || '';
  const over = foreign ? ` over ${[...foreign.families].join('/')}` : '';
  const label = `${fam}${lang ? ` ${lang}` : ''}${version ? ` ${version}` : ''}${os ? `/${os}` : ''}${over}`.slice(0, 80);
  return Object.freeze({ coarse, fine, label });
}
