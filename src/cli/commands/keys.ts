// `warden keys create|list|show|revoke|suspend|reinstate|rotate`.
import { adminCall, clientOpts, parse, print } from '../admin-client.js';
import type { Command } from '../registry.js';

const list = (s: string | undefined): string[] | undefined => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));

function idOf(positionals: string[], verb: string): string {
  const id = positionals[0];
  if (!id) throw new Error(`usage: warden keys ${verb} KEY_ID`);
  return id;
}

const action =
  (verb: 'revoke' | 'suspend' | 'reinstate'): Command =>
  async (args) => {
    const { values, positionals } = parse(args, { reason: { type: 'string' } });
    const body = verb === 'reinstate' ? {} : values.reason ? { reason: values.reason } : {};
    print(await adminCall(clientOpts(values), 'POST', `/keys/${encodeURIComponent(idOf(positionals, verb))}/${verb}`, body));
    return 0;
  };

export const keysCommands: Record<string, Command> = {
  'keys create': async (args) => {
    const { values } = parse(args, {
      tenant: { type: 'string' },
      name: { type: 'string' },
      endpoints: { type: 'string' },
      models: { type: 'string' },
      cidrs: { type: 'string' },
      'expires-at': { type: 'string' },
      canary: { type: 'boolean' },
      test: { type: 'boolean' },
      rpm: { type: 'string' },
    });
    if (!values.tenant || !values.name) throw new Error('usage: warden keys create --tenant TENANT_ID --name NAME [--endpoints chat,images,embeddings] [--models a,b] [--cidrs 10.0.0.0/8] [--expires-at ISO] [--canary] [--test] [--rpm N]');
    const body: Record<string, unknown> = { tenantId: values.tenant, name: values.name };
    if (values.endpoints) body['endpoints'] = list(values.endpoints);
    if (values.models) body['models'] = list(values.models);
    if (values.cidrs) body['allowedCidrs'] = list(values.cidrs);
    if (values['expires-at']) body['expiresAt'] = values['expires-at'];
    if (values.canary) body['canary'] = true;
    if (values.test) body['type'] = 'test';
    if (values.rpm) body['limits'] = { requestsPerMinute: Number(values.rpm) };
    const created = (await adminCall(clientOpts(values), 'POST', '/keys', body)) as { key: string; id: string };
    print(created);
    process.stderr.write(`\nThe key above is shown once. Store it now; Warden keeps only a hash.\n`);
    return 0;
  },
  'keys list': async (args) => {
    const { values } = parse(args, { tenant: { type: 'string' } });
    print(await adminCall(clientOpts(values), 'GET', `/keys${values.tenant ? `?tenantId=${encodeURIComponent(values.tenant)}` : ''}`));
    return 0;
  },
  'keys show': async (args) => {
    const { values, positionals } = parse(args, {});
    print(await adminCall(clientOpts(values), 'GET', `/keys/${encodeURIComponent(idOf(positionals, 'show'))}`));
    return 0;
  },
  'keys revoke': action('revoke'),
  'keys suspend': action('suspend'),
  'keys reinstate': action('reinstate'),
  'keys rotate': async (args) => {
    const { values, positionals } = parse(args, { grace: { type: 'string' } });
    const body = values.grace !== undefined ? { gracePeriodSeconds: Number(values.grace) } : {};
    print(await adminCall(clientOpts(values), 'POST', `/keys/${encodeURIComponent(idOf(positionals, 'rotate'))}/rotate`, body));
    return 0;
  },
};
