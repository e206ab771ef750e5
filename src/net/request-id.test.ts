import { describe, expect, it } from 'vitest';
import { newRequestId } from './request-id.js';

describe('newRequestId', () => {
  it('is req_ and the 32 hex digits of a version-4 UUID', () => {
    for (let i = 0; i < 1000; i++) expect(newRequestId()).toMatch(/^req_[0-9a-f]{12}4[0-9a-f]{3}[89ab][0-9a-f]{15}$/);
  });
  it('does not repeat, also across refills of its random pool', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 5000; i++) seen.add(newRequestId());
    expect(seen.size).toBe(5000);
  });
});
