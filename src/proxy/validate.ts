// Pure decision: is this body a well-formed request for its endpoint? Lists every issue, not just the first.
import type { Endpoint } from '../api.js';

type Body = Record<string, unknown>;
const ROLES = new Set(['system', 'developer', 'user', 'assistant', 'tool', 'function']);

function isStr(v: unknown): v is string {
  return typeof v === 'string';
}

function checkMessages(v: unknown, issues: string[]): void {
  if (!Array.isArray(v)) return void issues.push("'messages' must be an array");
  if (v.length === 0) issues.push("'messages' must not be empty");
  // Indexed loops, not forEach: no closure per message or part on every request.
  for (let i = 0; i < v.length; i++) {
    const m: unknown = v[i];
    if (!m || typeof m !== 'object' || Array.isArray(m)) {
      issues.push(`'messages[${i}]' must be an object`);
      continue;
    }
    const msg = m as Body;
    if (!isStr(msg['role']) || !ROLES.has(msg['role'])) issues.push(`'messages[${i}].role' must be one of ${[...ROLES].join(', ')}`);
    const c = msg['content'];
    if (c === undefined || c === null) {
      // Only an assistant turn (typically carrying tool_calls) may have no content.
      if (msg['role'] !== 'assistant') issues.push(`'messages[${i}].content' is required`);
    } else if (Array.isArray(c)) {
      for (let j = 0; j < c.length; j++) {
        const part = c[j] as Body | null;
        if (!part || typeof part !== 'object' || !isStr(part['type'])) issues.push(`'messages[${i}].content[${j}]' must be an object with a 'type'`);
        else if (part['type'] === 'text' && !isStr(part['text'])) issues.push(`'messages[${i}].content[${j}].text' must be a string`);
      }
    } else if (!isStr(c)) issues.push(`'messages[${i}].content' must be a string, an array of parts, or null`);
  }
}

function optNumber(b: Body, f: string, issues: string[], min?: number, max?: number, int = false): void {
  const v = b[f];
  if (v === undefined || v === null) return;
  if (typeof v !== 'number' || !Number.isFinite(v) || (int && !Number.isInteger(v))) return void issues.push(`'${f}' must be ${int ? 'an integer' : 'a number'}`);
  if ((min !== undefined && v < min) || (max !== undefined && v > max)) issues.push(`'${f}' must be between ${min} and ${max}`);
}

/** OpenAI's limit on inputs per embeddings request. */
const MAX_EMBEDDING_INPUTS = 2048;
const isTokenId = (n: unknown): boolean => Number.isSafeInteger(n) && (n as number) >= 0;
const isTokenArray = (v: unknown): boolean => Array.isArray(v) && v.length > 0 && v.every(isTokenId);

/**
 * What is wrong with an embeddings `input`, or undefined. OpenAI's shapes: a non-empty string, or an array of
 * 1–2048 items all of one kind: non-empty strings, token ids (non-negative integers), or non-empty token arrays.
 */
function embeddingInputIssue(v: unknown): string | undefined {
  const shapes = 'a string, an array of strings, an array of token ids, or an array of token arrays';
  if (isStr(v)) return v.length > 0 ? undefined : "'input' must not be an empty string";
  if (!Array.isArray(v) || v.length === 0) return `'input' is required: ${shapes}`;
  if (v.length > MAX_EMBEDDING_INPUTS) return `'input' holds ${v.length} items; at most ${MAX_EMBEDDING_INPUTS} are allowed`;
  const first = v[0];
  const ok = isStr(first) ? v.every((x) => isStr(x) && x.length > 0) : typeof first === 'number' ? v.every(isTokenId) : v.every(isTokenArray);
  return ok ? undefined : `'input' must be ${shapes}, all of one kind (non-empty strings, non-negative integer token ids)`;
}

export function validateBody(endpoint: Endpoint, b: Body, modelFromPath: boolean): string[] {
  const issues: string[] = [];
  if (!modelFromPath && !isStr(b['model'])) issues.push("'model' is required and must be a string");
  if (modelFromPath && b['model'] !== undefined && !isStr(b['model'])) issues.push("'model' must be a string");
  if (b['stream'] !== undefined && b['stream'] !== null && typeof b['stream'] !== 'boolean') issues.push("'stream' must be a boolean");
  switch (endpoint) {
    case 'chat':
      checkMessages(b['messages'], issues);
      optNumber(b, 'max_tokens', issues, 1, 1_000_000, true);
      optNumber(b, 'max_completion_tokens', issues, 1, 1_000_000, true);
      optNumber(b, 'temperature', issues, 0, 2);
      optNumber(b, 'n', issues, 1, 128, true);
      break;
    case 'images':
      if (!isStr(b['prompt']) || b['prompt'].length === 0) issues.push("'prompt' is required and must be a non-empty string");
      if (b['stream'] === true) issues.push("'stream' is not supported for images through this gateway");
      optNumber(b, 'n', issues, 1, 10, true);
      if (b['response_format'] !== undefined && b['response_format'] !== null && b['response_format'] !== 'url' && b['response_format'] !== 'b64_json')
        issues.push("'response_format' must be 'url' or 'b64_json'");
      break;
    case 'embeddings':
      {
        const issue = embeddingInputIssue(b['input']);
        if (issue) issues.push(issue);
      }
      if (b['stream'] === true) issues.push("'stream' is not supported for embeddings");
      break;
    case 'models':
      break;
  }
  return issues;
}
