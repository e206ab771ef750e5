// What `warden demo` does against its own loopback gateway: ordinary tenants, then four attacks, each
// answered by Warden; every outcome is read back from the admin API, not assumed.
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verifyBundle } from '../audit/bundle-verify.js';
import { send } from '../simulate/http.js';
import type { ScenarioPlan } from '../simulate/plan.js';
import { containmentIndex } from '../simulate/report.js';
import { Rng } from '../simulate/rng.js';
import { admin, closeAgent, runScenario, type KeyOutcome, type Target } from '../simulate/run.js';
import { newOwner, ownerSteps } from '../simulate/scenario-parts.js';
import { SCENARIOS, SUPPRESS } from '../simulate/scenarios.js';
import type { DemoReport } from './report.js';

interface IncidentRow {
  id: string;
  action: string;
  requestIds: string[];
  signals: { name: string }[];
}

/** A key whose owner first works as usual, then sends the published rewrite-suppression trick from the same place. */
function suppressionPlan(rng: Rng): ScenarioPlan {
  const o = newOwner('acme-design', rng);
  const attempt = { key: o.ref, ip: o.homeIps[0]!, client: o.client, req: { kind: 'images' as const, prompt: SUPPRESS[0]! }, role: 'owner' as const, delayMs: 50 };
  return {
    name: 'rewrite-suppression-attempt',
    hard: false,
    description: 'an image prompt that tries to switch off prompt revision',
    keys: [{ ref: o.ref, label: 'legit', endpoints: ['chat', 'images'], warmup: ownerSteps(o, 8, rng, [0, 20]) }],
    streams: [[...ownerSteps(o, 4, rng, [10, 40]), attempt]],
  };
}

const incidentsOf = async (t: Target, keyId: string): Promise<IncidentRow[]> => ((await admin(t, 'GET', `/incidents?keyId=${encodeURIComponent(keyId)}`)) as { data: IncidentRow[] }).data;
const statusOf = async (t: Target, keyId: string): Promise<string> => ((await admin(t, 'GET', `/keys/${encodeURIComponent(keyId)}`)) as { status: string }).status;

async function leakedKey(t: Target, runId: string): Promise<DemoReport['leak']> {
  const tenant = (await admin(t, 'POST', '/tenants', { name: `${runId}-globex` })) as { id: string };
  const key = (await admin(t, 'POST', '/keys', { tenantId: tenant.id, name: `${runId}-ci-deploy`, endpoints: ['chat'] })) as { id: string; key: string };
  const body = JSON.stringify({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'Summarise the release notes.' }], max_tokens: 50 });
  const before = await send(
    `${t.url}/v1/chat/completions`,
    'POST',
    [
      ['authorization', `Bearer ${key.key}`],
      ['content-type', 'application/json'],
    ],
    body,
  );
  // The secret was pasted into a public gist: someone reports it (GitHub's secret scanning, `warden scan`, a person).
  const r = await send(
    `${t.url}/leaks/report`,
    'POST',
    [
      ['authorization', `Bearer ${t.adminToken}`],
      ['content-type', 'application/json'],
    ],
    JSON.stringify({ tokens: [key.key], url: 'https://gist.example/demo', reporter: 'demo' }),
  );
  if (r.status !== 200) throw new Error(`leak report answered ${r.status}`);
  const outcome = (JSON.parse(r.body) as { data: { action: string; incidentId: string | null }[] }).data[0];
  const after = await send(
    `${t.url}/v1/chat/completions`,
    'POST',
    [
      ['authorization', `Bearer ${key.key}`],
      ['content-type', 'application/json'],
    ],
    body,
  );
  const code = after.status >= 400 ? ((JSON.parse(after.body) as { error?: { code?: string } }).error?.code ?? null) : null;
  return {
    keyId: key.id,
    statusBefore: before.status,
    action: outcome?.action ?? 'none',
    incidentId: outcome?.incidentId ?? null,
    keyStatus: await statusOf(t, key.id),
    statusAfter: after.status,
    codeAfter: code,
  };
}

async function suppression(t: Target, k: KeyOutcome): Promise<DemoReport['suppression']> {
  const last = k.steps[k.steps.length - 1]!;
  type Verdicts = { safety?: { stage: string; action: string; reason: string }[] };
  const events = ((await admin(t, 'GET', `/audit/events?keyId=${encodeURIComponent(k.id)}`)) as { data: { requestId: string; verdicts?: Verdicts }[] }).data;
  const verdict = events.find((e) => e.requestId === last.requestId)?.verdicts?.safety?.find((v) => v.stage === 'prompt');
  return { keyId: k.id, httpStatus: last.status, action: verdict?.action ?? null, reason: verdict?.reason ?? null, keyStatus: await statusOf(t, k.id) };
}

