// `warden eval safety --data FILE.jsonl`: recall per kind, benign false-positive rate, latency of the built-in checks.
import { readFileSync } from 'node:fs';
import { runChecks, type CheckTarget } from '../check.js';
import { decide } from '../policy/decide.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import type { SafetyPolicy } from '../policy/types.js';

export interface EvalRow {
  readonly text: string;
  readonly label: 'unsafe' | 'benign';
  readonly kind: string;
  readonly scope?: string;
  readonly standalone_benign?: boolean;
}

export interface KindFigures {
  readonly n: number;
  readonly blocked: number;
  readonly flagged: number;
  readonly rate: number;
}

export interface EvalReport {
  readonly rows: number;
  readonly kinds: Readonly<Record<string, KindFigures>>;
  /** Unsafe rows judged as user prompts (document-only payloads are reported apart). */
  readonly unsafeRecall: number;
  /** Document-only payloads placed inside a document (indirect attacks). */
  readonly documentRecall: number | undefined;
  readonly benignFpr: number;
  readonly latency: { readonly p50: number; readonly p99: number; readonly p50_4k: number; readonly p99_4k: number };
}

// Harmless carrier text for payloads that are attacks only inside a document (BIPIA "document only" rows).
export const CARRIER = 'Quarterly newsletter. The garden club meets on Tuesdays at the library. New members are welcome and coffee is provided.';

function targetOf(r: EvalRow): CheckTarget {
  return r.kind === 'benign_image' ? 'image_prompt' : 'prompt';
}

function percentile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.floor(q * s.length))]! : 0;
}

export function parseJsonl(text: string): EvalRow[] {
  return text
    .split('\n')
    .filter((l) => l.trim())
    .map((l, i) => {
      const r = JSON.parse(l) as Partial<EvalRow>;
      if (typeof r.text !== 'string' || (r.label !== 'unsafe' && r.label !== 'benign')) throw new Error(`line ${i + 1}: needs "text" and "label" (unsafe|benign)`);
      return { ...r, kind: r.kind ?? r.label } as EvalRow;
    });
}

/** Runs the built-in checks (no external guards) over labelled rows; "detected" = the policy blocks it. */
export function evalSafety(rows: readonly EvalRow[], policy: SafetyPolicy = DEFAULT_POLICY): EvalReport {
  const acc: Record<string, { n: number; blocked: number; flagged: number }> = {};
  const times: number[] = [];
  for (const r of rows) {
    const doc = r.standalone_benign === true || (r.scope === 'document' && r.standalone_benign);
    const kind = doc ? `${r.kind}(document)` : r.kind;
    const res = doc ? runChecks({ target: 'prompt', texts: ['Summarise the document for me.'], documents: [`${CARRIER}\n${r.text}`] }) : runChecks({ target: targetOf(r), texts: [r.text] });
    times.push(res.ms);
    const d = decide(res.findings, policy);
    const a = (acc[kind] ??= { n: 0, blocked: 0, flagged: 0 });
    a.n++;
    if (d.action === 'block') a.blocked++;
    else if (d.action !== 'allow') a.flagged++;
  }
  const kinds: Record<string, KindFigures> = {};
  let un = 0,
    ub = 0,
    bn = 0,
    bb = 0,
    dn = 0,
    db = 0;
  for (const [k, a] of Object.entries(acc)) {
    kinds[k] = { ...a, rate: a.blocked / a.n };
    const unsafe = rows.find((r) => r.kind === k || `${r.kind}(document)` === k)?.label === 'unsafe';
    if (k.endsWith('(document)')) {
      dn += a.n;
      db += a.blocked;
    } else if (unsafe) {
      un += a.n;
      ub += a.blocked;
    } else {
      bn += a.n;
      bb += a.blocked;
    }
  }
  return {
    rows: rows.length,
    kinds,
    unsafeRecall: un ? ub / un : 0,
    documentRecall: dn ? db / dn : undefined,
    benignFpr: bn ? bb / bn : 0,
    latency: { p50: percentile(times, 0.5), p99: percentile(times, 0.99), ...bench4k(rows) },
  };
}

/** Latency of the built-in checks on 4 KB prompts assembled from the rows (benign text, so every detector runs in full). */
function bench4k(rows: readonly EvalRow[]): { p50_4k: number; p99_4k: number } {
  const texts = rows.filter((r) => r.label === 'benign').map((r) => r.text);
  const pool = texts.length ? texts : rows.map((r) => r.text);
  const prompts: string[] = [];
  let k = 0;
  for (let i = 0; i < 50 && pool.length; i++) {
    let s = '';
    while (s.length < 4096) s += `${pool[k++ % pool.length]!}\n`;
    prompts.push(s.slice(0, 4096));
  }
  for (const p of prompts.slice(0, 5)) runChecks({ target: 'prompt', texts: [p] }); // warm-up (JIT, weights)
  const times: number[] = [];
  for (let rep = 0; rep < 4; rep++) for (const p of prompts) times.push(runChecks({ target: 'prompt', texts: [p] }).ms);
  return { p50_4k: percentile(times, 0.5), p99_4k: percentile(times, 0.99) };
}

export function formatReport(r: EvalReport): string {
  const lines = [`rows: ${r.rows}`, 'kind                              n  blocked  flagged  blocked-rate'];
  for (const [k, f] of Object.entries(r.kinds).sort())
    lines.push(`${k.padEnd(30)} ${String(f.n).padStart(5)}  ${String(f.blocked).padStart(7)}  ${String(f.flagged).padStart(7)}  ${f.rate.toFixed(3)}`);
  lines.push(`unsafe recall (blocked): ${r.unsafeRecall.toFixed(3)}`);
  if (r.documentRecall !== undefined) lines.push(`document-only payloads inside a document, blocked: ${r.documentRecall.toFixed(3)}`);
  lines.push(`benign false-positive rate (blocked): ${r.benignFpr.toFixed(3)}`);
  lines.push(`latency per row: p50 ${r.latency.p50.toFixed(3)} ms, p99 ${r.latency.p99.toFixed(3)} ms`);
  lines.push(`latency 4 KB prompt: p50 ${r.latency.p50_4k.toFixed(3)} ms, p99 ${r.latency.p99_4k.toFixed(3)} ms`);
  return lines.join('\n');
}

export function evalSafetyFile(path: string, policy?: SafetyPolicy): EvalReport {
  return evalSafety(parseJsonl(readFileSync(path, 'utf8')), policy);
}
