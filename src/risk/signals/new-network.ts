// A network (ASN) this key's owner has not used: alone it is a move, not a theft, so it weighs little.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const newNetwork: Signal = {
  name: 'new-network',
  kind: 'network',
  weight: 10,
  evaluate: ({ mature, netKnown, facts }, w) =>
    mature && !netKnown ? hit(w, `first use from ${facts.net.asn !== null ? `AS${facts.net.asn} ${facts.net.org ?? ''}`.trim() : 'an unknown network'}`) : CLEAR,
};
