// Request parameters the owner's application never sends, from a place the owner does not use: a different program.
import { isOwnShape, rotatesBlocks, type KeyProfile, type Learning } from '../profile.js';
import { featureParam } from '../shape.js';
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

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

export const requestShapeDrift: Signal = {
  name: 'request-shape-drift',
  kind: 'usage',
  // As much as a different client program (fingerprint-drift): this is the program seen from its body.
  weight: 20,
  evaluate: ({ mature, netKnown, blockKnown, facts, profile, learning }, w) => {
    if (!mature || facts.shape.length === 0) return CLEAR;
    // At the owner's usual place the owner may change their code; that teaches the profile instead.
    if (!offOwnerPlace(netKnown, blockKnown, profile, learning)) return CLEAR;
    // The endpoint's baseline must be as solid as a mature profile's (half of it, per endpoint);
    // a new endpoint is modality-shift's business.
    if (taughtFor(profile, `${facts.endpoint}|params=`).total < learning.matureAfter / 2) return CLEAR;
    const novel: string[] = [];
    for (const f of facts.shape) {
      if (isOwnShape(profile.shapes[f])) continue;
      if (taughtFor(profile, `${featureParam(f)}=`).values >= VARIABLE_VALUES) continue;
      novel.push(f.slice(f.indexOf('|') + 1));
    }
    if (novel.length === 0) return CLEAR;
    return hit(w, `${facts.endpoint} request with parameters the owner never sends (${novel.slice(0, 3).join('; ')}) from an unfamiliar network`);
  },
};
