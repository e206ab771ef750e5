import { describe, expect, it } from 'vitest';
import { scrubUpstreamError } from './scrub.js';

describe('scrubUpstreamError', () => {
  const secret = 'sk-upstream-secret-0123456789';

  it("relays the upstream's own error object with key material redacted", () => {
    const out = scrubUpstreamError(400, JSON.stringify({ error: { message: `bad key ${secret}`, code: 'x' } }), [secret]);
    expect(JSON.stringify(out)).not.toContain(secret);
    expect(out).toMatchObject({ error: { code: 'x' } });
  });

  it('answers a body without an error object with the gateway envelope, typed by the upstream status', () => {
    expect(scrubUpstreamError(503, '<html>down</html>', [])).toEqual({
      error: { message: 'The upstream model service answered 503.', type: 'server_error', param: null, code: 'upstream_error' },
    });
    expect(scrubUpstreamError(404, 'nope', [])).toMatchObject({ error: { type: 'invalid_request_error', code: 'upstream_error' } });
  });
});
