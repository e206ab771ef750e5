// Forwarding: the upstream chosen, a connection waited for (within the queue deadline), the request sent, and
// its answer handed to the whole-answer or the stream relay; transport faults turned into the gateway's answers.
import type { ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import type { Deps } from '../deps.js';
import { pickUpstream, targetFor } from '../upstream/routing.js';
import { WholeAnswer } from '../upstream/read-body.js';
import { StreamAnswer } from '../upstream/stream-answer.js';
import { transportDenial } from '../upstream/pool.js';
import { type Gate, gateOf } from '../upstream/gate.js';
import type { UpstreamConfig } from '../upstream/config.js';
import type { RequestContext } from './context.js';
import { relayError, relayJson, type Reply } from './relay-json.js';
import { clientClosed, relayStream } from './relay-stream.js';
import type { Stage } from './stage.js';
import type { UpstreamTiming } from '../metrics/timing.js';

// What other modules (and tests, benches) reach through this one.
export { outputTextOf } from './output-text.js';
export { relayJson, type Reply } from './relay-json.js';
export { HEADERS_WAIT_MS, relayStream } from './relay-stream.js';
export { isThenable } from './thenable.js';

/** An error answer is scrubbed and relayed: more than this is not an error message. */
const MAX_ERROR_BODY = 1024 * 1024;

/** Builds the upstream body: model addressed the upstream's way; usage always requested on streams. */
export function upstreamBody(ctx: RequestContext, bodyModel: string | undefined): { body: Record<string, unknown>; addedUsage: boolean } {
  const body: Record<string, unknown> = { ...ctx.body };
  if (bodyModel !== undefined) body['model'] = bodyModel;
  else delete body['model'];
  let addedUsage = false;
  if (ctx.stream && ctx.route.endpoint === 'chat') {
    const so = (body['stream_options'] ?? {}) as Record<string, unknown>;
    if (so['include_usage'] !== true) {
      body['stream_options'] = { ...so, include_usage: true };
      addedUsage = true;
    }
  }
  return { body, addedUsage };
}

/** Where one request goes: the upstream (named in logs), its pool, the gate to its connections and the request as sent. */
interface UpstreamCall {
  readonly name: string;
  readonly pool: Dispatcher;
  readonly gate: Gate;
  readonly opts: Dispatcher.DispatchOptions;
  readonly queueTimeoutMs: number;
  readonly maxStreamMs: number;
  readonly maxAnswerBytes: number;
}

/** The upstream settings' defaults (src/upstream/config.ts), for an upstream given without them (tests, benches). */
const limitsOf = (up: UpstreamConfig): Pick<UpstreamCall, 'queueTimeoutMs' | 'maxStreamMs' | 'maxAnswerBytes'> & { connections: number } => ({
  connections: up.connections ?? 128,
  queueTimeoutMs: up.queueTimeoutMs ?? 10_000,
  maxStreamMs: up.maxStreamMs ?? 15 * 60_000,
  maxAnswerBytes: up.maxAnswerBytes ?? 32 * 1024 * 1024,
});

const DONE = Promise.resolve();

/**
 * Not async: it hands back the forwarding's own promise, where an async wrapper would cost the caller two more
 * microtask turns (resolving one promise with another). A synchronous fault comes back as a rejection all the same.
 */
export function forward(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], reply: Reply): Promise<void> {
  try {
    return startForward(ctx, res, deps, stages, reply);
  } catch (err) {
    return Promise.reject(err);
  }
}

function startForward(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], reply: Reply): Promise<void> {
  const up = pickUpstream(deps.config.upstreams, ctx.model);
  if (!up) {
    reply({ code: 'NOT_FOUND', message: `The model '${ctx.model}' does not exist or is not served by this gateway.`, param: 'model', wireCode: 'model_not_found' });
    return DONE;
  }
  const target = targetFor(up, ctx.route.endpoint, ctx.model, deps.simulatorUrl);
  const { body, addedUsage } = upstreamBody(ctx, target.bodyModel);
  const headers: Record<string, string> = { 'content-type': 'application/json', accept: ctx.stream ? 'text/event-stream' : 'application/json', 'x-request-id': ctx.id, 'user-agent': 'warden-gateway' };
  if (target.authHeader) headers[target.authHeader[0]] = target.authHeader[1];
  const { connections, ...limits } = limitsOf(up);
  const pool = deps.pools.get(target.origin, up);
  const call: UpstreamCall = {
    name: up.name,
    pool,
    gate: gateOf(pool, connections),
    opts: { path: target.path, method: 'POST', headers, body: JSON.stringify(body), headersTimeout: up.readTimeoutMs, bodyTimeout: up.readTimeoutMs },
    ...limits,
  };
  // Only a streamed request's answer may be relayed as a stream; any other is read whole.
  return ctx.stream ? forwardStreamed(ctx, res, deps, stages, reply, call, addedUsage) : forwardWhole(ctx, res, deps, stages, reply, call);
}

/**
 * A slot on the upstream's connections, waited for up to the queue deadline: false once the request was answered
 * (503 with retry-after) or its client left meanwhile.
 */
