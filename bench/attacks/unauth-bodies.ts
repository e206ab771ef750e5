// Attack bench (loopback only, bounded): many connections without a valid key each send a body just under the
// 4 MiB limit, slowly, and then hold. Reports the gateway's RSS before, at peak, and after the attackers leave.
//   npx tsx bench/attacks/unauth-bodies.ts [--conns 400] [--seconds 15] [--valid-key]   (WARDEN_SRC=… measures another tree)
// --valid-key: the same with a real key (what the shared body budget and the body deadline bound instead).
import { connect, type Socket } from 'node:net';
import { ADMIN_TOKEN } from './admin-token.js';
import { mb, sleep, startChild } from './child.js';

const arg = (name: string, dflt: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : dflt;
};
const CONNS = Math.min(arg('conns', 400), 1000);
const SECONDS = Math.min(arg('seconds', 15), 60);
const LENGTH = 4 * 1024 * 1024 - 16; // just under the default body limit
const CHUNK = 64 * 1024;
const EVERY_MS = 50;

const VALID = process.argv.includes('--valid-key');

async function createKey(url: string): Promise<string> {
  const admin = (path: string, body: unknown): Promise<any> =>
    fetch(`${url}/admin/v1${path}`, { method: 'POST', headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => r.json());
  const t = await admin('/tenants', { name: 'attack-bench' });
  return (await admin('/keys', { name: 'attack-bench', tenantId: t.id, endpoints: ['chat'] })).key as string;
}

const gw = await startChild();
const { port } = new URL(gw.url);
const credential = VALID ? await createKey(gw.url) : `wdn_l_attackerxxxx_${'A'.repeat(32)}`;
await sleep(1000);
const idle = await gw.stats();
await gw.reset();

const statuses = new Map<string, number>();
const count = (s: string): void => void statuses.set(s, (statuses.get(s) ?? 0) + 1);
let closedByServer = 0;
let leaving = false;
const sockets: Socket[] = [];
const timers: NodeJS.Timeout[] = [];
for (let i = 0; i < CONNS; i++) {
  const s = connect(Number(port), '127.0.0.1');
  sockets.push(s);
  let sent = 0;
  let answered = false;
  s.on('error', () => undefined);
  s.on('data', (d: Buffer) => {
    if (answered) return;
    answered = true;
    count(d.toString('latin1', 0, 12).split(' ')[1] ?? '?');
  });
  s.on('close', () => {
    if (leaving) return;
    if (!answered) count('closed-unanswered');
    closedByServer++;
  });
  s.write(`POST /v1/chat/completions HTTP/1.1\r\nhost: 127.0.0.1\r\nauthorization: Bearer ${credential}\r\ncontent-type: application/json\r\ncontent-length: ${LENGTH}\r\n\r\n`);
  // Slowly, and never the last byte: the body stays unfinished.
  const t = setInterval(() => {
    if (s.destroyed || sent >= LENGTH - 1) return;
    const n = Math.min(CHUNK, LENGTH - 1 - sent);
    sent += n;
    s.write(Buffer.alloc(n, 0x20));
  }, EVERY_MS);
  timers.push(t);
}

let peak = 0;
const t0 = Date.now();
while (Date.now() - t0 < SECONDS * 1000) {
  await sleep(1000);
  peak = Math.max(peak, (await gw.stats()).peakRss);
}
const during = await gw.stats();
for (const t of timers) clearInterval(t);
const stillOpen = sockets.filter((s) => !s.destroyed).length;
leaving = true;
for (const s of sockets) s.destroy();
await sleep(3000);
const after = await gw.stats();
await gw.stop();

console.log(`${VALID ? 'authenticated' : 'unauthenticated'} slow bodies: ${CONNS} connections × ${LENGTH} bytes declared, ${SECONDS} s, source ${process.env['WARDEN_SRC'] ?? 'src/'}`);
console.log(`  RSS idle ${mb(idle.rss)} · peak ${mb(Math.max(peak, during.peakRss))} · at the end of the attack ${mb(during.rss)} · 3 s after the attackers left ${mb(after.rss)}`);
console.log(`  answers: ${[...statuses].map(([k, v]) => `${k}×${v}`).join(', ') || 'none'} · connections still open at the end: ${stillOpen} (closed by the server: ${closedByServer})`);
