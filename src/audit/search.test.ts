import { describe, expect, it } from 'vitest';
import { matchesEvent, parseEventFilter } from './search.js';

const req = (status: number, deniedBy: string | null) => ({ kind: 'request', status, detail: { deniedBy } });
const parse = (s: string) => {
  const r = parseEventFilter(new URLSearchParams(s));
  if (!r.ok) throw new Error(r.message);
  return r.filter;
};

describe('audit search filters', () => {
  it.each([
    ['status=401', req(401, 'authenticate'), true],
    ['status=401', req(403, 'bind'), false],
    ['status=4xx', req(429, 'limit'), true],
    ['status=4xx', req(200, null), false],
    ['stage=promptPolicy', req(400, 'promptPolicy'), true],
    ['stage=promptPolicy', req(401, 'authenticate'), false],
    ['kind=admin', { kind: 'admin', action: 'key.revoke' }, true],
    ['kind=admin&action=key.', { kind: 'admin', action: 'tenant.create' }, false],
    ['status=2xx', { kind: 'admin', action: 'key.revoke' }, false],
  ])('%s against %j → %s', (q, e, want) => {
    expect(matchesEvent(e, parse(q))).toBe(want);
  });

  it('names the parameter that does not parse', () => {
    expect(parseEventFilter(new URLSearchParams('status=abc'))).toMatchObject({ ok: false, param: 'status' });
    expect(parseEventFilter(new URLSearchParams('kind=other'))).toMatchObject({ ok: false, param: 'kind' });
  });
});