async function waitForSlot(ctx: RequestContext, res: ServerResponse, deps: Deps, call: UpstreamCall, reply: Reply): Promise<boolean> {
  const w = call.gate.wait(call.queueTimeoutMs);
  const onClose = (): void => w.cancel();
  res.on('close', onClose);
  const got = await w.slot;
  res.off('close', onClose);
  if (got) return true;
  if (res.destroyed) {
    clientClosed(ctx);
    // Nothing reached the upstream: nothing to charge but the request (a 499 without usage keeps its estimate).
    ctx.usage = { completionTokens: 0, images: 0, promptTokens: 0, totalTokens: 0 };
    return false;
  }
  deps.log.warn('upstream queue deadline passed', { requestId: ctx.id, upstream: call.name, connections: call.gate.size, waiting: call.gate.waiting });
  reply({
    code: 'SERVICE_UNAVAILABLE',
    message: `All ${call.gate.size} connections to the upstream model service are busy and none came free within ${call.queueTimeoutMs} ms; try again shortly.`,
    retryAfter: 1,
  });
  return false;
}

async function forwardWhole(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], reply: Reply, call: UpstreamCall): Promise<void> {
  // The usual case takes a free slot at once (no promise); one waits only while every connection is busy.
  if (!call.gate.tryTake() && !(await waitForSlot(ctx, res, deps, call, reply))) return;
  try {
    await relayWhole(ctx, res, deps, stages, reply, call);
  } finally {
    call.gate.release();
  }
}

async function relayWhole(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], reply: Reply, call: UpstreamCall): Promise<void> {
  const answer = new WholeAnswer(call.maxAnswerBytes, MAX_ERROR_BODY);
  const onClose = (): void => {
    if (!res.writableFinished) answer.cancel();
  };
  // `on`, not `once` (which wraps the listener): it is removed in the finally below either way.
  res.on('close', onClose);
  const timing: UpstreamTiming = (ctx.vars.upstreamTiming = { sentAt: performance.now() });
  try {
    const raw = await answer.read(call.pool, call.opts);
    timing.doneAt = performance.now();
    if (answer.statusCode >= 400) return relayError(ctx, res, deps, answer.statusCode, answer.headers(), raw, reply);
    const relayed = relayJson(ctx, res, deps, stages, raw, reply);
    if (relayed) await relayed;
  } catch (err) {
    if (answer.cancelled) return clientClosed(ctx);
    if (answer.statusCode === 0) return requestFailed(ctx, deps, call, err, reply);
    answerFailed(ctx, res, deps, call, err, reply);
  } finally {
    timing.doneAt ??= performance.now();
    res.off('close', onClose);
  }
}

async function forwardStreamed(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], reply: Reply, call: UpstreamCall, addedUsage: boolean): Promise<void> {
  if (!call.gate.tryTake() && !(await waitForSlot(ctx, res, deps, call, reply))) return;
  try {
    await relayStreamed(ctx, res, deps, stages, reply, call, addedUsage);
  } finally {
    call.gate.release();
  }
}

async function relayStreamed(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], reply: Reply, call: UpstreamCall, addedUsage: boolean): Promise<void> {
  const answer = new StreamAnswer();
  const onClose = (): void => {
    if (!res.writableFinished) answer.cancel();
  };
  res.on('close', onClose);
  const timing: UpstreamTiming = (ctx.vars.upstreamTiming = { sentAt: performance.now() });
  try {
    try {
      await answer.start(call.pool, call.opts);
    } catch (err) {
      if (answer.cancelled) return clientClosed(ctx);
      return requestFailed(ctx, deps, call, err, reply);
    }
    try {
      if (answer.statusCode >= 400) return relayError(ctx, res, deps, answer.statusCode, answer.headers(), await answer.whole(MAX_ERROR_BODY), reply);
      // Only the content type decides the relay: the other headers are not parsed on the way to the first byte.
      if ((answer.header('content-type') ?? '').includes('text/event-stream')) return await relayStream(ctx, res, deps, stages, answer, addedUsage, { maxDurationMs: call.maxStreamMs });
      return await relayJson(ctx, res, deps, stages, await answer.whole(call.maxAnswerBytes), reply);
    } catch (err) {
      answer.close();
      if (answer.cancelled) return clientClosed(ctx);
      answerFailed(ctx, res, deps, call, err, reply);
    }
  } finally {
    timing.doneAt ??= performance.now();
    res.off('close', onClose);
  }
}

/** No answer came (connect, header timeout, reset): the client gets the transport's denial. */
function requestFailed(ctx: RequestContext, deps: Deps, call: UpstreamCall, err: unknown, reply: Reply): void {
  deps.log.warn('upstream request failed', { requestId: ctx.id, upstream: call.name, code: (err as { code?: string }).code });
  reply(transportDenial(err));
}

/** The answer failed after it started (its body, or relaying it): a denial if nothing was sent yet. */
function answerFailed(ctx: RequestContext, res: ServerResponse, deps: Deps, call: UpstreamCall, err: unknown, reply: Reply): void {
  deps.log.warn('upstream answer failed', { requestId: ctx.id, upstream: call.name, code: (err as { code?: string }).code ?? 'error' });
  if (!res.headersSent) return reply(transportDenial(err));
  res.destroy();
}