async function evidence(t: Target, incidentId: string): Promise<DemoReport['evidence']> {
  const r = await send(`${t.url}/admin/v1/audit/export?incidentId=${encodeURIComponent(incidentId)}`, 'GET', [['authorization', `Bearer ${t.adminToken}`]]);
  if (r.status !== 200) throw new Error(`evidence export answered ${r.status}`);
  const file = join(tmpdir(), `warden-demo-evidence-${incidentId}.json`);
  writeFileSync(file, r.body, { mode: 0o600 });
  const signing = (await admin(t, 'GET', '/audit/public-key')) as { keyId: string };
  // Verified as an outsider would: from the file alone, against the key id the operator publishes.
  const v = verifyBundle(r.body, signing.keyId);
  return { incidentId, file, events: v.events ?? 0, verified: v.ok, signingKeyId: signing.keyId, problems: v.problems };
}

export async function runDemo(t: Target, opts: { seed: number; log?: (line: string) => void }): Promise<Omit<DemoReport, 'gatewayUrl' | 'consoleUrl' | 'credential'>> {
  const rng = new Rng(opts.seed);
  const runId = `demo-${Date.now().toString(36)}`;
  const plans = [SCENARIOS['ordinary']!(rng, 1), SCENARIOS['pooling-proxy']!(rng, 1), SCENARIOS['canary']!(rng, 1), suppressionPlan(rng)];
  opts.log?.('running ordinary traffic and the attacks…');
  const [ordinary, pooling, canary, suppress] = (await Promise.all(plans.map((p) => runScenario(t, p, runId)))) as [KeyOutcome[], KeyOutcome[], KeyOutcome[], KeyOutcome[]];
  const leak = await leakedKey(t, runId);
  const poolIncidents = (await Promise.all(pooling.map((k) => incidentsOf(t, k.id)))).flat();
  const poolStatuses = await Promise.all(pooling.map((k) => statusOf(t, k.id)));
  const canaryKey = canary[0]!;
  const canaryIncident = (await incidentsOf(t, canaryKey.id))[0];
  const firstPool = poolIncidents[0];
  const report = {
    runId,
    setup: await (async () => {
      const tenants = ((await admin(t, 'GET', '/tenants')) as { name: string }[]).filter((x) => x.name.startsWith(`${runId}-`));
      const keys = ((await admin(t, 'GET', '/keys')) as { name: string }[]).filter((x) => x.name.startsWith(`${runId}-`));
      return { tenants: tenants.length, keys: keys.length };
    })(),
    ordinary: {
      keys: ordinary.length,
      requests: ordinary.reduce((a, k) => a + k.steps.length, 0),
      served: ordinary.reduce((a, k) => a + k.steps.filter((s) => s.status === 200).length, 0),
      incidents: ordinary.reduce((a, k) => a + k.incidents.length, 0),
      suspended: ordinary.filter((k) => k.status !== 'active').length,
    },
    pooling: {
      keys: pooling.length,
      attackerRequests: pooling.reduce((a, k) => a + k.steps.filter((s) => s.role === 'attacker').length, 0),
      suspended: poolStatuses.filter((s) => s === 'suspended').length,
      containedAfter: pooling.map((k) => containmentIndex(k) ?? null),
      signals: [...new Set(poolIncidents.flatMap((i) => i.signals.map((s) => s.name)))],
      incidentIds: poolIncidents.map((i) => i.id),
    },
    canary: {
      keyId: canaryKey.id,
      httpStatus: canaryKey.steps.find((s) => s.role === 'attacker')?.status ?? 0,
      incidentId: canaryIncident?.id ?? null,
      action: canaryIncident?.action ?? null,
      caughtOnFirstUse: containmentIndex(canaryKey) === 1,
    },
    suppression: await suppression(t, suppress[0]!),
    leak,
    evidence: firstPool ? await evidence(t, firstPool.id) : null,
    audit: await (async () => {
      const v = (await admin(t, 'GET', '/audit/verify')) as { ok: boolean; size: number };
      return { ok: v.ok, size: v.size };
    })(),
  };
  closeAgent();
  return report;
}
