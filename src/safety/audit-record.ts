// What a safety verdict contributes to the audit event: categories, severities, which check, latency; never text.
import type { Judgement } from './service.js';
import type { Finding } from './types.js';

export interface VerdictRecord {
  readonly stage: 'prompt' | 'output' | 'revised_prompt';
  readonly action: string;
  readonly reason: string;
  readonly findings: readonly { category: string; severity: string; source: string; hazard?: string; reason: string }[];
  readonly builtinMs: number;
  readonly guardMs: number;
  readonly guardFailures: readonly { guard: string; reason: string }[];
  readonly obfuscation: number;
}

type RecordedFinding = VerdictRecord['findings'][number];

/** Every finding that is not 'safe', built-in checks first (one array, no intermediate copies). */
function recorded(a: readonly Finding[], b: readonly Finding[]): RecordedFinding[] {
  const out: RecordedFinding[] = [];
  for (const f of a) if (f.severity !== 'safe') out.push(recordOf(f));
  for (const f of b) if (f.severity !== 'safe') out.push(recordOf(f));
  return out;
}

// Members in canonical order, here and in verdictRecord: the audit event stores them as they are (audit/canonical.ts).
const recordOf = (f: Finding): RecordedFinding => ({ category: f.category, ...(f.hazard ? { hazard: f.hazard } : {}), reason: f.reason, severity: f.severity, source: f.source });

export function verdictRecord(stage: VerdictRecord['stage'], j: Judgement): VerdictRecord {
  return {
    action: j.decision.action,
    builtinMs: Math.round(j.checks.ms * 1000) / 1000,
    findings: recorded(j.checks.findings, j.guards.findings),
    guardFailures: j.guards.failures,
    guardMs: Math.round(j.guards.ms * 1000) / 1000,
    obfuscation: Math.round(j.checks.obfuscation.score * 1000) / 1000,
    reason: j.decision.reason,
    stage,
  };
}

/** Token-set similarity of two texts (0..1), to tell an unrevised `revised_prompt` from a real revision. */
export function similarity(a: string, b: string): number {
  const ta = new Set(a.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  const tb = new Set(b.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? []);
  if (ta.size === 0 && tb.size === 0) return 1;
  let inter = 0;
  for (const t of ta) if (tb.has(t)) inter++;
  return inter / (ta.size + tb.size - inter);
}
