// Header sets of the official OpenAI SDKs and common HTTP clients, as they go on the wire (names, in order).
/**
 * `recorded`: captured from the real client by `recordings.test.ts` (it re-records them on every run and
 * fails when the client's wire order no longer matches, so the entry is re-recorded rather than guessed).
 * `documented`: written from the client's published source (how it builds and merges its headers and
 * what its HTTP stack adds), not captured here: no Python SDK, .NET, JVM SDK or Go toolchain in the test
 * environment. Replace them with recordings where a test can run the client.
 * Names are lower case; volatile headers (retry count, timeouts, idempotency keys) are kept as sent and
 * ignored by the matcher like the fingerprint ignores them.
 */
export interface ClientRecording {
  /** The fingerprint family the client announces: `sdk:<lang>` for the official SDKs, else the UA family. */
  readonly family: string;
  readonly client: string;
  readonly versions: string;
  readonly source: 'recorded' | 'documented';
  /** Where the order comes from (the recording test, or the source files read). */
  readonly from: string;
  readonly headers: readonly string[];
}

const STAINLESS = ['x-stainless-lang', 'x-stainless-package-version', 'x-stainless-os', 'x-stainless-arch', 'x-stainless-runtime', 'x-stainless-runtime-version'];

export const RECORDINGS: readonly ClientRecording[] = [
  {
    family: 'sdk:js',
    client: 'openai-node',
    versions: '6.x (built-in fetch, undici)',
    source: 'recorded',
    from: 'recordings.test.ts: openai@6.49.0 chat.completions.create against a local server, Node 20',
    headers: [
      'host',
      'connection',
      'accept',
      'user-agent',
      'x-stainless-retry-count',
      ...STAINLESS,
      'authorization',
      'content-type',
      'accept-language',
      'sec-fetch-mode',
      'accept-encoding',
      'content-length',
    ],
  },
  {
    family: 'sdk:js',
    client: 'openai-node',
    versions: '4.x (node-fetch 2 over node:http)',
    source: 'documented',
    from: 'openai-node v4 src/core.ts buildHeaders (accept, content-type, user-agent, platform headers, auth), node-fetch 2 getNodeRequestOptions (content-length, accept-encoding), node:http (host and connection after the given headers)',
    headers: ['accept', 'content-type', 'user-agent', ...STAINLESS, 'authorization', 'x-stainless-retry-count', 'content-length', 'accept-encoding', 'host', 'connection'],
  },
  {
    family: 'sdk:python',
    client: 'openai-python',
    versions: '1.x (httpx)',
    source: 'documented',
    from: 'openai-python _base_client.py default_headers/platform_headers/_build_headers; httpx Headers.update moves updated names to the end, Request._prepare puts host first',
    headers: [
      'host',
      'accept-encoding',
      'connection',
      'accept',
      'content-type',
      'user-agent',
      ...STAINLESS,
      'authorization',
      'x-stainless-async',
      'x-stainless-retry-count',
      'x-stainless-read-timeout',
      'content-length',
    ],
  },
  {
    family: 'sdk:java',
    client: 'openai-java',
    versions: '0.x–4.x (OkHttp)',
    source: 'documented',
    from: 'openai-java core headers (x-stainless-*, user-agent OpenAI/Java); OkHttp BridgeInterceptor adds content-length, host, connection, accept-encoding after the application headers',
    headers: ['accept', 'content-type', 'user-agent', ...STAINLESS, 'authorization', 'x-stainless-retry-count', 'content-length', 'host', 'connection', 'accept-encoding'],
  },
  {
    family: 'sdk:go',
    client: 'openai-go',
    versions: '1.x (net/http, HTTP/1.1)',
    source: 'documented',
    from: "net/http Request.write: host, user-agent, content-length, then the other headers sorted by name, then the transport's accept-encoding",
    headers: [
      'host',
      'user-agent',
      'content-length',
      'accept',
      'authorization',
      'content-type',
      'x-stainless-arch',
      'x-stainless-lang',
      'x-stainless-os',
      'x-stainless-package-version',
      'x-stainless-retry-count',
      'x-stainless-runtime',
      'x-stainless-runtime-version',
      'x-stainless-timeout',
      'accept-encoding',
    ],
  },
  {
    family: 'sdk:dotnet',
    client: 'openai-dotnet',
    versions: '2.x (System.ClientModel, HttpClient)',
    source: 'documented',
    from: 'openai-dotnet pipeline (accept, user-agent "OpenAI/2.x (.NET …)", authorization) and HttpClient (host first, content headers after request headers); no x-stainless headers',
    headers: ['host', 'accept', 'user-agent', 'authorization', 'content-type', 'content-length'],
  },
  {
    family: 'curl',
    client: 'curl',
    versions: '7.x–8.x',
    source: 'recorded',
    from: 'recordings.test.ts: curl -H authorization -H content-type -d',
    headers: ['host', 'user-agent', 'accept', 'authorization', 'content-type', 'content-length'],
  },
  {
    family: 'python-requests',
    client: 'python-requests',
    versions: '2.x',
    source: 'recorded',
    from: 'recordings.test.ts: requests.post(json=…, headers={authorization})',
    headers: ['host', 'user-agent', 'accept-encoding', 'accept', 'connection', 'authorization', 'content-length', 'content-type'],
  },
  {
    family: 'node',
    client: 'Node fetch (undici)',
    versions: 'Node 18–22',
    source: 'recorded',
    from: 'recordings.test.ts: fetch(url, {method: POST, headers: {authorization, content-type}})',
    headers: ['host', 'connection', 'authorization', 'content-type', 'accept', 'accept-language', 'sec-fetch-mode', 'user-agent', 'accept-encoding', 'content-length'],
  },
  {
    family: 'go-http-client',
    client: 'Go net/http',
    versions: 'Go 1.x, HTTP/1.1',
    source: 'documented',
    from: "net/http Request.write (as openai-go, without the SDK's accept and x-stainless headers)",
    headers: ['host', 'user-agent', 'content-length', 'authorization', 'content-type', 'accept-encoding'],
  },
];
