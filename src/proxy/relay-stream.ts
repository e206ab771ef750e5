// A streamed answer to the client, event by event through the stream filters, within its longest duration.
import type { ServerResponse } from 'node:http';
import type { Deps } from '../deps.js';
import { envelope } from '../errors/render.js';
import { estimate } from '../limits/estimate.js';
import { ChunkParser } from '../upstream/chunk-template.js';
import { transportDenial } from '../upstream/pool.js';
import { scrubUpstreamError } from '../upstream/scrub.js';
import { SseParser, sseData, type SseEvent } from '../upstream/sse.js';
import type { RequestContext } from './context.js';
import { commonHeaders } from './headers.js';
import { noteOutput, outputTextOf } from './output-text.js';
import type { ChatChunk, Stage, StreamFilter, StreamRelease } from './stage.js';
import type { ReadSource } from '../net/stream-reads.js';
import { isThenable } from './thenable.js';
import { relayedUsage, usageFrom } from './usage.js';

/** Longest a streamed answer's headers wait to go out with its first events. */
export const HEADERS_WAIT_MS = 50;

/** The client went away before its answer was complete (audited 499; the wire may have said 200 already). */
export function clientClosed(ctx: RequestContext): void {
  ctx.status = 499;
  ctx.errorCode = 'CLIENT_CLOSED';
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
  const timing = ctx.vars.upstreamTiming;
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
    if (timing && timing.firstEventAt === undefined) timing.firstEventAt = performance.now();
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

  // After one upstream read's events: true ends the reading. The first events released go out at once, with the
  // headers: the client's first byte waits for nothing more (not for the rest of the answer, nor for the end, which
  // is held until the audit event is durable). Later output goes out after this turn of the event loop
  // (setImmediate), once undici has handed over everything that one socket read brought (one read per chunk of a
  // chunked answer), and, when the answer ended in that socket read, with [DONE] and the end of the body, in one
  // send. (A microtask is too early: Node flushes a write before the answer's end is seen.) A client already
  // behind (its buffer full) pauses reading until it drains.
  let first = true;
  const sendFirst = (): void => {
    first = false;
    sendQueuedOut();
  };
  const sent = (): boolean | Promise<boolean> => {
    if (out && !sendQueued) {
      if (first) sendFirst();
      else {
        sendQueued = true;
        setImmediate(sendQueuedOut);
      }
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
  // The next event of the read being handled, none once the stream was stopped.
  const nextEvent = (): SseEvent | undefined => (stopped ? undefined : parser.next());
  // The rest of a read's events once one of them answered with a promise (a window being checked).
  const finishRead = async (p: Promise<void>): Promise<boolean> => {
    await p;
    if (first && out) sendFirst();
    for (let ev = nextEvent(); ev; ev = nextEvent()) {
      const q = handle(ev.data);
      if (q) await q;
      if (first && out) sendFirst();
    }
    return sent();
  };
  // One upstream read, synchronously while no filter answers with a promise (most reads). Events are framed one at
  // a time: the first event released goes out before the rest of the read is framed or handled (a whole short
  // answer may come in one read).
  const onRead = (buf: Buffer): boolean | Promise<boolean> => {
    parser.feed(buf);
    for (let ev = nextEvent(); ev; ev = nextEvent()) {
      const p = handle(ev.data);
      if (p) return finishRead(p);
      if (first && out) sendFirst();
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
      out += sseData(envelope({ ...d, message: `${d.message} The stream was cut short.` }));
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
    out += sseData(envelope({ code: 'STREAM_DURATION_EXCEEDED', message: `The answer streamed for longer than this gateway allows (${limits.maxDurationMs} ms); it was cut short here.` }));
  }
  // The last events (a send still queued included), [DONE] and the end of the chunked body in one chunked
  // frame, with the headers when nothing went out before.
  const last = `${out}data: [DONE]\n\n`;
  // Taken: a send still queued finds nothing (the end may be held for the audit, so the response is not ended yet).
  out = '';
  if (timing && timing.firstEventAt === undefined) timing.firstEventAt = performance.now();
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
