// The key used from a new country, then from the owner's country, then from the new one again, within hours.
import { isKnown } from '../profile.js';
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

/** A traveller leaves and comes back over days; two places taking turns within this span are two users. */
export const ALTERNATION_WINDOW_MS = 12 * 3_600_000;

/**
 * Timing evidence on a realistic scale (hours, not the minutes of concurrent-networks): a low-and-slow
 * thief abroad whose requests interleave with the owner's at home. Flags; never suspends on its own.
 */
export const countryAlternation: Signal = {
  name: 'country-alternation',
  kind: 'timing',
  weight: 25,
  evaluate: ({ mature, countryKnown, netKnown, facts, profile, learning }, w) => {
    const cc = facts.net.country;
    // A cloud provider the owner uses spans countries (regions): its country says nothing about travel.
    if (!mature || countryKnown || !cc || (netKnown && facts.net.netClass === 'hosting')) return CLEAR;
    let ownerAfter: string | undefined;
    // Newest first: an owner's use from a known country, and before it a use from this country.
    for (let i = profile.recent.length - 1; i >= 0; i--) {
      const [t, , c] = profile.recent[i]!;
      if (facts.time - t > ALTERNATION_WINDOW_MS) break;
      if (!c) continue;
      if (c === cc) {
        if (ownerAfter) return hit(w, `${cc} → ${ownerAfter} → ${cc} within ${Math.round((facts.time - t) / 3_600_000)} h`);
      } else if (!ownerAfter && isKnown(profile.countries[c], profile, learning)) {
        ownerAfter = c;
      }
    }
    return CLEAR;
  },
};
