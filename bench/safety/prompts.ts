// Benign prompts of a given size for the safety micro-benches, the same for each of them so their figures agree.
import { synthBenign } from '../../src/safety/train/synth-benign.js';
import { synthCounterfactual } from '../../src/safety/train/synth-counterfactual.js';

// Benign text, so every detector runs to the end (nothing short-circuits on a block).
const pool = [...synthBenign(), ...synthCounterfactual()];

/** `bytes` characters of benign prompts, starting at pool entry `seed`. */
export function benignPrompt(bytes: number, seed: number): string {
  let s = '';
  for (let k = seed; s.length < bytes; k += 7) s += `${pool[k % pool.length]!}\n`;
  return s.slice(0, bytes);
}
