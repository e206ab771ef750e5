// Consecutive uses from different countries closer in time than any traveller could manage.
// Country-level data only: any country change inside the window counts, unless both are the owner's.
import { CLEAR, hit } from '../types.js';
import { isKnown } from '../profile.js';
import type { Signal } from './signal.js';

export const TRAVEL_WINDOW_MS = 30 * 60_000;

export const impossibleTravel: Signal = {
  name: 'impossible-travel',
  kind: 'timing',
  weight: 20,
  evaluate: ({ mature, facts, profile, learning, countryKnown, netKnown }, w) => {
    const cc = facts.net.country;
    // A cloud provider the owner uses spans countries (regions): its country says nothing about travel.
    if (netKnown && facts.net.netClass === 'hosting') return CLEAR;
    const prev = profile.recent[profile.recent.length - 1];
    if (!mature || !cc || !prev?.[2] || prev[2] === cc || facts.time - prev[0] > TRAVEL_WINDOW_MS) return CLEAR;
    if (countryKnown && isKnown(profile.countries[prev[2]], profile, learning)) return CLEAR;
    const mins = Math.max(1, Math.round((facts.time - prev[0]) / 60000));
    return hit(w, `${prev[2]} → ${cc} within ${mins} min`);
  },
};
