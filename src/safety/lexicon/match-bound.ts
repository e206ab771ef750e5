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

/** How lengths combine while the source is parsed: exact closures, or one linear upper bound. */
interface Algebra<L> {
  fixed(n: number): L;
  sum(parts: L[]): L;
  max(parts: L[]): L;
  times(len: L, n: number): L;
  /** The longest run of a one-character matcher. */
  run(matcher: string): L;
}

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
const noRun: Run = () => 0;

const EXACT: Algebra<Len> = {
  fixed,
  sum: (parts) =>
    parts.every((p) => p.length === 0)
      ? fixed(parts.reduce((a, p) => a + p(noRun), 0))
      : (run) => {
          let n = 0;
          for (const p of parts) n += p(run);
          return n;
        },
  max: (parts) =>
    parts.length === 1
      ? parts[0]!
      : (run) => {
          let n = 0;
          for (const p of parts) n = Math.max(n, p(run));
          return n;
        },
  times: (len, n) => {
    if (len.length === 0) {
      const k = len(noRun) * n;
      return () => k;
    }
    return (run) => len(run) * n;
  },
  run: (matcher) => (run) => run(matcher),
};

function compileReach(re: RegExp): ((run: Run) => Reach) | null {
  const c = parseReach(re, EXACT);
  return c && ((run) => ({ len: c.len(run), context: c.context(run) }));
}

/**
 * A bound a + Σ k·run(matcher): lengths are non-negative and grow with the runs, so taking each coefficient's largest
 * over the branches of an alternation bounds the longest branch. Evaluated per text with a multiplication per
 * matcher (the lexicons use \w, \s and [a-z]) instead of a walk over every branch of the source.
 */
interface Linear {
  readonly a: number;
  readonly k: ReadonlyMap<string, number>;
}

const LINEAR: Algebra<Linear> = {
  fixed: (n) => ({ a: n, k: new Map() }),
  sum: (parts) => {
    const k = new Map<string, number>();
    for (const p of parts) for (const [m, c] of p.k) k.set(m, (k.get(m) ?? 0) + c);
    return { a: parts.reduce((x, p) => x + p.a, 0), k };
  },
  max: (parts) => {
    const k = new Map<string, number>();
    for (const p of parts) for (const [m, c] of p.k) k.set(m, Math.max(k.get(m) ?? 0, c));
    return { a: parts.reduce((x, p) => Math.max(x, p.a), 0), k };
  },
  times: (len, n) => ({ a: len.a * n, k: new Map([...len.k].map(([m, c]) => [m, c * n])) }),
  run: (matcher) => ({ a: 0, k: new Map([[matcher, 1]]) }),
};

export interface ReachBound {
  /** Matchers and coefficients of the length bound, then of the context bound. */
  readonly matchers: readonly string[];
  readonly len: readonly number[];
  readonly lenFixed: number;
  readonly context: readonly number[];
  readonly contextFixed: number;
}

const BOUNDS = new WeakMap<RegExp, ReachBound | null>();

/** The linear form of `re`'s reach (at least matchReach's for every text), parsed once per regex; null if unbounded. */
export function reachBound(re: RegExp): ReachBound | null {
  let b = BOUNDS.get(re);
  if (b === undefined) {
    const c = parseReach(re, LINEAR);
    const matchers = c ? [...new Set([...c.len.k.keys(), ...c.context.k.keys()])] : [];
    b = c && {
      matchers,
      len: matchers.map((m) => c.len.k.get(m) ?? 0),
      lenFixed: c.len.a,
      context: matchers.map((m) => c.context.k.get(m) ?? 0),
      contextFixed: c.context.a,
    };
    BOUNDS.set(re, b);
  }
  return b;
}

/** The bound evaluated with the runs of one text. */
export function evalBound(b: ReachBound, run: Run): Reach {
  let len = b.lenFixed;
  let context = b.contextFixed;
  for (let i = 0; i < b.matchers.length; i++) {
    const r = run(b.matchers[i]!);
    len += b.len[i]! * r;
    context += b.context[i]! * r;
  }
  return { len, context };
}

function parseReach<L>(re: RegExp, A: Algebra<L>): { len: L; context: L } | null {
  if (/[umsy]/.test(re.flags)) return null;
  const src = re.source;
  let i = 0;
  const contexts: L[] = [];

  const alternation = (): L => {
    const branches = [seq()];
    while (src[i] === '|') {
      i++;
      branches.push(seq());
    }
    return A.max(branches);
  };

  const seq = (): L => {
    const parts: L[] = [];
    while (i < src.length && src[i] !== '|' && src[i] !== ')') {
      const start = i;
      const a = atom();
      const matcher = src.slice(start, i);
      parts.push(quantified(a, matcher));
    }
    return A.sum(parts);
  };

  /** Length of one atom; `single` atoms match exactly one character (their unbounded repeats use `run`). */
  const atom = (): { len: L; single: boolean } => {
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
        return { len: A.fixed(0), single: false };
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
      return { len: A.fixed(1), single: true };
    }
    if (c === '\\') {
      const e = src[i + 1]!;
      if (e === 'b' || e === 'B') {
        i += 2;
        contexts.push(A.fixed(1));
        return { len: A.fixed(0), single: false };
      }
      if (/[1-9k]/.test(e)) throw new Unsupported('back-reference');
      if (e === 'u') {
        i += 6;
        return { len: A.fixed(1), single: true };
      }
      if (e === 'x') {
        i += 4;
        return { len: A.fixed(1), single: true };
      }
      if (e === 'c') {
        i += 3;
        return { len: A.fixed(1), single: true };
      }
      i += 2;
      return { len: A.fixed(1), single: true };
    }
    if (c === '^' || c === '$') throw new Unsupported('anchor');
    if (c === '*' || c === '+' || c === '?' || c === '{') throw new Unsupported('stray quantifier');
    i++;
    return { len: A.fixed(1), single: true };
  };

  const quantified = (a: { len: L; single: boolean }, matcher: string): L => {
    const q = src[i];
    let len: L;
    if (q === '?') {
      i++;
      len = a.len;
    } else if (q === '*' || q === '+') {
      i++;
      if (!a.single) throw new Unsupported('unbounded group');
      // A one-character matcher: its repeats reach as far as its longest run in the text.
      len = A.run(matcher);
    } else if (q === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(src.slice(i));
      if (!m) throw new Unsupported('brace');
      i += m[0].length;
      if (m[2] === undefined) len = A.times(a.len, Number(m[1]));
      else if (m[3] === '') {
        if (!a.single) throw new Unsupported('unbounded group');
        len = A.run(matcher);
      } else len = A.times(a.len, Number(m[3]));
    } else return a.len;
    if (src[i] === '?') i++; // lazy: the same reach
    return len;
  };

  try {
    const len = alternation();
    if (i !== src.length) return null;
    return { len, context: A.max([A.fixed(0), ...contexts]) };
  } catch (e) {
    if (e instanceof Unsupported) return null;
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
