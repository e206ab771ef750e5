// A request far costlier than anything the owner sends (long prompts, huge outputs, many images).
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

const MIN_COST = 1000;

export const costShift: Signal = {
  name: 'cost-shift',
  kind: 'usage',
  weight: 15,
  evaluate: ({ mature, facts, profile }, w) => {
    if (!mature || facts.cost < MIN_COST) return CLEAR;
    const ceiling = Math.max(4 * profile.cost.mean, 2 * profile.cost.max);
    return facts.cost > ceiling ? hit(w, `request cost ≈${Math.round(facts.cost)} units against a usual mean of ${Math.round(profile.cost.mean)}`) : CLEAR;
  },
};
