// Per-language figures of the rule detectors on the written dev set (or any labelled JSONL): not a test, a report.
// Run: npx tsx src/safety/detectors/dev-eval.ts [FILE.jsonl ...]   (default: the dev set next to this file)
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runChecks, type CheckTarget } from '../check.js';
import { decide } from '../policy/decide.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';

interface Row {
  readonly text: string;
  readonly label: 'unsafe' | 'benign';
  readonly kind: string;
  readonly lang?: string;
  readonly target?: CheckTarget;
}

/** Caught: a rewrite-suppression row is stripped or blocked; any other unsafe row is blocked. */
function caught(r: Row, target: CheckTarget): boolean {
  const d = decide(runChecks({ target, texts: [r.text] }).findings, DEFAULT_POLICY);
  if (d.action === 'block') return true;
  return r.kind === 'rewrite_suppression' ? d.categories.prompt_rewrite_suppression?.triggered === true : false;
}

/** A benign row is harmed when it is blocked or when part of it would be stripped. */
function harmed(r: Row, target: CheckTarget): { block: boolean; strip: boolean } {
  const d = decide(runChecks({ target, texts: [r.text] }).findings, DEFAULT_POLICY);
  return { block: d.action === 'block', strip: d.action === 'strip' };
}

function report(file: string): void {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as Row);
  const acc = new Map<string, { n: number; hit: number; strip: number; misses: string[] }>();
  for (const r of rows) {
    const target: CheckTarget = r.target ?? (r.kind === 'benign_image' ? 'image_prompt' : 'prompt');
    const key = `${r.label === 'unsafe' ? r.kind : `benign:${r.kind}`}\t${r.lang ?? 'en'}`;
    const a = acc.get(key) ?? { n: 0, hit: 0, strip: 0, misses: [] };
    a.n++;
    if (r.label === 'unsafe') {
      if (caught(r, target)) a.hit++;
      else a.misses.push(r.text);
    } else {
      const h = harmed(r, target);
      if (h.block) a.hit++;
      if (h.strip) a.strip++;
      if (h.block || h.strip) a.misses.push(r.text);
    }
    acc.set(key, a);
  }
  console.log(`\n# ${basename(file)} (${rows.length} rows): unsafe = recall (blocked, or stripped for rewrite suppression); benign = FPR blocked / stripped`);
  for (const [k, a] of [...acc].sort()) {
    const [kind, lang] = k.split('\t');
    const s = kind!.startsWith('benign:') ? `FPR block ${(a.hit / a.n).toFixed(3)} strip ${(a.strip / a.n).toFixed(3)}` : `recall ${(a.hit / a.n).toFixed(3)}`;
    console.log(`${kind!.padEnd(28)} ${lang!.padEnd(4)} n=${String(a.n).padStart(5)}  ${s}`);
    if (process.env['SHOW'] && a.misses.length) for (const m of a.misses.slice(0, Number(process.env['SHOW']) || 50)) console.log(`    ${m.slice(0, 160).replace(/\n/g, ' ')}`);
  }
}

const files = process.argv.slice(2);
for (const f of files.length ? files : [fileURLToPath(new URL('./dev-cases.jsonl', import.meta.url))]) report(f);
