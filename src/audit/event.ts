// The audit event: one per data-plane request and one per admin action.
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
  errorCode?: string | null;
  usage?: unknown;
  latencyMs?: number;
  detail?: unknown;
}

/** Where events go. `append` never blocks the request path. */
export interface AuditSink {
  append(event: AuditEvent): void;
  /** Resolves when everything appended so far is durable. */
  flush(): Promise<void>;
  close(): Promise<void>;
}
