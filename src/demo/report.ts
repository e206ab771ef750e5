// The demo's findings as data, and as the text a person reads (pure).

export interface DemoReport {
  gatewayUrl: string;
  consoleUrl: string;
  /** A named admin credential made for the demo (console sign-in). */
  credential: { name: string; token: string };
  runId: string;
  setup: { tenants: number; keys: number };
  ordinary: { keys: number; requests: number; served: number; incidents: number; suspended: number };
  pooling: { keys: number; attackerRequests: number; suspended: number; containedAfter: (number | null)[]; signals: string[]; incidentIds: string[] };
  canary: { keyId: string; httpStatus: number; incidentId: string | null; action: string | null; caughtOnFirstUse: boolean };
  suppression: { keyId: string; httpStatus: number; action: string | null; reason: string | null; keyStatus: string };
  leak: { keyId: string; statusBefore: number; action: string; incidentId: string | null; keyStatus: string; statusAfter: number; codeAfter: string | null };
  evidence: { incidentId: string; file: string; events: number; verified: boolean; signingKeyId: string; problems: string[] } | null;
  audit: { ok: boolean; size: number };
}

const mark = (ok: boolean): string => (ok ? '✔' : '✘');
const leakStopped = (r: DemoReport): boolean => r.leak.keyStatus !== 'active' && r.leak.statusAfter >= 400 && r.leak.statusAfter < 500;

const SUPPRESSION_OUTCOME: Record<string, string> = {
  strip: 'the instruction was stripped before the prompt went upstream',
  block: 'the request was refused',
  flag: 'flagged in the audit log',
};

/** Each line says what was tried, what Warden did, and how the demo checked it. */
export function renderDemo(r: DemoReport): string {
  const p = r.pooling;
  const contained = p.containedAfter.filter((n): n is number => n !== null);
  const lines = [
    `Warden demo: gateway ${r.gatewayUrl} (loopback, simulated upstream, temporary data dir; run ${r.runId})`,
    `  ${r.setup.tenants} tenants and ${r.setup.keys} keys created through the admin API`,
    '',
    `${mark(r.ordinary.incidents === 0 && r.ordinary.suspended === 0)} Ordinary traffic: ${r.ordinary.keys} keys, ${r.ordinary.requests} requests, ${r.ordinary.served} served; ${r.ordinary.incidents} incidents, ${r.ordinary.suspended} keys suspended`,
    `${mark(p.suspended === p.keys)} Stolen keys behind a pooling proxy: ${p.keys} keys of different tenants spent from one hosting network`,
    `    incident${p.incidentIds.length === 1 ? '' : 's'} ${p.incidentIds.join(', ') || '(none)'}; signals: ${p.signals.join(', ') || '(none)'}`,
    `    ${p.suspended}/${p.keys} keys suspended (checked via GET /admin/v1/keys/{id})${contained.length ? `; refused from the proxy's request no. ${contained.join(', ')} on (it sent ${p.attackerRequests})` : ''}`,
    `${mark(r.canary.caughtOnFirstUse)} Canary key tried by a key checker: first request refused (HTTP ${r.canary.httpStatus}), incident ${r.canary.incidentId ?? '(none)'} (${r.canary.action ?? 'no action'})`,
    `${mark(r.suppression.action !== null && r.suppression.action !== 'allow')} Rewrite-suppression attempt on an image prompt: ${SUPPRESSION_OUTCOME[r.suppression.action ?? ''] ?? r.suppression.action ?? 'no verdict'} (HTTP ${r.suppression.httpStatus}${r.suppression.reason ? `; ${r.suppression.reason}` : ''}); the owner's key stays ${r.suppression.keyStatus}`,
    `${mark(leakStopped(r))} Leaked key reported (POST /leaks/report): key ${r.leak.action} (now ${r.leak.keyStatus}), incident ${r.leak.incidentId ?? '(none)'}; HTTP ${r.leak.statusBefore} before the report, ${r.leak.statusAfter}${r.leak.codeAfter ? ` ${r.leak.codeAfter}` : ''} after`,
  ];
  const e = r.evidence;
  lines.push(
    e
      ? `${mark(e.verified)} Evidence bundle for ${e.incidentId}: ${e.events} event${e.events === 1 ? '' : 's'} exported and ${e.verified ? 'verified offline' : `NOT verified: ${e.problems.join('; ')}`} (signing key ${e.signingKeyId})\n    ${e.file}  (check it yourself: warden audit verify-bundle ${e.file})`
      : `${mark(false)} Evidence bundle: no incident to export`,
    `${mark(r.audit.ok)} Audit log: ${r.audit.size} events, hash chain and signed checkpoints ${r.audit.ok ? 'verified' : 'FAILED verification'}`,
  );
  return lines.join('\n') + '\n';
}

/** True when every attack got the answer the demo promises (the test and `--no-wait`'s exit code use it). */
export function demoSucceeded(r: DemoReport): boolean {
  return (
    r.ordinary.incidents === 0 &&
    r.ordinary.suspended === 0 &&
    r.pooling.suspended === r.pooling.keys &&
    r.canary.caughtOnFirstUse &&
    r.suppression.action !== null &&
    r.suppression.action !== 'allow' &&
    leakStopped(r) &&
    r.evidence?.verified === true &&
    r.audit.ok
  );
}
