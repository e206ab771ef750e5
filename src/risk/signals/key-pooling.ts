// One source presenting keys of several tenants: the footprint of a proxy reselling stolen keys.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const POOLING_TENANTS = 3;

export const keyPooling: Signal = {
  name: 'key-pooling',
  kind: 'usage',
  weight: 40,
  evaluate: ({ source, facts, windowMs, mature, netKnown }, w) => {
    // Shared egress (cloud NAT, CI runners) also carries many tenants; it only counts where
    // this key's owner does not normally come from.
    if (mature && netKnown) return CLEAR;
    let n = 0;
    for (const t of source.tenants.values()) if (facts.time - t <= windowMs) n++;
    return n >= POOLING_TENANTS ? hit(w, `source presented keys of ${n} tenants within ${Math.round(windowMs / 60000)} min`) : CLEAR;
  },
};
