// A canary key is never given to a real client: any use of it is a thief or a scanner.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const canaryUsed: Signal = {
  name: 'canary-used',
  kind: 'definitive',
  weight: 1000,
  evaluate: ({ facts }, w) => (facts.canary ? hit(w, 'canary key presented') : CLEAR),
};
