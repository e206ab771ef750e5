// What the golden file records per case: a digest of the normalised text and of the full check result (without time).
import { createHash } from 'node:crypto';
import { runChecks } from '../check.js';
import { normalise } from '../normalise/normalise.js';
import type { GoldenCase } from './corpus.js';

export interface GoldenLine {
  readonly key: string;
  /** sha256 of the normaliser's whole output (text, layers, techniques, score, limitHit, all). */
  readonly normalised: string;
  /** sha256 of findings, obfuscation and classifier scores. */
  readonly result: string;
  /** The findings' reasons, readable, so a difference says what changed. */
  readonly reasons: readonly string[];
}

const sha = (v: unknown): string => createHash('sha256').update(JSON.stringify(v)).digest('hex').slice(0, 24);

export function digest(c: GoldenCase): GoldenLine {
  const n = normalise(c.input.texts.join('\n'));
  const r = runChecks(c.input);
  const { ms: _ms, ...rest } = r;
  return { key: c.key, normalised: sha(n), result: sha(rest), reasons: r.findings.map((f) => `${f.category}/${f.severity}:${f.reason}`) };
}
