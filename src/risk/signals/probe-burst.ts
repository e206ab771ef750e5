// Key checkers test a key (model listing, one-token requests) and then spend it: probe, then volume.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const probeThenBurst: Signal = {
  name: 'probe-then-burst',
  kind: 'usage',
  weight: 25,
  evaluate: ({ sourceKey, netKnown, mature, burstMin }, w) => {
    // From the owner's usual network a test call followed by a batch is ordinary scripting.
    if (!mature || netKnown || sourceKey.probes === 0) return CLEAR;
    if (sourceKey.minuteCount >= burstMin) {
      return hit(w, `probed the key (${sourceKey.probes} test calls), then ${sourceKey.minuteCount} requests in a minute`);
    }
    return sourceKey.n <= 5 ? hit(Math.round(w / 2.5), 'test call from an unfamiliar network') : CLEAR;
  },
};
