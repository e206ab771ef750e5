// Pure: the audit search filters the store cannot apply (status, denying stage, kind, action) over parsed events.
export interface EventFilter {
  /** An exact status ("401") or a class ("4xx", "5xx"). */
  readonly status?: string;
  /** The stage that denied the request (detail.deniedBy), e.g. "authenticate", "promptPolicy". */
  readonly stage?: string;
  readonly kind?: 'request' | 'admin';
  /** Admin action prefix, e.g. "key." or "key.revoke". */
  readonly action?: string;
}

interface SearchedEvent {
  kind?: unknown;
  status?: unknown;
  action?: unknown;
  detail?: unknown;
}

const STATUS = /^(?:[1-5]\d\d|[1-5]xx)$/;

/** The filter from query parameters, or the first parameter that does not parse. */
export function parseEventFilter(q: URLSearchParams): { ok: true; filter: EventFilter } | { ok: false; param: string; message: string } {
  const f: { -readonly [K in keyof EventFilter]?: EventFilter[K] } = {};
  const status = q.get('status');
  if (status) {
    if (!STATUS.test(status)) return { ok: false, param: 'status', message: 'status must be an HTTP status (401) or a class (4xx).' };
    f.status = status;
  }
  const kind = q.get('kind');
  if (kind) {
    if (kind !== 'request' && kind !== 'admin') return { ok: false, param: 'kind', message: 'kind must be request or admin.' };
    f.kind = kind;
  }
  for (const k of ['stage', 'action'] as const) {
    const v = q.get(k);
    if (v) {
      if (v.length > 64) return { ok: false, param: k, message: `${k} is at most 64 characters.` };
      f[k] = v;
    }
  }
  return { ok: true, filter: f };
}

export function matchesEvent(e: SearchedEvent, f: EventFilter): boolean {
  if (f.kind !== undefined && e.kind !== f.kind) return false;
  if (f.status !== undefined) {
    if (typeof e.status !== 'number') return false;
    const s = String(e.status);
    if (f.status.endsWith('xx') ? s[0] !== f.status[0] : s !== f.status) return false;
  }
  if (f.stage !== undefined && (e.detail as { deniedBy?: unknown } | undefined)?.deniedBy !== f.stage) return false;
  if (f.action !== undefined && !(typeof e.action === 'string' && e.action.startsWith(f.action))) return false;
  return true;
}
