import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../train/pool.js';
import { evalOutputCv, evalOutputUnseen, formatOutputCv, formatOutputUnseen } from './output-eval.js';

const dataDir = process.env['WARDEN_SAFETY_DATA'] ?? DEFAULT_DATA_DIR;
const haveData = existsSync(join(dataDir, 'output_moderation.jsonl'));

describe('output checks evaluation', () => {
  it.skipIf(!haveData)(
    'cross-validates per category: the classifier adds recall over the built-in checks alone',
    () => {
      const r = evalOutputCv(dataDir);
      for (const flag of ['S', 'H', 'V', 'HR', 'SH']) expect(r.after[flag]!.n).toBeGreaterThan(20);
      const rate = (c: { n: number; blocked: number }): number => c.blocked / c.n;
      // Floors well under the measured figures (S ~0.76, H ~0.41, benign ~0.07).
      expect(rate(r.after['S']!)).toBeGreaterThan(0.5);
      expect(rate(r.after['H']!)).toBeGreaterThan(rate(r.before['H']!));
      expect(rate(r.after['benign']!)).toBeLessThan(0.15);
      expect(Object.keys(r.byCategory)).toEqual(expect.arrayContaining(['H', 'HR', 'S', 'SH', 'V']));
      expect(formatOutputCv(r)).toContain('leave-one-category-out');
    },
    120_000,
  );

  it('scores the frozen unseen set per language (shape only: its figures are read once, never asserted)', () => {
    const r = evalOutputUnseen();
    for (const lang of ['en', 'de', 'zh', 'fr', 'es', 'ja']) {
      expect(r.after[lang]!.unsafe.n).toBeGreaterThan(15);
      expect(r.after[lang]!.benign.n).toBeGreaterThan(15);
    }
    expect(formatOutputUnseen(r)).toContain('frozen unseen');
  });
});
