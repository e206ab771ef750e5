// Far more requests per minute than the owner has ever sent, while an unfamiliar network is involved.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const volumeSpike: Signal = {
  name: 'volume-spike',
  kind: 'usage',
  weight: 15,
  evaluate: ({ mature, netKnown, profile, facts, burstMin }, w) => {
    if (!mature || netKnown) return CLEAR;
    const count = facts.time - profile.minute.start < 60_000 ? profile.minute.count + 1 : 1;
    const ceiling = Math.max(burstMin, 3 * profile.minute.max);
    return count > ceiling ? hit(w, `${count} requests this minute against a usual peak of ${profile.minute.max}`) : CLEAR;
  },
};
