// Where in a text the addressed-instruction shapes can match: one pass of a needle automaton over the whole text
// finds every Latin cue word the shape must hold (the addressee, a fake authority label, the dropped-content verb,
// the password, the model's own prompt, "your answer"), with the word boundaries the cue's \b asks for checked on the
// spot (and a cue of several words checked whole around its rarest word); Cyrillic and CJK cues by a second index
// keyed by their first character. The shapes then run only on windows around those spots, so a long text is read
// whole for about the cost of its head.
import { alt, folded } from '../lexicon/cue-regex.js';
import { ADDRESSEE_CUES, type Cues, AUTHORITY_CUES, DROP_CUES, OWN_PROMPT_CUES, PASSWORD_CUES, YOU_ARE_CUES, YOUR_WORK_CUES } from '../lexicon/injection-cues.js';
import { NeedleIndex } from '../lexicon/needles.js';

/** The shapes, each gated by the cue words any of its matches holds near its start. */
export const GATED_SHAPES = ['order', 'dropped', 'secret', 'prompt', 'tamper', 'echo'] as const;
export type GatedShape = (typeof GATED_SHAPES)[number];
export const SHAPE_CUES: Readonly<Record<GatedShape, readonly Cues[]>> = {
  order: [ADDRESSEE_CUES, AUTHORITY_CUES],
  dropped: [DROP_CUES],
  secret: [PASSWORD_CUES],
  prompt: [OWN_PROMPT_CUES],
  tamper: [YOUR_WORK_CUES],
  echo: [YOU_ARE_CUES],
};

/** A literal part of a cue word every match of the cue holds, and what is certain around it. */
export interface Needle {
  readonly text: string;
  /** The cue starts with this part and a word character: \b before it. */
  readonly head: boolean;
  /** The cue ends with this part and a word character, not a stem: \b after it. */
  readonly tail: boolean;
  /** Characters of the cue before and after the part, separators not counted, and separators before and after. */
  readonly pre: number;
  readonly post: number;
  readonly sepsBefore: number;
  readonly sepsAfter: number;
}

