// Admin routes: keys (create, list, show, revoke, suspend, reinstate, rotate, leaked).
import { z } from 'zod';
import type { Deps } from '../deps.js';
import { KeyService, publicKey } from '../keys/service.js';
import type { KeyLimits } from '../keys/types.js';
import { parseCidr } from '../net/cidr.js';
import { MAX_PROOF_KEYS, toProofKeys } from '../proof/bind.js';
import type { AdminResult, AdminRoute } from './route.js';
import { parseInput } from './validate.js';

const limitFields = {
  requestsPerMinute: z.number().int().positive(),
  tokensPerMinute: z.number().int().positive(),
  imagesPerDay: z.number().int().positive(),
  spendPerDayUsd: z.number().positive(),
  spendPerMonthUsd: z.number().positive(),
  concurrentRequests: z.number().int().positive(),
};
const limits = z.object(limitFields).partial().strict();
/** In a PATCH, null removes a limit; absent leaves it as it is. */
const limitsPatch = z
  .object(Object.fromEntries(Object.entries(limitFields).map(([k, v]) => [k, v.nullable()])) as { [K in keyof typeof limitFields]: z.ZodNullable<(typeof limitFields)[K]> })
  .partial()
  .strict();
const cidr = z.string().refine((s) => parseCidr(s) !== undefined, 'not a valid CIDR');

export const createKeySchema = z
  .object({
    tenantId: z.string().min(1),
    name: z.string().trim().min(1).max(200),
    type: z.enum(['live', 'test']).optional(),
    endpoints: z
      .array(z.enum(['chat', 'images', 'embeddings']))
      .min(1)
      .default(['chat', 'embeddings']),
    models: z.array(z.string().min(1)).nullable().optional(),
    expiresAt: z.string().datetime({ offset: true }).nullable().optional(),
    allowedCidrs: z.array(cidr).optional(),
    allowedAsns: z.array(z.number().int().positive()).optional(),
    canary: z.boolean().optional(),
    requireProof: z.boolean().optional(),
    /** Client public JWKs (checked in proof/bind.ts, where every problem is named). */
    proofKeys: z.array(z.unknown()).max(MAX_PROOF_KEYS).optional(),
    limits: limits.optional(),
  })
  .strict();

/** PATCH /keys/{id}: the settings an admin may edit; every issue is listed at once. */
export const updateKeySchema = z
  .object({
    name: z.string().trim().min(1).max(200),
    endpoints: z.array(z.enum(['chat', 'images', 'embeddings'])).min(1),
    models: z.array(z.string().min(1)).min(1).nullable(),
    allowedCidrs: z.array(cidr),
    expiresAt: z.string().datetime({ offset: true }).nullable(),
    limits: limitsPatch,
  })
  .partial()
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change: give at least one of name, endpoints, models, allowedCidrs, expiresAt, limits');

const reason = z.object({ reason: z.string().max(500).optional() }).strict();
const rotate = z
  .object({
    gracePeriodSeconds: z
      .number()
      .int()
      .min(0)
      .max(30 * 86400)
      .default(3600),
  })
  .strict();

const notFound = (id: string | undefined): AdminResult => ({ denial: { code: 'NOT_FOUND', message: `No key ${id}.` } });
const isRevoked = (id: string | undefined): AdminResult => ({ denial: { code: 'CONFLICT', message: `Key ${id} is revoked; revocation is final.` } });

/** The key's limits with a PATCH applied: a number sets, null removes, absent keeps. */
export function mergeLimits(current: KeyLimits, patch: { [K in keyof KeyLimits]?: number | null | undefined }): KeyLimits {
  const out: Record<string, number> = { ...(current as Record<string, number>) };
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else if (v !== undefined) out[k] = v;
  }
  return out;
}

