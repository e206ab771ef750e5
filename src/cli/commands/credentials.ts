// `warden credentials create|list|revoke`: named admin credentials (role admin or viewer).
import { adminCall, adminOptions, clientOpts, quietOption } from '../admin-client.js';
import { emit, emitCreated, fields, table } from '../output.js';
import { defineCommand, UsageError } from '../spec.js';

export const credentialsCommands = {
  'credentials create': defineCommand({
    summary: 'Create a named admin credential (role admin or viewer). The token is printed once; Warden keeps only a hash.',
    options: {
      ...adminOptions,
      ...quietOption,
      name: { type: 'string', value: 'NAME', description: 'who or what uses it, e.g. "alice" or "grafana" (required)' },
      role: { type: 'string', value: 'ROLE', description: 'admin (may change things) or viewer (may only read) (required)' },
    },
    async run(values) {
      if (!values.name) throw new UsageError('--name is required');
      if (values.role !== 'admin' && values.role !== 'viewer') throw new UsageError(`--role must be admin or viewer${values.role ? `, not '${values.role}'` : ''}`);
      emitCreated(values, (await adminCall(clientOpts(values), 'POST', '/credentials', { name: values.name, role: values.role })) as { id: string; token: string }, (c) => c.token);
      if (!values.quiet || values.json) process.stderr.write(`\nThe token above is shown once. Store it now; Warden keeps only a hash.\n`);
      return 0;
    },
  }),
  'credentials list': defineCommand({
    summary: 'List the named admin credentials (never their tokens).',
    options: adminOptions,
    async run(values) {
      const rows = (await adminCall(clientOpts(values), 'GET', '/credentials')) as { id: string; name: string; role: string; last4: string; createdAt: string; revokedAt: string | null }[];
      emit(values, rows, (cs) =>
        table(cs, [
          ['id', (c) => c.id],
          ['name', (c) => c.name],
          ['role', (c) => c.role],
          ['token', (c) => `…${c.last4}`],
          ['created', (c) => c.createdAt],
          ['revoked', (c) => c.revokedAt],
        ]),
      );
      return 0;
    },
  }),
  'credentials revoke': defineCommand({
    summary: 'Revoke a named admin credential; it is refused at once (console sessions signed in with it end).',
    args: 'CREDENTIAL_ID',
    options: adminOptions,
    async run(values, positionals) {
      const id = positionals[0];
      if (!id) throw new UsageError('a credential id is required');
      emit(values, (await adminCall(clientOpts(values), 'DELETE', `/credentials/${encodeURIComponent(id)}`)) as Record<string, unknown>, fields);
      return 0;
    },
  }),
};
