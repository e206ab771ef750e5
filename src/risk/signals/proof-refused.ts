// A proof-bound key presented without a valid proof of possession: the caller has the key but not the client's private key.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const proofRefused: Signal = {
  name: 'proof-refused',
  kind: 'definitive',
  // Flags and opens an incident on its own; repeats build suspicion towards suspension.
  weight: 40,
  evaluate: ({ facts }, w) => (facts.proofRefused ? hit(w, `request on a proof-bound key refused: ${facts.proofRefused}`) : CLEAR),
};
