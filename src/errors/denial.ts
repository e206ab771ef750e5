// A denial is a value: what a stage returns when a request must not go on.
import type { ErrorCode } from './codes.js';

export interface Denial {
  readonly code: ErrorCode;
  readonly message: string;
  readonly param?: string | null;
  /** Seconds; rendered as `retry-after`. */
  readonly retryAfter?: number;
  /** Extra headers (e.g. x-ratelimit-*). */
  readonly headers?: Readonly<Record<string, string>>;
  /** Extra fields merged into `error` (e.g. Azure `innererror`). */
  readonly extra?: Readonly<Record<string, unknown>>;
  /** Overrides the envelope `code` string (default: the lower-cased code). */
  readonly wireCode?: string;
  /** Overrides the envelope `type` (default: from the code's status), e.g. for an upstream's own status. */
  readonly wireType?: string;
}

export type Outcome = { readonly ok: true; readonly unchanged?: true } | { readonly ok: false; readonly denial: Denial };

export const OK: Outcome = Object.freeze({ ok: true as const });

/**
 * An onResponse hook's "allowed, and I did not touch the body". Opt-in: only when every hook says
 * so is the upstream's answer relayed as it came (a hook that answers OK may have rewritten it,
 * so the body is re-serialised: forgetting UNCHANGED costs time, never safety).
 */
export const UNCHANGED: Outcome = Object.freeze({ ok: true as const, unchanged: true as const });

export function deny(code: ErrorCode, message: string, more: Omit<Denial, 'code' | 'message'> = {}): Outcome {
  return { ok: false, denial: { code, message, ...more } };
}
