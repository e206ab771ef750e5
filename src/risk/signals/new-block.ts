// A new address block inside the owner's usual ISP: dynamic addresses move, so this is only a hint.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const newAddressBlock: Signal = {
  name: 'new-address-block',
  kind: 'network',
  weight: 5,
  evaluate: ({ mature, netKnown, blockKnown, facts }, w) =>
    // A new ASN is new-network's business; this covers a thief on the owner's own ISP.
    mature && netKnown && !blockKnown ? hit(w, `first use from address block ${facts.block}`) : CLEAR,
};
