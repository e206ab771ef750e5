// Leak-report endpoints: `POST /leaks/github` (GitHub secret-scanning partner format) and `POST /leaks/report` (admin).
import { createHash, randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import { authenticateAdmin } from '../admin/auth.js';
import type { Deps } from '../deps.js';
import type { Denial } from '../errors/denial.js';
import { renderDenial } from '../errors/render.js';
import { BodyBudget, BodyDeadlines, readBody } from '../net/body.js';
import { ReplayCacheFull } from '../nonce/port.js';
import { Lru } from '../util/lru.js';
import { GithubKeyFile } from './github-keys.js';
import { checkSignature } from './github-signature.js';
import { LeakService } from './service.js';

const GITHUB = '/leaks/github';
const REPORT = '/leaks/report';
/** A report is small; a sender that trickles it is cut off. */
const BODY_TIMEOUT_MS = 10_000;

const token = z.string().min(1).max(512);
const githubItem = z.object({ token, type: z.string().max(200).default(''), url: z.string().max(2048).optional(), source: z.string().max(200).optional() }).passthrough();
const reportBody = (max: number) =>
  z
    .object({
      tokens: z.array(token).min(1).max(max),
      url: z.string().max(2048).optional(),
      source: z.string().max(200).optional(),
      /** Who found it (shown in incidents and the audit log). */
      reporter: z
        .string()
        .regex(/^[a-z0-9][a-z0-9-]{0,39}$/)
        .optional(),
      /** Classify only (label, key id, status) and change nothing: `warden scan` asks this for each key it finds. */
      dryRun: z.boolean().optional(),
    })
    .strict();

function sendJson(res: ServerResponse, requestId: string, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), 'x-request-id': requestId, 'cache-control': 'no-store' });
  res.end(text);
}

function zodMessage(e: z.ZodError): string {
  return e.issues
    .map((i) => `${i.path.join('.') || 'body'}: ${i.message}`)
    .slice(0, 10)
    .join('; ');
}

