// One source presenting keys of several tenants: the footprint of a proxy reselling stolen keys.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const POOLING_TENANTS = 3;

export const keyPooling: Signal = {
  name: 'key-pooling',
  kind: 'usage',
  weight: 40,
  evaluate: ({ source, facts, windowMs }, w) => {
    let n = 0;
    for (const t of source.tenants.values()) if (facts.time - t <= windowMs) n++;
    return n >= POOLING_TENANTS ? hit(w, `source presented keys of ${n} tenants within ${Math.round(windowMs / 60000)} min`) : CLEAR;
  },
};
