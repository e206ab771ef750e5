// Operator-defined blocklists: plain terms (matched on normalised text, word-bounded) or regular expressions.
import type { DetectorResult, Finding } from '../types.js';

export interface Blocklist {
  readonly name: string;
  readonly terms?: readonly string[] | undefined;
  readonly patterns?: readonly string[] | undefined;
}

export interface CompiledBlocklist {
  readonly name: string;
  readonly re: RegExp | undefined;
}

const escapeRegex = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Compiled once per policy, not per request. Terms are normalised the way texts are (lower-case). */
export function compileBlocklist(b: Blocklist): CompiledBlocklist {
  const parts = [
    ...(b.terms ?? []).filter((t) => t.trim()).map((t) => `(?<![\\p{L}\\p{N}])${escapeRegex(t.toLowerCase().normalize('NFKC'))}(?![\\p{L}\\p{N}])`),
    ...(b.patterns ?? []).map((p) => `(?:${p})`),
  ];
  return { name: b.name, re: parts.length ? new RegExp(parts.join('|'), 'iu') : undefined };
}

export function detectBlocklist(text: string, lists: readonly CompiledBlocklist[]): DetectorResult<{ lists: string[] }> {
  const findings: Finding[] = [];
  for (const l of lists) {
    const m = l.re?.exec(text);
    if (m) findings.push({ category: 'custom_blocklists', severity: 'high', source: `blocklist:${l.name}`, reason: l.name, span: [m.index, m.index + m[0].length] });
  }
  const names = findings.map((f) => f.reason);
  return { verdict: findings.length ? 'hit' : 'pass', reason: findings.length ? `blocklist: ${names.join(',')}` : 'none', data: { lists: names }, findings };
}
