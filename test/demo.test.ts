// `warden demo`: the story runs against its own loopback gateway, and what its report claims is true.
import { readFileSync, rmSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { verifyBundle } from '../src/audit/bundle-verify.js';
import { run as runCli } from '../src/cli/run.js';
import { startDemoGateway, type DemoGateway } from '../src/demo/gateway.js';
import { demoSucceeded, type DemoReport } from '../src/demo/report.js';
import { runDemo } from '../src/demo/story.js';

let demo: DemoGateway;
let report: Omit<DemoReport, 'gatewayUrl' | 'consoleUrl' | 'credential'>;
const files: string[] = [];

const adminGet = async (path: string): Promise<any> => {
  const r = await fetch(`${demo.url}/admin/v1${path}`, { headers: { authorization: `Bearer ${demo.adminToken}` } });
  expect(r.status).toBe(200);
  return r.json();
};

beforeAll(async () => {
  demo = await startDemoGateway();
  report = await runDemo({ url: demo.url, adminToken: demo.adminToken }, { seed: 1 });
  if (report.evidence) files.push(report.evidence.file);
}, 120_000);

afterAll(async () => {
  await demo?.close();
  for (const f of files) rmSync(f, { force: true });
});

describe('warden demo', () => {
  it('ordinary keys are left alone; the pooled stolen keys really are suspended', async () => {
    expect(report.ordinary.served).toBe(report.ordinary.requests);
    expect(report.ordinary).toMatchObject({ incidents: 0, suspended: 0 });
    const keys: { id: string; name: string; status: string }[] = await adminGet('/keys');
    const pooled = keys.filter((k) => k.name.startsWith(`${report.runId}-pool-`));
    expect(pooled.length).toBe(report.pooling.keys);
    expect(pooled.map((k) => k.status)).toEqual(pooled.map(() => 'suspended'));
    for (const k of pooled) {
      const inc: { data: { id: string; action: string }[] } = await adminGet(`/incidents?keyId=${k.id}`);
      expect(inc.data.map((i) => i.action)).toContain('suspend-key');
      expect(report.pooling.incidentIds).toEqual(expect.arrayContaining(inc.data.map((i) => i.id)));
    }
    const ordinary = keys.filter((k) => k.name.startsWith(`${report.runId}-ordinary-`));
    expect(ordinary.length).toBe(report.ordinary.keys);
    expect(ordinary.every((k) => k.status === 'active')).toBe(true);
  });

  it('the canary incident, the stripped suppression and the leak suspension are in the gateway', async () => {
    const canary: { data: { id: string; action: string }[] } = await adminGet(`/incidents?keyId=${report.canary.keyId}`);
    expect(canary.data.map((i) => i.id)).toContain(report.canary.incidentId);
    expect(report.canary.httpStatus).toBe(401);
    expect(['strip', 'block']).toContain(report.suppression.action);
    expect((await adminGet(`/keys/${report.leak.keyId}`)).status).toBe('suspended');
    const leakInc: { data: { id: string; leak?: { reporter: string } }[] } = await adminGet(`/incidents?keyId=${report.leak.keyId}`);
    expect(leakInc.data.find((i) => i.id === report.leak.incidentId)?.leak?.reporter).toBe('demo');
    expect(report.leak.statusBefore).toBe(200);
    expect(report.leak.statusAfter).toBe(403);
  });

  it('the exported evidence bundle verifies from the file alone, and tampering is caught', async () => {
    const e = report.evidence!;
    const text = readFileSync(e.file, 'utf8');
    const pub: { keyId: string } = await adminGet('/audit/public-key');
    expect(verifyBundle(text, pub.keyId)).toMatchObject({ ok: true, events: e.events });
    expect(e.events).toBeGreaterThan(0);
    const bundle = JSON.parse(text);
    bundle.events[0].status = 200 + bundle.events[0].status;
    expect(verifyBundle(JSON.stringify(bundle), pub.keyId).ok).toBe(false);
    expect(demoSucceeded({ ...report, gatewayUrl: '', consoleUrl: '', credential: { name: 'demo', token: '' } })).toBe(true);
  });

  it('`warden demo --no-wait` prints the report and exits 0', async () => {
    let out = '';
    const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => ((out += String(c)), true));
    const e = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await runCli(['demo', '--no-wait', '--seed', '2']);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    const file = /(\S+warden-demo-evidence-\S+\.json)/.exec(out)?.[1];
    if (file) files.push(file);
    expect(code, out).toBe(0);
    for (const what of ['Ordinary traffic', 'pooling proxy', 'Canary key', 'Rewrite-suppression', 'Leaked key', 'Evidence bundle', 'Audit log']) expect(out).toContain(what);
    expect(out).not.toContain('✘');
    expect(file).toBeDefined();
  }, 120_000);
});
