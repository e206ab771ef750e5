// Scrubs upstream error bodies before relaying them: no key material may reach a client.
import { envelope } from '../errors/render.js';
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
  return envelope({ code: 'UPSTREAM_ERROR', message: `The upstream model service answered ${status}.`, wireType: status >= 500 ? 'server_error' : 'invalid_request_error' });
}
