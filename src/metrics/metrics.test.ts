import { describe, expect, it } from 'vitest';
import { Readiness } from '../health/readiness.js';
import { GatewayMetrics, type RequestFacts } from './metrics.js';

const base: RequestFacts = {
  endpoint: 'chat',
  style: 'openai',
  status: 200,
  deniedBy: undefined,
  errorCode: undefined,
  tenantId: 'ten_a',
  keyId: 'key_1',
  seconds: 0.004,
  upstreamSeconds: 0.003,
  overheadSeconds: 0.001,
  firstEventSeconds: undefined,
  spendUsd: 0.0125,
  usage: { promptTokens: 12, completionTokens: 30, images: 0 },
  safety: [{ stage: 'prompt', action: 'allow', categories: [] }],
};

describe('GatewayMetrics', () => {
  it('counts requests, denials, tokens, safety and risk with bounded labels', async () => {
    const m = new GatewayMetrics({ perKey: false });
    m.record(base);
    m.riskDecided('allow');
    m.riskDecided('allow');
    m.record({
      ...base,
      status: 400,
      deniedBy: 'promptPolicy',
      errorCode: 'CONTENT_FILTERED',
      usage: undefined,
      upstreamSeconds: undefined,
      overheadSeconds: 0.004,
      spendUsd: undefined,
      safety: [{ stage: 'prompt', action: 'block', categories: ['violence', 'weapons'] }],
    });
    const t = await m.text();
    expect(t).toContain('warden_requests_total{endpoint="chat",style="openai",status="200",denied_by="none"} 1');
    expect(t).toContain('warden_requests_total{endpoint="chat",style="openai",status="400",denied_by="promptPolicy"} 1');
    expect(t).toContain('warden_denials_total{stage="promptPolicy",code="CONTENT_FILTERED"} 1');
    expect(t).toContain('warden_tokens_total{tenant="ten_a",key="none",direction="completion"} 30');
    expect(t).toContain('warden_safety_verdicts_total{stage="prompt",action="block",category="weapons"} 1');
    expect(t).toContain('warden_risk_decisions_total{decision="allow"} 2');
    expect(t).toMatch(/warden_request_duration_seconds_bucket\{le="0.005",endpoint="chat"\} 2/);
    // The gateway's own time and the upstream's apart; spend by tenant; nothing forwarded for the denial.
    expect(t).toMatch(/warden_gateway_overhead_seconds_bucket\{le="0.001",endpoint="chat"\} 1\n/);
    expect(t).toMatch(/warden_upstream_duration_seconds_count\{endpoint="chat"\} 1\n/);
    expect(t).toContain('warden_spend_usd_total{tenant="ten_a",key="none"} 0.0125');
    // Key ids only when the operator asks for them.
    expect(t).not.toContain('key_1');
  });

  it('counts recorded between scrapes once each, and keeps counting across scrapes', async () => {
    const m = new GatewayMetrics({ perKey: false });
    m.record(base);
    m.record(base);
    m.riskDecided('allow');
    m.riskDecided('allow');
    let t = await m.text();
    expect(t).toContain('warden_requests_total{endpoint="chat",style="openai",status="200",denied_by="none"} 2');
    expect(t).toContain('warden_tokens_total{tenant="ten_a",key="none",direction="prompt"} 24');
    expect(await m.text()).toContain('warden_risk_decisions_total{decision="allow"} 2');
    m.record({ ...base, safety: [{ stage: 'output', action: 'block', categories: ['self harm'] }] });
    m.riskDecided('flag');
    t = await m.text();
    expect(t).toContain('warden_requests_total{endpoint="chat",style="openai",status="200",denied_by="none"} 3');
    expect(t).toContain('warden_tokens_total{tenant="ten_a",key="none",direction="completion"} 90');
    expect(t).toContain('warden_risk_decisions_total{decision="allow"} 2');
    expect(t).toContain('warden_risk_decisions_total{decision="flag"} 1');
    expect(t).toContain('warden_safety_verdicts_total{stage="output",action="block",category="self_harm"} 1');
    expect(t).toContain('warden_safety_verdicts_total{stage="prompt",action="allow",category="none"} 2');
  });

  it('times audit batch writes and counts their events', async () => {
    const m = new GatewayMetrics({ perKey: false });
    m.auditCommitted(0.0007, 40);
    m.auditCommitted(0.012, 3);
    const t = await m.text();
    expect(t).toContain('warden_audit_commit_seconds_bucket{le="0.001"} 1');
    expect(t).toContain('warden_audit_commit_seconds_bucket{le="0.025"} 2');
    expect(t).toContain('warden_audit_commit_seconds_count 2');
    expect(t).toContain('warden_audit_events_written_total 43');
  });

  it('labels by key only with perKey, and strips odd characters from label values', async () => {
    const m = new GatewayMetrics({ perKey: true });
    m.record({ ...base, tenantId: 'ten_"x"\n{}' });
    const t = await m.text();
    expect(t).toContain('key="key_1"');
    expect(t).toContain('tenant="ten__x____"');
  });

  it('reports each dependency from the readiness probe', async () => {
    const r = new Readiness([
      { name: 'store', probe: async () => undefined },
      { name: 'redis', probe: async () => Promise.reject(new Error('down')) },
    ]);
    const t = await new GatewayMetrics({ perKey: false }, { readiness: r }).text();
    expect(t).toContain('warden_dependency_up{dependency="store"} 1');
    expect(t).toContain('warden_dependency_up{dependency="redis"} 0');
  });
});
