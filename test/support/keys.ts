// A key record with plain defaults (an active live chat key of tenant t1, no limits), for tests and benches.
import type { KeyRecord } from '../../src/keys/types.js';

export function keyRecord(over: Partial<KeyRecord> = {}): KeyRecord {
  return {
    id: 'k1',
    tenantId: 't1',
    name: 'k',
    type: 'live',
    secretHash: '',
    prevSecretHash: null,
    prevSecretValidUntil: null,
    last4: 'xxxx',
    endpoints: ['chat'],
    models: null,
    allowedCidrs: [],
    allowedAsns: [],
    limits: {},
    requireProof: false,
    canary: false,
    leaked: false,
    status: 'active',
    statusReason: null,
    expiresAt: null,
    createdAt: '',
    updatedAt: '',
    version: 1,
    ...over,
  };
}
