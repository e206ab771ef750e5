// Admin routes: audit log verify, evidence export, public key.
import type { Deps } from '../deps.js';
import { serializeBundle } from '../audit/bundle.js';
import type { AuditQuery } from '../audit/log-port.js';
import { partialNote, SCAN_LIMITS, scanNewest, type ScanLimits } from '../audit/scan-newest.js';
import { matchesEvent, parseEventFilter } from '../audit/search.js';
import type { AdminRoute } from './route.js';

export function auditRoutes(deps: Deps, limits: ScanLimits = SCAN_LIMITS): AdminRoute[] {
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
        const f = parseEventFilter(query);
        if (!f.ok) return { denial: { code: 'INVALID_REQUEST', message: f.message, param: f.param } };
        const limit = Math.min(5000, Math.max(1, Number(query.get('limit') ?? 500) || 500));
        // Newest first, keeping only the newest `limit` matches: memory stays bounded however many match.
        const newest: Record<string, unknown>[] = [];
        let total = 0;
        const end = await scanNewest(
          deps.auditLog.log,
          q,
          (r) => {
            const e: Record<string, unknown> = { seq: r.seq, sealed: r.seal !== null, ...(JSON.parse(r.body) as object) };
            if (!matchesEvent(e, f.filter)) return;
            total++;
            if (newest.length < limit) newest.push(e);
          },
          limits,
        );
        return { status: 200, body: { object: 'list', total, data: newest.reverse(), ...partialNote(end) } };
      },
    },
    {
      // The latest signed checkpoint as stored (without the tree edge), its age, and the sealer's state.
      method: 'GET',
      path: '/audit/checkpoint',
      async handle() {
        const cp = await deps.auditLog.log.latestCheckpoint();
        const checkpoint = cp ? { treeSize: cp.treeSize, root: cp.root, time: cp.time, keyId: cp.keyId, signature: cp.signature } : null;
        const ageSeconds = cp ? Math.max(0, Math.round((Date.now() - Date.parse(cp.time)) / 1000)) : null;
        return { status: 200, body: { checkpoint, ageSeconds, events: await deps.auditLog.log.maxSeq(), sealer: deps.auditLog.health } };
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
      async handle({ query, actor, role }) {
        const includeText = query.get('includeText') === 'true';
        // A viewer may export what it can already read (event metadata, proofs, checkpoint); decrypted prompt
        // and output text is more than read access, so only an admin may take it out.
        if (includeText && role !== 'admin') {
          return {
            denial: {
              code: 'ADMIN_FORBIDDEN',
              message: 'Exporting prompt and output text (includeText=true) needs an admin credential; a viewer may export the bundle without text.',
              param: 'includeText',
            },
          };
        }
        const q: AuditQuery = {};
        for (const k of ['keyId', 'tenantId', 'incidentId', 'from', 'to'] as const) {
          const v = query.get(k);
          if (v) q[k] = v;
        }
        if (!q.keyId && !q.tenantId && !q.incidentId) {
          return { denial: { code: 'INVALID_REQUEST', message: 'Give keyId, tenantId or incidentId.', param: 'keyId' } };
        }
        const bundle = await deps.auditLog.export(q, { actor: `${actor.actor}:${actor.requestId}`, includeText });
        // Parsed back from the canonical text so the response body is byte-identical to a bundle file.
        return { status: 200, body: JSON.parse(serializeBundle(bundle)) as unknown, headers: { 'content-disposition': 'attachment; filename="warden-evidence.json"' } };
      },
    },
  ];
}
