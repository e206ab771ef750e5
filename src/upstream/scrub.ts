// Scrubs upstream error bodies before relaying them: no key material may reach a client.
import { redact } from '../log.js';

const MAX_ERROR_BODY = 64 * 1024;

export function scrubUpstreamError(status: number, text: string, secrets: readonly string[]): Record<string, unknown> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(redact(text.slice(0, MAX_ERROR_BODY), secrets));
  } catch {
    parsed = undefined;
  }
  const err = (parsed as { error?: unknown } | undefined)?.error;
  if (err && typeof err === 'object') return { error: err };
  return { error: { message: `The upstream model service answered ${status}.`, type: status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code: 'upstream_error' } };
}
