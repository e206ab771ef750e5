// Cue words to regex sources, folded exactly as the normaliser folds text (accents off, look-alikes, jamo), so a
// table written as people type ("Änderung", "ガイドライン", "거절") meets the text the checks see.
import { fold } from '../normalise/fold.js';

export type Script = 'latin' | 'cyrillic' | 'cjk';

/** Cyrillic words may be partly folded to Latin look-alikes ("промпт" → "npomnt"), so both count as letters. */
const CYR_L = 'a-z0-9\\u0400-\\u04ff';
const WORDY = /^[a-z0-9_]$/;
const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One cue as a regex source. A trailing `*` makes a stem (any ending). Latin cues are ASCII once folded and use \b
 * (no lookbehind, no /u: several times faster on long text); Cyrillic ones use lookarounds; CJK ones are substrings.
 */
export function cue(raw: string, script: Script): string {
  const stem = raw.endsWith('*');
  const word = fold(stem ? raw.slice(0, -1) : raw).text;
  const src = escapeRegex(word).replace(/\s+/g, '\\s+').replace(/['’]/g, "['’]?").replace(/-/g, '[- _]?');
  if (script === 'cjk') return src;
  if (script === 'cyrillic') return `(?<![${CYR_L}])${src}${stem ? `[${CYR_L}]*` : `(?![${CYR_L}])`}`;
  const head = WORDY.test(word[0] ?? '') ? '\\b' : '';
  const tail = stem ? '[a-z]*' : WORDY.test(word.at(-1) ?? '') ? '\\b' : '';
  return `${head}${src}${tail}`;
}

/** A non-capturing alternation of cues, longest first so a prefix does not shadow a longer cue. */
export function alt(list: readonly string[], script: Script): string {
  return `(?:${[...new Set(list)].sort((a, b) => b.length - a.length).map((w) => cue(w, script)).join('|')})`;
}

/** Folded form of a cue word without its stem mark (what the text holds where the cue occurs). */
export function folded(raw: string): string {
  return fold(raw.endsWith('*') ? raw.slice(0, -1) : raw).text;
}
