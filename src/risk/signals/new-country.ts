// A country this key's owner has not used.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const newCountry: Signal = {
  name: 'new-country',
  kind: 'network',
  weight: 10,
  evaluate: ({ mature, countryKnown, facts }, w) => (mature && !countryKnown && facts.net.country !== null ? hit(w, `first use from country ${facts.net.country}`) : CLEAR),
};
