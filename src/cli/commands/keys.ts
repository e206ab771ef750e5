// `warden keys create|update|list|show|revoke|suspend|reinstate|rotate`.
import { adminCall, adminOptions, clientOpts, quietOption } from '../admin-client.js';
import { emit, emitCreated, fields, table, type Column } from '../output.js';
import { defineCommand, UsageError } from '../spec.js';
import { readPublicJwkFile } from './proof.js';

interface KeyView {
  id: string;
  name: string;
  tenantId: string;
  status: string;
  endpoints: string[];
  limits: Record<string, number>;
  expiresAt: string | null;
  last4: string;
}
const KEY_COLUMNS: readonly Column<KeyView>[] = [
  ['id', (k) => k.id],
  ['name', (k) => k.name],
  ['tenant', (k) => k.tenantId],
  ['status', (k) => k.status],
  ['endpoints', (k) => k.endpoints],
  ['expires', (k) => k.expiresAt],
  ['limits', (k) => k.limits],
];
const showKey = (k: unknown): string => fields(k as Record<string, unknown>);

const list = (s: string | undefined): string[] | undefined =>
  s === undefined
    ? undefined
    : s
        .split(',')
        .map((x) => x.trim())
        .filter(Boolean);

function idOf(positionals: string[]): string {
  const id = positionals[0];
  if (!id) throw new UsageError('a key id is required');
  return id;
}

function number(name: string, v: string): number {
  const n = Number(v);
  if (!Number.isFinite(n) || n < 0) throw new UsageError(`--${name} takes a non-negative number, not '${v}'`);
  return n;
}

/** One flag per limit in keys/types.ts KeyLimits (`none` removes it in `keys update`). */
const LIMIT_FLAGS = {
  rpm: ['requestsPerMinute', 'requests per minute'],
  tpm: ['tokensPerMinute', 'tokens per minute'],
  'images-per-day': ['imagesPerDay', 'images per day'],
  'spend-per-day': ['spendPerDayUsd', 'spend per day, USD'],
  'spend-per-month': ['spendPerMonthUsd', 'spend per month, USD'],
  concurrent: ['concurrentRequests', 'requests in flight at once (per replica)'],
} as const;

const limitOptions = (removable: boolean) =>
  Object.fromEntries(Object.entries(LIMIT_FLAGS).map(([flag, [, what]]) => [flag, { type: 'string', value: 'N', description: removable ? `${what} ('none' removes the limit)` : what } as const])) as {
    readonly [F in keyof typeof LIMIT_FLAGS]: { readonly type: 'string'; readonly value: 'N'; readonly description: string };
  };

/** The limits given on the command line, or undefined when none was. */
function limitsFrom(values: Record<string, unknown>, removable: boolean): Record<string, number | null> | undefined {
  const out: Record<string, number | null> = {};
  for (const [flag, [field]] of Object.entries(LIMIT_FLAGS)) {
    const v = values[flag];
    if (typeof v !== 'string') continue;
    out[field] = removable && v === 'none' ? null : number(flag, v);
  }
  return Object.keys(out).length ? out : undefined;
}

const action = (verb: 'revoke' | 'suspend' | 'reinstate', summary: string) =>
  defineCommand({
    summary,
    args: 'KEY_ID',
    options: verb === 'reinstate' ? adminOptions : { ...adminOptions, reason: { type: 'string', value: 'TEXT', description: 'why (kept in the audit log)' } },
    async run(values, positionals) {
      const reason = (values as { reason?: string }).reason;
      const body = verb !== 'reinstate' && reason ? { reason } : {};
      emit(values, await adminCall(clientOpts(values), 'POST', `/keys/${encodeURIComponent(idOf(positionals))}/${verb}`, body), showKey);
      return 0;
    },
  });

