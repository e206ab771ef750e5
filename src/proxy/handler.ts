// Data-plane request handler: builds the context, runs the stages, forwards, always audits.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { holdEnd } from '../audit/hold-response.js';
import { releasesWithoutAudit, STORE_GATE } from '../health/stage-store-gate.js';
import { StoreUnavailableError } from '../store/unavailable.js';
import type { Deps } from '../deps.js';
import { GatewayError, type Denial } from '../errors/denial.js';
import { statusOf } from '../errors/codes.js';
import { renderDenial } from '../errors/render.js';
import { clientIp } from '../net/client-ip.js';
import { newRequestId } from '../net/request-id.js';
import type { RequestContext, RouteMatch } from './context.js';
import { forward, isThenable } from './forward.js';
import { upstreamMarker } from './headers.js';
import { listModels } from './models.js';
import type { Stage } from './stage.js';

const MAX_HEADER_NAMES = 64;
const AUDIT_UNAVAILABLE: Denial = { code: 'SERVICE_UNAVAILABLE', message: 'The answer could not be recorded in the audit log (its store is unreachable), so it was withheld. Retry shortly.', retryAfter: 1 };
type WithHook<K extends 'before' | 'after'> = Stage & Required<Pick<Stage, K>>;

export function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      req.resume();
      return resolve('too_large');
    }
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        req.removeAllListeners('data');
        req.resume();
        return resolve('too_large');
      }
      parts.push(c);
    });
    // One chunk (the usual request) is the body itself: Buffer.concat would copy it.
    req.on('end', () => resolve(parts.length === 1 ? parts[0]! : Buffer.concat(parts, size)));
    req.on('error', reject);
  });
}

export function newContext(req: IncomingMessage, route: RouteMatch, deps: Deps): RequestContext {
  const raw = req.rawHeaders;
  const order: string[] = [];
  for (let i = 0; i < raw.length && order.length < MAX_HEADER_NAMES; i += 2) order.push(raw[i]!.toLowerCase());
  const socketIp = req.socket.remoteAddress ?? '0.0.0.0';
  const url = req.url ?? '/';
  const q = url.indexOf('?');
  return {
    id: newRequestId(),
    time: Date.now(),
    startedAt: performance.now(),
    method: req.method ?? 'GET',
    path: q < 0 ? url : url.slice(0, q),
    route,
    headers: req.headers,
    headerOrder: order,
    socketIp,
    clientIp: clientIp(socketIp, req.headers['x-forwarded-for'], deps.trustedProxies),
    body: undefined,
    model: undefined,
    stream: false,
    key: undefined,
    presentedKey: undefined,
    usage: undefined,
    status: 0,
    errorCode: undefined,
    deniedBy: undefined,
    vars: {},
    audit: {},
  };
}

export function createHandler(deps: Deps, stages: readonly Stage[]) {
  // The stages with each hook, found once rather than skipped on every request (same order).
  const befores = stages.filter((s): s is WithHook<'before'> => s.before !== undefined);
  const afters = stages.filter((s): s is WithHook<'after'> => s.after !== undefined);
  return async function handle(req: IncomingMessage, res: ServerResponse, route: RouteMatch): Promise<void> {
    const ctx = newContext(req, route, deps);
    // The answer goes out only once its audit event is durable (released after the after-hooks).
    const held = holdEnd(res);
    const reply = (d: Denial): void => {
      ctx.status = renderDenial(res, ctx.id, d, upstreamMarker(deps));
      ctx.errorCode ??= d.code;
    };
    try {
      const body = req.method === 'POST' ? await readBody(req, deps.config.server.bodyLimitBytes) : Buffer.alloc(0);
      if (body === 'too_large') {
        reply({ code: 'BODY_TOO_LARGE', message: `The request body is larger than the gateway's limit of ${deps.config.server.bodyLimitBytes} bytes.` });
      } else {
        ctx.vars.rawBody = body;
        let denied = false;
        for (let i = 0; i < befores.length; i++) {
          const s = befores[i]!;
          // Most stages decide synchronously: awaiting their plain Outcome would cost a microtask turn each.
          let o = s.before(ctx);
          if (isThenable(o)) o = await o;
          if (!o.ok) {
            ctx.deniedBy = s.name;
            reply(o.denial);
            denied = true;
            break;
          }
        }
        if (!denied) {
          if (route.endpoint === 'models') await listModels(ctx, res, deps);
          else await forward(ctx, res, deps, stages, reply);
        }
      }
    } catch (err) {
      // An infrastructure fault with its own answer (the store unreachable: 503) is not an internal error.
      const known = err instanceof GatewayError ? err.denial : undefined;
      if (err instanceof StoreUnavailableError) ctx.deniedBy ??= STORE_GATE;
      deps.log[known ? 'warn' : 'error']('request failed', { requestId: ctx.id, error: (err as Error).message });
      if (!res.headersSent) reply(known ?? { code: 'INTERNAL', message: 'The gateway hit an internal error. The request id identifies it in the logs.' });
      else res.destroy();
      ctx.status ||= statusOf(known?.code ?? 'INTERNAL');
    } finally {
      if (!ctx.status) ctx.status = res.statusCode;
      // Cleared, not deleted: a delete would turn every request's vars into a slow dictionary-mode object
      // (for the after-hooks that read it next, too). Nothing enumerates vars.
      ctx.vars.rawBody = undefined;
      for (let i = afters.length - 1; i >= 0; i--) {
        try {
          afters[i]!.after(ctx);
        } catch (err) {
          deps.log.error('stage after-hook failed', { stage: afters[i]!.name, error: (err as Error).message });
        }
      }
      try {
        if (!releasesWithoutAudit(ctx.deniedBy)) await deps.audit.flush();
        held.release();
      } catch (err) {
        // Not answered without its record: a 503 if nothing of the answer has left yet, else the connection drops.
        deps.log.error('audit event not durable; withholding the response', { requestId: ctx.id, error: (err as Error).message });
        if (!held.replace(ctx.id, AUDIT_UNAVAILABLE)) held.release(true);
      }
    }
  };
}
