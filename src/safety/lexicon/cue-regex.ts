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
  return `(?:${[...new Set(list)]
    .sort((a, b) => b.length - a.length)
    .map((w) => cue(w, script))
    .join('|')})`;
}

/** Folded form of a cue word without its stem mark (what the text holds where the cue occurs). */
export function folded(raw: string): string {
  return fold(raw.endsWith('*') ? raw.slice(0, -1) : raw).text;
}

/**
 * The first code units a match of `re` can start with, when its source is an alternation (optionally in one group)
 * whose every branch starts with a literal non-ASCII character; undefined otherwise. A text holding none of them
 * cannot match, so a whole-text test can be skipped on text where they are absent.
 */
export function leadUnits(re: RegExp): ReadonlySet<number> | undefined {
  if (/[iu]/.test(re.flags)) return undefined;
  let src = re.source;
  if (src.startsWith('(?:') && src.endsWith(')') && closes(src, 0) === src.length - 1) src = src.slice(3, -1);
  const out = new Set<number>();
  let depth = 0;
  let branch = 0;
  for (let i = 0; i <= src.length; i++) {
    const c = src[i];
    if (i === src.length || (c === '|' && depth === 0)) {
      const b = src.slice(branch, i);
      const first = b.charCodeAt(0);
      if (b.startsWith('(?:')) {
        // A leading group that no quantifier makes optional: its own branches' first characters.
        const end = closes(b, 0);
        const inner = end > 0 && !/^[?*{]/.test(b.slice(end + 1)) ? leadUnits(new RegExp(b.slice(0, end + 1), re.flags)) : undefined;
        if (!inner) return undefined;
        for (const u of inner) out.add(u);
      } else {
        // A literal non-ASCII first character that no quantifier makes optional.
        if (!(first >= 128) || /^[?*{]/.test(b.slice(first >= 0xd800 && first <= 0xdbff ? 2 : 1))) return undefined;
        out.add(first);
      }
      branch = i + 1;
    } else if (c === '\\') i++;
    else if (c === '[') i = src.indexOf(']', i + 1);
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    if (i < 0) return undefined;
  }
  return out;
}

/** Offset of the parenthesis closing the group opened at `open`. */
function closes(src: string, open: number): number {
  let depth = 0;
  for (let i = open; i < src.length; i++) {
    const c = src[i];
    if (c === '\\') i++;
    else if (c === '[') {
      i = src.indexOf(']', i + 1);
      if (i < 0) return -1;
    } else if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}

const NON_ASCII = /[^\x00-\x7f]/g;
/** Past this many non-ASCII characters a text is mostly another script: lead characters are not worth looking up. */
const MAX_WIDE = 2048;

let lastText: string | undefined;
let lastWide: ReadonlySet<number> | null = null;

/**
 * The non-ASCII code units in `text` (null when there are more than MAX_WIDE of them). The last text's set is kept:
 * the detectors of one check ask about the same text.
 */
export function wideUnits(text: string): ReadonlySet<number> | null {
  if (text === lastText) return lastWide;
  lastWide = nonAsciiUnits(text);
  lastText = text;
  return lastWide;
}

/** The non-ASCII code units in `text` (null when there are more than MAX_WIDE of them), not cached. */
export function nonAsciiUnits(text: string): ReadonlySet<number> | null {
  const set = new Set<number>();
  NON_ASCII.lastIndex = 0;
  for (let k = 0, m = NON_ASCII.exec(text); m; k++, m = NON_ASCII.exec(text)) {
    if (k >= MAX_WIDE) return null;
    set.add(text.charCodeAt(m.index));
  }
  return set;
}

/** False when a regex whose matches start with one of `leads` cannot match a text holding the `wide` units. */
export function mayStart(leads: ReadonlySet<number> | undefined, wide: ReadonlySet<number> | null): boolean {
  if (!leads || !wide) return true;
  for (const c of leads) if (wide.has(c)) return true;
  return false;
}