export function keyRoutes(deps: Deps): AdminRoute[] {
  const svc = new KeyService(deps);
  return [
    {
      method: 'POST',
      path: '/keys',
      async handle({ body, actor }) {
        const p = parseInput(createKeySchema, body);
        if (!p.ok) return p;
        if (!(await deps.store.getTenant(p.value.tenantId))) return { denial: { code: 'INVALID_REQUEST', message: `No tenant ${p.value.tenantId}.`, param: 'tenantId' } };
        const v = p.value;
        const proof = v.proofKeys ? await toProofKeys(v.proofKeys) : undefined;
        if (proof && !proof.ok) return { denial: { code: 'INVALID_REQUEST', message: proof.message, param: proof.param } };
        const { record, key } = await svc.create(
          {
            tenantId: v.tenantId,
            name: v.name,
            endpoints: v.endpoints,
            ...(v.type ? { type: v.type } : {}),
            ...(v.models !== undefined ? { models: v.models } : {}),
            ...(v.expiresAt !== undefined ? { expiresAt: v.expiresAt === null ? null : new Date(v.expiresAt).toISOString() } : {}),
            ...(v.allowedCidrs ? { allowedCidrs: v.allowedCidrs } : {}),
            ...(v.allowedAsns ? { allowedAsns: v.allowedAsns } : {}),
            ...(v.canary !== undefined ? { canary: v.canary } : {}),
            ...(v.requireProof !== undefined ? { requireProof: v.requireProof } : {}),
            ...(proof?.ok ? { proofKeys: proof.keys } : {}),
            ...(v.limits ? { limits: v.limits as Record<string, number> } : {}),
          },
          actor,
        );
        return { status: 201, body: { ...publicKey(record), key } };
      },
    },
    {
      method: 'GET',
      path: '/keys',
      async handle({ query }) {
        const t = query.get('tenantId');
        return { status: 200, body: (await deps.store.listKeys(t ?? undefined)).map((k) => publicKey(k)) };
      },
    },
    {
      method: 'GET',
      path: '/keys/:id',
      async handle({ params }) {
        const k = await deps.store.getKey(params['id']!);
        return k ? { status: 200, body: publicKey(k) } : notFound(params['id']);
      },
    },
    {
      method: 'PATCH',
      path: '/keys/:id',
      async handle({ params, body, actor }) {
        const p = parseInput(updateKeySchema, body);
        if (!p.ok) return p;
        const k = await deps.store.getKey(params['id']!);
        if (!k) return notFound(params['id']);
        if (k.status === 'revoked') return isRevoked(params['id']);
        const v = p.value;
        const merged = v.limits ? mergeLimits(k.limits, v.limits) : undefined;
        const after = await svc.update(
          k.id,
          {
            ...(v.name !== undefined ? { name: v.name } : {}),
            ...(v.endpoints !== undefined ? { endpoints: [...new Set(v.endpoints)] } : {}),
            ...(v.models !== undefined ? { models: v.models === null ? null : [...new Set(v.models)] } : {}),
            ...(v.allowedCidrs !== undefined ? { allowedCidrs: v.allowedCidrs } : {}),
            ...(v.expiresAt !== undefined ? { expiresAt: v.expiresAt === null ? null : new Date(v.expiresAt).toISOString() } : {}),
            ...(merged ? { limits: merged } : {}),
          },
          actor,
        );
        return after ? { status: 200, body: publicKey(after) } : notFound(params['id']);
      },
    },
    ...(['revoke', 'suspend'] as const).map(
      (verb): AdminRoute => ({
        method: 'POST',
        path: `/keys/:id/${verb}`,
        async handle({ params, body, actor }) {
          const p = parseInput(reason, body);
          if (!p.ok) return p;
          const k = await svc[verb](params['id']!, actor, p.value.reason);
          return k ? { status: 200, body: publicKey(k) } : notFound(params['id']);
        },
      }),
    ),
    {
      method: 'POST',
      path: '/keys/:id/reinstate',
      async handle({ params, actor }) {
        const k = await svc.reinstate(params['id']!, actor);
        if (k === 'revoked') return isRevoked(params['id']);
        return k ? { status: 200, body: publicKey(k) } : notFound(params['id']);
      },
    },
    {
      method: 'POST',
      path: '/keys/:id/rotate',
      async handle({ params, body, actor }) {
        const p = parseInput(rotate, body);
        if (!p.ok) return p;
        const r = await svc.rotate(params['id']!, p.value.gracePeriodSeconds, actor);
        if (r === 'revoked') return isRevoked(params['id']);
        return r ? { status: 200, body: { ...publicKey(r.record), key: r.key } } : notFound(params['id']);
      },
    },
    {
      method: 'POST',
      path: '/keys/:id/leaked',
      async handle({ params, actor }) {
        const k = await svc.setLeaked(params['id']!, true, actor, 'admin');
        return k ? { status: 200, body: publicKey(k) } : notFound(params['id']);
      },
    },
  ];
}
