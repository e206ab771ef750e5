// `warden audit verify|export|verify-bundle`: through the admin API of a running gateway (any store, PostgreSQL
// included) when a token is given, else on the local SQLite store under WARDEN_DATA_DIR (--local forces that);
// verify-bundle needs nothing but the bundle file.
import { readFileSync, writeFileSync } from 'node:fs';
import type { Bundle } from '../../audit/bundle.js';
import type { VerifyReport } from '../../audit/verify-log.js';
import { adminCall, adminOptions, adminText, clientOpts } from '../admin-client.js';
import type { Options } from '../spec.js';
import { serializeBundle } from '../../audit/bundle.js';
import { verifyBundle } from '../../audit/bundle-verify.js';
import type { AuditQuery } from '../../audit/log-port.js';
import { openAuditService } from '../../audit/open.js';
import type { AuditService } from '../../audit/service.js';
import { loadConfig } from '../../config/load.js';
import { createLogger } from '../../log.js';
import { openSqliteStorage } from '../../backends/storage.js';
import { defineCommand, UsageError } from '../spec.js';

async function withLocalLog<T>(seal: boolean, fn: (svc: AuditService) => Promise<T>): Promise<T> {
  const config = loadConfig(process.env);
  if (config.store.kind !== 'sqlite') throw new Error('audit commands work on the local SQLite store; use the admin API for PostgreSQL');
  const { store, auditLog } = openSqliteStorage(config);
  try {
    const svc = await openAuditService(
      config,
      store,
      auditLog,
      createLogger('warn', (l) => process.stderr.write(l + '\n')),
      false,
      seal,
    );
    try {
      return await fn(svc);
    } finally {
      if (seal) await svc.close();
    }
  } finally {
    await store.close();
  }
}

const modeOptions = {
  ...adminOptions,
  local: { type: 'boolean', description: 'read the local SQLite store under $WARDEN_DATA_DIR, not the admin API (the default without a token)' },
} as const satisfies Options;

/** The admin API when a token is at hand and --local was not asked for. */
function viaApi(values: { local?: boolean | undefined; token?: string | undefined; url?: string | undefined }): boolean {
  if (values.local) return false;
  return Boolean(values.token || process.env['WARDEN_ADMIN_TOKEN']);
}

function verifyLine(r: VerifyReport): string {
  if (r.ok) return `audit log OK: ${r.size} events, root ${r.root}, ${r.checkpointsChecked} signed checkpoints (latest covers ${r.signedSize}), ${r.unsealedTail} not yet sealed\n`;
  if (r.tamper === 'key-mismatch') return `audit log NOT VERIFIED: ${r.problem}\n`;
  return `audit log FAILED: ${r.tamper} at index ${r.firstBadIndex ?? '?'}: ${r.problem}\n`;
}

