// Pure: are the identifiers a client names (model, user, Azure deployment, api-version) short and plain?
// They travel into the upstream's URL or body, log lines and the audit row: no control bytes, no path syntax.

export interface IdentifierIssue {
  readonly param: string;
  readonly message: string;
}

/** OpenAI, fine-tuned (`ft:…:org::id`) and provider-prefixed (`meta/llama-3`) model names. */
const MODEL = /^[A-Za-z0-9][A-Za-z0-9._:@+/-]*$/;
export const MAX_MODEL = 256;
/** An empty, `.` or `..` segment between slashes (the name may become part of an upstream path). */
const BAD_SEGMENT = /(?:^|\/)\.{0,2}(?:\/|$)/;
/** Azure's own rule for a deployment name: letters, digits, `_`, `-`, `.`, at most 64. */
const DEPLOYMENT = /^[A-Za-z0-9_.-]+$/;
export const MAX_DEPLOYMENT = 64;
const API_VERSION = /^[A-Za-z0-9._-]+$/;
export const MAX_API_VERSION = 64;
export const MAX_USER = 256;
// Any C0 control (CR, LF, NUL, …), DEL or C1 control.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f-\u009f]/;

function shape(param: string, v: string, max: number, re: RegExp, what: string): IdentifierIssue | undefined {
  if (v.length === 0) return { param, message: `'${param}' must not be empty` };
  if (v.length > max) return { param, message: `'${param}' is ${v.length} characters long; at most ${max} are allowed` };
  if (CONTROL.test(v)) return { param, message: `'${param}' must not contain control characters (CR, LF, NUL…)` };
  if (!re.test(v)) return { param, message: `'${param}' may contain only ${what}` };
  return undefined;
}

export function checkModel(v: string): IdentifierIssue | undefined {
  const i = shape('model', v, MAX_MODEL, MODEL, 'letters, digits and . _ : @ + / - (starting with a letter or digit)');
  if (i) return i;
  return BAD_SEGMENT.test(v) ? { param: 'model', message: "'model' must not contain empty, '.' or '..' path segments" } : undefined;
}

/** A deployment becomes a path segment of the upstream URL: `..`, `.` and anything decoding to `/` never pass. */
export function checkDeployment(v: string): IdentifierIssue | undefined {
  const i = shape('deployment', v, MAX_DEPLOYMENT, DEPLOYMENT, 'letters, digits and _ . -');
  if (i) return i;
  return v === '.' || v === '..' ? { param: 'deployment', message: "'deployment' must not be '.' or '..'" } : undefined;
}

export function checkApiVersion(v: string): IdentifierIssue | undefined {
  return shape('api-version', v, MAX_API_VERSION, API_VERSION, 'letters, digits and . _ -');
}

/** `user` is free text to OpenAI (an end-user id), so only its length and control bytes are bounded. */
export function checkUser(v: unknown): IdentifierIssue | undefined {
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'string') return { param: 'user', message: "'user' must be a string" };
  if (v.length > MAX_USER) return { param: 'user', message: `'user' is ${v.length} characters long; at most ${MAX_USER} are allowed` };
  if (CONTROL.test(v)) return { param: 'user', message: "'user' must not contain control characters (CR, LF, NUL…)" };
  return undefined;
}
