// Request parameters the owner's application never sends, from a place the owner does not use: a different program.
import { isOwnShape, rotatesBlocks, type KeyProfile, type Learning } from '../profile.js';
import { featureParam } from '../shape.js';
import { CLEAR, hit } from '../types.js';
import type { Signal, SignalInput } from './signal.js';

/** An owner who used this many values of one parameter varies it freely: it says nothing. */
export const VARIABLE_VALUES = 6;

function taughtFor(p: KeyProfile, prefix: string): { total: number; values: number } {
  let total = 0;
  let values = 0;
  for (const k in p.shapes) {
    const s = p.shapes[k]!;
    if (s.ok === 0 || !k.startsWith(prefix)) continue;
    total += s.ok;
    values++;
  }
  return { total, values };
}

/**
 * Whether this request comes from somewhere the owner's request shape is judged: off the owner's
 * ASN, or off their address blocks when those are stable. The engine teaches shapes only elsewhere.
 */
export function offOwnerPlace(netKnown: boolean, blockKnown: boolean, p: KeyProfile, _l: Learning): boolean {
  // Taught blocks, not "known" ones: a carrier's owner teaches each block once or twice, never learnAfter times.
  return !netKnown || (!blockKnown && !rotatesBlocks(p));
}

/**
 * The request's shape features the owner's application never sends (display form, without the endpoint).
 * With `neverTaught`, only values never taught at all. Empty when the endpoint's baseline is thinner than half a mature profile (a new endpoint is modality-shift's
 * business) or for parameters the owner varies freely.
 */
export function novelFeatures(facts: SignalInput['facts'], profile: KeyProfile, learning: Learning, neverTaught = false): string[] {
  if (facts.shape.length === 0) return [];
  if (taughtFor(profile, `${facts.endpoint}|params=`).total < learning.matureAfter / 2) return [];
  const novel: string[] = [];
  for (const f of facts.shape) {
    const seen = profile.shapes[f];
    if (isOwnShape(seen) || (neverTaught && seen !== undefined && seen.ok > 0)) continue;
    if (taughtFor(profile, `${featureParam(f)}=`).values >= VARIABLE_VALUES) continue;
    novel.push(f.slice(f.indexOf('|') + 1));
  }
  return novel;
}

export const requestShapeDrift: Signal = {
  name: 'request-shape-drift',
  kind: 'usage',
  // As much as a different client program (fingerprint-drift): this is the program seen from its body.
  weight: 20,
  evaluate: ({ mature, netKnown, blockKnown, facts, profile, learning }, w) => {
    if (!mature) return CLEAR;
    // At the owner's usual place the owner may change their code; that teaches the profile instead.
    if (!offOwnerPlace(netKnown, blockKnown, profile, learning)) return CLEAR;
    const novel = novelFeatures(facts, profile, learning);
    if (novel.length === 0) return CLEAR;
    return hit(w, `${facts.endpoint} request with parameters the owner never sends (${novel.slice(0, 3).join('; ')}) from an unfamiliar network`);
  },
};
