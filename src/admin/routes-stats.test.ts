import { describe, expect, it } from 'vitest';
import type { AuditRow } from '../audit/log-port.js';
import type { Deps } from '../deps.js';
import { statsRoutes } from './routes-stats.js';

// A log of `n` request events, one a minute up to now, plus an admin event every tenth row.
function fakeDeps(n: number, nowMs: number) {
  const rows: AuditRow[] = Array.from({ length: n }, (_, i) => {
    const time = new Date(nowMs - (n - 1 - i) * 60_000).toISOString();
    const kind = i % 10 === 9 ? 'admin' : 'request';
    return { seq: i + 1, time, kind, requestId: `q${i}`, keyId: null, tenantId: null, body: JSON.stringify({ kind, time, status: i % 7 === 0 ? 403 : 200 }), seal: null };
  });
  const pages: number[] = [];
  const log = {
    async findNewest(_q: unknown, before: number | undefined, limit: number) {
      pages.push(limit);
      return rows
        .filter((r) => r.seq < (before ?? Number.MAX_SAFE_INTEGER))
        .reverse()
        .slice(0, limit);
    },
  };
  const deps = { auditLog: { log }, config: { limits: { prices: {}, fallbackPrice: { inputPerMTok: 0, outputPerMTok: 0, perImage: 0 } } } } as unknown as Pick<Deps, 'auditLog' | 'config'>;
  return { deps, pages, rows };
}

async function overview(deps: Pick<Deps, 'auditLog' | 'config'>, scan: { page: number; max: number }, hours = 1) {
  const route = statsRoutes(deps, scan)[0]!;
  const out = (await route.handle({ query: new URLSearchParams({ hours: String(hours) }) } as never)) as { status: number; body: Record<string, unknown> };
  return out.body as { requests: number[]; denied: number[]; partial?: { scanned: number; coversFrom: string } };
}

const sum = (a: number[]) => a.reduce((x, y) => x + y, 0);

describe('GET /stats/overview', () => {
  it('pages back from the newest event and stops once past the window, counting the same as one read', async () => {
    const now = Date.now();
    const { deps, pages, rows } = fakeDeps(600, now);
    const paged = await overview(deps, { page: 25, max: 1_000_000 });
    const inWindow = rows.filter((r) => r.kind === 'request' && Date.parse(r.time) > now - 3_600_000);
    expect(sum(paged.requests)).toBe(inWindow.length);
    expect(sum(paged.denied)).toBe(inWindow.filter((r) => JSON.parse(r.body).status === 403).length);
    expect(paged.partial).toBeUndefined();
    // An hour of one-a-minute rows plus the skew margin: a few pages, not all 600 rows.
    expect(pages.length).toBeLessThan(8);
    const whole = await overview(fakeDeps(600, now).deps, { page: 10_000, max: 1_000_000 });
    expect(whole.requests).toEqual(paged.requests);
  });

  it('reads at most the scan cap and says which part of the window the answer covers', async () => {
    const now = Date.now();
    const { deps, pages } = fakeDeps(3_000, now);
    const out = await overview(deps, { page: 20, max: 100 }, 168);
    expect(pages.length).toBe(5);
    expect(out.partial?.scanned).toBe(100);
    expect(Date.parse(out.partial!.coversFrom)).toBe(now - 99 * 60_000);
    expect(sum(out.requests)).toBe(90);
  });
});
