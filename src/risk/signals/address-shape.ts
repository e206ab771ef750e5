// A program the owner never runs, from an address in the owner's own block that the owner never used: a neighbour.
import { stableAddrs } from '../profile.js';
import { CLEAR, hit } from '../types.js';
import { novelFeatures } from './request-shape.js';
import type { Signal, SignalInput } from './signal.js';

/**
 * A request from the owner's usual ISP block (netKnown, blockKnown) but from an address the owner has not
 * used, on a key whose owner keeps to a few stable addresses (a household, a small office) on an ISP
 * network. Hosting, VPN and carrier addresses change with every deploy or session, so they never count;
 * nor do owners seen on many addresses. The engine does not teach request shapes from such an address.
 */
export function strangerAddress(i: Pick<SignalInput, 'mature' | 'netKnown' | 'blockKnown' | 'addrKnown' | 'facts' | 'profile' | 'learning'>): boolean {
  return i.mature && i.netKnown && i.blockKnown && !i.addrKnown && i.facts.net.netClass === 'isp' && stableAddrs(i.profile, i.learning);
}

/**
 * Timing-class evidence (it flags, never suspends): an owner whose address is renumbered inside the same
 * block on the day they deploy new request parameters looks the same, and the address is learned after
 * `learnAfter` clean uses. A thief who also copies the owner's parameters is not told apart (README).
 */
export const addressShapeDrift: Signal = {
  name: 'address-shape-drift',
  kind: 'timing',
  weight: 25,
  evaluate: (input, w) => {
    if (!strangerAddress(input)) return CLEAR;
    // Stricter than request-shape-drift: only values the owner never sent from their own places (a rare value
    // of the owner's, counted more often elsewhere, e.g. during a move, is not a neighbour's program).
    const novel = novelFeatures(input.facts, input.profile, input.learning, true);
    if (novel.length === 0) return CLEAR;
    return hit(w, `${input.facts.endpoint} request with parameters the owner never sends (${novel.slice(0, 3).join('; ')}) from an address of the owner's block the owner never used`);
  },
};
