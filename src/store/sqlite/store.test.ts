import { describe, expect, it } from 'vitest';
import type { AuditEvent } from '../../audit/event.js';
import { auditToRow } from '../rows.js';
import { SqliteStore } from './store.js';

describe('SqliteStore audit rows', () => {
  it('stores each column of the row the writer built, in its own column, in order', async () => {
    const s = new SqliteStore(':memory:');
    const events: AuditEvent[] = [
      { time: '2026-01-01T00:00:00.000Z', kind: 'request', requestId: 'req_1', keyId: 'kid_1', tenantId: 'ten_1', status: 200 },
      { time: '2026-01-01T00:00:01.000Z', kind: 'request', requestId: 'req_2', status: 401 },
      { time: '2026-01-01T00:00:02.000Z', kind: 'admin', requestId: 'adm_3', keyId: 'kid_3', action: 'key.create', detail: { note: 'é\u2028"' } },
    ] as AuditEvent[];
    await s.appendAudit(events);
    const rows = s.db.prepare('SELECT seq, time, kind, request_id, key_id, tenant_id, body FROM audit_events ORDER BY seq').all();
    expect(rows).toEqual(events.map((e, i) => ({ seq: i + 1, ...auditToRow(e) })));
    await s.close();
  });
});
