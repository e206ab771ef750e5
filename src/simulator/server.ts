// startSimulator: the node:http server that routes, records, consults the script and writes answers.
import { type IncomingMessage, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { RecordedRequest, ScriptedAnswer, SimRoute, Simulator, SimulatorOptions } from './types.js';
import { unauthorized } from './errors.js';
import { TINY_PNG } from './images.js';
import { DEFAULT_MODELS } from './models.js';
import { plan } from './plan.js';
import { Ring } from './ring.js';
import { matchRoute } from './route.js';
import { writePlan } from './writer.js';

const MAX_BODY = 32 * 1024 * 1024;

function parseQuery(search: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (search === '') return out;
  for (const [k, v] of new URLSearchParams(search)) out[k] = v;
  return out;
}

function credentialOf(req: IncomingMessage): RecordedRequest['credential'] {
  const apiKey = req.headers['api-key'];
  if (typeof apiKey === 'string' && apiKey !== '') return { scheme: 'api-key', value: apiKey };
  const auth = req.headers.authorization;
  if (typeof auth === 'string' && /^bearer\s+/i.test(auth)) return { scheme: 'bearer', value: auth.replace(/^bearer\s+/i, '') };
  return null;
}

function readBody(req: IncomingMessage): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY) resolve(undefined);
      else chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: ServerResponse, status: number, body: object, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) }).end(text);
}

export async function startSimulator(opts: SimulatorOptions = {}): Promise<Simulator> {
  const ring = new Ring<RecordedRequest>(opts.recordLimit ?? 200);
  const queue: ScriptedAnswer[] = [];
  let counter = 0;
  let baseUrl = '';

  const takeScripted = (route: SimRoute): ScriptedAnswer | undefined => {
    const i = queue.findIndex((a) => (a.route === undefined ? route !== 'models' : a.route === route));
    return i < 0 ? undefined : queue.splice(i, 1)[0];
  };

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const n = ++counter;
    const rawUrl = req.url ?? '/';
    const q = rawUrl.indexOf('?');
    const path = q < 0 ? rawUrl : rawUrl.slice(0, q);
    const query = parseQuery(q < 0 ? '' : rawUrl.slice(q + 1));
    const method = req.method ?? 'GET';
    const raw = method === 'POST' || method === 'PUT' ? await readBody(req) : Buffer.alloc(0);
    const extra: Record<string, string> = { 'x-request-id': `req_sim${n.toString(36)}` };
    if (raw === undefined) return sendJson(res, 413, { error: { message: 'Request body too large.', type: 'invalid_request_error', param: null, code: null } }, extra);
    let body: unknown;
    let invalidJson = false;
    if (raw.length > 0) {
      try {
        body = JSON.parse(raw.toString('utf8'));
      } catch {
        invalidJson = true;
      }
    }
    const credential = credentialOf(req);
    const m = matchRoute({ method, pathname: path, query, deployments: opts.deployments });
    const routed = m.ok && m.route !== 'image-file' ? m : undefined;
    ring.push({
      at: Date.now(),
      method,
      path,
      query,
      headers: req.headers,
      body,
      credential,
      route: routed?.route ?? null,
      flavor: m.ok ? m.flavor : null,
      ...(routed?.deployment !== undefined ? { deployment: routed.deployment } : {}),
    });
    if (!m.ok) return sendJson(res, m.status, m.body, extra);
    if (m.flavor === 'azure') extra['apim-request-id'] = `sim-${n.toString(36)}`;
    if (m.route === 'image-file') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': TINY_PNG.length }).end(TINY_PNG);
      return;
    }
    if (opts.apiKey !== undefined && credential?.value !== opts.apiKey) {
      const e = unauthorized(m.flavor, credential !== null);
      return sendJson(res, e.status, e.body, extra);
    }
    const p = plan({
      route: m.route,
      flavor: m.flavor,
      deployment: m.deployment,
      modelId: m.modelId,
      body,
      invalidJson,
      scripted: takeScripted(m.route),
      id: `${m.route === 'chat' ? 'chatcmpl-' : 'sim-'}sim${n.toString(36)}${Date.now().toString(36)}`,
      created: Math.floor(Date.now() / 1000),
      baseUrl,
      chunks: opts.chunks ?? 20,
      chunkDelayMs: opts.chunkDelayMs ?? 0,
      slowChunkDelayMs: opts.slowChunkDelayMs ?? 200,
      models: opts.models ?? DEFAULT_MODELS,
    });
    await writePlan(res, p, extra);
  }

  const server = createServer({ keepAliveTimeout: 65_000 }, (req, res) => {
    handle(req, res).catch(() => res.destroy());
  });
  const host = opts.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port ?? 0, host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const shown = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  baseUrl = `http://${shown}:${port}`;

  return {
    url: baseUrl,
    port,
    get requests() {
      return ring.toArray();
    },
    lastRequest: () => ring.last(),
    script: (...answers) => void queue.push(...answers),
    get pending() {
      return queue.length;
    },
    reset() {
      ring.clear();
      queue.length = 0;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections(); // ends hung answers and idle keep-alive sockets at once
      }),
  };
}
