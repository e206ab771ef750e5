// `warden webhooks add|list|update|remove`: incident webhooks added at run time (those in the config file are changed there).
import { adminCall, adminOptions, clientOpts, quietOption } from '../admin-client.js';
import { emit, emitCreated, fields, table } from '../output.js';
import { defineCommand, UsageError } from '../spec.js';

type Listed = { id: string | null; source: string; url: string; description: string; createdAt: string | null };

const secretOption = {
  secret: { type: 'string', value: 'SECRET', description: 'HMAC-SHA256 signing secret, at least 16 characters (add: generated and printed once when absent)' },
  'secret-stdin': { type: 'boolean', description: 'read the secret from standard input instead (keeps it out of shell history)' },
} as const;

async function readSecret(values: { secret?: string; 'secret-stdin'?: boolean }): Promise<string | undefined> {
  if (values.secret !== undefined && values['secret-stdin']) throw new UsageError('give --secret or --secret-stdin, not both');
  if (!values['secret-stdin']) return values.secret;
  let text = '';
  for await (const chunk of process.stdin) text += String(chunk);
  return text.replace(/\r?\n$/, '');
}

export const webhooksCommands = {
  'webhooks add': defineCommand({
    summary: 'Add an incident webhook (signed, sent by every replica). A generated secret is printed once.',
    args: 'RECEIVER_URL',
    options: {
      ...adminOptions,
      ...quietOption,
      ...secretOption,
      description: { type: 'string', value: 'TEXT', description: 'what it is for, e.g. "pager"' },
    },
    async run(values, positionals) {
      const receiver = positionals[0];
      if (!receiver) throw new UsageError('the receiver URL is required: https://… (plain http only to loopback)');
      const secret = await readSecret(values);
      const body = { url: receiver, ...(secret !== undefined ? { secret } : {}), ...(values.description !== undefined ? { description: values.description } : {}) };
      const made = (await adminCall(clientOpts(values), 'POST', '/webhooks', body)) as { id: string; secret?: string };
      emitCreated(values, made, made.secret ? (w) => w.secret! : undefined);
      if (made.secret && (!values.quiet || values.json)) process.stderr.write('\nThe secret above is shown once. Give it to the receiver now; Warden never shows it again.\n');
      return 0;
    },
  }),
  'webhooks list': defineCommand({
    summary: 'List incident webhooks: from the config file and added at run time (never their secrets).',
    options: adminOptions,
    async run(values) {
      const res = (await adminCall(clientOpts(values), 'GET', '/webhooks')) as { data: Listed[]; max: number };
      emit(values, res.data, (ws) =>
        table(ws, [
          ['id', (w) => w.id ?? '(config)'],
          ['url', (w) => w.url],
          ['description', (w) => w.description],
          ['added', (w) => w.createdAt],
        ]),
      );
      return 0;
    },
  }),
  'webhooks update': defineCommand({
    summary: 'Change a run-time webhook: its URL, description, or signing secret (rotation).',
    args: 'WEBHOOK_ID',
    options: {
      ...adminOptions,
      ...secretOption,
      'receiver-url': { type: 'string', value: 'URL', description: 'new receiver URL' },
      description: { type: 'string', value: 'TEXT', description: 'new description' },
    },
    async run(values, positionals) {
      const id = positionals[0];
      if (!id) throw new UsageError('a webhook id is required');
      const secret = await readSecret(values);
      const body = {
        ...(values.url !== undefined ? { url: values.url } : {}),
        ...(secret !== undefined ? { secret } : {}),
        ...(values.description !== undefined ? { description: values.description } : {}),
      };
      if (Object.keys(body).length === 0) throw new UsageError('nothing to change: give --receiver-url, --description, --secret or --secret-stdin');
      emit(values, (await adminCall(clientOpts(values), 'PATCH', `/webhooks/${encodeURIComponent(id)}`, body)) as Record<string, unknown>, fields);
      return 0;
    },
  }),
  'webhooks remove': defineCommand({
    summary: 'Remove a run-time webhook; no replica sends to it from the next event.',
    args: 'WEBHOOK_ID',
    options: adminOptions,
    async run(values, positionals) {
      const id = positionals[0];
      if (!id) throw new UsageError('a webhook id is required');
      emit(values, (await adminCall(clientOpts(values), 'DELETE', `/webhooks/${encodeURIComponent(id)}`)) as Record<string, unknown>, fields);
      return 0;
    },
  }),
};
