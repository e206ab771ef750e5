// Many unfamiliar address blocks in a short window: rotating residential or datacenter proxies.
import { CLEAR, hit } from '../types.js';
import { isKnown } from '../profile.js';
import type { Signal } from './signal.js';

export const CHURN_BLOCKS = 3;

export const networkChurn: Signal = {
  name: 'network-churn',
  kind: 'network',
  weight: 15,
  evaluate: ({ facts, profile, learning, blockKnown, windowMs }, w) => {
    const novel = new Set<string>();
    if (!blockKnown) novel.add(facts.block);
    for (const [t, , , block] of profile.recent) {
      if (block && facts.time - t <= windowMs && !isKnown(profile.blocks[block], profile, learning)) novel.add(block);
    }
    return novel.size >= CHURN_BLOCKS ? hit(w, `${novel.size} unfamiliar address blocks within ${Math.round(windowMs / 60000)} min`) : CLEAR;
  },
};
