// Bounds how far a regex match can reach, so a pattern can be run on short windows around its needles with the same result.

/**
 * The longest stretch a match attempt can inspect, from the regex source: characters consumed (`len`) and
 * characters looked at around them by assertions (`context`). An unbounded repetition of a one-character matcher
 * (`\w*`, `\s+`, `[a-z]+`) is bounded by `run(matcher)`, the longest run of such characters in the text at hand.
 * Undefined when the source uses what this does not model (anchors, back-references, nested unbounded groups, /u, /m).
 */
export interface Reach {
  readonly len: number;
  readonly context: number;
}

class Unsupported extends Error {}

export function matchReach(re: RegExp, run: (matcher: string) => number): Reach | undefined {
  if (/[umsy]/.test(re.flags)) return undefined;
  const src = re.source;
  let i = 0;
  let context = 0;

  const alternation = (): number => {
    let max = seq();
    while (src[i] === '|') {
      i++;
      max = Math.max(max, seq());
    }
    return max;
  };

  const seq = (): number => {
    let sum = 0;
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const start = i;
      const a = atom();
      const matcher = src.slice(start, i);
      sum += quantified(a, matcher);
    }
    return sum;
  };

  /** Length of one atom; `single` atoms match exactly one character (their unbounded repeats use `run`). */
  const atom = (): { len: number; single: boolean } => {
    const c = src[i]!;
    if (c === '(') {
      i++;
      let look = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) { i += 2; look = true; }
      else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) { i += 3; look = true; }
      else if (src[i] === '?') throw new Unsupported('named group');
      const len = alternation();
      if (src[i] !== ')') throw new Unsupported('unbalanced');
      i++;
      if (look) {
        context = Math.max(context, len);
        return { len: 0, single: false };
      }
      return { len, single: false };
    }
    if (c === '[') {
      i++;
      if (src[i] === '^') i++;
      if (src[i] === ']') i++;
      while (i < src.length && src[i] !== ']') i += src[i] === '\\' ? 2 : 1;
      if (src[i] !== ']') throw new Unsupported('class');
      i++;
      return { len: 1, single: true };
    }
    if (c === '\\') {
      const e = src[i + 1]!;
      if (e === 'b' || e === 'B') {
        i += 2;
        context = Math.max(context, 1);
        return { len: 0, single: false };
      }
      if (/[1-9k]/.test(e)) throw new Unsupported('back-reference');
      if (e === 'u') { i += 6; return { len: 1, single: true }; }
      if (e === 'x') { i += 4; return { len: 1, single: true }; }
      if (e === 'c') { i += 3; return { len: 1, single: true }; }
      i += 2;
      return { len: 1, single: true };
    }
    if (c === '^' || c === '$') throw new Unsupported('anchor');
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported('stray quantifier');
    i++;
    return { len: 1, single: true };
  };

  const quantified = (a: { len: number; single: boolean }, matcher: string): number => {
    let n = 1;
    const q = src[i];
    if (q === '?') { i++; n = 1; }
    else if (q === '*' || q === '+') {
      i++;
      if (!a.single) throw new Unsupported('unbounded group');
      n = run(matcher);
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unsupported('brace');
      i += m[0].length;
      if (m[2] === undefined) n = Number(m[1]);
      else if (m[3] === '') {
        if (!a.single) throw new Unsupported('unbounded group');
        n = run(matcher);
      } else n = Number(m[3]);
    } else return a.len;
    if (src[i] === '?') i++; // lazy: the same reach
    return a.len * n;
  };

  try {
    const len = alternation();
    if (i !== src.length) return undefined;
    return { len, context };
  } catch (e) {
    if (e instanceof Unsupported) return undefined;
    throw e;
  }
}

/** Longest run in `text` of characters one matcher accepts (cached per text by the caller). */
export function longestRun(text: string, matcher: string, flags: string): number {
  const re = new RegExp(`(?:${matcher})+`, `${flags.replace(/g/g, '')}g`);
  let max = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length > max) max = m[0].length;
  return max;
}
