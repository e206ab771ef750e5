// The built-in checks on the development set (eval/safety-dev), per kind and language; --misses lists the rows
// they get wrong. This is the set to tune on; eval/safety-unseen stays frozen and is measured once at the end.
// Usage: npm run build && node eval/safety-dev/measure.mjs [--misses] [--round N] [--only FILE-PREFIX]
// One table per round (round 1: files without a prefix, round N: roundN-*.jsonl) and one over all rows. Benign kinds
// get two lines: blocked (the false-positive rate) and stripped (rewrite-suppression text removed from a benign prompt).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist', 'safety');
const { runChecks } = await import(join(dist, 'check.js'));
const { decide } = await import(join(dist, 'policy', 'decide.js'));
const { DEFAULT_POLICY } = await import(join(dist, 'policy', 'defaults.js'));
const LANGS = ['en', 'de', 'zh', 'fr', 'es', 'ja', 'other'];
const showMisses = process.argv.includes('--misses');
const onlyRound = process.argv.includes('--round') ? process.argv[process.argv.indexOf('--round') + 1] : undefined;
// --only PREFIX scores just the files whose name starts with PREFIX (e.g. --only round3-lang).
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : '';
const roundOf = (file) => /^round(\d+)-/.exec(file)?.[1] ?? '1';

// Rewrite suppression counts when stripped or blocked, other unsafe kinds when blocked; benign rows when blocked (FPR).
const caught = (kind, action) => (kind === 'rewrite_suppression' ? action === 'block' || action === 'strip' : action === 'block');
const groups = new Map();
const misses = [];
for (const file of readdirSync(here)
  .filter((f) => f.endsWith('.jsonl') && f.startsWith(only) && (onlyRound === undefined || roundOf(f) === onlyRound))
  .sort()) {
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    // A row the operator wrote (a system prompt) is sent as the system message of a chat with a plain question.
    const { findings } = runChecks(row.role === 'system' ? { target: row.target, texts: [row.text, 'Hello, can you help me?'], operator: 1 } : { target: row.target, texts: [row.text] });
    const { action } = decide(findings, DEFAULT_POLICY);
    const hit = row.label === 'unsafe' ? caught(row.kind, action) : action === 'block';
    const lang = LANGS.includes(row.lang) ? row.lang : 'other';
    const round = `round${roundOf(file)}`;
    if (hit !== (row.label === 'unsafe') || (row.label === 'benign' && action === 'strip'))
      misses.push(
        `${round} ${row.kind} ${row.lang} ${action}: ${row.text.slice(0, 110)} | ${findings
          .map((f) => `${f.category}/${f.severity}:${f.reason}`)
          .join('; ')
          .slice(0, 160)}`,
      );
    const count = (kind, h) => {
      for (const r of [round, 'all rounds'])
        for (const k of [`${r}|${kind}|all`, `${r}|${kind}|${lang}`]) {
          const g = groups.get(k) ?? { n: 0, hit: 0 };
          g.n++;
          if (h) g.hit++;
          groups.set(k, g);
        }
    };
    count(row.label === 'benign' ? `${row.kind} blocked` : row.kind, hit);
    if (row.label === 'benign') count(`${row.kind} stripped`, action === 'strip');
  }
}
const cell = (g) => (g ? `${(g.hit / g.n).toFixed(2)}/${g.n}` : '-').padStart(8);
const keys = [...groups.keys()].map((k) => k.split('|'));
const rounds = [...new Set(keys.map((k) => k[0]))].sort();
console.log('recall for unsafe kinds (rewrite: stripped or blocked), rate blocked / stripped for benign kinds');
for (const r of rounds) {
  console.log(`\n# ${r}`);
  console.log(`${'kind'.padEnd(28)} ${'all'.padStart(8)} ${LANGS.map((l) => l.padStart(8)).join('')}`);
  const kinds = [...new Set(keys.filter((k) => k[0] === r).map((k) => k[1]))];
  for (const k of kinds) console.log(`${k.padEnd(28)} ${cell(groups.get(`${r}|${k}|all`))} ${LANGS.map((l) => cell(groups.get(`${r}|${k}|${l}`))).join('')}`);
}
if (showMisses) for (const m of misses) console.log(m);
