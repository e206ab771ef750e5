// Shape of a harm lexicon: patterns that carry a severity, and cue words that only name a hazard.
import type { Hazard, Severity } from '../types.js';

/** A pattern over normalised text (lower-case, accents and disguise removed). */
export interface LexPattern {
  readonly id: string;
  readonly hazard: Hazard;
  readonly severity: Exclude<Severity, 'safe'>;
  readonly re: RegExp;
  /** Substrings of which at least one must occur for the pattern to be tried (keeps a 4 KB prompt under 2 ms). */
  readonly need?: readonly string[];
  /** Benign senses of the same words ("bath bomb", "steal a base"): a match inside one of these does not count. */
  readonly unless?: RegExp;
}

/** Words that say which hazard a text is about, without saying it is harmful (used to label classifier hits). */
export interface LexCue {
  readonly hazard: Hazard;
  readonly re: RegExp;
}

export interface Lexicon {
  readonly lang: string;
  readonly patterns: readonly LexPattern[];
  readonly cues: readonly LexCue[];
}

/** Builds a word-bounded alternation from a list (longer words first so prefixes do not shadow them). */
export function words(list: readonly string[]): string {
  return `(?:${[...list].sort((a, b) => b.length - a.length).join('|')})`;
}
