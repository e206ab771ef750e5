// The one list of bench scenarios and targets: add a scenario here and every target runs it.

export interface Scenario {
  readonly name: string;
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly body?: object;
  /** Shown in the table's notes. */
  readonly note: string;
}

const messages = [
  { role: 'system', content: 'You are a concise assistant.' },
  { role: 'user', content: 'Write two sentences about lighthouses and why they matter to ships at night.' },
];

export const SCENARIOS: readonly Scenario[] = [
  { name: 'chat', method: 'POST', path: '/v1/chat/completions', body: { model: 'gpt-4o-mini', messages }, note: 'non-streamed chat' },
  {
    name: 'chat-stream',
    method: 'POST',
    path: '/v1/chat/completions',
    body: { model: 'gpt-4o-mini', messages, stream: true, stream_options: { include_usage: true } },
    note: 'streamed chat, 20 content chunks + usage chunk',
  },
  { name: 'images', method: 'POST', path: '/v1/images/generations', body: { model: 'dall-e-3', prompt: 'a lighthouse on a cliff at dusk, watercolour' }, note: 'image generation (url)' },
  {
    name: 'embeddings',
    method: 'POST',
    path: '/v1/embeddings',
    body: { model: 'text-embedding-3-small', input: 'Lighthouses guide ships past rocks at night.' },
    note: 'embeddings, one input (1 536 floats back)',
  },
];

/** Scenarios whose answer is a stream: they also get the concurrency-1 time-to-first-byte probe. */
export const isStream = (s: Scenario): boolean => (s.body as { stream?: boolean } | undefined)?.stream === true;

/**
 * `gateway-core` is the gateway the throughput goals are set for (auth + audit, with usage counting: risk and
 * safety off); `gateway` runs every defence (audit, limits, risk, safety). Two more run the default gateway where
 * its audit worker matters: `gateway-2cores` on cores 0 and 1 (audit.worker auto: on; core 1 is also the load
 * side's, so its CPU µs/req is the figure to read), and `gateway-worker` on core 0 with the worker forced on (the
 * A/B against `gateway`, whose auto is off on one core).
 */
export type GatewayName = 'gateway-core' | 'gateway' | 'gateway-2cores' | 'gateway-worker';
export const GATEWAYS: readonly GatewayName[] = ['gateway-core', 'gateway', 'gateway-2cores', 'gateway-worker'];
export const GATEWAY_LABEL: Readonly<Record<GatewayName, string>> = {
  'gateway-core': 'core',
  gateway: 'all',
  'gateway-2cores': 'all, 2 cores',
  'gateway-worker': 'all, audit worker on, 1 core',
};
export type TargetName = GatewayName | 'passthrough' | 'simulator';
export const TARGETS: readonly TargetName[] = ['passthrough', 'gateway', 'gateway-2cores', 'gateway-worker', 'gateway-core', 'simulator'];
/** Measured unless --targets says otherwise: the baseline, the default gateway (one core, two), the core one for reference. */
export const DEFAULT_TARGETS: readonly TargetName[] = ['passthrough', 'gateway', 'gateway-2cores', 'gateway-core'];
/** The default gateway's configuration (every defence on, an operator's key). */
export const runsDefaults = (g: GatewayName): boolean => g !== 'gateway-core';
export const isGateway = (t: TargetName): t is GatewayName => (GATEWAYS as readonly string[]).includes(t);
export const CONCURRENCY: readonly number[] = [16, 64];