export const keysCommands = {
  'keys create': defineCommand({
    summary: 'Create a key for a tenant. The key is printed once; Warden keeps only a hash.',
    options: {
      ...adminOptions,
      ...quietOption,
      tenant: { type: 'string', value: 'TENANT_ID', description: 'the owning tenant (required)' },
      name: { type: 'string', value: 'NAME', description: 'a name for the key (required)' },
      endpoints: { type: 'string', value: 'LIST', description: 'allowed endpoints: chat,images,embeddings (default: all)' },
      models: { type: 'string', value: 'LIST', description: 'allowed models, comma-separated (default: all)' },
      cidrs: { type: 'string', value: 'LIST', description: 'allowed client networks, e.g. 203.0.113.0/24 (default: any)' },
      'expires-at': { type: 'string', value: 'ISO', description: 'expiry time, ISO 8601' },
      canary: { type: 'boolean', description: 'a canary key: any use of it is an incident' },
      test: { type: 'boolean', description: 'a test key (wdn_t_…)' },
      ...limitOptions(false),
      'proof-key': { type: 'string', value: 'FILE', multiple: true, description: 'bind a client public JWK (repeatable; see `warden proof keygen`)' },
      'require-proof': { type: 'boolean', description: 'every request must carry a valid DPoP proof' },
    },
    async run(values) {
      if (!values.tenant || !values.name) throw new UsageError('--tenant and --name are required');
      const body: Record<string, unknown> = { tenantId: values.tenant, name: values.name };
      if (values.endpoints) body['endpoints'] = list(values.endpoints);
      if (values.models) body['models'] = list(values.models);
      if (values.cidrs) body['allowedCidrs'] = list(values.cidrs);
      if (values['expires-at']) body['expiresAt'] = values['expires-at'];
      if (values.canary) body['canary'] = true;
      if (values.test) body['type'] = 'test';
      if (values['proof-key']?.length) body['proofKeys'] = values['proof-key'].map(readPublicJwkFile);
      if (values['require-proof']) body['requireProof'] = true;
      const limits = limitsFrom(values, false);
      if (limits) body['limits'] = limits;
      const created = (await adminCall(clientOpts(values), 'POST', '/keys', body)) as { key: string; id: string };
      emitCreated(values, created, (c) => c.key);
      if (!values.quiet || values.json) process.stderr.write(`\nThe key above is shown once. Store it now; Warden keeps only a hash.\n`);
      return 0;
    },
  }),
  'keys update': defineCommand({
    summary: 'Change a key’s limits, endpoints, models, networks, expiry or name (every replica sees it on the next request).',
    args: 'KEY_ID',
    options: {
      ...adminOptions,
      name: { type: 'string', value: 'NAME', description: 'a new name' },
      endpoints: { type: 'string', value: 'LIST', description: 'allowed endpoints: chat,images,embeddings' },
      models: { type: 'string', value: 'LIST', description: "allowed models, comma-separated ('all': any model)" },
      cidrs: { type: 'string', value: 'LIST', description: "allowed client networks ('any': no restriction)" },
      'expires-at': { type: 'string', value: 'ISO', description: "expiry time, ISO 8601 ('never': no expiry)" },
      ...limitOptions(true),
    },
    async run(values, positionals) {
      const id = idOf(positionals);
      const body: Record<string, unknown> = {};
      if (values.name !== undefined) body['name'] = values.name;
      if (values.endpoints !== undefined) body['endpoints'] = list(values.endpoints);
      if (values.models !== undefined) body['models'] = values.models === 'all' ? null : list(values.models);
      if (values.cidrs !== undefined) body['allowedCidrs'] = values.cidrs === 'any' ? [] : list(values.cidrs);
      if (values['expires-at'] !== undefined) body['expiresAt'] = values['expires-at'] === 'never' ? null : values['expires-at'];
      const limits = limitsFrom(values, true);
      if (limits) body['limits'] = limits;
      if (Object.keys(body).length === 0) throw new UsageError('nothing to change: give at least one option');
      emit(values, await adminCall(clientOpts(values), 'PATCH', `/keys/${encodeURIComponent(id)}`, body), showKey);
      return 0;
    },
  }),
  'keys list': defineCommand({
    summary: 'List keys (never their secrets).',
    options: { ...adminOptions, tenant: { type: 'string', value: 'TENANT_ID', description: 'only this tenant’s keys' } },
    async run(values) {
      emit(values, (await adminCall(clientOpts(values), 'GET', `/keys${values.tenant ? `?tenantId=${encodeURIComponent(values.tenant)}` : ''}`)) as KeyView[], (ks) => table(ks, KEY_COLUMNS));
      return 0;
    },
  }),
  'keys show': defineCommand({
    summary: 'Show one key (never its secret).',
    args: 'KEY_ID',
    options: adminOptions,
    async run(values, positionals) {
      emit(values, await adminCall(clientOpts(values), 'GET', `/keys/${encodeURIComponent(idOf(positionals))}`), showKey);
      return 0;
    },
  }),
  'keys revoke': action('revoke', 'Revoke a key for good; every replica refuses it at once.'),
  'keys suspend': action('suspend', 'Suspend a key until it is reinstated.'),
  'keys reinstate': action('reinstate', 'Reinstate a suspended key.'),
  'keys rotate': defineCommand({
    summary: 'Issue a new secret for a key; the old one keeps working for the grace period.',
    args: 'KEY_ID',
    options: { ...adminOptions, grace: { type: 'string', value: 'SECONDS', description: 'how long the old secret stays valid' } },
    async run(values, positionals) {
      const body = values.grace !== undefined ? { gracePeriodSeconds: number('grace', values.grace) } : {};
      emit(values, await adminCall(clientOpts(values), 'POST', `/keys/${encodeURIComponent(idOf(positionals))}/rotate`, body), showKey);
      return 0;
    },
  }),
};
