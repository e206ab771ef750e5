import { describe, expect, it } from 'vitest';
import { timeArg } from './commands/audit-search.js';
import { UsageError } from './spec.js';
import { fields, table } from './output.js';

describe('CLI output', () => {
  it('table aligns columns under upper-case headings; lists, objects and empties read as text', () => {
    const t = table(
      [
        { id: 'a', e: ['chat', 'images'], l: { rpm: 5 } },
        { id: 'longer', e: [], l: {} },
      ],
      [
        ['id', (r) => r.id],
        ['endpoints', (r) => r.e],
        ['limits', (r) => r.l],
      ],
    );
    expect(t.split('\n')).toEqual(['ID      ENDPOINTS    LIMITS', 'a       chat,images  rpm=5', 'longer  -            -', '']);
    expect(table([], [['id', () => 1]])).toBe('(none)\n');
  });
  it('fields lists one record as aligned name: value lines', () => {
    expect(fields({ id: 'k1', expiresAt: null, models: ['a', 'b'] })).toBe('id:         k1\nexpiresAt:  -\nmodels:     a,b\n');
  });
  it('times are ISO or a duration ago; anything else is a usage error', () => {
    const now = Date.parse('2026-01-02T00:00:00Z');
    expect(timeArg('since', '2h', now)).toBe('2026-01-01T22:00:00.000Z');
    expect(timeArg('since', '7d', now)).toBe('2025-12-26T00:00:00.000Z');
    expect(timeArg('since', '2026-01-01T10:00:00+01:00', now)).toBe('2026-01-01T09:00:00.000Z');
    expect(() => timeArg('since', 'yesterday', now)).toThrow(UsageError);
  });
});
