// Admin routes for incident webhooks (list, add, change, remove): the config file's (read-only) and those added at run time (stored, so every
// replica signs and sends to them). A webhook's secret is write-only: never returned, logged or audited.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AdminRoute } from '../admin/route.js';
import { parseInput } from '../admin/validate.js';
import { newKid } from '../keys/format.js';
import { adminEvent } from '../keys/service.js';
import type { Store, StoredWebhook, WebhookPatch } from '../store/port.js';
import type { WebhookSecretBox } from './webhook-secret.js';
import { redactUrl, type WebhookTarget } from './webhooks.js';

/** Stored webhooks at most (config-file ones are not counted): each event is sent to every one. */
export const MAX_WEBHOOKS = 20;

/** Why a URL may not receive incident events, or undefined: https (plain http only to loopback), no credentials in it. */
export function webhookUrlProblem(raw: string): string | undefined {
  let u: URL;
  try {
    u = new URL(raw);
  } catch {
    return 'not a URL (e.g. https://hooks.example.com/warden)';
  }
  if (u.username || u.password) return 'must not carry credentials (user:password@); deliveries are signed with the secret instead';
  if (u.protocol === 'https:') return undefined;
  const host = u.hostname.replace(/^\[|\]$/g, '');
  const loopback = host === 'localhost' || host === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
  if (u.protocol === 'http:') return loopback ? undefined : 'must use https (plain http only to a loopback address such as 127.0.0.1)';
  return 'must be an https URL';
}

const url = z
  .string()
  .trim()
  .min(1, 'required')
  .max(2048)
  .superRefine((v, ctx) => {
    const problem = v && webhookUrlProblem(v);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const secret = z.string().min(16, 'at least 16 characters').max(256);
const description = z.string().trim().max(200);

const createBody = z
  .object({
    url,
    /** HMAC-SHA256 secret; generated (and shown once) when absent. */
    secret: secret.optional(),
    description: description.default(''),
  })
  .strict();

/** PATCH: change the URL, rotate the secret, or edit the description; absent fields stay as they are. */
const patchBody = z
  .object({ url: url.optional(), secret: secret.optional(), description: description.optional() })
  .strict()
  .refine((v) => Object.values(v).some((x) => x !== undefined), 'nothing to change: give at least one of url, secret, description');

type Listed = { id: string | null; source: 'config' | 'api'; url: string; description: string; createdAt: string | null; createdBy: string | null; signed: true };

function fromConfig(w: WebhookTarget): Listed {
  return { id: null, source: 'config', url: redactUrl(w.url), description: '', createdAt: null, createdBy: null, signed: true };
}

/** What an admin may see of a stored webhook: never its secret, nor the URL's userinfo or query. */
export function publicWebhook(w: StoredWebhook): Listed {
  return { id: w.id, source: 'api', url: redactUrl(w.url), description: w.description, createdAt: w.createdAt, createdBy: w.createdBy, signed: true };
}

/** What the audit log records of a webhook: as listed, without the secret. */
const audited = (w: StoredWebhook) => ({ url: redactUrl(w.url), description: w.description });

export function webhookRoutes(d: { store: Store; configured: readonly WebhookTarget[]; box: WebhookSecretBox }): AdminRoute[] {
  const { store, box } = d;
  const list = async (): Promise<Listed[]> => [...d.configured.map(fromConfig), ...(await store.listWebhooks()).map(publicWebhook)];
  return [
    { method: 'GET', path: '/webhooks', handle: async () => ({ status: 200, body: { object: 'list', data: await list(), max: MAX_WEBHOOKS } }) },
    // The earlier read-only listing (url and signed only), kept for existing callers.
    { method: 'GET', path: '/risk/webhooks', handle: async () => ({ status: 200, body: { object: 'list', data: (await list()).map((w) => ({ url: w.url, signed: w.signed })) } }) },
    {
      method: 'POST',
      path: '/webhooks',
      async handle({ body, actor }) {
        const p = parseInput(createBody, body);
        if (!p.ok) return p;
        const generated = p.value.secret === undefined;
        const secret = p.value.secret ?? `whsec_${randomBytes(24).toString('base64url')}`;
        const id = `wh_${newKid()}`;
        const w: StoredWebhook = { id, url: p.value.url, secret: box.seal(id, secret), description: p.value.description, createdAt: new Date().toISOString(), createdBy: actor.actor };
        // The cap is checked inside the store's transaction: concurrent adds cannot overshoot it.
        if (!(await store.createWebhook(w, adminEvent(actor, 'webhook.create', {}, { webhookId: w.id, before: null, after: audited(w) }), MAX_WEBHOOKS))) {
          return { denial: { code: 'INVALID_REQUEST', message: `Invalid request: at most ${MAX_WEBHOOKS} webhooks can be added; remove one first.`, param: 'url' } };
        }
        // A secret the gateway made up is shown this once, so the receiver can be given it; one the caller sent is not echoed.
        return { status: 201, body: { ...publicWebhook(w), ...(generated ? { secret } : {}) } };
      },
    },
    {
      method: 'PATCH',
      path: '/webhooks/:id',
      async handle({ params, body, actor }) {
        const p = parseInput(patchBody, body);
        if (!p.ok) return p;
        const id = params['id']!;
        const current = (await store.listWebhooks()).find((w) => w.id === id);
        if (!current) return { denial: { code: 'NOT_FOUND', message: `No webhook ${id} (webhooks from the config file are changed there).` } };
        const patch = Object.fromEntries(Object.entries(p.value).filter(([, v]) => v !== undefined)) as WebhookPatch;
        const after = { ...current, ...patch };
        // The secret's change is recorded as a fact, never its value.
        const detail = { webhookId: id, before: audited(current), after: audited(after), ...(patch.secret !== undefined ? { secretChanged: true } : {}) };
        const sealed = patch.secret !== undefined ? { ...patch, secret: box.seal(id, patch.secret) } : patch;
        const updated = await store.updateWebhook(id, sealed, adminEvent(actor, 'webhook.update', {}, detail));
        if (!updated) return { denial: { code: 'NOT_FOUND', message: `No webhook ${id}.` } };
        return { status: 200, body: publicWebhook(updated) };
      },
    },
    {
      method: 'DELETE',
      path: '/webhooks/:id',
      async handle({ params, actor }) {
        const id = params['id']!;
        const current = (await store.listWebhooks()).find((w) => w.id === id);
        if (!current) return { denial: { code: 'NOT_FOUND', message: `No webhook ${id} (webhooks from the config file are removed there).` } };
        const gone = await store.deleteWebhook(id, adminEvent(actor, 'webhook.delete', {}, { webhookId: id, before: audited(current), after: null }));
        if (!gone) return { denial: { code: 'NOT_FOUND', message: `No webhook ${id}.` } };
        return { status: 200, body: { ...publicWebhook(gone), deleted: true } };
      },
    },
  ];
}
