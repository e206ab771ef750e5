// leadUnits: the characters a match can start with, or undefined when the source does not say.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FRAMINGS } from '../detectors/jailbreak.js';
import { normalise } from '../normalise/normalise.js';
import { leadUnits } from './cue-regex.js';

const units = (s: string): number[] => [...s].map((c) => c.charCodeAt(0));

describe('leadUnits', () => {
  it('reads the first characters of a literal alternation, and nothing it cannot be sure of', () => {
    expect([...leadUnits(/(?:规则|限制|約束)/)!]).toEqual(units('规限約'));
    expect([...leadUnits(/無視|忘れ(?:て|る)|捨て/)!]).toEqual(units('無忘捨'));
    expect(leadUnits(/(?:规则|rules)/)).toBeUndefined();
    expect(leadUnits(/(?:规则)|(限制)/)).toBeUndefined();
    expect(leadUnits(/规?则/)).toBeUndefined();
    expect(leadUnits(/[规限]则/)).toBeUndefined();
    expect(leadUnits(/\u89c4则/)).toBeUndefined();
    expect(leadUnits(/规则/i)).toBeUndefined();
    expect(leadUnits(/(?:a|b)c(?:d)/)).toBeUndefined();
  });

  it('every match of a framing pre-test starts with one of its lead characters', () => {
    const texts = ['dev-cases.jsonl', 'dev-holdout.jsonl'].flatMap((f) =>
      readFileSync(new URL(`../detectors/${f}`, import.meta.url), 'utf8').split('\n').filter((l) => l.trim())
        .map((l) => normalise((JSON.parse(l) as { text: string }).text).all));
    let checked = 0;
    for (const f of FRAMINGS) {
      const leads = f.pre && leadUnits(f.pre);
      if (!leads) continue;
      const g = new RegExp(f.pre!.source, `${f.pre!.flags}g`);
      for (const t of texts) {
        for (const m of t.matchAll(g)) {
          checked++;
          expect(leads.has(m[0].charCodeAt(0)), `${f.id}: ${m[0]}`).toBe(true);
        }
      }
    }
    expect(checked).toBeGreaterThan(10);
  });
});
