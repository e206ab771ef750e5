// The key in use from its owner's network and from an unfamiliar one at the same time (taking turns).
import { CLEAR, hit } from '../types.js';
import { isKnown } from '../profile.js';
import type { Signal } from './signal.js';

/**
 * One side must be a network the owner uses and the other not, and the uses must take turns
 * (owner, stranger, owner... within the window): a single switch is a laptop moving from home to
 * the office, not two users. Two networks the key has both used before never count.
 */
export const concurrentNetworks: Signal = {
  name: 'concurrent-networks',
  kind: 'timing',
  weight: 20,
  evaluate: ({ mature, facts, profile, learning, netKey, netKnown, windowMs }, w) => {
    if (!mature) return CLEAR;
    const recent = profile.recent;
    let switches = 0;
    let side = netKnown;
    let other: string | undefined;
    // Newest first, from the current request's side: count changes between known and unfamiliar networks.
    for (let i = recent.length - 1; i >= 0; i--) {
      const [t, key] = recent[i]!;
      if (facts.time - t > windowMs) break;
      const known = key === netKey ? netKnown : isKnown(profile.nets[key], profile, learning);
      if (known === side) continue;
      side = known;
      other ??= key;
      if (++switches >= 2) return hit(w, `used from ${netKey} and ${other} in turns within ${Math.round(windowMs / 60000)} min`);
    }
    return CLEAR;
  },
};
