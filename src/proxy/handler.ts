// Data-plane request handler: builds the context, runs the stages, forwards, always audits.
import type { IncomingMessage, ServerResponse } from 'node:http';
import { holdEnd } from '../audit/hold-response.js';
import { releasesWithoutAudit, STORE_GATE } from '../health/stage-store-gate.js';
import { StoreUnavailableError } from '../store/unavailable.js';
import type { Deps } from '../deps.js';
import type { Denial, Outcome } from '../errors/denial.js';
import { statusOf } from '../errors/codes.js';
import { renderDenial } from '../errors/render.js';
import { clientIp } from '../net/client-ip.js';
import { lingerOnClose } from '../net/linger.js';
import { newRequestId } from '../net/request-id.js';
import type { RouteMatch } from '../api.js';
import type { RequestContext } from './context.js';
import { forward, isThenable } from './forward.js';
import { upstreamMarker } from './headers.js';
import { listModels } from './models.js';
import { BodyBudget, BodyDeadlines, readBody, type BodyLimits, type BodyRead } from '../net/body.js';
import { READ_BODY, type Stage } from './stage.js';

const MAX_HEADER_NAMES = 64;
const AUDIT_UNAVAILABLE: Denial = {
  code: 'SERVICE_UNAVAILABLE',
  message: 'The answer could not be recorded in the audit log (its store is unreachable), so it was withheld. Retry shortly.',
  retryAfter: 1,
};
/** A refused request's unread body up to this size is drained (the connection stays alive); a larger one closes it. */
const DRAIN_MAX_BYTES = 64 * 1024;
const NO_BODY: BodyRead = Object.freeze({ kind: 'ok', body: Buffer.alloc(0), held: 0 });
type WithHook<K extends 'before' | 'after'> = Stage & Required<Pick<Stage, K>>;
type Before = WithHook<'before'>;

const expectsContinue = (req: IncomingMessage): boolean => String(req.headers['expect'] ?? '').toLowerCase() === '100-continue';

/**
 * A request answered before its body was read: a short body still on its way is drained so the keep-alive
 * connection can serve the next request; a long or open-ended one is not read at all, and the connection closes
 * once the answer is out (nothing of it is buffered either way).
 */
