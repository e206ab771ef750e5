// One source presenting keys of several tenants: the footprint of a proxy reselling stolen keys.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const POOLING_TENANTS = 3;

export const keyPooling: Signal = {
  name: 'key-pooling',
  kind: 'usage',
  weight: 40,
  evaluate: ({ source, facts, windowMs, mature, netKnown }, w) => {
    // Shared egress (cloud NAT, CI runners) also carries many tenants; it only counts where
    // this key's owner does not normally come from.
    if (mature && netKnown) return CLEAR;
    let n = 0;
    for (const t of source.tenants.values()) if (facts.time - t <= windowMs) n++;
    if (n < POOLING_TENANTS) return CLEAR;
    const detail = `source presented keys of ${n} tenants within ${Math.round(windowMs / 60000)} min`;
    // A key without a baseline has no usual network yet: behind a residential, office or carrier
    // NAT it shares its address with other customers from its first request. There the source is
    // network evidence only (it flags, it never suspends); infrastructure (hosting, VPN, Tor) is
    // where reselling proxies run, so there it stays usage evidence.
    const cls = facts.net.netClass;
    if (!mature && cls !== 'hosting' && cls !== 'vpn' && cls !== 'tor') return hit(w, `${detail} (shared egress of a key without a baseline yet)`, 'network');
    return hit(w, detail);
  },
};
