// Before `warden simulate` drives a gateway: does it believe our X-Forwarded-For? And afterwards: remove what a run made.
import { send } from './http.js';
import { admin, type Target } from './run.js';

/** TEST-NET-1 (RFC 5737): never a real client, so a key bound to it proves whose address the gateway used. */
const PROBE_IP = '192.0.2.77';

export type XffTrust = { trusted: true } | { trusted: false; status: number };

/**
 * A throwaway key that only 192.0.2.77 may use, called with `X-Forwarded-For: 192.0.2.77`: served only if the
 * gateway takes the client address from that header (loopback, or this machine, is in server.trustedProxies).
 * Without that, every simulated owner and thief is this one machine and the figures mean nothing.
 */
export async function probeXffTrust(t: Target, runId: string): Promise<XffTrust> {
  const tenant = (await admin(t, 'POST', '/tenants', { name: `${runId}-xff-probe` })) as { id: string };
  const key = (await admin(t, 'POST', '/keys', { tenantId: tenant.id, name: `${runId}-xff-probe`, endpoints: ['chat'], allowedCidrs: [`${PROBE_IP}/32`] })) as { id: string; key: string };
  try {
    const r = await send(`${t.url}/v1/models`, 'GET', [
      ['authorization', `Bearer ${key.key}`],
      ['x-forwarded-for', PROBE_IP],
    ]);
    return r.status === 200 ? { trusted: true } : { trusted: false, status: r.status };
  } finally {
    await admin(t, 'POST', `/keys/${encodeURIComponent(key.id)}/revoke`, { reason: 'simulate: X-Forwarded-For probe' });
  }
}

/** Revokes every key of the run's tenants (names start with `${runId}-`), then deletes those tenants. */
/** The prefix of every name a `warden simulate` run gives what it creates. */
export const newRunId = (seed: number): string => `sim-${seed}-${Date.now().toString(36)}`;

export const isRunId = (s: string): boolean => /^(sim|demo)-[\w-]+$/.test(s);

export async function removeRun(t: Target, runId: string): Promise<{ tenants: number; keys: number }> {
  if (!isRunId(runId)) throw new Error(`'${runId}' is not a simulation run id (sim-…)`);
  const tenants = ((await admin(t, 'GET', '/tenants')) as { id: string; name: string }[]).filter((x) => x.name.startsWith(`${runId}-`));
  let keys = 0;
  for (const ten of tenants) {
    for (const k of (await admin(t, 'GET', `/keys?tenantId=${encodeURIComponent(ten.id)}`)) as { id: string; status: string }[]) {
      if (k.status !== 'revoked') await admin(t, 'POST', `/keys/${encodeURIComponent(k.id)}/revoke`, { reason: `simulate --cleanup ${runId}` });
      keys++;
    }
    await admin(t, 'DELETE', `/tenants/${encodeURIComponent(ten.id)}`);
  }
  return { tenants: tenants.length, keys };
}
