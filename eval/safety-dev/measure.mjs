// The built-in checks on the development set (eval/safety-dev), per kind and language; --misses lists the rows
// they get wrong. This is the set to tune on; eval/safety-unseen stays frozen and is measured once at the end.
// Usage: npm run build && node eval/safety-dev/measure.mjs [--misses] [--only FILE-PREFIX]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist', 'safety');
const { runChecks } = await import(join(dist, 'check.js'));
const { decide } = await import(join(dist, 'policy', 'decide.js'));
const { DEFAULT_POLICY } = await import(join(dist, 'policy', 'defaults.js'));
const LANGS = ['en', 'de', 'zh', 'fr', 'es', 'ja', 'ru', 'vi', 'pt', 'it'];
const showMisses = process.argv.includes('--misses');
// --only PREFIX scores just the files whose name starts with PREFIX (e.g. --only round3-lang).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : '';

// Rewrite suppression counts when stripped or blocked, other unsafe kinds when blocked; benign rows when blocked (FPR).
const caught = (kind, action) => (kind === 'rewrite_suppression' ? action === 'block' || action === 'strip' : action === 'block');
const groups = new Map();
const misses = [];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.jsonl') && f.startsWith(only))
  .sort()) {
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const { findings } = runChecks({ target: row.target, texts: [row.text] });
    const { action } = decide(findings, DEFAULT_POLICY);
    const hit = row.label === 'unsafe' ? caught(row.kind, action) : action === 'block';
    if (hit !== (row.label === 'unsafe'))
      misses.push(
        `${row.kind} ${row.lang} ${action}: ${row.text.slice(0, 110)} | ${findings
          .map((f) => `${f.category}/${f.severity}:${f.reason}`)
          .join('; ')
          .slice(0, 160)}`,
      );
    for (const k of [`${row.kind}|all`, `${row.kind}|${row.lang}`]) {
      const g = groups.get(k) ?? { n: 0, hit: 0 };
      g.n++;
      if (hit) g.hit++;
      groups.set(k, g);
    }
  }
}
const cell = (g) => (g ? `${(g.hit / g.n).toFixed(2)}/${g.n}` : '-').padStart(8);
const kinds = [...new Set([...groups.keys()].map((k) => k.split('|')[0]))];
console.log('recall for unsafe kinds (rewrite: stripped or blocked), false-positive rate (blocked) for benign kinds');
console.log(`${'kind'.padEnd(20)} ${'all'.padStart(8)} ${LANGS.map((l) => l.padStart(8)).join('')}`);
for (const k of kinds) console.log(`${k.padEnd(20)} ${cell(groups.get(`${k}|all`))} ${LANGS.map((l) => cell(groups.get(`${k}|${l}`))).join('')}`);
if (showMisses) for (const m of misses) console.log(m);