export const auditCommands = {
  'audit verify': defineCommand({
    summary: 'Verify the audit log: every event, the hash tree and the signed checkpoints (exit 1 on any problem).',
    options: modeOptions,
    async run(values) {
      const r = viaApi(values) ? ((await adminCall(clientOpts(values), 'GET', '/audit/verify')) as VerifyReport) : await withLocalLog(false, (svc) => svc.verify());
      process.stdout.write(values.json ? JSON.stringify(r, null, 2) + '\n' : verifyLine(r));
      return r.ok ? 0 : 1;
    },
  }),
  'audit export': defineCommand({
    summary: 'Export an evidence bundle (events with inclusion proofs and a signed checkpoint) for a key, tenant or incident.',
    options: {
      ...modeOptions,
      key: { type: 'string', value: 'ID', description: 'events of this key' },
      tenant: { type: 'string', value: 'ID', description: 'events of this tenant' },
      incident: { type: 'string', value: 'ID', description: 'events of this incident' },
      from: { type: 'string', value: 'ISO', description: 'first time included' },
      to: { type: 'string', value: 'ISO', description: 'last time included' },
      out: { type: 'string', value: 'PATH', description: 'where to write the bundle (required; written 0600)' },
      'include-text': { type: 'boolean', description: 'include the decrypted prompt texts kept as evidence' },
    },
    async run(values) {
      if (!values.out || !(values.key || values.tenant || values.incident)) throw new UsageError('--out and one of --key, --tenant or --incident are required');
      const q: AuditQuery = {};
      if (values.key) q.keyId = values.key;
      if (values.tenant) q.tenantId = values.tenant;
      if (values.incident) q.incidentId = values.incident;
      if (values.from) q.from = values.from;
      if (values.to) q.to = values.to;
      let text: string;
      if (viaApi(values)) {
        const params = new URLSearchParams(Object.entries(q) as [string, string][]);
        if (values['include-text']) params.set('includeText', 'true');
        // The API sends the bundle as JSON; written back in its canonical form it is the file the gateway would write.
        text = serializeBundle(JSON.parse(await adminText(clientOpts(values), 'GET', `/audit/export?${params}`)) as Bundle);
      } else {
        text = serializeBundle(await withLocalLog(true, (svc) => svc.export(q, { actor: `cli:${process.env['USER'] ?? 'unknown'}`, includeText: values['include-text'] === true })));
      }
      const bundle = JSON.parse(text) as Bundle;
      writeFileSync(values.out, text, { mode: 0o600 });
      const summary = { file: values.out, events: bundle.events.length, checkpointSize: bundle.checkpoint.treeSize, signingKeyId: bundle.checkpoint.keyId, texts: bundle.texts.length };
      process.stdout.write(
        values.json
          ? JSON.stringify(summary, null, 2) + '\n'
          : `wrote ${values.out}: ${summary.events} events, checkpoint size ${summary.checkpointSize}, key ${summary.signingKeyId}${summary.texts ? `, ${summary.texts} decrypted texts` : ''}\n`,
      );
      return 0;
    },
  }),
  'audit verify-bundle': defineCommand({
    summary: 'Verify an evidence bundle on its own (needs nothing but the file; exit 1 on any problem). With --url/--token, its signing key must also be the one that gateway publishes.',
    args: 'PATH',
    options: {
      'key-id': { type: 'string', value: 'ID', description: 'the signing key id the bundle must carry' },
      url: { type: 'string', value: 'URL', description: "also check the key id against this gateway's GET /admin/v1/audit/public-key" },
      token: { type: 'string', value: 'TOKEN', description: 'admin token for --url (default $WARDEN_ADMIN_TOKEN)' },
      json: { type: 'boolean', description: 'print the result as JSON' },
    },
    async run(values, positionals) {
      const path = positionals[0];
      if (!path) throw new UsageError('the bundle file is required');
      // Offline unless a gateway is named: a bundle is meant to be checked by someone without access to it.
      const published = values.url ? ((await adminCall(clientOpts(values), 'GET', '/audit/public-key')) as { keyId: string }).keyId : undefined;
      if (published && values['key-id'] && published !== values['key-id']) throw new UsageError(`--key-id ${values['key-id']} is not the key ${values.url} publishes (${published})`);
      const r = verifyBundle(readFileSync(path, 'utf8'), values['key-id'] ?? published);
      if (values.json) process.stdout.write(JSON.stringify({ ...r, checkedAgainst: published ?? values['key-id'] ?? null }, null, 2) + '\n');
      else if (r.ok) {
        const against = published ? `\n  the gateway at ${values.url} publishes this key` : values['key-id'] ? '' : '\n  compare the key id with GET /admin/v1/audit/public-key of the operator';
        process.stdout.write(`bundle OK: ${r.events} events included in a tree of ${r.treeSize} signed by key ${r.keyId}${r.texts ? `, ${r.texts} texts match their commitments` : ''}${against}\n`);
      } else process.stdout.write(`bundle FAILED:\n  - ${r.problems.join('\n  - ')}\n`);
      return r.ok ? 0 : 1;
    },
  }),
};
