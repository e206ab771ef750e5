// The CLI talks to a running gateway's admin API (so caches and replicas see every change at once).
import type { Options } from './spec.js';

export interface AdminClientOpts {
  url: string;
  token: string;
}

export function clientOpts(values: { url?: string | boolean | undefined; token?: string | boolean | undefined }): AdminClientOpts {
  const url = (typeof values.url === 'string' && values.url) || process.env['WARDEN_ADMIN_URL'] || `http://127.0.0.1:${process.env['WARDEN_PORT'] ?? '8080'}`;
  const token = (typeof values.token === 'string' && values.token) || process.env['WARDEN_ADMIN_TOKEN'];
  if (!token) throw new Error('an admin token is required: --token or WARDEN_ADMIN_TOKEN');
  return { url: url.replace(/\/+$/, ''), token };
}

export async function adminCall(o: AdminClientOpts, method: string, path: string, body?: unknown): Promise<unknown> {
  const text = await adminText(o, method, path, body);
  return text ? (JSON.parse(text) as unknown) : {};
}

/** The response body as text (an evidence bundle is written byte for byte as the gateway sent it). */
export async function adminText(o: AdminClientOpts, method: string, path: string, body?: unknown): Promise<string> {
  const res = await fetch(`${o.url}/admin/v1${path}`, {
    method,
    headers: { authorization: `Bearer ${o.token}`, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  }).catch((e: unknown) => {
    throw new Error(`cannot reach the gateway admin API at ${o.url} (${(e as Error).message}); is \`warden serve\` running?`);
  });
  const text = await res.text();
  if (!res.ok) {
    let message: string | undefined;
    try {
      message = (JSON.parse(text) as { error?: { message?: string } }).error?.message;
    } catch {
      message = undefined;
    }
    throw new Error(message ?? `admin API answered ${res.status}`);
  }
  return text;
}

/** Options every admin-API command takes. */
export const adminOptions = {
  url: { type: 'string', value: 'URL', description: 'the gateway (default $WARDEN_ADMIN_URL, else http://127.0.0.1:$WARDEN_PORT)' },
  token: { type: 'string', value: 'TOKEN', description: 'admin token (default $WARDEN_ADMIN_TOKEN)' },
  json: { type: 'boolean', description: 'print JSON (for scripts) instead of a table' },
} as const satisfies Options;

/** Create commands also take --quiet. */
export const quietOption = { quiet: { type: 'boolean', short: 'q', description: 'print only the id (scripts)' } } as const satisfies Options;
