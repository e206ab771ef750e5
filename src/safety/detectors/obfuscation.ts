// Obfuscation detector: how much disguise the normaliser undid is itself a signal.
import type { Normalised } from '../normalise/normalise.js';
import type { DetectorResult, Severity } from '../types.js';

export interface ObfuscationData {
  readonly score: number;
  readonly techniques: Readonly<Record<string, number>>;
  readonly limitHit: boolean;
}

/** Encoded payloads and decode limits are deliberate; a few leet/homoglyph characters can be accidents. */
export function detectObfuscation(n: Normalised): DetectorResult<ObfuscationData> {
  const data = { score: n.score, techniques: n.techniques, limitHit: n.limitHit };
  const t = n.techniques;
  const encoded = (t['base64'] ?? 0) + (t['hex'] ?? 0) + (t['url'] ?? 0) + (t['rot13'] ?? 0) + (t['tags'] ?? 0);
  let severity: Severity = 'safe';
  if (n.limitHit || n.score >= 0.3 || encoded >= 24) severity = 'medium';
  else if (n.score >= 0.05 || encoded > 0 || (t['homoglyphs'] ?? 0) >= 2 || (t['invisible'] ?? 0) >= 3) severity = 'low';
  if (severity === 'safe') return { verdict: 'pass', reason: 'no disguise', data, findings: [] };
  const names = Object.keys(t).filter((k) => k !== 'nfkc' || (t[k] ?? 0) > 3);
  const reason = `${n.limitHit ? 'decode limit hit; ' : ''}${names.join(',')} (score ${n.score.toFixed(2)})`;
  return { verdict: 'hit', reason, data, findings: [{ category: 'obfuscation', severity, source: 'normaliser', reason }] };
}
