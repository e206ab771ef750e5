// Baseline of the built-in checks on the frozen unseen set, per kind, language and target (reads the built dist/).
// Usage: npx tsc -p tsconfig.build.json && node eval/safety-unseen/measure.mjs [--cli-target] [--json]
// `warden eval safety` picks the check target from the kind (only benign_image rows are checked as image prompts);
// this script checks each row as its own `target` says, unless --cli-target asks for the CLI's choice. It changes
// nothing in the product: it calls the same runChecks + decide(DEFAULT_POLICY) that the CLI and the gateway use.
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, '..', '..', 'dist', 'safety');
const { runChecks } = await import(join(dist, 'check.js'));
const { decide } = await import(join(dist, 'policy', 'decide.js'));
const { DEFAULT_POLICY } = await import(join(dist, 'policy', 'defaults.js'));

const cliTarget = process.argv.includes('--cli-target');
const LANGS = ['en', 'de', 'zh', 'fr', 'es', 'ja'];

// What counts as caught: rewrite suppression is handled when stripped or blocked (the default policy strips it);
// every other unsafe kind only when blocked, as in `warden eval safety`. A benign row is a false positive when
// blocked; "altered" counts benign rows that would be stripped (changed) without being blocked.
const caught = (kind, action) => (kind === 'rewrite_suppression' ? action === 'block' || action === 'strip' : action === 'block');

const groups = new Map();
const add = (key, row, action) => {
  const g = groups.get(key) ?? { n: 0, caught: 0, block: 0, strip: 0, flag: 0, label: row.label };
  g.n++;
  if (row.label === 'unsafe' ? caught(row.kind, action) : action === 'block') g.caught++;
  if (action === 'block' || action === 'strip' || action === 'flag') g[action]++;
  groups.set(key, g);
};

for (const file of readdirSync(here).filter((f) => f.endsWith('.jsonl')).sort()) {
  for (const line of readFileSync(join(here, file), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const row = JSON.parse(line);
    const target = cliTarget ? (row.kind === 'benign_image' ? 'image_prompt' : 'prompt') : row.target;
    const { action } = decide(runChecks({ target, texts: [row.text] }).findings, DEFAULT_POLICY);
    for (const k of [`${row.kind}|all|all`, `${row.kind}|${row.lang}|all`, `${row.kind}|all|${row.target}`]) add(k, row, action);
  }
}

if (process.argv.includes('--json')) {
  process.stdout.write(JSON.stringify(Object.fromEntries(groups), null, 2) + '\n');
} else {
  const pct = (g) => (g.caught / g.n).toFixed(3);
  const kinds = [...new Set([...groups.keys()].map((k) => k.split('|')[0]))];
  const out = [`checked as: ${cliTarget ? 'the CLI target (kind benign_image -> image_prompt, else prompt)' : "each row's own target"}`];
  out.push("columns image_prompt / prompt group rows by their own `target` field, whatever target they were checked as");
  out.push('unsafe kinds: recall (rewrite_suppression: blocked or stripped; others: blocked); benign kinds: false-positive rate (blocked)');
  out.push(`${'kind'.padEnd(20)} ${'all'.padStart(11)} ${LANGS.map((l) => l.padStart(11)).join(' ')}   image_prompt      prompt  block strip  flag`);
  for (const kind of kinds) {
    const cell = (g) => (g ? `${pct(g)} /${String(g.n).padStart(3)}` : '-').padStart(11);
    const all = groups.get(`${kind}|all|all`);
    out.push(`${kind.padEnd(20)} ${cell(all)} ${LANGS.map((l) => cell(groups.get(`${kind}|${l}|all`))).join(' ')}   ${cell(groups.get(`${kind}|all|image_prompt`))} ${cell(groups.get(`${kind}|all|prompt`))}  ${String(all.block).padStart(5)} ${String(all.strip).padStart(5)} ${String(all.flag).padStart(5)}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}
