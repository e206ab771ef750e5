import { describe, expect, it } from 'vitest';
import { releasesWithoutAudit, STORE_GATE, storeGate } from './stage-store-gate.js';

describe('storeGate', () => {
  it('passes while the store answers, refuses with 503 and retry-after while it is down', () => {
    const health = { down: false };
    const gate = storeGate(health);
    expect(gate.before!({} as never)).toEqual({ ok: true });
    health.down = true;
    expect(gate.before!({} as never)).toMatchObject({ ok: false, denial: { code: 'SERVICE_UNAVAILABLE', retryAfter: 1 } });
  });

  it("only the gate's own refusals skip waiting for their audit event", () => {
    expect(releasesWithoutAudit(STORE_GATE)).toBe(true);
    for (const other of [undefined, 'authenticate', 'limit'] as const) expect(releasesWithoutAudit(other)).toBe(false);
  });
});