export function leakRoutes(deps: Deps) {
  const cfg = deps.config.leaks;
  const svc = new LeakService(deps);
  const githubKeys = new GithubKeyFile(cfg.github.publicKeysFile, deps.log);
  // Bytes of report bodies held at once, across both endpoints.
  const budget = new BodyBudget(cfg.maxBodyBytes * 8);
  const deadlines = new BodyDeadlines(BODY_TIMEOUT_MS);
  const items = z.array(githubItem).min(1).max(cfg.maxTokens);
  const report = reportBody(cfg.maxTokens);
  /**
   * Bodies claimed here whose processing then failed (store down): GitHub retries the same body, which must not be
   * refused as a replay. The nonce port has no release, so this replica remembers them (bounded).
   */
  const failed = new Lru<string, true>(1000);

  /** The raw body, or the refusal already sent. */
  async function body(req: IncomingMessage, res: ServerResponse, rid: string): Promise<Buffer | undefined> {
    const r = await readBody(req, { limit: cfg.maxBodyBytes, deadlines, budget });
    if (r.kind === 'ok') {
      budget.give(r.held);
      return r.body;
    }
    if (r.kind === 'aborted') return void res.destroy();
    const d: Denial =
      r.kind === 'timeout'
        ? { code: 'REQUEST_TIMEOUT', message: 'The report body did not arrive in time.' }
        : r.kind === 'too_large'
          ? { code: 'BODY_TOO_LARGE', message: `A leak report is at most ${cfg.maxBodyBytes} bytes.` }
          : { code: 'SERVICE_UNAVAILABLE', message: 'Too many reports are being received; retry shortly.', retryAfter: 1 };
    renderDenial(res, rid, d, { connection: 'close' });
    return undefined;
  }

  function json(buf: Buffer): { ok: true; value: unknown } | { ok: false } {
    try {
      return { ok: true, value: JSON.parse(buf.toString('utf8')) };
    } catch {
      return { ok: false };
    }
  }

  async function github(req: IncomingMessage, res: ServerResponse, rid: string): Promise<void> {
    const keys = await githubKeys.current();
    if (keys.size === 0) {
      req.resume();
      return void renderDenial(res, rid, { code: 'NOT_FOUND', message: `Unknown route ${req.method} ${GITHUB}.` });
    }
    const keyId = req.headers['github-public-key-identifier'];
    const sig = req.headers['github-public-key-signature'];
    const refuse = (message: string): void => void renderDenial(res, rid, { code: 'ADMIN_UNAUTHORIZED', wireCode: 'invalid_signature', message });
    if (typeof keyId !== 'string' || typeof sig !== 'string') {
      req.resume();
      return refuse('Github-Public-Key-Identifier and Github-Public-Key-Signature are required.');
    }
    const raw = await body(req, res, rid);
    if (!raw) return;
    const check = checkSignature(raw, keyId, sig, keys);
    if (!check.ok) {
      deps.log.warn('leaks: GitHub report refused', { reason: check.reason, keyId: keyId.slice(0, 100) });
      return refuse(check.reason);
    }
    // The body, not the signature: ECDSA signatures are malleable, so (r, n-s) would pass a signature-only check.
    const bodyHash = createHash('sha256').update(raw).digest('hex');
    let first: boolean;
    try {
      first = await deps.nonces.claim(`leaks:github:${bodyHash}`, cfg.replayWindowSeconds * 1000);
    } catch (e) {
      // No room to remember this report (nothing is forgotten early): GitHub retries a 503.
      if (e instanceof ReplayCacheFull)
        return void renderDenial(res, rid, { code: 'SERVICE_UNAVAILABLE', message: 'Too many reports to remember right now; retry later.', retryAfter: e.retryAfterSeconds });
      throw e;
    }
    if (!first && !failed.peek(bodyHash)) return void renderDenial(res, rid, { code: 'INVALID_REQUEST', wireCode: 'replayed_report', message: 'This signed report was already received.' });
    failed.delete(bodyHash);
    const p = json(raw);
    if (!p.ok) return void renderDenial(res, rid, { code: 'INVALID_JSON', message: 'The body is not JSON.' });
    const list = items.safeParse(p.value);
    if (!list.success) return void renderDenial(res, rid, { code: 'INVALID_REQUEST', message: zodMessage(list.error) });
    const out = [];
    try {
      for (const it of list.data) {
        const [o] = await svc.report([it.token], { reporter: 'github', url: it.url ?? null, source: it.source ?? null }, rid);
        out.push({ token_hash: o!.token_hash, token_type: it.type, label: o!.label });
      }
    } catch (e) {
      failed.set(bodyHash, true);
      throw e;
    }
    sendJson(res, rid, out);
  }

  async function adminReport(req: IncomingMessage, res: ServerResponse, rid: string): Promise<void> {
    const who = await authenticateAdmin(deps, req.headers.authorization).catch(() => undefined);
    if (!who) {
      req.resume();
      return void renderDenial(res, rid, { code: 'ADMIN_UNAUTHORIZED', message: `POST ${REPORT} needs an admin token (Authorization: Bearer <admin token>).` });
    }
    if (who.role !== 'admin') {
      req.resume();
      return void renderDenial(res, rid, { code: 'ADMIN_FORBIDDEN', message: `POST ${REPORT} needs an admin credential; ${who.actor} is a viewer.` });
    }
    const raw = await body(req, res, rid);
    if (!raw) return;
    const p = json(raw);
    if (!p.ok) return void renderDenial(res, rid, { code: 'INVALID_JSON', message: 'The body is not JSON.' });
    const r = report.safeParse(p.value);
    if (!r.success) return void renderDenial(res, rid, { code: 'INVALID_REQUEST', message: zodMessage(r.error) });
    const v = r.data;
    const data = await svc.report(v.tokens, { reporter: v.reporter ?? 'admin', url: v.url ?? null, source: v.source ?? null }, rid, v.dryRun === true);
    sendJson(res, rid, { object: 'list', data });
  }

  /** Answers the two leak routes; false for any other request. */
  return function handleLeaks(req: IncomingMessage, res: ServerResponse): boolean {
    const url = req.url ?? '/';
    const q = url.indexOf('?');
    const path = q < 0 ? url : url.slice(0, q);
    if (path !== GITHUB && path !== REPORT) return false;
    const rid = `req_${randomUUID().replace(/-/g, '')}`;
    if (req.method !== 'POST') {
      req.resume();
      // The partner endpoint stays invisible while off: the method check waits for the key file.
      if (path === GITHUB) {
        void githubKeys.current().then(
          (k) =>
            renderDenial(
              res,
              rid,
              k.size ? { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${path}.` } : { code: 'NOT_FOUND', message: `Unknown route ${req.method} ${path}.` },
            ),
          () => renderDenial(res, rid, { code: 'NOT_FOUND', message: `Unknown route ${req.method} ${path}.` }),
        );
      } else renderDenial(res, rid, { code: 'METHOD_NOT_ALLOWED', message: `${req.method} is not allowed on ${path}.` });
      return true;
    }
    (path === GITHUB ? github : adminReport)(req, res, rid).catch((e: Error) => {
      // Store or Redis down: the sender retries later (GitHub does on any non-2xx); never a 500 or a stack.
      deps.log.error('leaks: report failed', { err: e.message, path });
      if (!res.headersSent) renderDenial(res, rid, { code: 'SERVICE_UNAVAILABLE', message: 'The leak report could not be processed now; retry shortly.', retryAfter: 5 });
      else res.destroy();
    });
    return true;
  };
}
