// A new address block inside the owner's usual ISP: dynamic addresses move, so this is only a hint.
import { CLEAR, hit } from '../types.js';
import { rotatesBlocks } from '../profile.js';
import type { Signal } from './signal.js';

export const newAddressBlock: Signal = {
  name: 'new-address-block',
  kind: 'network',
  weight: 5,
  evaluate: ({ mature, netKnown, blockKnown, facts, profile }, w) =>
    // A new ASN is new-network's business; this covers a thief on the owner's own ISP (unless the owner's blocks rotate).
    mature && netKnown && !blockKnown && !rotatesBlocks(profile) ? hit(w, `first use from address block ${facts.block}`) : CLEAR,
};
