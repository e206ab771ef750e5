// Content-policy blocks and prompt-rewrite-suppression attempts on this key, from the safety layer's counts.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

export const contentAbuse: Signal = {
  name: 'content-abuse',
  kind: 'usage',
  weight: 20,
  evaluate: ({ facts, profile }, w) => {
    const now = facts.safety;
    if (!now) return CLEAR;
    const was = profile.safety;
    const newSuppression = now.rewriteSuppression - was.rewriteSuppression;
    const newBlocks = now.blocks - was.blocks;
    const rate = now.checked > 0 ? now.blocks / now.checked : 0;
    if (newSuppression > 0) {
      return hit(w + Math.min(20, 5 * (now.rewriteSuppression - 1)), `${now.rewriteSuppression} prompt-rewrite-suppression attempts`);
    }
    if (newBlocks > 0 && now.checked >= 4 && rate >= 0.25) {
      return hit(Math.round(w * 0.75), `${now.blocks} of ${now.checked} prompts blocked by content policy`);
    }
    return CLEAR;
  },
};
