// Micro-benchmark: CPU µs per request of the promptPolicy stage and its parts (cache hits, no guards). Not a test.
// Run: npx tsx bench/safety/prompt-stage.ts [--iterations 50000] [--rounds 7]
import type { KeyRecord } from '../../src/keys/types.js';
import type { RequestContext } from '../../src/proxy/context.js';
import { safetyConfigSchema } from '../../src/safety/config.js';
import { extractChat } from '../../src/safety/request/extract.js';
import { SafetyService } from '../../src/safety/service.js';
import { promptPolicy } from '../../src/safety/stage-prompt-policy.js';
import { arg, cpuPerCallAsync } from '../micro.js';

const N = Number(arg('iterations', '50000'));
const ROUNDS = Number(arg('rounds', '7'));
const cpuPerCall = (fn: (i: number) => unknown): Promise<number> => cpuPerCallAsync(fn, N, ROUNDS);

const key = { id: 'k1', tenantId: 't1' } as KeyRecord;
const messages = [
  { role: 'system', content: 'You are a concise assistant.' },
  { role: 'user', content: 'Write two sentences about lighthouses and why they matter to ships at night.' },
];
const headers = { 'content-type': 'application/json', authorization: 'Bearer x' };
const ctx = (): RequestContext => ({ route: { endpoint: 'chat', style: 'openai' }, body: { model: 'gpt-4o-mini', messages }, headers, key, vars: {}, audit: {} }) as unknown as RequestContext;

async function main(): Promise<void> {
  const store = { getSetting: async () => undefined, setSetting: async () => undefined };
  // A full check cache (its default size), as on a gateway that has seen many distinct prompts.
  const svc = new SafetyService(safetyConfigSchema.parse({}), store);
  const policy = await svc.policyFor('t1', 'k1');
  for (let i = 0; i < 300; i++) svc.checks(policy, 'prompt', [`filler prompt ${i}`], [], 't1');
  const stage = promptPolicy(svc);
  const ex = extractChat({ messages });
  const rows: [string, (i: number) => unknown][] = [
    ['promptPolicy.before (cache hit)', () => stage.before!(ctx())],
    ['policyFor (fresh layers)', () => svc.policyFor('t1', 'k1')],
    ['judge (no guards, cache hit)', () => svc.judge(policy, 'prompt', ex.texts, ex.documents, true, 't1')],
    ['checks (cache hit)', () => svc.checks(policy, 'prompt', ex.texts, ex.documents, 't1')],
  ];
  for (const [name, fn] of rows) console.log(`${name.padEnd(34)} ${(await cpuPerCall(fn)).toFixed(3)} µs/call`);
}

void main();
