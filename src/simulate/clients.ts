// Client programs as they appear on the wire: the header sets a real SDK or tool sends, in order.
import { RECORDINGS } from '../risk/clients/catalogue.js';
import type { Rng } from './rng.js';

export type Headers = [string, string][];

export interface ClientKind {
  readonly name: string;
  headers(): Headers;
}

function sdk(lang: 'python' | 'js', version: string, os: string, runtime: string, runtimeVersion: string): ClientKind {
  const ua = lang === 'python' ? `OpenAI/Python ${version}` : `OpenAI/JS ${version}`;
  return {
    name: `sdk-${lang}-${version}-${os}`,
    headers: () => [
      ['accept', 'application/json'],
      ['content-type', 'application/json'],
      ['user-agent', ua],
      ['x-stainless-lang', lang],
      ['x-stainless-package-version', version],
      ['x-stainless-os', os],
      ['x-stainless-arch', 'x64'],
      ['x-stainless-runtime', runtime],
      ['x-stainless-runtime-version', runtimeVersion],
    ],
  };
}

function plain(name: string, ua: string, extra: Headers = []): ClientKind {
  return { name, headers: () => [['user-agent', ua], ...extra, ['content-type', 'application/json'], ['accept', '*/*']] };
}

export const OWNER_CLIENTS: readonly ClientKind[] = [
  sdk('python', '1.54.3', 'MacOS', 'CPython', '3.12.4'),
  sdk('python', '1.52.0', 'Linux', 'CPython', '3.11.9'),
  sdk('js', '4.73.1', 'Linux', 'node', 'v20.17.0'),
  sdk('js', '4.71.0', 'MacOS', 'node', 'v22.9.0'),
  sdk('python', '1.54.3', 'Windows', 'CPython', '3.12.4'),
];

export const TOOL_CLIENTS: readonly ClientKind[] = [
  plain('python-requests', 'python-requests/2.32.3'),
  plain('curl', 'curl/8.5.0'),
  plain('axios', 'axios/1.7.7', [['accept-encoding', 'gzip, compress, deflate, br']]),
  plain('node-fetch', 'node-fetch/1.0 (+https://github.com/bitinn/node-fetch)'),
  plain('go-http', 'Go-http-client/2.0'),
];

/** What a careful thief would choose: a common SDK configuration (which may or may not match the owner's). */
export function carefulClient(rng: Rng): ClientKind {
  return rng.pick(OWNER_CLIENTS);
}

/** The same SDK after an upgrade (new package version). */
export function upgraded(c: ClientKind): ClientKind {
  return {
    name: `${c.name}+upgrade`,
    headers: () => c.headers().map(([k, v]): [string, string] => (k === 'x-stainless-package-version' ? [k, `${v}.1`] : k === 'user-agent' ? [k, `${v}.1`] : [k, v])),
  };
}

/** Headers the transport or run.ts sets on every request (authorization, forwarding, length): not the client's. */
const TRANSPORT = new Set(['host', 'connection', 'authorization', 'content-length']);

/**
 * openai-node as it appears on the wire, by major version, in the order of the catalogue's entries
 * (src/risk/clients/catalogue.ts): 6.x as recorded from the real SDK, 4.x as documented. Host and connection
 * are placed by the simulator's node:http transport, not replayed.
 */
export function sdkJs(version: string, generation: 'v4' | 'v6', os = 'Linux', runtimeVersion = 'v20.17.0'): ClientKind {
  const values: Record<string, string> = {
    accept: 'application/json',
    'content-type': 'application/json',
    'user-agent': `OpenAI/JS ${version}`,
    'x-stainless-lang': 'js',
    'x-stainless-package-version': version,
    'x-stainless-os': os,
    'x-stainless-arch': 'x64',
    'x-stainless-runtime': 'node',
    'x-stainless-runtime-version': runtimeVersion,
    'x-stainless-retry-count': '0',
    'accept-language': '*',
    'sec-fetch-mode': 'cors',
    'accept-encoding': 'gzip, deflate',
  };
  const entry = RECORDINGS.find((r) => r.client === 'openai-node' && r.versions.startsWith(generation === 'v4' ? '4.' : '6.'))!;
  const headers: Headers = entry.headers.filter((h) => !TRANSPORT.has(h) && values[h] !== undefined).map((h) => [h, values[h]!]);
  return { name: `openai-node-${version}`, headers: () => headers };
}
