// The key declares the networks it may be used from; a use elsewhere means someone else holds it.
import { cidrContains, parseCidr } from '../../net/cidr.js';
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const outsideDeclaredNetworks: Signal = {
  name: 'outside-declared-networks',
  kind: 'usage',
  weight: 60,
  evaluate: ({ facts }, w) => {
    const { allowedCidrs, allowedAsns, net } = facts;
    if (allowedCidrs.length === 0 && allowedAsns.length === 0) return CLEAR;
    const inCidr = allowedCidrs.some((c) => {
      const p = parseCidr(c);
      return p !== undefined && cidrContains(p, net.ip);
    });
    const inAsn = net.asn !== null && allowedAsns.includes(net.asn);
    if (inCidr || inAsn) return CLEAR;
    return hit(w, `request from ${net.asn !== null ? `AS${net.asn}` : net.ip} outside the key's declared networks`);
  },
};
