// Admin routes of the risk domain: incidents, the live policy, and a key's learned profile.
import { z } from 'zod';
import type { AdminRoute } from '../admin/route.js';
import { parseInput } from '../admin/validate.js';
import type { Store } from '../store/port.js';
import { riskPolicySchema, type RiskPolicy } from './config.js';
import { adminEvent } from '../keys/service.js';
import { isKnown, isMature } from './profile.js';
import type { RiskService } from './service.js';
import { SIGNALS } from './signals/index.js';
import { declareBody } from './declared-networks.js';

const POLICY_SETTING = 'risk.policy';
/** Networks to add to a key's profile ahead of a move: CIDRs (IPv4/IPv6) and/or ASNs. */
const SIGNAL_NAMES = new Set(SIGNALS.map((s) => s.name));
/** A weight for a signal that does not exist would be kept and never used: name it instead. */
const policyPatch = riskPolicySchema
  .partial()
  .strict()
  .superRefine((p, ctx) => {
    for (const name of Object.keys(p.weights ?? {})) {
      if (!SIGNAL_NAMES.has(name)) ctx.addIssue({ code: 'custom', path: ['weights', name], message: 'no such signal (GET /admin/v1/risk/signals lists them)' });
    }
  });
const listQuery = z.object({
  keyId: z.string().max(64).optional(),
  tenantId: z.string().max(64).optional(),
  status: z.enum(['open', 'resolved']).optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

/** Thresholds out of order would make a stronger action fire before a weaker one: name the first such pair. */
export function orderProblem(p: RiskPolicy): { param: string; message: string } | undefined {
  if (p.blockAt < p.flagAt) return { param: 'blockAt', message: `blockAt (${p.blockAt}) must be at least flagAt (${p.flagAt})` };
  if (p.suspendAt < p.throttleAt) return { param: 'suspendAt', message: `suspendAt (${p.suspendAt}) must be at least throttleAt (${p.throttleAt})` };
  return undefined;
}

/** A policy saved through the admin API overrides the config file's (applied at boot). */
export async function loadSavedPolicy(risk: RiskService, store: Store): Promise<void> {
  const saved = await store.getSetting(POLICY_SETTING);
  if (!saved) return;
  const r = riskPolicySchema.safeParse({ ...risk.policy, ...(JSON.parse(saved) as object) });
  if (r.success) risk.policy = r.data;
}

export function riskRoutes(d: { risk: RiskService; store: Store }): AdminRoute[] {
  const { risk, store } = d;
  return [
    {
      method: 'GET',
      path: '/incidents',
      async handle({ query }) {
        const q = parseInput(listQuery, Object.fromEntries(query));
        if (!q.ok) return q;
        const f = q.value;
        const incidents = await risk.listIncidents({
          ...(f.keyId ? { keyId: f.keyId } : {}),
          ...(f.tenantId ? { tenantId: f.tenantId } : {}),
          ...(f.status ? { status: f.status } : {}),
          ...(f.limit ? { limit: f.limit } : {}),
        });
        return { status: 200, body: { object: 'list', data: incidents } };
      },
    },
    { method: 'GET', path: '/risk/policy', handle: () => ({ status: 200, body: risk.policy }) },
    // Every signal with its built-in weight; the policy's `weights` override them by name.
    { method: 'GET', path: '/risk/signals', handle: () => ({ status: 200, body: { object: 'list', data: SIGNALS.map((s) => ({ name: s.name, kind: s.kind, defaultWeight: s.weight })) } }) },
    {
      method: 'PUT',
      path: '/risk/policy',
      async handle({ body, actor }) {
        const p = parseInput(policyPatch, body);
        if (!p.ok) return p;
        const before = risk.policy;
        // zod fills the defaults of fields the patch left out: only the fields sent change.
        const sent = Object.fromEntries(Object.entries(p.value).filter(([k]) => Object.hasOwn((body ?? {}) as object, k)));
        const next: RiskPolicy = riskPolicySchema.parse({ ...before, ...sent });
        const problem = orderProblem(next);
        if (problem) return { denial: { code: 'INVALID_REQUEST', message: `Invalid request: ${problem.message}.`, param: problem.param } };
        risk.policy = next;
        await store.setSetting(POLICY_SETTING, JSON.stringify(next));
        await store.appendAudit([adminEvent(actor, 'risk.policy.set', {}, { before, after: next })]);
        return { status: 200, body: next };
      },
    },
    {
      method: 'GET',
      path: '/keys/:id/risk',
      async handle({ params }) {
        const key = await store.getKey(params['id']!);
        if (!key) return { denial: { code: 'NOT_FOUND', message: `No key ${params['id']}.` } };
        const p = await risk.profileFor(key.id, key.tenantId, Date.now());
        const l = risk.settings.learning;
        const known = <T extends { ok: number; n: number; last: number }>(rec: Record<string, T>) =>
          Object.entries(rec).map(([k, v]) => ({ id: k, requests: v.n, ownerLike: v.ok, known: isKnown(v, p, l), lastSeen: new Date(v.last).toISOString() }));
        return {
          status: 200,
          body: {
            keyId: key.id,
            requests: p.n,
            mature: isMature(p, l),
            suspicion: Math.round(p.suspicion),
            networks: known(p.nets),
            countries: known(p.countries),
            clients: Object.values(p.fps).map((f) => f.label),
            endpoints: p.endpoints,
            incidentId: p.incidentId,
            declared: p.declared ?? { cidrs: [], asns: [] },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/keys/:id/profile/networks',
      async handle({ params, body, actor }) {
        const b = parseInput(declareBody, body);
        if (!b.ok) return b;
        const key = await store.getKey(params['id']!);
        if (!key) return { denial: { code: 'NOT_FOUND', message: `No key ${params['id']}.` } };
        const p = await risk.profileFor(key.id, key.tenantId, Date.now());
        const declared = risk.declareNetworks(p, b.value);
        await store.appendAudit([adminEvent(actor, 'key.profile.networks', { keyId: key.id, tenantId: key.tenantId }, b.value)]);
        return { status: 200, body: { keyId: key.id, declared } };
      },
    },
  ];
}
