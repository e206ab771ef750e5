// Client programs as they appear on the wire: the header sets a real SDK or tool sends, in order.
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

/**
 * openai-node as it appears on the wire, by major version. The header names are the SDK's; the order
 * differs between major versions (v5+ sends the retry/timeout headers and moves the stainless block),
 * an approximation of recorded traffic rather than a byte-exact replay.
 */
export function sdkJs(version: string, generation: 'v4' | 'v6', os = 'Linux', runtimeVersion = 'v20.17.0'): ClientKind {
  const ua: [string, string] = ['user-agent', `OpenAI/JS ${version}`];
  const stainless: Headers = [
    ['x-stainless-lang', 'js'], ['x-stainless-package-version', version], ['x-stainless-os', os],
    ['x-stainless-arch', 'x64'], ['x-stainless-runtime', 'node'], ['x-stainless-runtime-version', runtimeVersion],
  ];
  return {
    name: `openai-node-${version}`,
    headers: () => generation === 'v4'
      ? [['accept', 'application/json'], ['content-type', 'application/json'], ua, ...stainless]
      : [['accept', 'application/json'], ['content-type', 'application/json'], ua, ['x-stainless-retry-count', '0'], ['x-stainless-timeout', '600'], ...stainless.slice(0, 1), ...stainless.slice(1).reverse()],
  };
}
