// Request shape: the constants a client program puts in its requests (parameters sent, model, output cap, first role).
import type { Endpoint } from '../proxy/context.js';

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

const scalar = (v: unknown): string | undefined =>
  typeof v === 'number' || typeof v === 'boolean' ? String(v) : typeof v === 'string' ? v.slice(0, MAX_VALUE) : undefined;

export function shapeOf(endpoint: Endpoint, body: Record<string, unknown> | undefined, model: string | undefined): string[] {
  if (!body || endpoint === 'models') return [];
  const out: string[] = [];
  // The first 64 names, each cut to MAX_NAME, sorted, the first MAX_PARAMS (Object.keys gives a fresh array: edited in place).
  const names = Object.keys(body);
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
