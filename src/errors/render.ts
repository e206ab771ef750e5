// The one renderer of the OpenAI error envelope (plus x-request-id, retry-after, x-should-retry).
import type { ServerResponse } from 'node:http';
import { isFinal, statusOf, typeOf } from './codes.js';
import type { Denial } from './denial.js';

export function envelope(d: Denial): { error: Record<string, unknown> } {
  return {
    error: {
      message: d.message,
      type: d.wireType ?? typeOf(d.code),
      param: d.param ?? null,
      code: d.wireCode ?? d.code.toLowerCase(),
      ...(d.extra ?? {}),
    },
  };
}

export function renderDenial(res: ServerResponse, requestId: string, d: Denial, extraHeaders?: Record<string, string>): number {
  const status = statusOf(d.code);
  if (res.headersSent) {
    res.destroy();
    return status;
  }
  const body = JSON.stringify(envelope(d));
  const headers: Record<string, string | number> = {
    'content-type': 'application/json',
    'content-length': Buffer.byteLength(body),
    'x-request-id': requestId,
    ...extraHeaders,
    ...d.headers,
  };
  if (d.retryAfter !== undefined) headers['retry-after'] = String(Math.max(0, Math.ceil(d.retryAfter)));
  // A denial that knows better (a fresh proof would pass) says so in its own headers.
  if (isFinal(d.code) && d.headers?.['x-should-retry'] === undefined) headers['x-should-retry'] = 'false';
  res.writeHead(status, headers);
  res.end(body);
  return status;
}
