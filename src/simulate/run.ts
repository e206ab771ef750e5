// Drives a running gateway over HTTP: creates tenants and keys via the admin API, replays the plans.
import { closeAgent, send } from './http.js';
import type { SimClock } from './clock.js';
import type { KeyPlan, Req, ScenarioPlan, Step } from './plan.js';

export interface Target {
  readonly url: string;
  readonly adminToken: string;
}

export interface StepOutcome {
  readonly role: Step['role'];
  readonly status: number;
  readonly code: string | null;
  readonly requestId: string | null;
}

export interface KeyOutcome {
  readonly scenario: string;
  readonly plan: KeyPlan;
  readonly id: string;
  readonly steps: StepOutcome[];
  /** Filled after the run from the admin API. */
  status: string;
  incidents: { action: string; requestIds: string[]; signals: { name: string }[] }[];
}

export async function admin(t: Target, method: string, path: string, body?: unknown): Promise<unknown> {
  const r = await send(
    `${t.url}/admin/v1${path}`,
    method,
    [
      ['authorization', `Bearer ${t.adminToken}`],
      ['content-type', 'application/json'],
    ],
    body === undefined ? undefined : JSON.stringify(body),
  );
  if (r.status >= 300) throw new Error(`admin ${method} ${path}: ${r.status} ${r.body.slice(0, 200)}`);
  return JSON.parse(r.body);
}

function wire(req: Req, key: string): { method: string; path: string; body?: string } {
  switch (req.kind) {
    case 'models':
      return { method: 'GET', path: '/v1/models' };
    case 'embeddings':
      return { method: 'POST', path: '/v1/embeddings', body: JSON.stringify({ model: 'text-embedding-3-small', input: 'quarterly report' }) };
    case 'images':
      return { method: 'POST', path: '/v1/images/generations', body: JSON.stringify({ model: 'dall-e-3', prompt: req.prompt ?? 'a photorealistic city at night', n: 1, size: '1024x1024' }) };
    case 'chat':
      return {
        method: 'POST',
        path: '/v1/chat/completions',
        body: JSON.stringify({
          model: req.model,
          messages: [{ role: 'user', content: req.prompt }],
          ...(req.maxTokens ? { max_tokens: req.maxTokens } : {}),
          ...(req.temperature !== undefined ? { temperature: req.temperature } : {}),
        }),
      };
  }
  void key;
}

async function step(t: Target, s: Step, secret: string): Promise<StepOutcome> {
  const w = wire(s.req, secret);
  const headers: [string, string][] = [['authorization', `Bearer ${secret}`], ...s.client.headers(), ['x-forwarded-for', s.ip]];
  try {
    const r = await send(`${t.url}${w.path}`, w.method, headers, w.body);
    let code: string | null = null;
    if (r.status >= 400) {
      try {
        code = (JSON.parse(r.body) as { error?: { code?: string } }).error?.code ?? null;
      } catch {
        code = null;
      }
    }
    const rid = r.headers['x-request-id'];
    return { role: s.role, status: r.status, code, requestId: typeof rid === 'string' ? rid : null };
  } catch (e) {
    return { role: s.role, status: 0, code: (e as Error).message, requestId: null };
  }
}

/** Real spacing against a remote gateway is compressed: a simulated hour would make the run last days. */
export const MAX_REAL_SLEEP_MS = 500;
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, Math.min(ms, MAX_REAL_SLEEP_MS)));

async function runStream(t: Target, steps: Step[], secrets: Map<string, string>, out: Map<string, StepOutcome[]>): Promise<void> {
  for (const s of steps) {
    if (s.delayMs > 0) await sleep(s.delayMs);
    const o = await step(t, s, secrets.get(s.key)!);
    out.get(s.key)!.push(o);
  }
}

/**
 * Simulated time: every step of every stream gets its absolute time (the sum of its stream's delays),
 * then they run one at a time in time order with the clock set to that time.
 */
async function runTimeline(t: Target, streams: Step[][], secrets: Map<string, string>, out: Map<string, StepOutcome[]>, clock: SimClock, alignEnd = false): Promise<void> {
  const start = clock.now();
  const events: { at: number; seq: number; s: Step }[] = [];
  const span = (steps: Step[]): number => steps.reduce((a, s) => a + s.delayMs, 0);
  const longest = Math.max(0, ...streams.map(span));
  let seq = 0;
  for (const steps of streams) {
    // Histories end together, so no owner sits idle between its history and the scenario.
    let at = alignEnd ? start + longest - span(steps) : start;
    for (const s of steps) events.push({ at: (at += s.delayMs), seq: seq++, s });
  }
  events.sort((a, b) => a.at - b.at || a.seq - b.seq);
  for (const e of events) {
    clock.advanceTo(e.at);
    out.get(e.s.key)!.push(await step(t, e.s, secrets.get(e.s.key)!));
  }
}

/** Runs one scenario end to end and returns what happened to each key (in simulated time when a clock is given). */
export async function runScenario(t: Target, plan: ScenarioPlan, runId: string, clock?: SimClock): Promise<KeyOutcome[]> {
  const secrets = new Map<string, string>();
  const ids = new Map<string, string>();
  for (const k of plan.keys) {
    // One tenant per key, as in life: pooling shows as one source presenting several tenants' keys.
    // Every name starts with the run id (`sim-…`, `demo-…`): what a run made can be found and removed.
    const ten = (await admin(t, 'POST', '/tenants', { name: `${runId}-${plan.keys.length === 1 ? plan.name : k.ref}` })) as { id: string };
    const created = (await admin(t, 'POST', '/keys', { tenantId: ten.id, name: `${runId}-${k.ref}`, endpoints: k.endpoints, ...(k.canary ? { canary: true } : {}) })) as { id: string; key: string };
    secrets.set(k.ref, created.key);
    ids.set(k.ref, created.id);
  }
  const warm = new Map<string, StepOutcome[]>(plan.keys.map((k) => [k.ref, []]));
  const out = new Map<string, StepOutcome[]>(plan.keys.map((k) => [k.ref, []]));
  if (clock) {
    await runTimeline(
      t,
      plan.keys.map((k) => k.warmup),
      secrets,
      warm,
      clock,
      true,
    );
    await runTimeline(t, plan.streams, secrets, out, clock);
  } else {
    await Promise.all(plan.keys.map((k) => runStream(t, k.warmup, secrets, warm)));
    await Promise.all(plan.streams.map((s) => runStream(t, s, secrets, out)));
  }
  const results: KeyOutcome[] = [];
  for (const k of plan.keys) {
    const id = ids.get(k.ref)!;
    const key = (await admin(t, 'GET', `/keys/${id}`)) as { status: string };
    const inc = (await admin(t, 'GET', `/incidents?keyId=${id}`)) as { data: KeyOutcome['incidents'] };
    results.push({ scenario: plan.name, plan: k, id, steps: [...warm.get(k.ref)!, ...out.get(k.ref)!], status: key.status, incidents: inc.data });
  }
  return results;
}

export { closeAgent };
