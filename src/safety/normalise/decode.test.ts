// The decoder's one-pass scan counts the same ROT13 words as the word counter on its own, and finds the same runs.
import { describe, expect, it } from 'vitest';
import { commonCounts, rot13, scanCandidates } from './decode.js';
import { randomText } from '../../../test/support/random-text.js';

const PARTS = [
  'the ',
  'and ',
  'gur ',
  'naq ',
  'instructions',
  'vafgehpgvbaf',
  'abcdefghijklmnopq',
  'ABCDEFGHIJKLMNOP',
  'Zm9vYmFyYmF6cXV4',
  '==',
  '=',
  ' ',
  '\n',
  '0123456789abcdef',
  ':',
  ',',
  '\\x',
  '中',
  'é',
  'K',
  'I',
  '-',
  '_',
  '/',
  '+',
  'x',
  'q',
  '12',
];

const random = (seed: number, len: number): string => randomText(PARTS, seed, len);

describe('decoder scan', () => {
  it('counts words as commonCounts does and finds the base64 runs the regex finds', () => {
    for (let k = 0; k < 3000; k++) {
      const s = k % 7 === 0 ? rot13(random(k, 30)) : random(k + 1, 1 + (k % 50));
      const scan = scanCandidates(s);
      expect(scan.counts, JSON.stringify(s)).toEqual(commonCounts(s));
      expect(scan.base64, JSON.stringify(s)).toEqual([...s.matchAll(/[A-Za-z0-9+/_-]{16,}={0,2}/g)].map((m) => m[0]));
    }
  });
});
