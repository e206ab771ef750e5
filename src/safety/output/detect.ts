// Output harm detector: the passage classifier's head scores, read against thresholds chosen on cross-validation.
import type { DetectorResult, Finding, Severity } from '../types.js';
import { HEAD_CATEGORY, HEADS, type HeadThresholds } from './heads.js';
import { type HeadScores, type OutputModel, scoreOutput } from './model.js';
import { OUTPUT_WEIGHTS } from './weights.generated.js';

export interface OutputHarmData {
  /** Probability per head, for the audit record. */
  readonly scores: Readonly<Record<string, number>>;
}

/** Committed thresholds (chosen on out-of-fold scores by src/safety/output/train.ts). */
export const OUTPUT_THRESHOLDS = OUTPUT_WEIGHTS.thresholds as Readonly<Record<(typeof HEADS)[number], HeadThresholds>>;

function severity(p: number, t: HeadThresholds): Severity {
  return p >= t.high ? 'high' : p >= t.medium ? 'medium' : p >= t.low ? 'low' : 'safe';
}

/** Findings for a model answer (folded text). `model`/`thresholds` override the committed ones (evaluation only). */
export function detectOutputHarm(text: string, model?: OutputModel, thresholds = OUTPUT_THRESHOLDS): DetectorResult<OutputHarmData> {
  return outputFindings(scoreOutput(text, model), thresholds);
}

/** Findings for head scores already computed (cross-validation scores each text once). */
export function outputFindings(s: HeadScores, thresholds: Readonly<Record<string, HeadThresholds>> = OUTPUT_THRESHOLDS): DetectorResult<OutputHarmData> {
  const findings: Finding[] = [];
  const scores: Record<string, number> = {};
  for (let h = 0; h < HEADS.length; h++) {
    const head = HEADS[h]!;
    const p = s.p[h]!;
    scores[head] = p;
    let sev = severity(p, thresholds[head]!);
    // Sexual content that names a minor is never a matter of degree (Azure blocks sexual/minors at any severity).
    const minors = head === 'sexual' && sev !== 'safe' && s.minor;
    if (minors) sev = 'high';
    if (sev === 'safe') continue;
    findings.push({ category: HEAD_CATEGORY[head], severity: sev, source: 'output-classifier', reason: `${minors ? 'sexual/minors' : head} p=${p.toFixed(2)}` });
  }
  return {
    verdict: findings.some((f) => f.severity !== 'low') ? 'hit' : 'pass',
    reason: findings.length ? findings.map((f) => f.reason).join(', ') : 'no head over its low threshold',
    data: { scores },
    findings,
  };
}
