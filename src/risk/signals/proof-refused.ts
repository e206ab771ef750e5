// A proof-bound key presented without a valid proof of possession: the caller has the key but not the client's private key.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const proofRefused: Signal = {
  name: 'proof-refused',
  // Near-certain theft, yet not usage evidence: it flags and opens or extends an incident, but refusals alone never
  // suspend or block the key. The thief already cannot use it; suspending it would let the thief lock out its owner.
  kind: 'context',
  weight: 40,
  evaluate: ({ facts }, w) => (facts.proofRefused ? hit(w, `request on a proof-bound key refused: ${facts.proofRefused}`) : CLEAR),
};
