// `warden tenants create|list`.
import { adminCall, clientOpts, parse, print } from '../admin-client.js';
import type { Command } from '../registry.js';

export const tenantsCommands: Record<string, Command> = {
  'tenants create': async (args) => {
    const { values, positionals } = parse(args, { name: { type: 'string' } });
    const name = values.name ?? positionals[0];
    if (!name) throw new Error('usage: warden tenants create --name NAME');
    print(await adminCall(clientOpts(values), 'POST', '/tenants', { name }));
    return 0;
  },
  'tenants list': async (args) => {
    const { values } = parse(args, {});
    print(await adminCall(clientOpts(values), 'GET', '/tenants'));
    return 0;
  },
};
