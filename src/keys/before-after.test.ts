import { describe, expect, it } from 'vitest';
import { beforeAfter } from './service.js';
import type { KeyRecord } from './types.js';

const k = {
  id: 'k1',
  name: 'old',
  status: 'active',
  statusReason: null,
  limits: { requestsPerMinute: 60 },
  secretHash: 'aa',
  prevSecretHash: null,
  models: null,
  proofKeys: [],
} as unknown as KeyRecord;

describe('beforeAfter', () => {
  it('lists only the fields that change, with both values', () => {
    expect(beforeAfter(k, { name: 'new', status: 'active', limits: { requestsPerMinute: 5 } })).toEqual({
      before: { name: 'old', limits: { requestsPerMinute: 60 } },
      after: { name: 'new', limits: { requestsPerMinute: 5 } },
    });
  });
  it('names a secret hash change but never shows a hash', () => {
    const d = beforeAfter(k, { secretHash: 'bb', prevSecretHash: 'aa' });
    expect(JSON.stringify(d)).not.toMatch(/"aa"|"bb"/);
    expect(d).toEqual({ before: { secretHash: '(set)', prevSecretHash: null }, after: { secretHash: '(changed)', prevSecretHash: '(changed)' } });
  });
  it('is empty when nothing changes', () => expect(beforeAfter(k, { name: 'old' })).toEqual({}));
});
