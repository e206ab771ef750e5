// Forwarding: send the (possibly rewritten) request upstream and relay the answer through the output stages.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Dispatcher } from 'undici';
import type { Deps } from '../deps.js';
import type { Denial, Outcome } from '../errors/denial.js';
import { pickUpstream, targetFor } from '../upstream/routing.js';
import { WholeAnswer } from '../upstream/read-body.js';
import { StreamAnswer } from '../upstream/stream-answer.js';
import { transportDenial } from '../upstream/pool.js';
import { type Gate, gateOf } from '../upstream/gate.js';
import type { UpstreamConfig } from '../upstream/config.js';
import { estimate } from '../limits/estimate.js';
import { scrubUpstreamError } from '../upstream/scrub.js';
import { ChunkParser } from '../upstream/chunk-template.js';
import { SseParser, sseData, type SseEvent } from '../upstream/sse.js';
import type { RequestContext } from './context.js';
import { commonHeaders, jsonHeaders } from './headers.js';
import type { ChatChunk, Stage, StreamFilter, StreamRelease } from './stage.js';
import type { ReadSource } from './stream-reads.js';
import { relayedUsage, usageFrom } from './usage.js';

/** An error answer is scrubbed and relayed: more than this is not an error message. */
const MAX_ERROR_BODY = 1024 * 1024;
/** Output text kept for the audit event (encrypted there, and only if retention policy says so). */
const MAX_OUTPUT_TEXT = 256 * 1024;
/** Longest a streamed answer's headers wait to go out with its first events. */
export const HEADERS_WAIT_MS = 50;

declare module './context.js' {
  interface StageVars {
    /** What the client was answered with (chat content, image revised prompts), bounded. */
    outputText: string;
  }
}

/** Pure: the text a non-streamed answer carries, or a stream chunk adds. */
export function outputTextOf(body: Record<string, unknown>): string {
  const choices = body['choices'];
  // The usual stream chunk (one choice, no image data): no array to build and join.
  if (Array.isArray(choices) && choices.length === 1 && body['data'] === undefined) {
    const c = choices[0] as Record<string, any> | null | undefined;
    const t = c?.['message']?.['content'] ?? c?.['delta']?.['content'];
    return typeof t === 'string' ? t : '';
  }
  const parts: string[] = [];
  for (const c of (Array.isArray(body['choices']) ? body['choices'] : []) as Record<string, any>[]) {
    const t = c?.['message']?.['content'] ?? c?.['delta']?.['content'];
    if (typeof t === 'string') parts.push(t);
  }
  for (const d of (Array.isArray(body['data']) ? body['data'] : []) as Record<string, unknown>[]) {
    if (typeof d?.['revised_prompt'] === 'string') parts.push(d['revised_prompt'] as string);
  }
  return parts.join('\n');
}

function noteOutput(ctx: RequestContext, text: string): void {
  if (!text) return;
  const cur = ctx.vars.outputText ?? '';
  if (cur.length >= MAX_OUTPUT_TEXT) return;
  // Slice only at the cap: slicing every chunk would flatten the string each time (quadratic on long streams).
  ctx.vars.outputText = cur.length + text.length <= MAX_OUTPUT_TEXT ? cur + text : (cur + text).slice(0, MAX_OUTPUT_TEXT);
}

export type Reply = (d: Denial) => void;

/** A hook's answer is awaited only when it is a promise: a plain value costs no microtask turn. */
export const isThenable = <T>(x: T | Promise<T>): x is Promise<T> => typeof (x as { then?: unknown } | null)?.then === 'function';

export interface ForwardResult {
  status: number;
  errorCode?: string;
}

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

