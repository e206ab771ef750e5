// A different client program (user agent family, SDK language/OS, header order) than the owner's.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const fingerprintDrift: Signal = {
  name: 'fingerprint-drift',
  kind: 'usage',
  weight: 20,
  evaluate: ({ mature, fpKnown, fineKnown, facts, profile }, w) => {
    if (!mature) return CLEAR;
    if (!fpKnown) {
      const usual = Object.values(profile.fps).sort((a, b) => b.ok - a.ok)[0]?.label ?? 'none';
      return hit(w, `client "${facts.fingerprint.label}" differs from the usual "${usual}"`);
    }
    // Same program, new version: upgrades happen, so this barely counts.
    return fineKnown ? CLEAR : hit(Math.round(w / 4), `new version of client "${facts.fingerprint.label}"`, 'context');
  },
};
