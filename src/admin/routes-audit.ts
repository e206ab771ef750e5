// Admin routes: audit log verify, evidence export, public key.
import type { Deps } from '../deps.js';
import { serializeBundle } from '../audit/bundle.js';
import type { AuditQuery } from '../audit/log-port.js';
import type { AdminRoute } from './route.js';

export function auditRoutes(deps: Deps): AdminRoute[] {
  return [
    {
      method: 'GET',
      path: '/audit/verify',
      async handle() {
        const report = await deps.auditLog.verify();
        return { status: 200, body: { ...report, sealer: deps.auditLog.health } };
      },
    },
    {
      // Audit search (the console's audit page and overview chart): newest last, at most `limit`, bodies parsed.
      method: 'GET',
      path: '/audit/events',
      async handle({ query }) {
        const q: AuditQuery = {};
        for (const k of ['keyId', 'tenantId', 'incidentId', 'from', 'to'] as const) {
          const v = query.get(k);
          if (v) q[k] = v;
        }
        for (const k of ['from', 'to'] as const) {
          if (q[k] !== undefined && Number.isNaN(Date.parse(q[k]))) return { denial: { code: 'INVALID_REQUEST', message: `${k} must be an ISO time.`, param: k } };
        }
        const limit = Math.min(5000, Math.max(1, Number(query.get('limit') ?? 500) || 500));
        const rows = await deps.auditLog.log.find(q);
        const events = rows.slice(-limit).map((r) => ({ seq: r.seq, sealed: r.seal !== null, ...(JSON.parse(r.body) as object) }));
        return { status: 200, body: { object: 'list', total: rows.length, data: events } };
      },
    },
    {
      method: 'GET',
      path: '/audit/public-key',
      handle() {
        const k = deps.auditLog.keys;
        return { status: 200, body: { algorithm: 'Ed25519', keyId: k.keyId, publicKeyPem: k.publicKeyPem } };
      },
    },
    {
      method: 'GET',
      path: '/audit/export',
      async handle({ query, actor }) {
        const q: AuditQuery = {};
        for (const k of ['keyId', 'tenantId', 'incidentId', 'from', 'to'] as const) {
          const v = query.get(k);
          if (v) q[k] = v;
        }
        if (!q.keyId && !q.tenantId && !q.incidentId) {
          return { denial: { code: 'INVALID_REQUEST', message: 'Give keyId, tenantId or incidentId.', param: 'keyId' } };
        }
        const bundle = await deps.auditLog.export(q, { actor: `${actor.actor}:${actor.requestId}`, includeText: query.get('includeText') === 'true' });
        // Parsed back from the canonical text so the response body is byte-identical to a bundle file.
        return { status: 200, body: JSON.parse(serializeBundle(bundle)) as unknown, headers: { 'content-disposition': 'attachment; filename="warden-evidence.json"' } };
      },
    },
  ];
}
