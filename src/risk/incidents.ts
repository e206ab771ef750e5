// Incidents: every non-allow decision opens or extends one per key; pure merge plus a bounded open-incident book.
import { randomUUID } from 'node:crypto';
import type { RiskResult, Severity } from './engine.js';
import { Lru } from '../util/lru.js';
import { ACTION_RANK, type RiskAction } from './types.js';

export interface Incident {
  id: string;
  keyId: string;
  tenantId: string;
  severity: Severity;
  signals: { name: string; detail: string }[];
  action: RiskAction;
  requestIds: string[];
  firstSeen: string;
  lastSeen: string;
  /** Highest request score seen. */
  score: number;
  status: 'open' | 'resolved';
  /** Set when the key was reported leaked (partner program, scanner, admin report): where it was found. */
  leak?: { reporter: string; url: string | null; source: string | null };
}

export const INCIDENT_CAPS = { signals: 24, requestIds: 50, openIncidents: 10_000 } as const;
/** An incident quiet for this long is closed; the next decision opens a new one. */
export const INCIDENT_QUIET_MS = 24 * 3_600_000;

const SEVERITY_RANK: Record<Severity, number> = { low: 0, medium: 1, high: 2, critical: 3 };

export type IncidentChange = 'opened' | 'escalated' | 'extended';

/** Pure: folds one decision into an incident (or a fresh one). */
export function foldIncident(prev: Incident | undefined, d: { keyId: string; tenantId: string; requestId: string; time: number; result: RiskResult }): { incident: Incident; change: IncidentChange } {
  const iso = new Date(d.time).toISOString();
  const open = prev && prev.status === 'open' && d.time - Date.parse(prev.lastSeen) <= INCIDENT_QUIET_MS ? prev : undefined;
  const inc: Incident = open
    ? { ...open, signals: [...open.signals], requestIds: [...open.requestIds] }
    : {
        id: `inc_${randomUUID().replace(/-/g, '').slice(0, 20)}`,
        keyId: d.keyId,
        tenantId: d.tenantId,
        severity: d.result.severity,
        signals: [],
        action: d.result.action,
        requestIds: [],
        firstSeen: iso,
        lastSeen: iso,
        score: 0,
        status: 'open',
      };
  let change: IncidentChange = open ? 'extended' : 'opened';
  if (open && (ACTION_RANK[d.result.action] > ACTION_RANK[open.action] || SEVERITY_RANK[d.result.severity] > SEVERITY_RANK[open.severity])) {
    change = 'escalated';
  }
  if (ACTION_RANK[d.result.action] > ACTION_RANK[inc.action]) inc.action = d.result.action;
  if (SEVERITY_RANK[d.result.severity] > SEVERITY_RANK[inc.severity]) inc.severity = d.result.severity;
  for (const s of d.result.signals) {
    const i = inc.signals.findIndex((x) => x.name === s.name);
    if (i >= 0) inc.signals[i] = { name: s.name, detail: s.detail };
    else if (inc.signals.length < INCIDENT_CAPS.signals) inc.signals.push({ name: s.name, detail: s.detail });
  }
  inc.requestIds.push(d.requestId);
  if (inc.requestIds.length > INCIDENT_CAPS.requestIds) inc.requestIds.splice(0, inc.requestIds.length - INCIDENT_CAPS.requestIds);
  inc.lastSeen = iso;
  inc.score = Math.max(inc.score, Math.round(d.result.score));
  return { incident: inc, change };
}

/** The open incident per key, bounded. */
export class IncidentBook {
  readonly #open = new Lru<string, Incident>(INCIDENT_CAPS.openIncidents);

  record(d: Parameters<typeof foldIncident>[1]): { incident: Incident; change: IncidentChange } {
    const r = foldIncident(this.#open.peek(d.keyId), d);
    this.#open.set(d.keyId, r.incident);
    return r;
  }

  /** The key's open incident, if it has one. */
  openFor(keyId: string): Incident | undefined {
    return this.#open.peek(keyId);
  }

  /** The key was reinstated: its incident is over. */
  resolve(keyId: string): Incident | undefined {
    const inc = this.#open.peek(keyId);
    if (!inc) return undefined;
    this.#open.delete(keyId);
    return { ...inc, status: 'resolved' };
  }

  /** Another replica's version of a key's incident: later decisions here extend the same one. */
  mirror(inc: Incident): void {
    if (inc.status === 'open') this.#open.set(inc.keyId, inc);
    else this.#open.delete(inc.keyId);
  }

  adopt(inc: Incident): void {
    if (inc.status === 'open' && !this.#open.peek(inc.keyId)) this.#open.set(inc.keyId, inc);
  }
}
