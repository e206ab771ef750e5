// The pieces every scenario is built from: an owner and its ordinary requests, an attacker's burst, the builder type.
import { OWNER_CLIENTS, type ClientKind } from './clients.js';
import { ipIn, RESIDENTIAL, type NetBlock } from './networks.js';
import type { Req, ScenarioPlan, Step } from './plan.js';
import type { Rng } from './rng.js';

export const PROMPTS = [
  'Summarise this meeting note for the team.',
  'Translate to German: the invoice is attached.',
  'Write a SQL query for monthly revenue.',
  'Explain this stack trace.',
  'Draft a polite reminder email.',
];

export interface Owner {
  ref: string;
  home: NetBlock;
  homeIps: string[];
  client: ClientKind;
  usesEmbeddings: boolean;
}

export function ownerReq(o: Owner, rng: Rng): Req {
  if (o.usesEmbeddings && rng.chance(0.15)) return { kind: 'embeddings' };
  return { kind: 'chat', model: rng.chance(0.8) ? 'gpt-4o-mini' : 'gpt-4o', prompt: rng.pick(PROMPTS), maxTokens: rng.pick([200, 300, 500]) };
}

export function newOwner(ref: string, rng: Rng, home = rng.pick(RESIDENTIAL)): Owner {
  const homeIps = Array.from({ length: rng.int(1, 3) }, () => ipIn(home, rng));
  return { ref, home, homeIps, client: rng.pick(OWNER_CLIENTS), usesEmbeddings: rng.chance(0.4) };
}

export function ownerSteps(o: Owner, n: number, rng: Rng, gap: [number, number], ips = o.homeIps, client = o.client): Step[] {
  return Array.from({ length: n }, () => ({ key: o.ref, ip: rng.pick(ips), client, req: ownerReq(o, rng), role: 'owner' as const, delayMs: rng.int(gap[0], gap[1]) }));
}

export function attack(key: string, n: number, rng: Rng, f: (i: number) => { ip: string; client: ClientKind; req: Req }, gap: [number, number]): Step[] {
  return Array.from({ length: n }, (_, i) => ({ key, ...f(i), role: 'attacker' as const, delayMs: rng.int(gap[0], gap[1]) }));
}

export type Builder = (rng: Rng, n: number) => ScenarioPlan;