function discardBody(req: IncomingMessage, res: ServerResponse, close = false): void {
  if (req.complete || req.method !== 'POST') return;
  // Neither a length nor chunked: HTTP/1.1 says there is no body.
  if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return;
  // A client waiting for "100 Continue" that gets a final answer may or may not send its body: close, to be sure.
  if (expectsContinue(req)) close = true;
  const declared = Number(req.headers['content-length']);
  if (!close && Number.isFinite(declared) && declared <= DRAIN_MAX_BYTES) return void req.resume();
  res.shouldKeepAlive = false;
  if (!res.headersSent) res.setHeader('connection', 'close');
  if (req.socket) lingerOnClose(req.socket);
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
  // The stages with each hook, found once rather than skipped on every request (same order). The READ_BODY
  // marker splits the before-hooks into those that decide from the headers and those that need the body.
  const mark = stages.indexOf(READ_BODY);
  const hasBefore = (s: Stage): s is Before => s.before !== undefined;
  const headerBefores = mark < 0 ? [] : stages.slice(0, mark).filter(hasBefore);
  const bodyBefores = (mark < 0 ? stages : stages.slice(mark + 1)).filter(hasBefore);
  const afters = stages.filter((s): s is WithHook<'after'> => s.after !== undefined);
  const server = deps.config.server;
  const bodyLimits: BodyLimits = {
    limit: server.bodyLimitBytes,
    maxDepth: server.maxJsonDepth ?? 64,
    deadlines: new BodyDeadlines(server.bodyTimeoutMs ?? 30_000),
    budget: new BodyBudget(server.bodyBudgetBytes ?? Number.MAX_SAFE_INTEGER),
  };

  return async function handle(req: IncomingMessage, res: ServerResponse, route: RouteMatch): Promise<void> {
    const ctx = newContext(req, route, deps);
    // The answer goes out only once its audit event is durable (released after the after-hooks).
    const held = holdEnd(res);
    /** Until the body is read whole, an answer must first decide what becomes of it (drain or close). */
    let unreadBody = req.method === 'POST';
    let closeAfterReply = false;
    const reply = (d: Denial): void => {
      if (unreadBody) discardBody(req, res, closeAfterReply);
      ctx.status = renderDenial(res, ctx.id, d, upstreamMarker(deps));
      ctx.errorCode ??= d.code;
    };
    /** A before-hook's outcome: true when it denied (and the denial is rendered). */
    const denied = (s: Before, o: Outcome): boolean => {
      if (o.ok) return false;
      ctx.deniedBy = s.name;
      reply(o.denial);
      return true;
    };
    /**
     * Runs before-hooks in order from `from` until one denies; true when one did. Synchronous while the stages are
     * (most decide at once: a promise per phase would cost microtask turns on every request).
     */
    const runBefores = (list: readonly Before[], from = 0): boolean | Promise<boolean> => {
      for (let i = from; i < list.length; i++) {
        const s = list[i]!;
        const o = s.before(ctx);
        if (isThenable(o)) return o.then((r) => denied(s, r) || runBefores(list, i + 1));
        if (denied(s, o)) return true;
      }
      return false;
    };
    let heldBytes = 0;
    try {
      let refused = headerBefores.length > 0 && runBefores(headerBefores);
      if (isThenable(refused)) refused = await refused;
      if (!refused) {
        if (expectsContinue(req) && req.method === 'POST') res.writeContinue();
        const read = req.method === 'POST' ? await readBody(req, bodyLimits) : NO_BODY;
        if (read.kind !== 'ok') {
          refuseBody(read.kind);
        } else {
          unreadBody = false;
          heldBytes = read.held;
          ctx.vars.rawBody = read.body;
          let stopped = runBefores(bodyBefores);
          if (isThenable(stopped)) stopped = await stopped;
          // The raw bytes are not needed past the stages that parse them: their share of the budget goes back now,
          // not when a long stream ends. Cleared, not deleted: a delete would turn every request's vars into a slow
          // dictionary-mode object (for the after-hooks that read it next, too). Nothing enumerates vars.
          ctx.vars.rawBody = undefined;
          bodyLimits.budget.give(heldBytes);
          heldBytes = 0;
          if (!stopped) {
            if (route.endpoint === 'models') await listModels(ctx, res, deps);
            else await forward(ctx, res, deps, stages, reply);
          }
        }
      }
    } catch (err) {
      // An infrastructure fault with its own answer (the store unreachable: 503) is not an internal error.
      const known = err instanceof StoreUnavailableError ? err.denial : undefined;
      if (err instanceof StoreUnavailableError) ctx.deniedBy ??= STORE_GATE;
      deps.log[known ? 'warn' : 'error']('request failed', { requestId: ctx.id, error: (err as Error).message });
      if (!res.headersSent) reply(known ?? { code: 'INTERNAL', message: 'The gateway hit an internal error. The request id identifies it in the logs.' });
      else res.destroy();
      ctx.status ||= statusOf(known?.code ?? 'INTERNAL');
    } finally {
      bodyLimits.budget.give(heldBytes);
      if (!ctx.status) ctx.status = res.statusCode;
      ctx.vars.rawBody = undefined;
      for (let i = afters.length - 1; i >= 0; i--) {
        try {
          const pending = afters[i]!.after(ctx);
          if (isThenable(pending)) await pending;
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

    /** A body that could not be read whole: answered (and the connection closed), or, if the client left, only audited. */
    function refuseBody(kind: Exclude<BodyRead['kind'], 'ok'>): void {
      if (kind === 'aborted') {
        // The client's doing, not a gateway fault: info, not error, and no answer (nobody is there to read it).
        deps.log.info('client closed the request before its body arrived', { requestId: ctx.id });
        ctx.status = statusOf('CLIENT_CLOSED');
        ctx.errorCode = 'CLIENT_CLOSED';
        res.destroy();
        return;
      }
      // A slow body is not waited for any longer, however short it claims to be.
      closeAfterReply = kind === 'timeout';
      if (kind === 'too_large') reply({ code: 'BODY_TOO_LARGE', message: `The request body is larger than the gateway's limit of ${bodyLimits.limit} bytes.` });
      else if (kind === 'too_deep')
        reply({ code: 'INVALID_JSON', message: `The JSON body nests arrays or objects deeper than ${bodyLimits.maxDepth} levels, the gateway's limit.`, wireCode: 'invalid_json' });
      else if (kind === 'timeout') reply({ code: 'REQUEST_TIMEOUT', message: `The request body did not arrive within ${bodyLimits.deadlines.timeoutMs} ms.` });
      else reply({ code: 'SERVICE_UNAVAILABLE', message: 'The gateway is buffering as many request bodies as it may; try again shortly.', retryAfter: 1 });
    }
  };
}
