// The frozen unseen safety set (eval/safety-unseen): schema, language coverage, no duplicates, no overlap with training data.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_DATA_DIR } from '../../src/safety/train/pool.js';

const DIR = join(import.meta.dirname, '..', '..', 'eval', 'safety-unseen');
// Training/dev data the detectors and classifier may be tuned on (the trainer's default path); the unseen set must
// share no text with it. WARDEN_SAFETY_DATA overrides it; the check is skipped where the data is not present.
const SHARED = DEFAULT_DATA_DIR;

const LANGS = ['en', 'de', 'zh', 'fr', 'es', 'ja'];
const KIND_LABEL: Record<string, 'unsafe' | 'benign'> = {
  rewrite_suppression: 'unsafe',
  jailbreak: 'unsafe',
  harmful_request: 'unsafe',
  prompt_injection: 'unsafe',
  benign_lookalike: 'benign',
  benign_chat: 'benign',
  benign_image: 'benign',
};
// Kinds the issue asks to cover in every language, with the least rows per language we wrote.
const MIN_PER_LANG: Record<string, number> = { rewrite_suppression: 25, jailbreak: 15, harmful_request: 15, benign_lookalike: 30 };

interface Row {
  text: string;
  label: string;
  kind: string;
  lang: string;
  target: string;
  category: string;
  source: string;
  license: string;
}

/** Whitespace- and case-insensitive key, so a re-spaced copy still counts as the same text. */
const key = (t: string): string => t.normalize('NFKC').replace(/\s+/g, ' ').trim().toLowerCase();

function readRows(): Array<{ file: string; line: number; row: Row }> {
  const out: Array<{ file: string; line: number; row: Row }> = [];
  for (const file of readdirSync(DIR)
    .filter((f) => f.endsWith('.jsonl'))
    .sort()) {
    readFileSync(join(DIR, file), 'utf8')
      .split('\n')
      .forEach((l, i) => {
        if (l.trim()) out.push({ file, line: i + 1, row: JSON.parse(l) as Row });
      });
  }
  return out;
}

describe('frozen unseen safety set', () => {
  const rows = readRows();

  it('has rows in every file and every row has the schema fields with allowed values', () => {
    expect(rows.length).toBeGreaterThan(600);
    for (const { file, line, row } of rows) {
      const at = `${file}:${line}`;
      expect(Object.keys(row).sort(), at).toEqual(['category', 'kind', 'label', 'lang', 'license', 'source', 'target', 'text']);
      expect(typeof row.text === 'string' && row.text.trim().length > 0, at).toBe(true);
      expect(KIND_LABEL[row.kind], at).toBe(row.label);
      expect(LANGS, at).toContain(row.lang);
      expect(['image_prompt', 'prompt'], at).toContain(row.target);
      expect(row.category, at).toMatch(/^[a-z_]+$/);
      expect(row.source, at).toBe(`warden/unseen:${file}`);
      expect(row.license, at).toBe('Apache-2.0');
    }
  });

  it('covers all six languages for each main kind', () => {
    for (const [kind, min] of Object.entries(MIN_PER_LANG)) {
      for (const lang of LANGS) {
        const n = rows.filter((r) => r.row.kind === kind && r.row.lang === lang).length;
        expect(n, `${kind}/${lang}`).toBeGreaterThanOrEqual(min);
      }
    }
  });

  it('has rewrite suppression and benign look-alikes for both targets', () => {
    for (const kind of ['rewrite_suppression', 'benign_lookalike']) {
      const targets = new Set(rows.filter((r) => r.row.kind === kind).map((r) => r.row.target));
      expect([...targets].sort(), kind).toEqual(['image_prompt', 'prompt']);
    }
  });

  it('has no duplicate texts', () => {
    const seen = new Map<string, string>();
    for (const { file, line, row } of rows) {
      const k = key(row.text);
      expect(seen.get(k), `${file}:${line} repeats`).toBeUndefined();
      seen.set(k, `${file}:${line}`);
    }
  });

  if (!existsSync(SHARED)) console.warn(`safety data not found in ${SHARED} (set WARDEN_SAFETY_DATA): the overlap check is skipped`);
  it.skipIf(!existsSync(SHARED))('shares no text with the project safety data', () => {
    const shared = new Set<string>();
    for (const f of readdirSync(SHARED).filter((n) => n.endsWith('.jsonl'))) {
      for (const l of readFileSync(join(SHARED, f), 'utf8').split('\n')) {
        if (!l.trim()) continue;
        const t = (JSON.parse(l) as { text?: unknown }).text;
        if (typeof t === 'string') shared.add(key(t));
      }
    }
    expect(shared.size).toBeGreaterThan(0);
    const overlap = rows.filter((r) => shared.has(key(r.row.text))).map((r) => `${r.file}:${r.line}`);
    expect(overlap).toEqual([]);
  });
});
