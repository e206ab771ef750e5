// The audit event: one per data-plane request and one per admin action.
import type { ErrorCode } from '../errors/codes.js';
export interface AuditEvent {
  /** ISO time. */
  time: string;
  kind: 'request' | 'admin';
  requestId: string;
  /** Admin actions: what was done (e.g. "key.revoke"), and by whom. */
  action?: string;
  actor?: string;
  keyId?: string | null;
  tenantId?: string | null;
  clientIp?: string;
  country?: string | null;
  asn?: number | null;
  fingerprint?: string | null;
  endpoint?: string;
  model?: string | null;
  promptHash?: string | null;
  verdicts?: unknown;
  riskScore?: number | null;
  signals?: unknown;
  /** Risk/policy action taken (allow, flag, block-request, suspend-key...). */
  decision?: string | null;
  status?: number;
  /** A code of the error catalogue (src/errors/codes.ts) only. */
  errorCode?: ErrorCode | null;
  usage?: unknown;
  latencyMs?: number;
  detail?: unknown;
  /** Incident this event opened or belongs to (export --incident). */
  incidentId?: string | null;
  /**
   * Plaintext handed to the sink; never stored in the event. Kept encrypted only if policy
   * says so, and replaced by `textCommit` (salted hash commitments) before the event is written.
   */
  text?: { prompt?: string; output?: string };
  /** A policy stage asks for this request's text to be kept (subject to a text key). */
  keepText?: boolean;
  /** hex commitments to kept text (see audit/text-crypto.ts). */
  textCommit?: { prompt?: string; output?: string };
}

/** Where events go. `append` never blocks the request path. */
export interface AuditSink {
  append(event: AuditEvent): void;
  /** Resolves when everything appended so far is durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
