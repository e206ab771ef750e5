// `warden audit verify|export|verify-bundle`: work on the local store under WARDEN_DATA_DIR
// (verify-bundle needs nothing but the bundle file).
import { readFileSync, writeFileSync } from 'node:fs';
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
    const svc = await openAuditService(config, store, auditLog, createLogger('warn', (l) => process.stderr.write(l + '\n')), false, seal);
    try {
      return await fn(svc);
    } finally {
      if (seal) await svc.close();
    }
  } finally {
    await store.close();
  }
}

export const auditCommands = {
  'audit verify': defineCommand({
    summary: 'Verify the local audit log: every event, the hash tree and the signed checkpoints (exit 1 on any problem).',
    options: { json: { type: 'boolean', description: 'print the full result as JSON' } },
    async run(values) {
      const r = await withLocalLog(false, (svc) => svc.verify());
      if (values.json) process.stdout.write(JSON.stringify(r, null, 2) + '\n');
      else if (r.ok) process.stdout.write(`audit log OK: ${r.size} events, root ${r.root}, ${r.checkpointsChecked} signed checkpoints (latest covers ${r.signedSize}), ${r.unsealedTail} not yet sealed\n`);
      else if (r.tamper === 'key-mismatch') process.stdout.write(`audit log NOT VERIFIED: ${r.problem}\n`);
      else process.stdout.write(`audit log FAILED: ${r.tamper} at index ${r.firstBadIndex ?? '?'}: ${r.problem}\n`);
      return r.ok ? 0 : 1;
    },
  }),
  'audit export': defineCommand({
    summary: 'Export an evidence bundle (events with inclusion proofs and a signed checkpoint) for a key, tenant or incident.',
    options: {
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
      const bundle = await withLocalLog(true, (svc) => svc.export(q, { actor: `cli:${process.env['USER'] ?? 'unknown'}`, includeText: values['include-text'] === true }));
      writeFileSync(values.out, serializeBundle(bundle), { mode: 0o600 });
      process.stdout.write(`wrote ${values.out}: ${bundle.events.length} events, checkpoint size ${bundle.checkpoint.treeSize}, key ${bundle.checkpoint.keyId}${bundle.texts.length ? `, ${bundle.texts.length} decrypted texts` : ''}\n`);
      return 0;
    },
  }),
  'audit verify-bundle': defineCommand({
    summary: 'Verify an evidence bundle on its own (needs nothing but the file; exit 1 on any problem).',
    args: 'PATH',
    options: { 'key-id': { type: 'string', value: 'ID', description: 'the signing key id the bundle must carry' } },
    async run(values, positionals) {
      const path = positionals[0];
      if (!path) throw new UsageError('the bundle file is required');
      const r = verifyBundle(readFileSync(path, 'utf8'), values['key-id']);
      if (r.ok) process.stdout.write(`bundle OK: ${r.events} events included in a tree of ${r.treeSize} signed by key ${r.keyId}${r.texts ? `, ${r.texts} texts match their commitments` : ''}\n  compare the key id with GET /admin/v1/audit/public-key of the operator\n`);
      else process.stdout.write(`bundle FAILED:\n  - ${r.problems.join('\n  - ')}\n`);
      return r.ok ? 0 : 1;
    },
  }),
};