/** The client went away before its answer was complete. */
function clientClosed(ctx: RequestContext): void {
  ctx.status = 499;
  ctx.errorCode = 'CLIENT_CLOSED';
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
  try {
    const raw = await answer.read(call.pool, call.opts);
    if (answer.statusCode >= 400) return relayError(ctx, res, deps, answer.statusCode, answer.headers(), raw, reply);
    const relayed = relayJson(ctx, res, deps, stages, raw, reply);
    if (relayed) await relayed;
  } catch (err) {
    if (answer.cancelled) return clientClosed(ctx);
    if (answer.statusCode === 0) return requestFailed(ctx, deps, call, err, reply);
    answerFailed(ctx, res, deps, call, err, reply);
  } finally {
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
  try {
    try {
      await answer.start(call.pool, call.opts);
    } catch (err) {
      if (answer.cancelled) return clientClosed(ctx);
      return requestFailed(ctx, deps, call, err, reply);
    }
    try {
      const headers = answer.headers();
      if (answer.statusCode >= 400) return relayError(ctx, res, deps, answer.statusCode, headers, await answer.whole(MAX_ERROR_BODY), reply);
      if (String(headers['content-type'] ?? '').includes('text/event-stream')) return await relayStream(ctx, res, deps, stages, answer, addedUsage, { maxDurationMs: call.maxStreamMs });
      return await relayJson(ctx, res, deps, stages, await answer.whole(call.maxAnswerBytes), reply);
    } catch (err) {
      answer.close();
      if (answer.cancelled) return clientClosed(ctx);
      answerFailed(ctx, res, deps, call, err, reply);
    }
  } finally {
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

function relayError(ctx: RequestContext, res: ServerResponse, deps: Deps, status: number, upHeaders: IncomingHttpHeaders, raw: Buffer, reply: Reply): void {
  const text = raw.toString('utf8');
  ctx.audit.detail = { ...(ctx.audit.detail as object | undefined), upstreamStatus: status };
  if (status === 401 || status === 403) {
    deps.log.error('upstream rejected the gateway credentials', { requestId: ctx.id, status });
    return reply({ code: 'UPSTREAM_ERROR', message: 'The upstream model service rejected the gateway. The operator has been notified.' });
  }
  const out = JSON.stringify(scrubUpstreamError(status, text, deps.secrets));
  const h = jsonHeaders(ctx.id, deps, Buffer.byteLength(out));
  const ra = upHeaders['retry-after'];
  if (typeof ra === 'string') h['retry-after'] = ra;
  ctx.status = status;
  ctx.errorCode = `upstream_${status}`;
  res.writeHead(status, h);
  res.end(out);
}

/**
 * A whole JSON answer `raw`, through the output stages, to the client. Synchronous while every hook answers
 * synchronously (no promise, no microtask turn); a promise once one answers with a promise.
 */
export function relayJson(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], raw: Buffer, reply: Reply): Promise<void> | undefined {
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(raw.toString('utf8')) as Record<string, unknown>;
  } catch {
    reply({ code: 'UPSTREAM_ERROR', message: 'The upstream model service sent an answer that is not JSON.' });
    return undefined;
  }
  ctx.usage = usageFrom(ctx.route.endpoint, body);
  const run: HookRun = { ctx, res, deps, stages, raw, body, reply, rewritten: false };
  for (let i = 0; i < stages.length; i++) {
    const s = stages[i]!;
    if (!s.onResponse) continue;
    const o = s.onResponse(ctx, body);
    if (isThenable(o)) return finishHooks(run, i, o);
    if (!hooked(run, s, o)) return undefined;
  }
  sendJson(run);
  return undefined;
}

/** One answer on its way through the output hooks. */
interface HookRun {
  readonly ctx: RequestContext;
  readonly res: ServerResponse;
  readonly deps: Deps;
  readonly stages: readonly Stage[];
  readonly raw: Buffer;
  readonly body: Record<string, unknown>;
  readonly reply: Reply;
  /** Some hook may have rewritten the body in place (it did not answer UNCHANGED). */
  rewritten: boolean;
}

/** One hook's outcome noted; false once it denied (replied). */
function hooked(run: HookRun, s: Stage, o: Outcome): boolean {
  if (!o.ok) {
    run.ctx.deniedBy = s.name;
    run.reply(o.denial);
    return false;
  }
  if (o.unchanged !== true) run.rewritten = true;
  return true;
}

/** The hooks from stages[i] (whose answer is `pending`) on, in order, then the answer. */
async function finishHooks(run: HookRun, i: number, pending: Promise<Outcome>): Promise<void> {
  if (!hooked(run, run.stages[i]!, await pending)) return;
  for (i++; i < run.stages.length; i++) {
    const s = run.stages[i]!;
    if (!s.onResponse) continue;
    let o = s.onResponse(run.ctx, run.body);
    if (isThenable(o)) o = await o;
    if (!hooked(run, s, o)) return;
  }
  sendJson(run);
}

function sendJson(run: HookRun): void {
  const { ctx, res, body } = run;
  // A hook may have rewritten the body in place (content_filter, Azure annotations): re-serialised
  // unless every hook said it left the body alone (UNCHANGED), as a streamed chunk is relayed as it came.
  const out = run.rewritten ? JSON.stringify(body) : run.raw;
  noteOutput(ctx, outputTextOf(body));
  ctx.status = 200;
  res.writeHead(200, jsonHeaders(ctx.id, run.deps, Buffer.byteLength(out)));
  res.end(out);
}

export interface StreamLimits {
  /** Longest the relay may last; past it the stream ends with an error event and [DONE]. */
  readonly maxDurationMs?: number;
}

/** Why a stream ended before its upstream did, as the audit event records it. */
type CutShort = 'client_closed' | 'max_duration' | 'upstream_error';

export async function relayStream(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], source: ReadSource, addedUsage: boolean, limits: StreamLimits = {}): Promise<void> {
  const filters: StreamFilter[] = [];
  for (const s of stages) {
    const f = s.streamFilter?.(ctx);
    if (f !== undefined) filters.push(f);
  }
  ctx.status = 200;
  const h = commonHeaders(ctx.id, deps);
  h['content-type'] = 'text/event-stream; charset=utf-8';
  h['cache-control'] = 'no-cache';
  h['connection'] = 'keep-alive';
  res.writeHead(200, h);
  // The headers leave with the first events (one write, not two: on loopback a send costs as much as the
  // relay's own work), or on their own once nothing was released for HEADERS_WAIT_MS (an output window
  // still holding, a slow first token), so the client learns at once that the stream began.
  let headersTimer: NodeJS.Timeout | undefined = setTimeout(() => {
    headersTimer = undefined;
    if (!res.destroyed) res.flushHeaders();
  }, HEADERS_WAIT_MS);
  const parser = new SseParser();
  // Content chunks of one stream differ only in their text: parsed from a learnt template, exactly as JSON.parse would.
  const chunks = new ChunkParser();
  let stopped = false;
  let cutShort: CutShort | undefined;
  // What the upstream produced, counted for a stream cut short before its usage chunk (charged, not the estimate).
  let contentChunks = 0;
  let contentChars = 0;
  // Wakes a wait for the client to drain (a client that stopped reading must not outlast the duration limit).
  let wakeDrain: (() => void) | undefined;
  const durationTimer =
    limits.maxDurationMs === undefined
      ? undefined
      : setTimeout(() => {
          cutShort ??= 'max_duration';
          stopped = true;
          wakeDrain?.();
          source.stop?.();
        }, limits.maxDurationMs);
  // What the upstream sent for each parsed chunk: an unmodified chunk is relayed byte for byte, not re-serialised.
  // A Map local to this stream (entries leave as chunks are emitted): cheaper for the GC than a WeakMap.
  const rawOf = new Map<ChatChunk, string>();
  // Events released while handling one upstream read go out in one write (one syscall, not one per event).
  let out = '';
  let sendQueued = false;
  // What was released goes out (unless the answer ended meanwhile: then the end took it).
  const sendQueuedOut = (): void => {
    sendQueued = false;
    if (!out || res.destroyed) return;
    if (headersTimer) headersTimer = void clearTimeout(headersTimer);
    const s = out;
    out = '';
    res.write(s);
  };
  const emit = (c: ChatChunk, raw = rawOf.get(c)): void => {
    if (raw !== undefined) rawOf.delete(c);
    noteOutput(ctx, outputTextOf(c));
    if (addedUsage && c['usage']) {
      // The client did not ask for usage: drop the usage-only chunk, strip the field elsewhere.
      if (Array.isArray(c['choices']) && (c['choices'] as unknown[]).length === 0) return;
      out += sseData({ ...c, usage: undefined });
      return;
    }
    out += raw !== undefined ? `data: ${raw}\n\n` : sseData(c);
  };
  const take = (r: StreamRelease, into: ChatChunk[]): void => {
    for (const x of r.chunks) into.push(x);
    if (r.stop) stopped = true;
  };

  // Releases chunks through every filter in order; sets `stopped` once a filter ended the stream.
  const releaseAll = async (chunks: ChatChunk[], final: boolean): Promise<void> => {
    let cur = chunks;
    for (const f of filters) {
      const next: ChatChunk[] = [];
      for (const c of cur) {
        take(await f.push(c), next);
        if (stopped) break;
      }
      if (final && !stopped) take(await f.end(), next);
      cur = next;
    }
    for (const c of cur) emit(c);
  };
  // One chunk through the one filter (the usual case): no promise unless the filter answers with one (a window
  // being checked). Same order and outcome as releaseAll([c], false).
  const releaseOne = (c: ChatChunk): Promise<void> | undefined => {
    if (filters.length !== 1) return releaseAll([c], false);
    const done = (r: StreamRelease): void => {
      if (r.stop) stopped = true;
      for (const x of r.chunks) emit(x);
    };
    const r = filters[0]!.push(c);
    if (isThenable(r)) return r.then(done);
    done(r);
    return undefined;
  };

  // Every chunk is parsed: usage, errors, the safety window and the audit's output text need it.
  const handle = (data: string | undefined): Promise<void> | undefined => {
    if (data === undefined || data === '[DONE]') return undefined;
    let chunk: ChatChunk;
    try {
      chunk = chunks.parse(data);
    } catch {
      return undefined;
    }
    if (chunk['usage']) ctx.usage = usageFrom('chat', chunk) ?? ctx.usage;
    const text = (chunk['choices'] as { delta?: { content?: unknown } }[] | undefined)?.[0]?.delta?.content;
    if (typeof text === 'string' && text.length > 0) {
      contentChunks++;
      contentChars += text.length;
    }
    if (chunk['error']) {
      out += sseData({ error: scrubUpstreamError(502, JSON.stringify(chunk), deps.secrets)['error'] });
      stopped = true;
      return undefined;
    }
    if (filters.length === 0) {
      emit(chunk, data);
      return undefined;
    }
    rawOf.set(chunk, data);
    return releaseOne(chunk);
  };

  // After one upstream read's events: true ends the reading. Their output goes out after this turn of the event
  // loop (setImmediate), once undici has handed over everything that one socket read brought (one read per chunk
  // of a chunked answer): with the headers, and, when the answer ended in that socket read, with [DONE] and the
  // end of the body, in one send. (A microtask is too early: Node flushes a write before the answer's end is
  // seen.) A client already behind (its buffer full) pauses reading until it drains.
  const sent = (): boolean | Promise<boolean> => {
    if (out && !sendQueued) {
      sendQueued = true;
      setImmediate(sendQueuedOut);
    }
    if (stopped || res.destroyed) return true;
    return res.writableNeedDrain ? drained() : false;
  };
  // Resolves (true: stop reading) once the client has taken what was buffered for it, left, or ran out of time.
  const drained = (): Promise<boolean> =>
    new Promise((resolve) => {
      const done = (): void => {
        res.off('drain', done);
        res.off('close', done);
        wakeDrain = undefined;
        resolve(stopped || res.destroyed);
      };
      res.on('drain', done);
      res.on('close', done);
      wakeDrain = done;
    });
  // The rest of a read's events once one of them answered with a promise (a window being checked).
  const finishRead = async (evs: readonly SseEvent[], i: number, p: Promise<void>): Promise<boolean> => {
    await p;
    for (i++; !stopped && i < evs.length; i++) {
      const q = handle(evs[i]!.data);
      if (q) await q;
    }
    return sent();
  };
  // One upstream read, synchronously while no filter answers with a promise (most reads).
  const onRead = (buf: Buffer): boolean | Promise<boolean> => {
    const evs = parser.push(buf);
    for (let i = 0; !stopped && i < evs.length; i++) {
      const p = handle(evs[i]!.data);
      if (p) return finishRead(evs, i, p);
    }
    return sent();
  };

  try {
    // Reading stops (and the upstream request is closed) before this returns, however it ends.
    await source.each(onRead);
    if (!stopped) {
      for (const ev of parser.end()) {
        const p = handle(ev.data);
        if (p) await p;
      }
    }
    if (!stopped && filters.length > 0) await releaseAll([], true);
  } catch (err) {
    if (!res.destroyed) {
      const d = transportDenial(err);
      cutShort = 'upstream_error';
      ctx.errorCode = d.code;
      ctx.audit.detail = { ...(ctx.audit.detail as object | undefined), streamError: (err as { code?: string }).code ?? 'error' };
      out += sseData({ error: { message: `${d.message} The stream was cut short.`, type: 'server_error', param: null, code: d.code.toLowerCase() } });
    }
  } finally {
    if (durationTimer) clearTimeout(durationTimer);
  }
  if (headersTimer) clearTimeout(headersTimer);
  // The client left before the end (not when the gateway itself ended the stream for its duration).
  if (res.destroyed && cutShort !== 'max_duration') cutShort = 'client_closed';
  if (cutShort !== undefined) endedEarly(ctx, cutShort, contentChunks, contentChars);
  if (cutShort === 'client_closed') return;
  if (cutShort === 'max_duration') {
    out += sseData({
      error: {
        message: `The answer streamed for longer than this gateway allows (${limits.maxDurationMs} ms); it was cut short here.`,
        type: 'server_error',
        param: null,
        code: 'stream_duration_exceeded',
      },
    });
  }
  // The last events (a send still queued included), [DONE] and the end of the chunked body in one chunked
  // frame, with the headers when nothing went out before.
  const last = `${out}data: [DONE]\n\n`;
  // Taken: a send still queued finds nothing (the end may be held for the audit, so the response is not ended yet).
  out = '';
  if (!res.destroyed) res.end(last);
}

/**
 * A stream that ended before its upstream did: the audit event says why, and when the upstream's usage never came
 * the request is charged what the upstream produced until then (the limits reconcile against it), not the estimate.
 * The HTTP status stays what the client was sent (200), except when the client left: 499 CLIENT_CLOSED.
 */
function endedEarly(ctx: RequestContext, why: CutShort, contentChunks: number, contentChars: number): void {
  const detail: Record<string, unknown> = { ...(ctx.audit.detail as object | undefined), streamEnd: why };
  if (why === 'client_closed') clientClosed(ctx);
  if (why === 'max_duration') ctx.errorCode = 'STREAM_DURATION_EXCEEDED';
  if (ctx.usage === undefined) {
    ctx.usage = relayedUsage(estimate('chat', ctx.body, 0).promptTokens, contentChunks, contentChars);
    detail['usageCountedBy'] = 'gateway';
  }
  ctx.audit.detail = detail;
}
