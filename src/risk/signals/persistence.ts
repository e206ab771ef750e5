// An unfamiliar address block that keeps being used without ever becoming the owner's: someone else's base.
import { isKnown, rotatesBlocks } from '../profile.js';
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

/**
 * A network the owner moves to is learned after `learnAfter` owner-like requests. Uses from
 * blocks that stay unlearned beyond that were not owner-like (another client, other parameters,
 * flagged): the key has a second home. Timing evidence: it never suspends on its own.
 */
export const unfamiliarPersistence: Signal = {
  name: 'unfamiliar-persistence',
  kind: 'timing',
  weight: 10,
  evaluate: ({ mature, blockKnown, netKnown, facts, profile, learning, windowMs }, w) => {
    if (!mature || blockKnown) return CLEAR;
    // An owner whose blocks rotate inside their networks (carriers) has no "second home" there.
    if (netKnown && rotatesBlocks(profile)) return CLEAR;
    let foreign = 1;
    let owner = 0;
    for (const [t, , , block] of profile.recent) {
      if (!block || facts.time - t > windowMs) continue;
      if (isKnown(profile.blocks[block], profile, learning)) owner++;
      else foreign++;
    }
    if (foreign <= learning.learnAfter) return CLEAR;
    const min = Math.round(windowMs / 60000);
    return hit(w, `${foreign} uses within ${min} min from address blocks that never became usual${owner > 0 ? ", while the owner's blocks are also in use" : ", while the owner's blocks are idle"}`);
  },
};
