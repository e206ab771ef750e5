// Admin routes: bind and unbind a key's proof-of-possession public keys, and turn `requireProof` on or off.
import { z } from 'zod';
import type { AdminResult, AdminRoute } from '../admin/router.js';
import { parseInput } from '../admin/validate.js';
import type { Deps } from '../deps.js';
import type { KeyRecord, ProofKey } from '../keys/types.js';
import { KeyService, publicKey, type AdminActor } from '../keys/service.js';
import { MAX_PROOF_KEYS, mergeProofKeys, toProofKeys } from './bind.js';

const bindBody = z
  .object({
    proofKeys: z.array(z.unknown()).max(MAX_PROOF_KEYS).default([]),
    requireProof: z.boolean().optional(),
  })
  .strict();

const notFound = (id: string | undefined) => ({ denial: { code: 'NOT_FOUND' as const, message: `No key ${id}.` } });

/** A change to apply to the key as read, none needed, or a refusal. */
type Plan =
  | { change: { proofKeys?: ProofKey[]; requireProof?: boolean }; action: 'key.proof_keys.bind' | 'key.proof_keys.unbind' | 'key.require_proof'; detail: Record<string, unknown> }
  | { unchanged: true }
  | { refuse: AdminResult };

/** Concurrent edits of one key are rare; each lost race re-reads, so a handful of attempts is plenty. */
const ATTEMPTS = 8;

export function proofRoutes(deps: Deps): AdminRoute[] {
  const svc = new KeyService(deps);

  /** Read, plan from what was read, write only if the key did not change meanwhile; otherwise again. */
  async function edit(id: string, actor: AdminActor, plan: (key: KeyRecord) => Plan): Promise<AdminResult> {
    for (let i = 0; i < ATTEMPTS; i++) {
      const key = await deps.store.getKey(id);
      if (!key) return notFound(id);
      const p = plan(key);
      if ('refuse' in p) return p.refuse;
      if ('unchanged' in p) return { status: 200, body: publicKey(key) };
      const updated = await svc.setProof(key, p.change, actor, p.action, p.detail);
      if (updated) return { status: 200, body: publicKey(updated) };
    }
    return { denial: { code: 'CONFLICT', message: `Key ${id} kept changing while this edit was applied; retry.` } };
  }

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
        const requireProof = p.value.requireProof;
        return edit(id, actor, (key) => {
          if (key.status === 'revoked') return { refuse: { denial: { code: 'CONFLICT', message: `Key ${id} is revoked; revocation is final.` } } };
          const merged = mergeProofKeys(key.proofKeys ?? [], checked.keys);
          if (!merged) return { refuse: { denial: { code: 'INVALID_REQUEST', message: `A key holds at most ${MAX_PROOF_KEYS} proof keys; unbind one first.`, param: 'proofKeys' } } };
          const added = checked.keys.map((k) => k.thumbprint).filter((t) => !(key.proofKeys ?? []).some((c) => c.thumbprint === t));
          if (added.length === 0 && (requireProof === undefined || requireProof === key.requireProof)) return { unchanged: true };
          return {
            change: { ...(added.length ? { proofKeys: merged } : {}), ...(requireProof !== undefined ? { requireProof } : {}) },
            action: added.length ? 'key.proof_keys.bind' : 'key.require_proof',
            detail: { thumbprints: added, ...(requireProof !== undefined ? { requireProof } : {}) },
          };
        });
      },
    },
    {
      method: 'DELETE',
      path: '/keys/:id/proof-keys/:thumbprint',
      async handle({ params, actor }) {
        const id = params['id']!;
        const thumbprint = params['thumbprint']!;
        return edit(id, actor, (key) => {
          const rest = (key.proofKeys ?? []).filter((k) => k.thumbprint !== thumbprint);
          if (rest.length === (key.proofKeys ?? []).length) return { refuse: { denial: { code: 'NOT_FOUND', message: `Key ${id} has no proof key ${thumbprint}.`, param: 'thumbprint' } } };
          return { change: { proofKeys: rest }, action: 'key.proof_keys.unbind', detail: { thumbprints: [thumbprint] } };
        });
      },
    },
  ];
}
