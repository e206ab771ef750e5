// `warden tenants create|list|rename|delete`.
import { adminCall, adminOptions, clientOpts, quietOption } from '../admin-client.js';
import { emit, emitCreated, fields, table } from '../output.js';
import { defineCommand, UsageError } from '../spec.js';

export const tenantsCommands = {
  'tenants create': defineCommand({
    summary: 'Create a tenant (a customer or team that owns keys).',
    args: '[NAME]',
    options: { ...adminOptions, ...quietOption, name: { type: 'string', value: 'NAME', description: 'the tenant name (or give it as the argument)' } },
    async run(values, positionals) {
      const name = values.name ?? positionals[0];
      if (!name) throw new UsageError('a tenant name is required: --name NAME');
      emitCreated(values, (await adminCall(clientOpts(values), 'POST', '/tenants', { name })) as { id: string });
      return 0;
    },
  }),
  'tenants list': defineCommand({
    summary: 'List the tenants.',
    options: adminOptions,
    async run(values) {
      const rows = (await adminCall(clientOpts(values), 'GET', '/tenants')) as { id: string; name: string; createdAt: string }[];
      emit(values, rows, (ts) =>
        table(ts, [
          ['id', (t) => t.id],
          ['name', (t) => t.name],
          ['created', (t) => t.createdAt],
        ]),
      );
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
      emit(values, (await adminCall(clientOpts(values), 'PATCH', `/tenants/${encodeURIComponent(id)}`, { name: values.name })) as Record<string, unknown>, fields);
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
      emit(values, (await adminCall(clientOpts(values), 'DELETE', `/tenants/${encodeURIComponent(id)}`)) as Record<string, unknown>, fields);
      return 0;
    },
  }),
};
