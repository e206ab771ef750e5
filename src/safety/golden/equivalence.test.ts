// The built-in checks give exactly the recorded results (normalised text, findings, scores) on the golden corpus.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { goldenCases } from './corpus.js';
import { digest, type GoldenLine } from './digest.js';

const golden = new Map(
  readFileSync(new URL('./checks.golden.jsonl', import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as GoldenLine)
    .map((g) => [g.key, g]),
);
const cases = goldenCases();

describe('built-in checks match the golden file', () => {
  it.skipIf(cases.length === 0)('covers every recorded case, thousands of rows and long texts', () => {
    expect(cases.map((c) => c.key)).toEqual([...golden.keys()]);
    expect(cases.length).toBeGreaterThan(3000);
    expect(cases.filter((c) => c.input.texts[0]!.length >= 65536).length).toBeGreaterThanOrEqual(15);
  });

  it.skipIf(cases.length === 0)(
    'normalises and judges every case exactly as recorded',
    () => {
      const diffs: string[] = [];
      for (const c of cases) {
        const want = golden.get(c.key);
        const got = digest(c);
        if (!want || got.normalised !== want.normalised || got.result !== want.result) {
          diffs.push(`${c.key}: normalised ${want?.normalised === got.normalised ? 'same' : 'DIFFERS'}; findings ${JSON.stringify(want?.reasons)} -> ${JSON.stringify(got.reasons)}`);
        }
      }
      expect(diffs.slice(0, 20)).toEqual([]);
    },
    300_000,
  );

  it.skipIf(cases.length === 0)('has cases that flag, so the comparison is not only of empty results', () => {
    expect([...golden.values()].filter((g) => g.reasons.length > 0).length).toBeGreaterThan(500);
  });
});
