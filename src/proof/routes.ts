// Admin routes: bind and unbind a key's proof-of-possession public keys, and turn `requireProof` on or off.
import { z } from 'zod';
import type { AdminRoute } from '../admin/route.js';
import { parseInput } from '../admin/validate.js';
import type { Deps } from '../deps.js';
import { KeyService, publicKey } from '../keys/service.js';
import { MAX_PROOF_KEYS, mergeProofKeys, toProofKeys } from './bind.js';

const bindBody = z
  .object({
    proofKeys: z.array(z.unknown()).max(MAX_PROOF_KEYS).default([]),
    requireProof: z.boolean().optional(),
  })
  .strict();

const notFound = (id: string | undefined) => ({ denial: { code: 'NOT_FOUND' as const, message: `No key ${id}.` } });

export function proofRoutes(deps: Deps): AdminRoute[] {
  const svc = new KeyService(deps);
  return [
    {
      method: 'POST',
      path: '/keys/:id/proof-keys',
      async handle({ params, body, actor }) {
        const id = params['id']!;
        const p = parseInput(bindBody, body);
        if (!p.ok) return p;
        const checked = await toProofKeys(p.value.proofKeys);
        if (!checked.ok) return { denial: { code: 'INVALID_REQUEST', message: checked.message, param: checked.param } };
        const key = await deps.store.getKey(id);
        if (!key) return notFound(id);
        if (key.status === 'revoked') return { denial: { code: 'CONFLICT', message: `Key ${id} is revoked; revocation is final.` } };
        const merged = mergeProofKeys(key.proofKeys ?? [], checked.keys);
        if (!merged) return { denial: { code: 'INVALID_REQUEST', message: `A key holds at most ${MAX_PROOF_KEYS} proof keys; unbind one first.`, param: 'proofKeys' } };
        const added = checked.keys.map((k) => k.thumbprint).filter((t) => !(key.proofKeys ?? []).some((c) => c.thumbprint === t));
        const requireProof = p.value.requireProof;
        if (added.length === 0 && (requireProof === undefined || requireProof === key.requireProof)) return { status: 200, body: publicKey(key) };
        const updated = await svc.setProof(
          id,
          { ...(added.length ? { proofKeys: merged } : {}), ...(requireProof !== undefined ? { requireProof } : {}) },
          actor,
          added.length ? 'key.proof_keys.bind' : 'key.require_proof',
          { thumbprints: added, ...(requireProof !== undefined ? { requireProof } : {}) },
        );
        return updated ? { status: 200, body: publicKey(updated) } : notFound(id);
      },
    },
    {
      method: 'DELETE',
      path: '/keys/:id/proof-keys/:thumbprint',
      async handle({ params, actor }) {
        const id = params['id']!;
        const thumbprint = params['thumbprint']!;
        const key = await deps.store.getKey(id);
        if (!key) return notFound(id);
        const rest = (key.proofKeys ?? []).filter((k) => k.thumbprint !== thumbprint);
        if (rest.length === (key.proofKeys ?? []).length) return { denial: { code: 'NOT_FOUND', message: `Key ${id} has no proof key ${thumbprint}.`, param: 'thumbprint' } };
        const updated = await svc.setProof(id, { proofKeys: rest }, actor, 'key.proof_keys.unbind', { thumbprints: [thumbprint] });
        return updated ? { status: 200, body: publicKey(updated) } : notFound(id);
      },
    },
  ];
}
