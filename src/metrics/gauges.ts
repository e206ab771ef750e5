// Scrape-time gauges: state read when Prometheus asks (dependencies, audit log, open incidents), not per request.
import { Gauge, type Registry } from 'prom-client';
import type { Readiness } from '../health/readiness.js';

/** The audit log as the metrics read it at scrape time. */
export interface AuditGauges {
  readonly sink: { readonly queued: number; readonly stats: { readonly dropped: number } };
  readonly health: { readonly ok: boolean; readonly treeSize: number; readonly checkpointTime?: string };
}

export interface MetricSources {
  readonly readiness?: Readiness;
  readonly audit?: AuditGauges;
  /** The store's kind (sqlite, postgres), as an info series. */
  readonly storeKind?: string;
  /** Open incidents right now (set once the risk service exists; read at scrape time). */
  openIncidents?: () => Promise<number>;
}

export function registerGauges(registry: Registry, sources: MetricSources): void {
  const registers = [registry];
  const { readiness, audit } = sources;
  new Gauge({
    name: 'warden_incidents_open',
    help: 'Open incidents (stolen-key detection) at scrape time.',
    registers,
    async collect() {
      if (sources.openIncidents) this.set(await sources.openIncidents().catch(() => NaN));
    },
  });
  if (readiness) {
    new Gauge({
      name: 'warden_dependency_up',
      help: 'Whether each dependency answered its last readiness probe (1) or not (0): store (SQLite or PostgreSQL, see warden_store_info), audit (the sealer), redis.',
      labelNames: ['dependency'],
      registers,
      async collect() {
        const s = await readiness.state();
        for (const [name, state] of Object.entries(s.checks)) this.set({ dependency: name }, state === 'up' ? 1 : 0);
      },
    });
    new Gauge({
      name: 'warden_draining',
      help: '1 once shutdown began (SIGTERM): /readyz answers 503.',
      registers,
      collect() {
        this.set(readiness.draining ? 1 : 0);
      },
    });
  }
  if (sources.storeKind) new Gauge({ name: 'warden_store_info', help: 'The store backend in use (value always 1).', labelNames: ['kind'], registers }).set({ kind: sources.storeKind }, 1);
  if (!audit) return;
  new Gauge({
    name: 'warden_audit_queue_depth',
    help: 'Audit events waiting to be written.',
    registers,
    collect() {
      this.set(audit.sink.queued);
    },
  });
  new Gauge({
    name: 'warden_audit_dropped_events',
    help: 'Audit events dropped since start (queue full or closed); above 0 needs attention.',
    registers,
    collect() {
      this.set(audit.sink.stats.dropped);
    },
  });
  new Gauge({
    name: 'warden_audit_sealed_events',
    help: 'Events covered by the latest signed checkpoint.',
    registers,
    collect() {
      this.set(audit.health.treeSize);
    },
  });
  new Gauge({
    name: 'warden_audit_sealer_ok',
    help: 'Whether the audit sealer is sealing (1) or stopped on a problem (0).',
    registers,
    collect() {
      this.set(audit.health.ok ? 1 : 0);
    },
  });
  new Gauge({
    name: 'warden_audit_checkpoint_age_seconds',
    help: 'Age of the latest signed checkpoint; it grows while no new event arrives (nothing new to sign).',
    registers,
    collect() {
      const t = audit.health.checkpointTime;
      this.set(t ? Math.max(0, (Date.now() - Date.parse(t)) / 1000) : NaN);
    },
  });
}
