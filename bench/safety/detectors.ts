// Micro-benchmark: p50/p99 of the built-in checks (runChecks) on 4 KB and 64 KB prompts built from benign text. Not a test.
// Run: npx tsx bench/safety/detectors.ts [DATA_DIR]   (default: the shared safety data, see src/safety/train/pool.ts; else a built-in filler)
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { runChecks, type CheckTarget } from '../../src/safety/check.js';
import { DEFAULT_DATA_DIR } from '../../src/safety/train/pool.js';

const DIR = process.argv[2] ?? DEFAULT_DATA_DIR;
const FILES = ['benign_chat_wide.jsonl', 'benign_chat.jsonl', 'benign_chat_de.jsonl', 'benign_chat_zh.jsonl', 'benign_image.jsonl'];

function pool(): string[] {
  const out: string[] = [];
  for (const f of FILES) {
    const p = join(DIR, f);
    if (existsSync(p)) for (const l of readFileSync(p, 'utf8').split('\n')) if (l.trim()) out.push((JSON.parse(l) as { text: string }).text);
  }
  return out.length ? out : ['The weather was pleasant and we talked about gardening, lighthouses and the history of the harbour.'];
}

function prompts(texts: string[], size: number, n: number, seed: number): string[] {
  const out: string[] = [];
  let k = seed;
  for (let i = 0; i < n; i++) {
    let s = '';
    while (s.length < size) s += `${texts[(k = (k * 1103515245 + 12345) % 2147483648) % texts.length]!}\n`;
    out.push(s.slice(0, size));
  }
  return out;
}

function pct(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))]!;
}

const texts = pool();
for (const [size, n, reps] of [
  [4096, 200, 5],
  [65536, 40, 5],
] as const) {
  for (const target of ['prompt', 'image_prompt'] as CheckTarget[]) {
    const ps = prompts(texts, size, n, size);
    for (const p of ps.slice(0, 10)) runChecks({ target, texts: [p] });
    const times: number[] = [];
    for (let r = 0; r < reps; r++) for (const p of ps) times.push(runChecks({ target, texts: [p] }).ms);
    console.log(`${String(size / 1024).padStart(2)} KB ${target.padEnd(12)} p50 ${pct(times, 0.5).toFixed(3)} ms  p99 ${pct(times, 0.99).toFixed(3)} ms  (n=${times.length})`);
  }
}
