// Request shape: the constants a client program puts in its requests (parameters sent, model, output cap, first role).
import type { Endpoint } from '../api.js';

/**
 * A thief runs their own program, not the owner's application, so even with the owner's SDK the
 * parameters differ: which fields are sent, the model, the output cap, a system prompt or not.
 * Features are `endpoint|name=value` strings, bounded in count and length (the body is hostile).
 */
const MAX_PARAMS = 16;
const MAX_NAME = 32;
const MAX_VALUE = 40;
/** Scalar settings an application usually fixes in code (values are compared, not just presence). */
const CONTROLS = ['max_tokens', 'max_completion_tokens', 'n', 'temperature', 'top_p', 'stream', 'size', 'quality', 'style', 'dimensions', 'encoding_format'] as const;

const scalar = (v: unknown): string | undefined => (typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v.slice(0, MAX_VALUE) : undefined);

/** A value as far as scalar() can tell values apart: equal inputs here give equal features. */
const plain = (v: unknown): unknown => (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? v : undefined);

/**
 * Everything the features are made of, raw: one client's requests repeat it, so the previous request's inputs are
 * compared (no strings built, no sort) and its features reused. The features are read-only to every consumer.
 */
interface Last {
  readonly endpoint: Endpoint;
  readonly names: readonly string[];
  readonly model: string | undefined;
  readonly controls: readonly unknown[];
  /** response_format: absent (false) or an object, and its type. */
  readonly fmt: boolean;
  readonly fmtType: unknown;
  /** messages: a non-empty array (true), and its first role. */
  readonly msgs: boolean;
  readonly role: unknown;
  readonly out: readonly string[];
}
let last: Last | undefined;

function sameNames(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export function shapeOf(endpoint: Endpoint, body: Record<string, unknown> | undefined, model: string | undefined): readonly string[] {
  if (!body || endpoint === 'models') return [];
  const names = Object.keys(body);
  const fmtValue = body['response_format'];
  const fmt = !!fmtValue && typeof fmtValue === 'object';
  const fmtType = fmt ? plain((fmtValue as Record<string, unknown>)['type']) : undefined;
  const msgsValue = body['messages'];
  const msgs = Array.isArray(msgsValue) && msgsValue.length > 0;
  const role = msgs ? plain((msgsValue[0] as Record<string, unknown> | null)?.['role']) : undefined;
  const l = last;
  if (l && l.endpoint === endpoint && l.model === model && l.fmt === fmt && l.fmtType === fmtType && l.msgs === msgs && l.role === role && sameNames(l.names, names)) {
    let same = true;
    for (let i = 0; i < CONTROLS.length; i++) {
      if (l.controls[i] !== plain(body[CONTROLS[i]!])) {
        same = false;
        break;
      }
    }
    if (same) return l.out;
  }
  const controls = CONTROLS.map((c) => plain(body[c]));
  const out = compute(endpoint, body, model, names.slice());
  last = { endpoint, names, model, controls, fmt, fmtType, msgs, role, out };
  return out;
}

function compute(endpoint: Endpoint, body: Record<string, unknown>, model: string | undefined, names: string[]): string[] {
  const out: string[] = [];
  // The first 64 names, each cut to MAX_NAME, sorted, the first MAX_PARAMS (a fresh array: edited in place).
  if (names.length > 64) names.length = 64;
  for (let i = 0; i < names.length; i++) if (names[i]!.length > MAX_NAME) names[i] = names[i]!.slice(0, MAX_NAME);
  names.sort();
  if (names.length > MAX_PARAMS) names.length = MAX_PARAMS;
  out.push(`${endpoint}|params=${names.join(',')}`);
  if (model) out.push(`${endpoint}|model=${model.slice(0, MAX_VALUE)}`);
  for (const c of CONTROLS) {
    const v = scalar(body[c]);
    if (v !== undefined) out.push(`${endpoint}|${c}=${v}`);
  }
  const fmt = body['response_format'];
  if (fmt && typeof fmt === 'object') out.push(`${endpoint}|response_format=${scalar((fmt as Record<string, unknown>)['type']) ?? 'object'}`);
  const msgs = body['messages'];
  if (Array.isArray(msgs) && msgs.length > 0) {
    const role = scalar((msgs[0] as Record<string, unknown> | null)?.['role']);
    if (role) out.push(`${endpoint}|first-role=${role}`);
  }
  return out;
}

/** The parameter a feature describes (`chat|max_tokens`), for judging how much the owner varies it. */
export const featureParam = (feature: string): string => feature.slice(0, feature.indexOf('='));
