// Prometheus metrics of the data plane (prom-client): what happened to requests, never who sent what.
import { collectDefaultMetrics, Counter, Histogram, Registry } from 'prom-client';
import { registerGauges, type MetricSources } from './gauges.js';
import { Tally } from './tally.js';

export type { MetricSources } from './gauges.js';
import type { ErrorCode } from '../errors/codes.js';
import type { StageName } from '../proxy/stage-name.js';

/** What one finished request contributes; plain values, so the recording is testable without a gateway. */
export interface RequestFacts {
  readonly endpoint: string;
  readonly style: string;
  readonly status: number;
  readonly deniedBy: StageName | undefined;
  readonly errorCode: ErrorCode | undefined;
  readonly tenantId: string | undefined;
  readonly keyId: string | undefined;
  readonly seconds: number;
  /** Seconds the upstream took (sent → answer complete); undefined when nothing was forwarded. */
  readonly upstreamSeconds: number | undefined;
  /** The gateway's own share: total minus upstream. */
  readonly overheadSeconds: number;
  /** Streams: arrival → first event sent to the client. */
  readonly firstEventSeconds: number | undefined;
  /** What the answered request cost (price table), in USD; undefined when not charged. */
  readonly spendUsd: number | undefined;
  readonly usage: { promptTokens: number; completionTokens: number; images: number } | undefined;
  readonly safety: readonly { stage: string; action: string; categories: readonly string[] }[];
}

export interface MetricsOptions {
  /** Label usage by key id too (off by default: key ids are many and grow). */
  readonly perKey: boolean;
}

const NONE = 'none';
const LATENCY_BUCKETS = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60];
/** Label values that come from the request are cut to a bounded set of characters and length. */
const bounded = (s: string | undefined, max = 64): string => (s ? s.replace(/[^\w.:/-]/g, '_').slice(0, max) : NONE);

export class GatewayMetrics {
  readonly registry = new Registry();
  readonly #requests: Counter<'endpoint' | 'style' | 'status' | 'denied_by'>;
  readonly #duration: Histogram<'endpoint'>;
  readonly #tokens: Counter<'tenant' | 'key' | 'direction'>;
  readonly #images: Counter<'tenant' | 'key'>;
  readonly #denials: Counter<'stage' | 'code'>;
  readonly #safety: Counter<'stage' | 'action' | 'category'>;
  readonly #risk: Counter<'decision'>;

  readonly #upstream: Histogram<'endpoint'>;
  readonly #overhead: Histogram<'endpoint'>;
  readonly #firstEvent: Histogram<'endpoint'>;
  readonly #spend: Counter<'tenant' | 'key'>;
  readonly #auditCommit: Histogram;
  readonly #auditEvents: Counter;
  readonly #requestsTally = new Tally<'endpoint' | 'style' | 'status' | 'denied_by'>();
  readonly #tokensTally = new Tally<'tenant' | 'key' | 'direction'>();
  readonly #safetyTally = new Tally<'stage' | 'action' | 'category'>();
  readonly #riskTally = new Tally<'decision'>();