const WORDY = /^[a-z0-9_]$/;
const SEP = /\s+|-|['’]/;
/**
 * The longest literal part of a cue (cue-regex.ts turns whitespace into \s+, '-' into an optional separator and an
 * apostrophe into an optional one, so only the parts between them are certain to be in the text as written). For a
 * non-ASCII part, the part from its first non-ASCII character: the index of those is keyed by that character.
 */
export function needleOf(raw: string): Needle {
  const stem = raw.endsWith('*');
  const word = folded(raw);
  const parts = word.split(SEP).filter((p) => p.length > 0);
  let best = 0;
  for (let i = 1; i < parts.length; i++) if (parts[i]!.length > parts[best]!.length) best = i;
  let text = parts[best]!;
  const lead = text.search(/[^\x00-\x7f]/);
  const cut = Math.max(lead, 0);
  text = text.slice(cut);
  const before = parts.slice(0, best).reduce((n, p) => n + p.length, 0) + cut;
  const after = parts.slice(best + 1).reduce((n, p) => n + p.length, 0);
  return {
    text,
    head: best === 0 && cut === 0 && word.startsWith(text) && WORDY.test(text[0]!),
    tail: best === parts.length - 1 && !stem && word.endsWith(text) && WORDY.test(text.at(-1)!),
    pre: before,
    post: after + (stem ? Number.POSITIVE_INFINITY : 0),
    sepsBefore: best,
    sepsAfter: parts.length - 1 - best,
  };
}

const isWord = (c: number): boolean => (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95;
const ASCII = /^[\x00-\x7f]+$/;

/** One needle text, shared by every cue (of any shape) whose chosen part it is. */
interface Entry {
  shapes: number;
  head: boolean;
  tail: boolean;
  /** The cues of several words: a hit must sit inside one of them (checked on a slice around it). */
  phrases: { re: RegExp; pre: number; post: number; seps: number } | undefined;
  /** Some cue is the needle alone: no phrase check. */
  alone: boolean;
}

interface Compiled {
  readonly ascii: NeedleIndex;
  readonly asciiMeta: readonly Entry[];
  /** Every first code unit of a non-ASCII needle, as a global character class (a native scan between them). */
  readonly first: RegExp;
  readonly other: ReadonlyMap<number, readonly { text: string; e: Entry }[]>;
}

function compile(): Compiled {
  const byText = new Map<string, Entry>();
  const phraseWords = new Map<string, { raws: string[]; script: 'latin' | 'cyrillic' | 'cjk'; pre: number; post: number; seps: number }>();
  GATED_SHAPES.forEach((shape, s) => {
    for (const c of SHAPE_CUES[shape]) {
      for (const script of ['latin', 'cyrillic', 'cjk'] as const) {
        for (const raw of c[script] ?? []) {
          const n = needleOf(raw);
          // Cyrillic and CJK cues carry no \b (lookarounds or none): the needle alone, without boundary checks.
          const head = script === 'latin' && n.head;
          const tail = script === 'latin' && n.tail;
          const phrase = n.sepsBefore + n.sepsAfter > 0 || n.pre > 0 || n.post > 0;
          const e = byText.get(n.text) ?? { shapes: 0, head: true, tail: true, phrases: undefined, alone: false };
          e.shapes |= 1 << s;
          e.head &&= head;
          e.tail &&= tail;
          if (!phrase) e.alone = true;
          else {
            const p = phraseWords.get(n.text) ?? { raws: [], script, pre: 0, post: 0, seps: 0 };
            p.raws.push(raw);
            if (p.script !== script) p.script = 'cjk';
            p.pre = Math.max(p.pre, n.pre);
            p.post = Math.max(p.post, n.post);
            p.seps = Math.max(p.seps, n.sepsBefore + n.sepsAfter);
            phraseWords.set(n.text, p);
          }
          byText.set(n.text, e);
        }
      }
    }
  });
  for (const [text, p] of phraseWords) {
    const e = byText.get(text)!;
    // A stem (any ending) cannot be bounded: such a needle is taken alone.
    if (!Number.isFinite(p.post)) e.alone = true;
    else e.phrases = { re: new RegExp(p.raws.map((r) => alt([r], p.script === 'latin' ? 'latin' : p.script)).join('|')), pre: p.pre, post: p.post, seps: p.seps };
  }
  const asciiWords = [...byText.keys()].filter((w) => ASCII.test(w));
  const ascii = new NeedleIndex(asciiWords);
  const other = new Map<number, { text: string; e: Entry }[]>();
  for (const [text, e] of byText) {
    if (ASCII.test(text)) continue;
    const c = text.charCodeAt(0);
    // Only non-ASCII first units: an ASCII text never enters this index's loop body.
    if (c < 0x80) throw new Error(`addressed-gate: needle '${text}' mixes scripts from an ASCII start`);
    other.set(c, [...(other.get(c) ?? []), { text, e }]);
  }
  const units = [...other.keys()].map((u) => `\\u${u.toString(16).padStart(4, '0')}`).join('');
  return { ascii, asciiMeta: ascii.words.map((w) => byText.get(w)!), first: new RegExp(`[${units}]`, 'g'), other };
}

let compiled: Compiled | undefined;

const SPACES = /\s{2,}/g;
/** The longest run of whitespace in `text` (the \s+ between a phrase's words can be that long); normalised text has few. */
function longestSpace(text: string): number {
  let best = 1;
  SPACES.lastIndex = 0;
  for (let m = SPACES.exec(text); m; m = SPACES.exec(text)) best = Math.max(best, m[0].length);
  return best;
}

/** Per shape, the start offsets (ascending) of every cue word that may begin one of its matches. */
export function cueSpots(text: string): number[][] {
  const c = (compiled ??= compile());
  const spots: number[][] = GATED_SHAPES.map(() => []);
  let ws = -1;
  const take = (e: Entry, start: number, end: number): void => {
    if (e.head && start > 0 && isWord(text.charCodeAt(start - 1))) return;
    if (e.tail && end < text.length && isWord(text.charCodeAt(end))) return;
    if (!e.alone && e.phrases) {
      // The phrase around the hit, with room for the longest whitespace run at each separator.
      if (ws < 0) ws = Math.max(1, longestSpace(text));
      const p = e.phrases;
      const slack = p.seps * ws + 1;
      if (!p.re.test(text.slice(Math.max(0, start - p.pre - slack), end + p.post + slack))) return;
    }
    for (let s = 0; s < spots.length; s++) if (e.shapes & (1 << s)) spots[s]!.push(start);
  };
  const words = c.ascii.words;
  c.ascii.each(text, (w, end) => take(c.asciiMeta[w]!, end - words[w]!.length, end));
  let sorted = true;
  const { first, other } = c;
  first.lastIndex = 0;
  for (let m = first.exec(text); m; m = first.exec(text)) {
    const i = m.index;
    for (const n of other.get(text.charCodeAt(i))!) {
      if (text.startsWith(n.text, i)) {
        take(n.e, i, i + n.text.length);
        sorted = false;
      }
    }
  }
  if (!sorted) for (const s of spots) s.sort((a, b) => a - b);
  return spots;
}

/**
 * How far each shape reaches from the cue word it is gated by, and the context it reads before its match: a window
 * holds `before` characters before each spot and `after` after it (plus the longest unbroken run of non-space when
 * the shape has an unbounded \S+); a finding starting within `edge` of a window's cut start had its context cut, and is
 * left to the window of its own cue word. Measured from the regexes in addressed-instruction.ts (an addressee's 40
 * characters of context before it and the 240 of its order after it; the password's 60 of chores either side).
 */
export const REACH: Readonly<Record<GatedShape, { before: number; after: number; edge: number; word: 'before' | 'after' | undefined }>> = {
  order: { before: 100, after: 380, edge: 60, word: 'after' },
  dropped: { before: 80, after: 180, edge: 10, word: undefined },
  secret: { before: 160, after: 180, edge: 70, word: undefined },
  prompt: { before: 160, after: 140, edge: 50, word: 'before' },
  tamper: { before: 160, after: 160, edge: 10, word: undefined },
  echo: { before: 220, after: 120, edge: 10, word: undefined },
};

const LONG_WORD = /\S{40,}/g;
/** The longest run of non-space over 40 characters (0 when none): what an unbounded \S+ can add to a reach. */
export function longestWord(text: string): number {
  let best = 0;
  LONG_WORD.lastIndex = 0;
  for (let m = LONG_WORD.exec(text); m; m = LONG_WORD.exec(text)) best = Math.max(best, m[0].length);
  return best;
}

/** Windows [from, to) from `before` characters before each spot to `after` after it, merged where they touch. */
export function windowsAround(spots: readonly number[], before: number, after: number, length: number): [number, number][] {
  const out: [number, number][] = [];
  for (const p of spots) {
    const from = Math.max(0, p - before);
    const to = Math.min(length, p + after);
    const last = out.at(-1);
    if (last && from <= last[1]) last[1] = Math.max(last[1], to);
    else out.push([from, to]);
  }
  return out;
}
