// The key in use from its owner's network and from an unfamiliar one at the same time.
import { CLEAR, hit } from '../types.js';
import { isKnown } from '../profile.js';
import type { Signal } from './signal.js';

export const concurrentNetworks: Signal = {
  name: 'concurrent-networks',
  kind: 'timing',
  weight: 20,
  evaluate: ({ mature, facts, profile, learning, netKey, netKnown, windowMs }, w) => {
    if (!mature) return CLEAR;
    const recent = profile.recent;
    // A network already compared compares the same when it comes again: uses come in runs.
    let judged: string | undefined;
    for (let i = 0; i < recent.length; i++) {
      const use = recent[i]!;
      const key = use[1];
      if (key === netKey || key === judged || facts.time - use[0] > windowMs) continue;
      judged = key;
      const otherKnown = isKnown(profile.nets[key], profile, learning);
      // One side must be the owner's usual network and the other not.
      if (otherKnown !== netKnown) {
        return hit(w, `used from ${netKey} and ${key} within ${Math.round(windowMs / 60000)} min`);
      }
    }
    return CLEAR;
  },
};
