import { describe, expect, it } from 'vitest';
import { randomText } from '../../../test/support/random-text.js';
import { NeedleGate, NeedleIndex } from './needles.js';

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
