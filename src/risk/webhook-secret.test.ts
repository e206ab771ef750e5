import { describe, expect, it } from 'vitest';
import { SqliteStore } from '../store/sqlite/store.js';
import type { AuditEvent } from '../audit/event.js';
import { sealPlainWebhookSecrets, WebhookSecretBox } from './webhook-secret.js';

const PEPPER = 'a'.repeat(64);

describe('webhook secrets at rest', () => {
  it('seals to an opaque value that opens only with the same pepper and webhook id', () => {
    const box = new WebhookSecretBox(PEPPER);
    const sealed = box.seal('wh_1', 'whsec_plain_secret_value_123');
    expect(sealed).toMatch(/^wsec1:[A-Za-z0-9_-]+$/);
    expect(sealed).not.toContain('whsec_plain');
    expect(box.seal('wh_1', 'whsec_plain_secret_value_123')).not.toBe(sealed);
    expect(box.open('wh_1', sealed)).toBe('whsec_plain_secret_value_123');
    expect(() => box.open('wh_2', sealed)).toThrow();
    expect(() => new WebhookSecretBox('b'.repeat(64)).open('wh_1', sealed)).toThrow();
    const flipped = sealed.slice(0, -2) + (sealed.endsWith('A') ? 'B' : 'A') + sealed.slice(-1);
    expect(() => box.open('wh_1', flipped)).toThrow();
    expect(() => box.open('wh_1', 'wsec1:AAAA')).toThrow(/short/);
  });

  it('passes a secret stored before sealing through, and leaves out (and reports) one that does not open', () => {
    const box = new WebhookSecretBox(PEPPER);
    const hook = (id: string, secret: string) => ({ id, url: 'https://h.example.com/' + id, secret, description: '', createdAt: '2026-01-01T00:00:00Z', createdBy: 'test' });
    const errors: string[] = [];
    const opened = box.openAll([hook('wh_a', 'legacy_plain_secret_1234'), hook('wh_b', box.seal('wh_b', 'sealed_secret_12345678')), hook('wh_c', box.seal('wh_x', 'moved_secret_1234567'))], (id) =>
      errors.push(id),
    );
    expect(opened.map((w) => [w.id, w.secret])).toEqual([
      ['wh_a', 'legacy_plain_secret_1234'],
      ['wh_b', 'sealed_secret_12345678'],
    ]);
    expect(errors).toEqual(['wh_c']);
  });

  it('seals plain-text rows once, each with an audit event that does not carry the secret', async () => {
    const store = new SqliteStore(':memory:');
    await store.migrate();
    const box = new WebhookSecretBox(PEPPER);
    const ev = (action: string): AuditEvent => ({ time: new Date().toISOString(), kind: 'admin', requestId: `r_${action}`, action, actor: 'test', keyId: null, tenantId: null });
    await store.createWebhook(
      { id: 'wh_old', url: 'https://h.example.com/old', secret: 'plain_text_secret_0001', description: '', createdAt: '2026-01-01T00:00:00Z', createdBy: 'test' },
      ev('webhook.create'),
      20,
    );
    await store.createWebhook(
      { id: 'wh_new', url: 'https://h.example.com/new', secret: box.seal('wh_new', 'already_sealed_0002'), description: '', createdAt: '2026-01-01T00:00:01Z', createdBy: 'test' },
      ev('webhook.create'),
      20,
    );
    expect(await sealPlainWebhookSecrets(store, box)).toBe(1);
    const rows = await store.listWebhooks();
    expect(rows.every((w) => WebhookSecretBox.isSealed(w.secret))).toBe(true);
    expect(rows.map((w) => box.open(w.id, w.secret))).toEqual(['plain_text_secret_0001', 'already_sealed_0002']);
    expect(await sealPlainWebhookSecrets(store, box)).toBe(0);
    const events = await store.listAudit({ limit: 10 });
    const sealedEv = events.find((e) => e.detail && (e.detail as { secretSealed?: boolean }).secretSealed);
    expect(sealedEv).toMatchObject({ actor: 'system', action: 'webhook.update', detail: { webhookId: 'wh_old', secretSealed: true } });
    expect(JSON.stringify(events)).not.toContain('plain_text_secret_0001');
    await store.close();
  });
});
