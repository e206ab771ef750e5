// A key reported leaked: the owner may still use it while rotating, anyone else must not.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const keyLeaked: Signal = {
  name: 'key-leaked',
  kind: 'definitive',
  weight: 30,
  evaluate: ({ facts, netKnown, fpKnown }, w) => {
    if (!facts.leaked) return CLEAR;
    // From the owner's usual network and client: flag only; from anywhere else: contain.
    if (netKnown && fpKnown) return hit(w, 'key reported leaked, used from its usual network and client');
    return hit(Math.max(w, 100), 'key reported leaked, used from an unfamiliar network or client');
  },
};
