// The risk state port: per-key profiles and incidents, persisted so detection survives a restart.
import type { Incident } from './incidents.js';
import type { KeyProfile } from './profile.js';

export interface IncidentFilter {
  keyId?: string;
  tenantId?: string;
  status?: 'open' | 'resolved';
  limit?: number;
}

export interface RiskStore {
  load(keyId: string): Promise<KeyProfile | undefined>;
  save(batch: readonly KeyProfile[]): Promise<void>;
  saveIncidents(batch: readonly Incident[]): Promise<void>;
  listIncidents(filter: IncidentFilter): Promise<Incident[]>;
}

/** Memory twin: for tests, and for backends without a risk table yet. */
export class MemoryRiskStore implements RiskStore {
  readonly profiles = new Map<string, string>();
  readonly incidents = new Map<string, Incident>();
  async load(keyId: string): Promise<KeyProfile | undefined> {
    const s = this.profiles.get(keyId);
    return s ? (JSON.parse(s) as KeyProfile) : undefined;
  }
  async save(batch: readonly KeyProfile[]): Promise<void> {
    for (const p of batch) this.profiles.set(p.keyId, JSON.stringify(p));
  }
  async saveIncidents(batch: readonly Incident[]): Promise<void> {
    for (const i of batch) this.incidents.set(i.id, structuredClone(i));
  }
  async listIncidents(f: IncidentFilter): Promise<Incident[]> {
    return [...this.incidents.values()]
      .filter((i) => (!f.keyId || i.keyId === f.keyId) && (!f.tenantId || i.tenantId === f.tenantId) && (!f.status || i.status === f.status))
      .sort((a, b) => b.lastSeen.localeCompare(a.lastSeen))
      .slice(0, f.limit ?? 100);
  }
}
