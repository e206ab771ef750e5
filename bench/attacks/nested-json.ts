// Attack bench (loopback only, bounded): clients post 3 MB of nested arrays in a field nobody reads, first with a
// working key, then with a key already over its rate limit, while one honest client keeps asking. Reports the
// gateway's event-loop delay (monitorEventLoopDelay, in the gateway process), the honest client's latency, and
// the attackers' answers.
//   npx tsx bench/attacks/nested-json.ts [--attackers 4] [--seconds 8]   (WARDEN_SRC=… measures another tree)
import { ADMIN_TOKEN } from './admin-token.js';
import { sleep, startChild } from './child.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const ATTACKERS = Math.min(arg('attackers', 4), 16);
const SECONDS = Math.min(arg('seconds', 8), 30);
const DEPTH = 1_500_000; // 3 MB of brackets
const NESTED = `{"model":"gpt-4o-mini","messages":[{"role":"user","content":"hi"}],"metadata":${'['.repeat(DEPTH)}${']'.repeat(DEPTH)}}`;
const HONEST = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });

const gw = await startChild();
const admin = (path: string, body: unknown): Promise<any> =>
  fetch(`${gw.url}/admin/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
const tenant = await admin('/tenants', { name: 'attack-bench' });
const newKey = async (limits: Record<string, number> = {}): Promise<string> => (await admin('/keys', { name: 'k', tenantId: tenant.id, endpoints: ['chat'], limits })).key as string;
const honestKey = await newKey();
const post = (key: string, body: string): Promise<number> =>
  fetch(`${gw.url}/v1/chat/completions`, { method: 'POST', headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json' }, body })
    .then(async (r) => (await r.arrayBuffer(), r.status))
    .catch(() => -1);

async function phase(name: string, attackKey: string): Promise<void> {
  await sleep(500);
  await gw.reset();
  const until = Date.now() + SECONDS * 1000;
  const answers = new Map<number, number>();
  const attacker = async (): Promise<void> => {
    while (Date.now() < until) {
      const s = await post(attackKey, NESTED);
      answers.set(s, (answers.get(s) ?? 0) + 1);
    }
  };
  const lat: number[] = [];
  const honest = async (): Promise<void> => {
    while (Date.now() < until) {
      const t = performance.now();
      const s = await post(honestKey, HONEST);
      if (s === 200) lat.push(performance.now() - t);
      await sleep(20);
    }
  };
  await Promise.all([...Array.from({ length: ATTACKERS }, attacker), honest()]);
  const st = await gw.stats();
  lat.sort((a, b) => a - b);
  const q = (p: number): string => (lat.length ? lat[Math.min(lat.length - 1, Math.floor(p * lat.length))]!.toFixed(0) : '-');
  console.log(`${name}: ${ATTACKERS} attackers × 3 MB nested, ${SECONDS} s, source ${process.env['WARDEN_SRC'] ?? 'src/'}`);
  console.log(`  gateway event-loop delay p50 ${st.eld.p50} ms · p99 ${st.eld.p99} ms · max ${st.eld.max} ms`);
  console.log(`  honest client: ${lat.length} answered 200, latency p50 ${q(0.5)} ms · p99 ${q(0.99)} ms · max ${q(1)} ms`);
  console.log(`  attackers' answers: ${[...answers].map(([k, v]) => `${k}×${v}`).join(', ')}`);
}

await phase('working key', await newKey());
const limited = await newKey({ requestsPerMinute: 1 });
await post(limited, HONEST);
await post(limited, HONEST); // now over its limit
await phase('key over its rate limit', limited);
await gw.stop();
