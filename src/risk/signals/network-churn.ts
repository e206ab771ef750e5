// Many unfamiliar networks in a short window: rotating residential or datacenter proxies.
import { CLEAR, hit } from '../types.js';
import { isKnown } from '../profile.js';
import type { Signal } from './signal.js';

export const CHURN_NETWORKS = 3;

export const networkChurn: Signal = {
  name: 'network-churn',
  kind: 'network',
  weight: 15,
  evaluate: ({ facts, profile, learning, netKey, netKnown, windowMs }, w) => {
    const novel = new Set<string>();
    if (!netKnown) novel.add(netKey);
    for (const [t, key] of profile.recent) {
      if (facts.time - t <= windowMs && !isKnown(profile.nets[key], profile, learning)) novel.add(key);
    }
    return novel.size >= CHURN_NETWORKS ? hit(w, `${novel.size} unfamiliar networks within ${Math.round(windowMs / 60000)} min`) : CLEAR;
  },
};
