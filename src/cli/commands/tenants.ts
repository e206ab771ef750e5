// `warden tenants create|list`.
import { adminCall, adminOptions, clientOpts, print } from '../admin-client.js';
import { defineCommand, UsageError } from '../spec.js';

export const tenantsCommands = {
  'tenants create': defineCommand({
    summary: 'Create a tenant (a customer or team that owns keys).',
    args: '[NAME]',
    options: { ...adminOptions, name: { type: 'string', value: 'NAME', description: 'the tenant name (or give it as the argument)' } },
    async run(values, positionals) {
      const name = values.name ?? positionals[0];
      if (!name) throw new UsageError('a tenant name is required: --name NAME');
      print(await adminCall(clientOpts(values), 'POST', '/tenants', { name }));
      return 0;
    },
  }),
  'tenants list': defineCommand({
    summary: 'List the tenants.',
    options: adminOptions,
    async run(values) {
      print(await adminCall(clientOpts(values), 'GET', '/tenants'));
      return 0;
    },
  }),
};
