// `warden audit search`: audit events by key, tenant, incident, time, status and denying stage, via the admin API.
import { matchesEvent, parseEventFilter } from '../../audit/search.js';
import { adminCall, adminOptions, clientOpts } from '../admin-client.js';
import { emit, table } from '../output.js';
import { defineCommand, UsageError } from '../spec.js';

const UNITS: Record<string, number> = { s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 };

/** Pure: an ISO time, or a duration before `now` ("15m", "2h", "7d") as an ISO time. */
export function timeArg(name: string, v: string, now = Date.now()): string {
  const rel = /^(\d+)([smhd])$/.exec(v);
  if (rel) return new Date(now - Number(rel[1]) * UNITS[rel[2]!]!).toISOString();
  if (Number.isNaN(Date.parse(v))) throw new UsageError(`--${name} takes an ISO time or a duration such as 15m, 2h, 7d; not '${v}'`);
  return new Date(v).toISOString();
}

interface EventRow {
  seq: number;
  time: string;
  kind: string;
  requestId: string;
  keyId?: string | null;
  tenantId?: string | null;
  endpoint?: string;
  status?: number;
  errorCode?: string | null;
  decision?: string | null;
  action?: string;
  actor?: string;
  clientIp?: string;
  detail?: { deniedBy?: string | null };
}

export const auditSearchCommand = defineCommand({
  summary: 'List audit events (oldest first, at most --limit of the newest that match) by key, tenant, incident, time, status and denying stage.',
  options: {
    ...adminOptions,
    key: { type: 'string', value: 'ID', description: 'events of this key' },
    tenant: { type: 'string', value: 'ID', description: 'events of this tenant' },
    incident: { type: 'string', value: 'ID', description: 'events of this incident' },
    since: { type: 'string', value: 'TIME', description: 'from this time: ISO 8601, or a duration ago (15m, 2h, 7d)' },
    until: { type: 'string', value: 'TIME', description: 'before this time (same forms as --since)' },
    status: { type: 'string', value: 'STATUS', description: 'an HTTP status (429) or a class (4xx)' },
    stage: { type: 'string', value: 'STAGE', description: 'the pipeline stage that refused the request, e.g. authenticate, limit, promptPolicy' },
    kind: { type: 'string', value: 'KIND', description: 'request or admin' },
    limit: { type: 'string', value: 'N', default: '100', description: 'at most this many events (1-5000)' },
  },
  async run(values) {
    const params = new URLSearchParams();
    if (values.key) params.set('keyId', values.key);
    if (values.tenant) params.set('tenantId', values.tenant);
    if (values.incident) params.set('incidentId', values.incident);
    if (values.since) params.set('from', timeArg('since', values.since));
    if (values.until) params.set('to', timeArg('until', values.until));
    for (const k of ['status', 'stage', 'kind'] as const) if (values[k]) params.set(k, values[k]);
    const filter = parseEventFilter(params);
    if (!filter.ok) throw new UsageError(`--${filter.param}: ${filter.message}`);
    const limit = Number(values.limit ?? 100);
    if (!Number.isInteger(limit) || limit < 1 || limit > 5000) throw new UsageError(`--limit takes a number from 1 to 5000, not '${values.limit}'`);
    params.set('limit', String(limit));
    const r = (await adminCall(clientOpts(values), 'GET', `/audit/events?${params}`)) as { total: number; data: EventRow[]; partial?: { scanned: number; coversFrom: string } };
    // The gateway filters by status and stage itself; filtering again here keeps the answer right against one that does not.
    const data = r.data.filter((e) => matchesEvent(e, filter.filter)).slice(-limit);
    const more = r.total > r.data.length;
    emit(
      values,
      { total: more ? r.total : data.length, data, ...(r.partial ? { partial: r.partial } : {}) },
      (x) =>
        table(x.data, [
          ['seq', (e) => e.seq],
          ['time', (e) => e.time],
          ['kind', (e) => e.kind],
          ['key', (e) => e.keyId],
          ['tenant', (e) => e.tenantId],
          ['status', (e) => e.status],
          ['stage', (e) => e.detail?.deniedBy],
          ['what', (e) => e.action ?? [e.endpoint, e.errorCode ?? e.decision].filter(Boolean).join(' ')],
          ['request', (e) => e.requestId],
        ]) +
        (x.total > x.data.length ? `(${x.data.length} shown of ${x.partial ? 'at least ' : ''}${x.total}; narrow the search or raise --limit)\n` : '') +
        (x.partial ? `(searched the newest ${x.partial.scanned} events, back to ${x.partial.coversFrom}; give --since/--until to search further back)\n` : ''),
    );
    return 0;
  },
});
