// A whole (non-streamed) answer to the client: an upstream error scrubbed, or JSON through the output stages.
import type { IncomingHttpHeaders, ServerResponse } from 'node:http';
import type { Deps } from '../deps.js';
import type { Denial, Outcome } from '../errors/denial.js';
import { scrubUpstreamError } from '../upstream/scrub.js';
import type { RequestContext } from './context.js';
import { jsonHeaders } from './headers.js';
import { parseLazyData } from './lazy-data.js';
import { noteOutput, outputTextOf } from './output-text.js';
import type { Stage } from './stage.js';
import { isThenable } from './thenable.js';
import { usageFrom } from './usage.js';

/** Answers the client with a denial (the one renderer, with the request's id). */
export type Reply = (d: Denial) => void;

/** An upstream error answer: a rejection of the gateway's credentials is not relayed (it may quote the key), others scrubbed. */
export function relayError(ctx: RequestContext, res: ServerResponse, deps: Deps, status: number, upHeaders: IncomingHttpHeaders, raw: Buffer, reply: Reply): void {
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
  ctx.errorCode = 'UPSTREAM_ERROR';
  res.writeHead(status, h);
  res.end(out);
}

/**
 * A whole JSON answer `raw`, through the output stages, to the client. Synchronous while every hook answers
 * synchronously (no promise, no microtask turn); a promise once one answers with a promise.
 */
export function relayJson(ctx: RequestContext, res: ServerResponse, deps: Deps, stages: readonly Stage[], raw: Buffer, reply: Reply): Promise<void> | undefined {
  const body = parseAnswer(ctx, raw);
  if (body === undefined) {
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

/**
 * The answer as an object, or undefined if it is not JSON. An embeddings answer's vectors are
 * parsed only if a hook reads them (none does: nothing in them is text to check); parsing them
 * was most of the gateway's own CPU on such a request.
 */
function parseAnswer(ctx: RequestContext, raw: Buffer): Record<string, unknown> | undefined {
  if (ctx.route.endpoint === 'embeddings') {
    const lazy = parseLazyData(raw);
    if (lazy !== undefined) return lazy;
  }
  try {
    const v: unknown = JSON.parse(raw.toString('utf8'));
    return v !== null && typeof v === 'object' ? (v as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
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
  // An embeddings answer holds vectors, no text (reading its data would parse them).
  if (ctx.route.endpoint !== 'embeddings') noteOutput(ctx, outputTextOf(body));
  ctx.status = 200;
  res.writeHead(200, jsonHeaders(ctx.id, run.deps, Buffer.byteLength(out)));
  res.end(out);
}
