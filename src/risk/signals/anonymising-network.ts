// Hosting, VPN and Tor networks hide who is calling; they matter when the owner never used such a network.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const anonymisingNetwork: Signal = {
  name: 'hosting-vpn-tor',
  kind: 'network',
  weight: 20,
  evaluate: ({ facts, profile, mature }, w) => {
    const cls = facts.net.netClass;
    const org = facts.net.org ? ` (${facts.net.org})` : '';
    if (cls === 'tor') return hit(Math.round(w * 1.5), 'request through a Tor exit');
    if (cls !== 'hosting' && cls !== 'vpn') return CLEAR;
    // Servers legitimately hold keys: only a key whose owner never called from this kind of network is odd.
    if (!mature || (profile.classes[cls] ?? 0) > 0) return CLEAR;
    return hit(w, `${cls} network${org} on a key only ever used from ${Object.keys(profile.classes).join('/') || 'other'} networks`);
  },
};
