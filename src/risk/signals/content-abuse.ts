// Content-policy blocks and prompt-rewrite-suppression attempts on this key: a recent burst, or a high overall rate.
import { CLEAR, hit } from '../types.js';
import type { Signal } from './signal.js';

/** Window of content evidence: a burst is judged on the last minutes, not diluted by a long clean history. */
export const CONTENT_WINDOW_MS = 15 * 60_000;
/** Evidence units in the window that mean someone else holds the key (a block 1, a suppression attempt 2). */
export const CONTENT_BURST = 3;

/**
 * Blocks are counted by the safety stages after this stage runs, so the evidence of request i shows on
 * request i+1: the difference between the shared counts now and those the profile saw last time.
 */
export const contentAbuse: Signal = {
  name: 'content-abuse',
  kind: 'usage',
  weight: 40,
  evaluate: ({ facts, profile, mature, netKnown, blockKnown }, w) => {
    const now = facts.safety;
    if (!now) return CLEAR;
    const was = profile.safety;
    const newSuppression = Math.max(0, now.rewriteSuppression - was.rewriteSuppression);
    const newBlocks = Math.max(0, now.blocks - was.blocks);
    let blocks = newBlocks;
    let suppress = newSuppression;
    for (const [t, b, s] of profile.content ?? []) {
      if (facts.time - t > CONTENT_WINDOW_MS) continue;
      blocks += b;
      suppress += s;
    }
    const units = blocks + 2 * suppress;
    // A key without a baseline yet is often its owner trying the filter out: the overall rate below still applies.
    if (units >= CONTENT_BURST && mature) {
      // Faster still from a place the owner does not use: the burst and the novelty point the same way.
      const novel = !netKnown || !blockKnown;
      const base = Math.min(90, w + 10 * (units - CONTENT_BURST));
      const weight = novel ? Math.round(base * 1.5) : base;
      const mins = Math.round(CONTENT_WINDOW_MS / 60_000);
      return hit(weight, `${blocks} content blocks and ${suppress} prompt-rewrite-suppression attempts within ${mins} min${novel ? ' from an unfamiliar place' : ''}`);
    }
    if (newSuppression > 0) {
      return hit(Math.round(w / 2) + Math.min(20, 5 * (now.rewriteSuppression - 1)), `${now.rewriteSuppression} prompt-rewrite-suppression attempts`);
    }
    const rate = now.checked > 0 ? now.blocks / now.checked : 0;
    if (newBlocks > 0 && now.checked >= 4 && rate >= 0.25) {
      return hit(Math.round(w * 0.4), `${now.blocks} of ${now.checked} prompts blocked by content policy`);
    }
    return CLEAR;
  },
};
