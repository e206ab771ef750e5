// Folding line by line (ASCII-like lines on the fast path) gives exactly what folding the whole text in one piece gives.
import { describe, expect, it } from 'vitest';
import { LOWERS_TO_ASCII } from './decode.js';
import { fold, foldWhole } from './fold.js';
import { randomText } from '../../../test/support/random-text.js';

// ASCII prose, leet, inert punctuation, homoglyphs, fullwidth, marks, invisible and tag characters, final sigma,
// dotted capital I, eszett, the Kelvin sign, CJK, lone surrogates and every kind of line break and space.
const PARTS = [
  'how ',
  'To ',
  'make',
  ' a ',
  'b0mb',
  't0 ',
  'h3ll0 ',
  'x',
  '\n',
  '\n',
  '\n\n',
  '\r\n',
  ' \n ',
  '“',
  '”',
  '—',
  '…',
  '·',
  'а',
  'о',
  'ｈｏｗ',
  '\u0301',
  'e\u0301',
  '\u0301\u0302',
  '\u200b',
  '\u202e',
  '\uDB40\uDC68',
  'ΟΔΟΣ',
  'Σ',
  'İ',
  'ß',
  'K\u212A',
  '如何',
  '\uD800',
  '\uDC00',
  '\u2028',
  '\u00a0',
  'a b c d',
  'Ünïcode',
  '\t',
  '@',
  '$',
  '1',
  '€',
];

const random = (seed: number, len: number): string => randomText(PARTS, seed, len);

describe('fold', () => {
  it('line by line equals the whole text on the Unicode path', () => {
    let mixed = 0;
    for (let k = 0; k < 4000; k++) {
      const s = random(k + 1, 1 + (k % 40));
      if (/[^\x00-\x7f]/.test(s) && s.includes('\n')) mixed++;
      expect(fold(s), JSON.stringify(s)).toEqual(foldWhole(s));
    }
    expect(mixed).toBeGreaterThan(1000);
  });

  it('folds a long mostly-ASCII text with a few foreign lines', () => {
    const s = `${'Explain how to stop a hung process.\n'.repeat(50)}Wie töte ich einen hängenden Prozess?\n${'h0w t0 d0 1t\n'.repeat(3)}如何终止一个卡住的进程？`;
    expect(fold(s)).toEqual(foldWhole(s));
    expect(fold(s).text).toContain('wie tote ich einen hangenden prozess?');
  });
});

describe('whitespace', () => {
  it('trim strips exactly the characters \\s matches, so trimming before or after the collapse is the same', () => {
    const wrong: number[] = [];
    for (let c = 0; c < 0x10000; c++) {
      const ch = String.fromCharCode(c);
      if ((`${ch}x${ch}`.trim() === 'x') !== /\s/.test(ch)) wrong.push(c);
    }
    expect(wrong).toEqual([]);
    for (const t of ['  a  b \n', '\u3000a\u2028', ' a', 'a ', '\n\n', 'a \t b']) expect(t.trim().replace(/\s+/g, ' ')).toBe(t.replace(/\s+/g, ' ').trim());
  });
});

describe('ROT13 counting', () => {
  it('knows every non-ASCII character whose lower case holds an ASCII letter', () => {
    const wrong: string[] = [];
    let found = 0;
    for (let cp = 0x80; cp < 0x110000; cp++) {
      if (cp >= 0xd800 && cp <= 0xdfff) continue;
      const ch = String.fromCodePoint(cp);
      const toAscii = /[a-z]/i.test(ch.toLowerCase());
      if (toAscii) found++;
      if (LOWERS_TO_ASCII.test(ch) !== toAscii) wrong.push(cp.toString(16));
    }
    expect(wrong).toEqual([]);
    expect(found).toBe(2);
  });
});
