// `warden tenants create|list|rename|delete`.
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
  'tenants rename': defineCommand({
    summary: 'Rename a tenant (its id and keys stay as they are).',
    args: 'TENANT_ID',
    options: { ...adminOptions, name: { type: 'string', value: 'NAME', description: 'the new name (required)' } },
    async run(values, positionals) {
      const id = positionals[0];
      if (!id) throw new UsageError('a tenant id is required');
      if (!values.name) throw new UsageError('--name is required');
      print(await adminCall(clientOpts(values), 'PATCH', `/tenants/${encodeURIComponent(id)}`, { name: values.name }));
      return 0;
    },
  }),
  'tenants delete': defineCommand({
    summary: 'Delete a tenant; refused while it has live keys (active or suspended): revoke them first.',
    args: 'TENANT_ID',
    options: adminOptions,
    async run(values, positionals) {
      const id = positionals[0];
      if (!id) throw new UsageError('a tenant id is required');
      print(await adminCall(clientOpts(values), 'DELETE', `/tenants/${encodeURIComponent(id)}`));
      return 0;
    },
  }),
};
