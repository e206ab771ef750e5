// Many unfamiliar address blocks in a short window: rotating residential or datacenter proxies.
import { CLEAR, hit } from '../types.js';
import { isKnown, rotatesBlocks } from '../profile.js';
import type { Signal } from './signal.js';

export const CHURN_BLOCKS = 3;

export const networkChurn: Signal = {
  name: 'network-churn',
  kind: 'network',
  weight: 15,
  evaluate: ({ facts, profile, learning, blockKnown, netKnown, windowMs }, w) => {
    // Blocks churning inside a network the key uses, for an owner whose blocks rotate (carriers, CGNAT), are no novelty.
    const rotating = rotatesBlocks(profile);
    const novelBlock = (block: string, net: string): boolean => !isKnown(profile.blocks[block], profile, learning) && !(rotating && isKnown(profile.nets[net], profile, learning));
    // Distinct unfamiliar blocks (at most 1 + PROFILE_CAPS.recent: a list is cheaper than a Set per request).
    const novel: string[] = [];
    if (!blockKnown && !(rotating && netKnown)) novel.push(facts.block);
    const recent = profile.recent;
    // A block already judged changes nothing when it comes again (it is listed or known): uses come in runs.
    let judged: string | undefined;
    for (let i = 0; i < recent.length; i++) {
      const use = recent[i]!;
      const block = use[3];
      if (!block || block === judged || facts.time - use[0] > windowMs) continue;
      judged = block;
      if (novel.includes(block)) continue;
      if (novelBlock(block, use[1])) novel.push(block);
    }
    return novel.length >= CHURN_BLOCKS ? hit(w, `${novel.length} unfamiliar address blocks within ${Math.round(windowMs / 60000)} min`) : CLEAR;
  },
};
