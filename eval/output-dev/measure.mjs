// The built-in checks on the output dev passages (eval/output-dev/*.jsonl) as model answers, with the committed
// weights: recall on unsafe rows and the false-positive rate on benign rows, per file, language and category.
// A round scored before the classifier was trained on it gives its first (honest) score; afterwards it is a
// training-set figure (read the cross-validated one: node eval/output-dev/cv.mjs).
// Usage: npm run build --silent && node eval/output-dev/measure.mjs [--only FILE-PREFIX] [--misses]
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist', 'safety');
const { runChecks } = await import(join(dist, 'check.js'));
const { decide } = await import(join(dist, 'policy', 'decide.js'));
const { DEFAULT_POLICY } = await import(join(dist, 'policy', 'defaults.js'));
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : '';
const showMisses = process.argv.includes('--misses');

const cells = new Map();
const count = (key, hit) => {
  const c = cells.get(key) ?? { n: 0, hit: 0 };
  c.n++;
  if (hit) c.hit++;
  cells.set(key, c);
};
const misses = [];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.jsonl') && f.startsWith(only))
  .sort()) {
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const r = JSON.parse(line);
    const { findings } = runChecks({ target: 'output', texts: [r.text] });
    const blocked = decide(findings, DEFAULT_POLICY).action === 'block';
    const kind = r.label === 'unsafe' ? 'recall' : 'fpr';
    for (const k of [`${file}|${kind}|all`, `${file}|${kind}|${r.lang}`, `${file}|${kind}|cat:${r.category}`]) count(k, blocked);
    if (blocked !== (r.label === 'unsafe'))
      misses.push(
        `${file} ${r.lang} ${r.label}/${r.category} ${blocked ? 'blocked' : 'allowed'}: ${r.text.slice(0, 100)} | ${findings.map((f) => `${f.category}/${f.severity}:${f.reason}`).join('; ')}`,
      );
  }
}
const cell = (c) => (c ? `${(c.hit / c.n).toFixed(2)}/${c.n}` : '-');
const files = [...new Set([...cells.keys()].map((k) => k.split('|')[0]))];
for (const f of files) {
  console.log(f);
  for (const kind of ['recall', 'fpr']) {
    const keys = [...cells.keys()].filter((k) => k.startsWith(`${f}|${kind}|`)).map((k) => k.split('|')[2]);
    console.log(`  ${kind.padEnd(6)} ${keys.map((k) => `${k} ${cell(cells.get(`${f}|${kind}|${k}`))}`).join('  ')}`);
  }
}
if (showMisses) for (const m of misses) console.log(m);
