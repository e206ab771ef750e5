// Stage validate: check what the URL and headers name (header phase), then parse the JSON body and check its shape.
import { deny, OK, type Outcome } from '../../errors/denial.js';
import type { RequestContext } from '../context.js';
import type { Stage } from '../stage.js';
import { checkApiVersion, checkDeployment, checkModel, checkUser, type IdentifierIssue } from '../identifiers.js';
import { validateBody } from '../validate.js';

declare module '../context.js' {
  interface StageVars {
    /** Raw request body as received (set by the handler before the body stages run, cleared once they have). */
    rawBody: Buffer | undefined;
  }
}

const invalid = (i: IdentifierIssue): Outcome => deny('INVALID_REQUEST', `Invalid request: ${i.message}.`, { param: i.param });

/** Header phase: the Azure route's deployment and api-version, and the content type, before a byte of body is read. */
function checkTarget(ctx: RequestContext): Outcome {
  const r = ctx.route;
  if (r.style === 'azure') {
    if (r.apiVersion === undefined) return deny('INVALID_REQUEST', "The 'api-version' query parameter is required on Azure-style routes.", { param: 'api-version' });
    const issue = checkApiVersion(r.apiVersion) ?? (r.deployment !== undefined ? checkDeployment(r.deployment) : undefined);
    if (issue) return invalid(issue);
  }
  if (ctx.method === 'GET') return OK;
  const ct = String(ctx.headers['content-type'] ?? 'application/json');
  // The usual header is exactly application/json: no pattern to run for it.
  if (ct !== 'application/json' && !/^application\/(.+\+)?json\b/i.test(ct) && !/^text\/plain\b/i.test(ct)) {
    return deny('UNSUPPORTED_MEDIA_TYPE', `Expected an application/json body, got '${ct.slice(0, 60).replace(/[^\x20-\x7e]/g, '?')}'.`);
  }
  return OK;
}

/**
 * Body phase: parse the JSON body and check its shape; sets body, model and stream. Its nesting depth was bounded
 * while it was read (server.maxJsonDepth), so the parse and every walk after it stay shallow.
 */
function parseRequest(ctx: RequestContext): Outcome {
  if (ctx.method === 'GET') return OK;
  const raw = ctx.vars.rawBody;
  let body: unknown;
  try {
    body = JSON.parse(raw?.length ? raw.toString('utf8') : '');
  } catch {
    return deny('INVALID_JSON', 'We could not parse the JSON body of your request. Send a valid JSON object.', { wireCode: 'invalid_json' });
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) {
    return deny('INVALID_REQUEST', 'The request body must be a JSON object.');
  }
  const b = body as Record<string, unknown>;
  const fromPath = ctx.route.deployment !== undefined;
  const issues = validateBody(ctx.route.endpoint, b, fromPath);
  if (issues.length > 0) {
    return deny('INVALID_REQUEST', `Invalid request: ${issues.join('; ')}.`, { param: issues.length === 1 ? (/'([^']+)'/.exec(issues[0]!)?.[1] ?? null) : null });
  }
  const id = (typeof b['model'] === 'string' ? checkModel(b['model']) : undefined) ?? checkUser(b['user']);
  if (id) return invalid(id);
  ctx.body = b;
  ctx.model = fromPath ? ctx.route.deployment : (b['model'] as string);
  ctx.stream = b['stream'] === true;
  ctx.audit.model = ctx.model ?? null;
  return OK;
}

/** `target` (header phase) or `request` (body phase); both report as the 'validate' stage. */
export function validate(part: 'target' | 'request'): Stage {
  return { name: 'validate', before: part === 'target' ? checkTarget : parseRequest };
}
