// Profiling driver: runs the built-in checks on 64 KB (or --bytes) benign prompts in a loop, for `node --cpu-prof`. Not a test.
// Run: npm run bench:build && node --cpu-prof --cpu-prof-dir=/tmp/prof dist-bench/bench/safety/profile-checks.js [--bytes 65536] [--calls 400]
import { runChecks } from '../../src/safety/check.js';
import { arg } from '../micro.js';
import { benignPrompt as prompt } from './prompts.js';

const BYTES = Number(arg('bytes', '65536'));
const CALLS = Number(arg('calls', '400'));
const ps = Array.from({ length: 20 }, (_, k) => prompt(BYTES, k * 13));
const t0 = process.cpuUsage();
for (let i = 0; i < CALLS; i++) runChecks({ target: 'prompt', texts: [ps[i % ps.length]!] });
const c = process.cpuUsage(t0);
console.log(`${BYTES} B: ${((c.user + c.system) / 1000 / CALLS).toFixed(3)} ms CPU per call (${CALLS} calls)`);
