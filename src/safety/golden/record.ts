// Records the golden file of check results; run once BEFORE a performance change, never to make a failing test pass.
// Run: npx tsx src/safety/golden/record.ts
import { writeFileSync } from 'node:fs';
import { goldenCases } from './corpus.js';
import { digest } from './digest.js';

const cases = goldenCases();
if (cases.length === 0) throw new Error('the shared safety data is missing: nothing to record');
const out = cases.map((c) => JSON.stringify(digest(c))).join('\n');
writeFileSync(new URL('./checks.golden.jsonl', import.meta.url), `${out}\n`);
console.log(`recorded ${cases.length} cases`);
