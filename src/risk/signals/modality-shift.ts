// An endpoint the owner never used (images on a chat key is how stolen keys are most often spent).
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const modalityShift: Signal = {
  name: 'modality-shift',
  kind: 'usage',
  weight: 25,
  evaluate: ({ mature, facts, profile }, w) => {
    if (!mature || facts.endpoint === 'models' || (profile.endpoints[facts.endpoint] ?? 0) > 0) return CLEAR;
    const usual = Object.keys(profile.endpoints).join('/') || 'nothing';
    const weight = facts.endpoint === 'images' ? w : Math.round(w / 2);
    return hit(weight, `${facts.endpoint} on a key that only ever did ${usual}`);
  },
};
