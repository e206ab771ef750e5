// The linear scanners give exactly what the whole-text regexes they replace give, on random and written strings.
import { describe, expect, it } from 'vitest';
import { CONFUSABLES, LEET } from './confusables.js';
import { hasSpacedLetters, nextPair, replaceShortLeet, replaceWords } from './scan.js';
import { randomText } from '../../../test/support/random-text.js';

// The regexes fold.ts used before the scanners (kept here as the reference).
const WORD = /[\p{L}\p{N}@$!|€£+]*[\p{L}\p{N}]/gu;
const PLAIN = /^[a-z]+$/;
const SPACED = /(?<![\p{L}\p{N}])\p{L}(?:[ .\-_*·/|]{1,2}\p{L}(?![\p{L}\p{N}])){3,}/u;
const SHORT_LEET = /(?<![\p{L}\p{N}])(?:[a-z][0134579@$]|[0134579@$][a-z])(?![\p{L}\p{N}])/gu;

/** Folds candidate characters and leaves other words alone, as foldWord does. */
const fold = (w: string): string => [...w].map((c) => LEET.get(c) ?? CONFUSABLES.get(c) ?? c).join('');
const tag = (w: string): string => `<${w}>`;

// Letters, digits, word symbols, separators, homoglyphs, CJK, an astral letter and digit, marks, lone surrogates, spaces.
const PARTS = [
  'a',
  'b',
  'z',
  'x',
  '0',
  '1',
  '3',
  '4',
  '9',
  '2',
  '@',
  '$',
  '!',
  '|',
  '€',
  '£',
  '+',
  ' ',
  ' ',
  '  ',
  '.',
  '-',
  '_',
  '*',
  '·',
  '/',
  ',',
  '"',
  'а',
  'о',
  'ε',
  'ж',
  '中',
  '文',
  '\u{1D41A}',
  '\u{1D7D9}',
  '\u0301',
  '\uD800',
  '\uDC00',
  '\n',
  '\t',
  '\u00A0',
  'ß',
  'é',
];

const random = (seed: number, len: number): string => randomText(PARTS, seed, len);

const WRITTEN = [
  'm a k e a b o m b',
  'a b c',
  'a b c d',
  'a  b..c-_d',
  'x a b c d9',
  'h0w t0 d0 1t',
  'st0p th3 r3v1s10n',
  'gpt4 mp3 covid19',
  'ｈｏｗ',
  'bоmb',
  'a\u{1D41A} b c d',
  '\u{1D41A} \u{1D41A} \u{1D41A} \u{1D41A}',
  't0 b3',
  'a1!',
  '!!a',
  '@a@',
  '中 a b c d',
  'é a b c d',
];

/** Single letters and other tokens joined by zero to three separators: the spaced-letters shape and its near misses. */
function spaced(seed: number): string {
  const tokens = ['a', 'b', 'ж', '中', '\u{1D41A}', '1', 'ab', '@', 'é'];
  const seps = ['', ' ', '  ', '   ', '.', ' . ', '-_', '·', ',', '\n'];
  let a = seed;
  const next = (n: number): number => {
    a = (Math.imul(a, 1103515245) + 12345) >>> 0;
    return Math.floor((a / 4294967296) * n);
  };
  let s = '';
  for (let i = 0, len = 2 + next(10); i < len; i++) s += tokens[next(tokens.length)]! + seps[next(seps.length)]!;
  return s;
}

const strings = [...WRITTEN, ...Array.from({ length: 3000 }, (_, k) => random(k + 1, 1 + (k % 60))), ...Array.from({ length: 3000 }, (_, k) => spaced(k + 7))];

describe('normaliser scanners', () => {
  it('replaceWords folds exactly the words the word regex finds', () => {
    for (const s of strings) {
      expect(replaceWords(s, fold), JSON.stringify(s)).toBe(s.replace(WORD, (w) => (PLAIN.test(w) ? w : fold(w))));
    }
    // Words with a candidate character reach the callback whole, cut back to their last letter or number.
    expect(replaceWords('x h0w!! a1b+ plain', tag)).toBe('x <h0w>!! <a1b>+ plain');
  });

  it('hasSpacedLetters agrees with the spaced-letters regex', () => {
    let hits = 0;
    for (const s of strings) {
      const want = SPACED.test(s);
      if (want) hits++;
      expect(hasSpacedLetters(s), JSON.stringify(s)).toBe(want);
    }
    expect(hits).toBeGreaterThan(20);
  });

  it('replaceShortLeet replaces exactly the two-character leet words', () => {
    let changed = 0;
    for (const s of strings) {
      const want = s.replace(SHORT_LEET, tag);
      if (want !== s) changed++;
      expect(replaceShortLeet(s, tag), JSON.stringify(s)).toBe(want);
    }
    expect(changed).toBeGreaterThan(20);
  });

  it('the whitespace collapse gives what /\\s+/g → " " gives', () => {
    const WS = / ?[^\S ]\s*| {2,}\s*/g;
    for (const s of strings) expect(s.replace(WS, ' '), JSON.stringify(s)).toBe(s.replace(/\s+/g, ' '));
  });

  it('nextPair finds where the letter-and-leet pair regexes match, from any start', () => {
    const sets = [
      [2, /[a-z][0-9@$!|+]|[0-9@$!|+][a-z]/g],
      [4, /[a-z][0134579@$]|[0134579@$][a-z]/g],
    ] as const;
    let found = 0;
    const wrong: string[] = [];
    for (const s of [...strings, 'a1', '1a', 'ab', '11', 'a', '', 'x+y!z', 'a2b6c8']) {
      for (const [other, re] of sets) {
        for (let from = 0; from <= s.length; from += 1 + (from % 3)) {
          re.lastIndex = from;
          const want = re.exec(s)?.index ?? -1;
          if (want >= 0) found++;
          if (nextPair(s, from, other) !== want) wrong.push(`${JSON.stringify(s)} from ${from}`);
        }
      }
    }
    expect(wrong).toEqual([]);
    expect(found).toBeGreaterThan(1000);
  });
});
