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

type Run = (matcher: string) => number;
/** A length that may depend on the runs of the text at hand. */
type Len = (run: Run) => number;

const COMPILED = new WeakMap<RegExp, ((run: Run) => Reach) | null>();

export function matchReach(re: RegExp, run: Run): Reach | undefined {
  let c = COMPILED.get(re);
  // The source is parsed once per regex; per text only the run-dependent lengths are evaluated.
  if (c === undefined) COMPILED.set(re, (c = compileReach(re)));
  return c ? c(run) : undefined;
}

const fixed =
  (n: number): Len =>
  () =>
    n;
const sum = (parts: Len[]): Len =>
  parts.every((p) => p.length === 0)
    ? fixed(parts.reduce((a, p) => a + p(noRun), 0))
    : (run) => {
        let n = 0;
        for (const p of parts) n += p(run);
        return n;
      };
const max = (parts: Len[]): Len =>
  parts.length === 1
    ? parts[0]!
    : (run) => {
        let n = 0;
        for (const p of parts) n = Math.max(n, p(run));
        return n;
      };
const noRun: Run = () => 0;

function compileReach(re: RegExp): ((run: Run) => Reach) | null {
  if (/[umsy]/.test(re.flags)) return null;
  const src = re.source;
  let i = 0;
  const contexts: Len[] = [];

  const alternation = (): Len => {
    const branches = [seq()];
    while (src[i] === '|') {
      i++;
      branches.push(seq());
    }
    return max(branches);
  };

  const seq = (): Len => {
    const parts: Len[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const start = i;
      const a = atom();
      const matcher = src.slice(start, i);
      parts.push(quantified(a, matcher));
    }
    return sum(parts);
  };

  /** Length of one atom; `single` atoms match exactly one character (their unbounded repeats use `run`). */
  const atom = (): { len: Len; single: boolean } => {
    const c = src[i]!;
    if (c === '(') {
      i++;
      let look = false;
      if (src.startsWith('?:', i)) i += 2;
      else if (src.startsWith('?=', i) || src.startsWith('?!', i)) {
        i += 2;
        look = true;
      } else if (src.startsWith('?<=', i) || src.startsWith('?<!', i)) {
        i += 3;
        look = true;
      } else if (src[i] === '?') throw new Unsupported('named group');
      const len = alternation();
      if (src[i] !== ')') throw new Unsupported('unbalanced');
      i++;
      if (look) {
        contexts.push(len);
        return { len: fixed(0), single: false };
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
      return { len: fixed(1), single: true };
    }
    if (c === '\\') {
      const e = src[i + 1]!;
      if (e === 'b' || e === 'B') {
        i += 2;
        contexts.push(fixed(1));
        return { len: fixed(0), single: false };
      }
      if (/[1-9k]/.test(e)) throw new Unsupported('back-reference');
      if (e === 'u') {
        i += 6;
        return { len: fixed(1), single: true };
      }
      if (e === 'x') {
        i += 4;
        return { len: fixed(1), single: true };
      }
      if (e === 'c') {
        i += 3;
        return { len: fixed(1), single: true };
      }
      i += 2;
      return { len: fixed(1), single: true };
    }
    if (c === '^' || c === '$') throw new Unsupported('anchor');
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported('stray quantifier');
    i++;
    return { len: fixed(1), single: true };
  };

  const quantified = (a: { len: Len; single: boolean }, matcher: string): Len => {
    const q = src[i];
    let len: Len;
    if (q === '?') {
      i++;
      len = a.len;
    } else if (q === '*' || q === '+') {
      i++;
      if (!a.single) throw new Unsupported('unbounded group');
      // A one-character matcher: its repeats reach as far as its longest run in the text.
      len = (run) => run(matcher);
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unsupported('brace');
      i += m[0].length;
      if (m[2] === undefined) len = times(a.len, Number(m[1]));
      else if (m[3] === '') {
        if (!a.single) throw new Unsupported('unbounded group');
        len = (run) => run(matcher);
      } else len = times(a.len, Number(m[3]));
    } else return a.len;
    if (src[i] === '?') i++; // lazy: the same reach
    return len;
  };

  try {
    const len = alternation();
    if (i !== src.length) return null;
    const context = max([fixed(0), ...contexts]);
    return (run) => ({ len: len(run), context: context(run) });
  } catch (e) {
    if (e instanceof Unsupported) return null;
    throw e;
  }
}

function times(len: Len, n: number): Len {
  if (len.length === 0) {
    const k = len(noRun) * n;
    return () => k;
  }
  return (run) => len(run) * n;
}

/** Longest run in `text` of characters one matcher accepts (cached per text by the caller). */
export function longestRun(text: string, matcher: string, flags: string): number {
  const re = new RegExp(`(?:${matcher})+`, `${flags.replace(/g/g, '')}g`);
  let max = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].length > max) max = m[0].length;
  return max;
}
