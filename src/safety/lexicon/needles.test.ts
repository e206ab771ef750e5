import { describe, expect, it } from 'vitest';
import { NeedleIndex } from './needles.js';

describe('NeedleIndex', () => {
  it('finds overlapping and nested needles in one pass, like includes() would', () => {
    const needles = ['he', 'she', 'his', 'hers', 'bomb', 'bombe', 'omb', 'x'];
    const idx = new NeedleIndex(needles);
    for (const text of ['ushers', 'a bath bombe', 'nothing', 'HIS hers', 'bo mb', 'ẞomb bomb']) {
      expect([...idx.scan(text)].sort()).toEqual(needles.filter((n) => text.includes(n)).sort());
    }
  });
});
