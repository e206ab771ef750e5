import { describe, expect, it } from 'vitest';
import { randomText } from '../../../test/support/random-text.js';
import { NeedleGate, NeedleIndex, NeedlePool } from './needles.js';

describe('NeedleIndex', () => {
  it('finds overlapping and nested needles in one pass, like includes() would', () => {
    const needles = ['he', 'she', 'his', 'hers', 'bomb', 'bombe', 'omb', 'x'];
    const idx = new NeedleIndex(needles);
    for (const text of ['ushers', 'a bath bombe', 'nothing', 'HIS hers', 'bo mb', 'ẞomb bomb']) {
      expect([...idx.scan(text)].sort()).toEqual(needles.filter((n) => text.includes(n)).sort());
    }
  });

  it('reports every occurrence of every needle at its end offset, as indexOf finds them', () => {
    const needles = ['a', 'ab', 'abab', 'bab', 'b c', 'ca', 'xyz', 'zz', 'c-d'];
    const idx = new NeedleIndex(needles);
    const gate = new NeedleGate([['ab', 'zz'], ['bab'], undefined, ['c-d', 'xyz'], ['中']]);
    for (let k = 0; k < 300; k++) {
      const text = randomText(['a', 'b', ' ', 'c', 'x', 'y', 'z', '-', 'd', '中', 'é', 'A'], k + 1, k % 80);
      const want: string[] = [];
      needles.forEach((w, n) => {
        for (let i = text.indexOf(w); i >= 0; i = text.indexOf(w, i + 1)) want.push(`${i + w.length}:${n}`);
      });
      const got: string[] = [];
      idx.each(text, (n, end) => got.push(`${end}:${n}`));
      expect(got.sort(), JSON.stringify(text)).toEqual(want.sort());
      // The gate: a group with a non-ASCII needle, or none, is always tried; the others when one of theirs occurs.
      const flags = [...gate.scan(text)];
      expect(flags, JSON.stringify(text)).toEqual([+(text.includes('ab') || text.includes('zz')), +text.includes('bab'), 1, +(text.includes('c-d') || text.includes('xyz')), 1]);
    }
  });
});

describe('NeedlePool', () => {
  it('replays to each member exactly the reports, in the order, of its own walk; walks again for another text', () => {
    const groups = [['ab', 'zz', 'b'], ['bab', 'a'], undefined, ['c-d', 'xyz', 'yz']];
    const words = ['a', 'ab', 'abab', 'bab', 'b c', 'ca', 'xyz', 'zz', 'c-d'];
    const pool = new NeedlePool();
    const pooled = [new NeedleGate(groups, pool), new NeedleIndex(words, pool), new NeedleGate([['c', 'cd'], ['d']], pool)];
    const own = [new NeedleGate(groups), new NeedleIndex(words), new NeedleGate([['c', 'cd'], ['d']])];
    const reports = (g: NeedleGate | NeedleIndex, text: string) => {
      const out: string[] = [];
      g.each(text, (n, end) => out.push(`${end}:${n}`));
      return out;
    };
    let replayed = 0;
    for (let k = 0; k < 300; k++) {
      const text = randomText(['a', 'b', ' ', 'c', 'x', 'y', 'z', '-', 'd', '中', 'é', 'A'], k + 7, k % 90);
      pool.prime(text);
      for (let m = 0; m < own.length; m++) {
        const want = reports(own[m]!, text);
        replayed += want.length;
        expect(reports(pooled[m]!, text), JSON.stringify(text)).toEqual(want);
        // A text the pool was not primed with is walked by the member itself.
        expect(reports(pooled[m]!, `${text}ab`)).toEqual(reports(own[m]!, `${text}ab`));
      }
    }
    expect(replayed).toBeGreaterThan(1000);
    pool.clear();
    expect(pool.replay(0, '', () => {})).toBe(false);
  });

  it('takes in a gate added after a walk at the next one', () => {
    const pool = new NeedlePool();
    const first = new NeedleIndex(['bomb'], pool);
    pool.prime('a bomb');
    const later = new NeedleIndex(['om', 'a b'], pool);
    pool.prime('a bomb');
    const got: string[] = [];
    first.each('a bomb', (n, end) => got.push(`first ${n}@${end}`));
    later.each('a bomb', (n, end) => got.push(`later ${n}@${end}`));
    expect(got).toEqual(['first 0@6', 'later 1@3', 'later 0@5']);
  });
});
