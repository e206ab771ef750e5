// The normaliser every check runs on: folds the text, decodes nested payloads within limits, and measures the disguise undone.
import { DEFAULT_DECODE_LIMITS, decodeOnce, type DecodeLimits, type Encoding } from './decode.js';
import { fold, type FoldCounts } from './fold.js';

export interface Layer {
  /** Encodings peeled to reach it, outermost first; `tags` for ASCII hidden in tag characters. */
  readonly via: readonly (Encoding | 'tags')[];
  readonly text: string;
}

export interface Normalised {
  /** The folded top-level text. */
  readonly text: string;
  /** Decoded payloads (folded), each checked like the text itself. */
  readonly layers: readonly Layer[];
  /** Characters of disguise undone, by technique (`base64`, `leet`, `homoglyphs`, …). */
  readonly techniques: Readonly<Record<string, number>>;
  /** 0..1: how much of the input was disguise. */
  readonly score: number;
  /** Decoding stopped at a limit (depth, size or candidates): a decode bomb or deep nesting. */
  readonly limitHit: boolean;
  /** Everything to check, joined: text and every layer. */
  readonly all: string;
}

export function normalise(raw: string, limits: DecodeLimits = DEFAULT_DECODE_LIMITS): Normalised {
  const techniques: Record<string, number> = {};
  const add = (k: string, n: number): void => {
    if (n > 0) techniques[k] = (techniques[k] ?? 0) + n;
  };
  const addCounts = (c: FoldCounts): void => {
    for (const k in c) add(k, c[k as keyof FoldCounts]);
  };

  const top = fold(raw);
  addCounts(top.counts);
  const layers: Layer[] = [];
  if (top.smuggled) {
    const f = fold(top.smuggled);
    layers.push({ via: ['tags'], text: f.text });
    add('tags', top.smuggled.length);
  }

  const budget = { chars: limits.maxDecodedChars, candidates: limits.maxCandidates };
  let limitHit = false;
  // Decode from the raw text (folding lower-cases and would corrupt base64), then each decoded layer in turn.
  let frontier: { raw: string; via: Layer['via'] }[] = [{ raw, via: [] }];
  for (let depth = 1; frontier.length > 0; depth++) {
    const next: typeof frontier = [];
    for (const item of frontier) {
      const found = decodeOnce(item.raw, budget);
      for (const d of found) {
        if (depth > limits.maxDepth) {
          limitHit = true;
          break;
        }
        const f = fold(d.text);
        addCounts(f.counts);
        add(d.via, d.text.length);
        const via = [...item.via, d.via];
        layers.push({ via, text: f.text });
        next.push({ raw: d.text, via });
      }
    }
    if (budget.chars <= 0 || budget.candidates <= 0) limitHit = true;
    if (limitHit) break;
    frontier = next;
  }

  let disguised = 0;
  for (const [k, v] of Object.entries(techniques)) if (k !== 'nfkc' || v > 3) disguised += v;
  const score = Math.min(1, disguised / Math.max(1, raw.length));
  const all = layers.length === 0 ? top.text : [top.text, ...layers.map((l) => l.text)].join('\n');
  return { text: top.text, layers, techniques, score, limitHit, all };
}