  constructor(
    readonly opts: MetricsOptions,
    readonly sources: MetricSources = {},
  ) {
    const registers = [this.registry];
    collectDefaultMetrics({ register: this.registry, prefix: 'warden_' });
    // Request-path counts go to tallies, handed to prom-client when scraped (see tally.ts).
    const requestsTally = this.#requestsTally;
    const tokensTally = this.#tokensTally;
    const safetyTally = this.#safetyTally;
    const riskTally = this.#riskTally;
    this.#requests = new Counter({
      name: 'warden_requests_total',
      help: 'Data-plane requests by endpoint, API style, status and the stage that denied them.',
      labelNames: ['endpoint', 'style', 'status', 'denied_by'],
      registers,
      collect() {
        requestsTally.flush(this);
      },
    });
    const latency = (name: string, help: string): Histogram<'endpoint'> => new Histogram({ name, help, labelNames: ['endpoint'], buckets: LATENCY_BUCKETS, registers });
    this.#duration = latency('warden_request_duration_seconds', 'Time from the request reaching the gateway to its answer being complete (upstream time included).');
    this.#upstream = latency('warden_upstream_duration_seconds', 'Time the upstream took: request handed to its connection until its answer was complete (forwarded requests only).');
    this.#overhead = latency('warden_gateway_overhead_seconds', "The gateway's own time per request: total minus the upstream's (all of it for a refused request).");
    this.#firstEvent = latency('warden_time_to_first_token_seconds', 'Streams: from the request reaching the gateway to its first event reaching the client.');
    this.#tokens = new Counter({
      name: 'warden_tokens_total',
      help: 'Tokens by tenant and direction (prompt, completion).',
      labelNames: ['tenant', 'key', 'direction'],
      registers,
      collect() {
        tokensTally.flush(this);
      },
    });
    this.#images = new Counter({ name: 'warden_images_total', help: 'Images generated by tenant.', labelNames: ['tenant', 'key'], registers });
    this.#spend = new Counter({ name: 'warden_spend_usd_total', help: 'Spend of answered requests by tenant in USD, priced by the limits price table.', labelNames: ['tenant', 'key'], registers });
    this.#denials = new Counter({ name: 'warden_denials_total', help: 'Requests refused, by stage and error code.', labelNames: ['stage', 'code'], registers });
    this.#safety = new Counter({
      name: 'warden_safety_verdicts_total',
      help: 'Safety verdicts by stage (prompt, output), action and finding category.',
      labelNames: ['stage', 'action', 'category'],
      registers,
      collect() {
        safetyTally.flush(this);
      },
    });
    this.#risk = new Counter({
      name: 'warden_risk_decisions_total',
      help: 'Risk engine actions per request (allow, flag, throttle, block-request, suspend-key…).',
      labelNames: ['decision'],
      registers,
      collect() {
        riskTally.flush(this);
      },
    });
    this.#auditCommit = new Histogram({ name: 'warden_audit_commit_seconds', help: 'Time to write one batch of audit events to the store (group commit).', buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5], registers });
    this.#auditEvents = new Counter({ name: 'warden_audit_events_written_total', help: 'Audit events written (group commit: many per batch).', registers });
    registerGauges(this.registry, sources);
  }

  record(f: RequestFacts): void {
    const denied = f.deniedBy ?? NONE;
    // The gateway's own names and ids never hold a NUL: it separates the values in the tallies' keys.
    this.#requestsTally.add(`${f.endpoint}\0${f.style}\0${f.status}\0${denied}`, () => ({ endpoint: f.endpoint, style: f.style, status: String(f.status), denied_by: denied }));
    this.#duration.observe({ endpoint: f.endpoint }, f.seconds);
    this.#overhead.observe({ endpoint: f.endpoint }, f.overheadSeconds);
    if (f.upstreamSeconds !== undefined) this.#upstream.observe({ endpoint: f.endpoint }, f.upstreamSeconds);
    if (f.firstEventSeconds !== undefined) this.#firstEvent.observe({ endpoint: f.endpoint }, f.firstEventSeconds);
    if (f.deniedBy) this.#denials.inc({ stage: f.deniedBy, code: bounded(f.errorCode) });
    const tenant = bounded(f.tenantId);
    const key = this.opts.perKey ? bounded(f.keyId) : NONE;
    if (f.usage) {
      const tk = `${tenant}\0${key}\0`;
      if (f.usage.promptTokens > 0) this.#tokensTally.add(`${tk}prompt`, () => ({ tenant, key, direction: 'prompt' }), f.usage.promptTokens);
      if (f.usage.completionTokens > 0) this.#tokensTally.add(`${tk}completion`, () => ({ tenant, key, direction: 'completion' }), f.usage.completionTokens);
      if (f.usage.images > 0) this.#images.inc({ tenant, key }, f.usage.images);
    }
    if (f.spendUsd !== undefined && f.spendUsd > 0) this.#spend.inc({ tenant, key }, f.spendUsd);
    for (const v of f.safety) {
      const categories = v.categories.length ? v.categories : [NONE];
      // Keyed by the values as given (the gateway's own names), bounded once per label set.
      for (const c of categories) this.#safetyTally.add(`${v.stage}\0${v.action}\0${c}`, () => ({ stage: bounded(v.stage, 16), action: bounded(v.action, 16), category: bounded(c, 32) }));
    }
  }

  /** One risk decision (RiskService.onDecision): counted where it is made, so ones scored after the answer count too. */
  riskDecided(action: string): void {
    this.#riskTally.add(action, () => ({ decision: bounded(action, 32) }));
  }

  /** One audit batch written (BatchingAuditSink.onCommit). */
  auditCommitted(seconds: number, events = 0): void {
    this.#auditCommit.observe(seconds);
    if (events > 0) this.#auditEvents.inc(events);
  }

  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
