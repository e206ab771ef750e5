// Random strings built from a regex's own source (its literal alternatives, classes and repeats), as probes that the
// regex is likely to match: for tests that check a property of every match (e.g. that it holds one of its needles).
// Positive lookarounds are written out in place, negative ones and anchors emit nothing; a caller keeps only the
// samples the regex really matches.

type Rand = () => number;

/** A small seeded generator (mulberry32), so failures reproduce. */
export function seeded(seed: number): Rand {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  #i = 0;
  constructor(
    readonly src: string,
    readonly rand: Rand,
  ) {}

  #pick<T>(xs: readonly T[]): T {
    return xs[Math.floor(this.rand() * xs.length)]!;
  }

  run(): string {
    this.#i = 0;
    return this.#alt();
  }

  #alt(): string {
    const branches: string[] = [];
    // Every branch is generated (so the parse advances), one is kept at random.
    branches.push(this.#seq());
    while (this.src[this.#i] === '|') {
      this.#i++;
      branches.push(this.#seq());
    }
    return this.#pick(branches);
  }

  #seq(): string {
    let out = '';
    while (this.#i < this.src.length && this.src[this.#i] !== '|' && this.src[this.#i] !== ')') {
      const atom = this.#atom();
      const [min, max] = this.#quant();
      if (atom === null) continue;
      let n = min;
      const hi = max === Infinity ? min + 3 : max;
      // Mostly the fewest repeats, sometimes a few more (long gaps of filler make few probes match).
      if (hi > min && this.rand() < 0.5) n = min + Math.floor(this.rand() * (Math.min(hi, min + 3) - min + 1));
      for (let k = 0; k < n; k++) out += k === 0 ? atom.s : atom.again();
    }
    return out;
  }

  /** Min and max repeats of the quantifier at the cursor (1, 1 without one); a lazy mark is skipped. */
  #quant(): [number, number] {
    const c = this.src[this.#i];
    let q: [number, number] = [1, 1];
    if (c === '?') q = [0, 1];
    else if (c === '*') q = [0, Infinity];
    else if (c === '+') q = [1, Infinity];
    else if (c === '{') {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.#i));
      if (!m) return q;
      this.#i += m[0].length - 1;
      q = [Number(m[1]), m[2] === undefined ? Number(m[1]) : m[3] ? Number(m[3]) : Infinity];
    } else return q;
    this.#i++;
    if (this.src[this.#i] === '?') this.#i++;
    return q;
  }

  /** One atom: its first rendering and a way to render it again (a class or group varies per repeat). */
  #atom(): { s: string; again: () => string } | null {
    const c = this.src[this.#i]!;
    if (c === '(') {
      this.#i++;
      let kind = '';
      const m = /^\?(?:<=|<!|<[A-Za-z]\w*>|[:=!])/.exec(this.src.slice(this.#i));
      if (m) {
        kind = m[0];
        this.#i += m[0].length;
      }
      const start = this.#i;
      const s = this.#alt();
      const end = this.#i;
      this.#i++; // ')'
      if (kind === '?!' || kind === '?<!') return null;
      const body = this.src.slice(start, end);
      return { s, again: () => new Gen(body, this.rand).run() };
    }
    if (c === '[') {
      const end = this.#classEnd(this.#i);
      const body = this.src.slice(this.#i + 1, end);
      this.#i = end + 1;
      const one = (): string => this.#fromClass(body);
      return { s: one(), again: one };
    }
    if (c === '\\') {
      const e = this.src[this.#i + 1]!;
      this.#i += 2;
      if (e === 'b' || e === 'B') return null;
      if (e === 'u' || e === 'x') {
        const n = e === 'u' ? 4 : 2;
        const ch = String.fromCharCode(parseInt(this.src.slice(this.#i, this.#i + n), 16));
        this.#i += n;
        return { s: ch, again: () => ch };
      }
      const one = (): string => this.#escape(e);
      return { s: one(), again: one };
    }
    if (c === '^' || c === '$') {
      this.#i++;
      return null;
    }
    this.#i++;
    if (c === '.') {
      const one = (): string => this.#pick([' ', ' ', 'a', 'e', 'x']);
      return { s: one(), again: one };
    }
    return { s: c, again: () => c };
  }

  #escape(e: string): string {
    if (e === 's') return ' ';
    if (e === 'S' || e === 'w') return this.#pick(['a', 'e', 'o', 'x']);
    if (e === 'W') return ' ';
    if (e === 'd') return this.#pick(['1', '2', '7']);
    if (e === 'D') return 'a';
    if (e === 'n') return '\n';
    if (e === 't') return '\t';
    return e;
  }

  #classEnd(from: number): number {
    let i = from + 1;
    if (this.src[i] === '^') i++;
    if (this.src[i] === ']') i++;
    for (; i < this.src.length && this.src[i] !== ']'; i++) if (this.src[i] === '\\') i++;
    return i;
  }

  /** A character of the class body: a member at random; for a negated class, a space or letter it does not hold. */
  #fromClass(body: string): string {
    if (body.startsWith('^')) {
      const re = new RegExp(`[${body}]`);
      return [' ', 'a', 'e', 'x', '.', '1'].find((ch) => re.test(ch)) ?? ' ';
    }
    const members: string[] = [];
    for (let i = 0; i < body.length; i++) {
      let ch = body[i]!;
      if (ch === '\\') {
        const e = body[++i]!;
        if (e === 'u') {
          ch = String.fromCharCode(parseInt(body.slice(i + 1, i + 5), 16));
          i += 4;
        } else ch = this.#escape(e);
      }
      if (body[i + 1] === '-' && i + 2 < body.length) {
        let hi = body[i + 2]!;
        let skip = 2;
        if (hi === '\\' && body[i + 3] === 'u') {
          hi = String.fromCharCode(parseInt(body.slice(i + 4, i + 8), 16));
          skip = 7;
        }
        const lo = ch.charCodeAt(0);
        members.push(String.fromCharCode(lo + Math.floor(this.rand() * (hi.charCodeAt(0) - lo + 1))));
        i += skip;
      } else members.push(ch);
    }
    return members.length ? this.#pick(members) : ' ';
  }
}

/**
 * Up to `n` distinct strings drawn from `re`'s source, each also placed between a few words of context, kept only
 * where `re` matches them.
 */
export function regexSamples(re: RegExp, n: number, rand: Rand = seeded(1)): string[] {
  const g = new Gen(re.source, rand);
  const out = new Set<string>();
  for (let k = 0; k < n * 4 && out.size < n; k++) {
    let s: string;
    try {
      s = g.run();
    } catch {
      continue;
    }
    for (const t of [s, `please ${s} now`, `${s}.`]) if (re.test(t)) out.add(t);
  }
  return [...out];
}
