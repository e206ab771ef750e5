// The decoder's one-pass scan counts the same ROT13 words as the word counter on its own, and finds the same runs.
import { describe, expect, it } from 'vitest';
import { commonCounts, rot13, scanCandidates } from './decode.js';

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

function random(seed: number, len: number): string {
  let a = seed;
  let s = '';
  for (let i = 0; i < len; i++) {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    s += PARTS[Math.floor((a / 4294967296) * PARTS.length)]!;
  }
  return s;
}

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
