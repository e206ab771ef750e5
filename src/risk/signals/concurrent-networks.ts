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
    for (const [t, key] of profile.recent) {
      if (key === netKey || facts.time - t > windowMs) continue;
      const otherKnown = isKnown(profile.nets[key], profile, learning);
      // One side must be the owner's usual network and the other not.
      if (otherKnown !== netKnown) {
        return hit(w, `used from ${netKey} and ${key} within ${Math.round(windowMs / 60000)} min`);
      }
    }
    return CLEAR;
  },
};
