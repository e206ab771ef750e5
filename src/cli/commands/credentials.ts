// `warden credentials create|list|revoke`: named admin credentials (role admin or viewer).
import { adminCall, adminOptions, clientOpts, print } from '../admin-client.js';
import { defineCommand, UsageError } from '../spec.js';

export const credentialsCommands = {
  'credentials create': defineCommand({
    summary: 'Create a named admin credential (role admin or viewer). The token is printed once; Warden keeps only a hash.',
    options: {
      ...adminOptions,
      name: { type: 'string', value: 'NAME', description: 'who or what uses it, e.g. "alice" or "grafana" (required)' },
      role: { type: 'string', value: 'ROLE', description: 'admin (may change things) or viewer (may only read) (required)' },
    },
    async run(values) {
      if (!values.name) throw new UsageError('--name is required');
      if (values.role !== 'admin' && values.role !== 'viewer') throw new UsageError(`--role must be admin or viewer${values.role ? `, not '${values.role}'` : ''}`);
      print(await adminCall(clientOpts(values), 'POST', '/credentials', { name: values.name, role: values.role }));
      process.stderr.write(`\nThe token above is shown once. Store it now; Warden keeps only a hash.\n`);
      return 0;
    },
  }),
  'credentials list': defineCommand({
    summary: 'List the named admin credentials (never their tokens).',
    options: adminOptions,
    async run(values) {
      print(await adminCall(clientOpts(values), 'GET', '/credentials'));
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
      print(await adminCall(clientOpts(values), 'DELETE', `/credentials/${encodeURIComponent(id)}`));
      return 0;
    },
  }),
};
