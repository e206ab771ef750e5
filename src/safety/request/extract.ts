// Pulls the text a policy must check out of a request body: every field the model reads (messages of all roles,
// names, tool calls, tool and function definitions with their schemas, response_format), the image prompt, and
// embeddings input. Tool results are documents (indirect-attack checks). The walk is bounded (schema-text.ts).
import { schemaText, walkBudget, type WalkBudget } from './schema-text.js';

export interface Extracted {
  /** Client-written text: system/developer/user turns, earlier assistant turns, tool-call arguments, tool definitions. */
  readonly texts: string[];
  /** Content the model is asked to process: tool/function results. */
  readonly documents: string[];
  /**
   * How many of `texts`, from the first, the operator wrote: system and developer messages (chat). Instructions the
   * operator gives its own model are not an injection; the other checks still read them.
   */
  readonly operator?: number;
  /** Characters in total, to enforce the checked-size limit. */
  readonly chars: number;
  /** Set when the walk stopped at a bound: the request cannot be checked whole and must be refused. */
  readonly over?: { readonly reason: 'depth' | 'chars' | 'nodes'; readonly param: string };
  /** Embeddings input given as token ids: not text this gateway can read (see the README). */
  readonly tokenInput?: boolean;
}

/** String fields of a content part a model reads (text, refusals, captions some clients attach to images). */
const PART_TEXT = ['text', 'refusal', 'caption', 'alt', 'alt_text', 'title', 'description', 'transcript'] as const;

function partsText(content: unknown, out: string[]): void {
  if (typeof content === 'string') return void out.push(content);
  if (!Array.isArray(content)) return;
  for (const p of content) {
    if (!p || typeof p !== 'object') continue;
    const part = p as Record<string, unknown>;
    for (const f of PART_TEXT) if (typeof part[f] === 'string') out.push(part[f]);
    // An image part may carry its caption inside `image_url` (its `url` and `detail` are not prose).
    const img = part['image_url'];
    if (img && typeof img === 'object') for (const f of PART_TEXT) if (typeof (img as Record<string, unknown>)[f] === 'string') out.push((img as Record<string, string>)[f]!);
    // A file part's name is shown to the model with the file.
    const file = part['file'] as { filename?: unknown } | undefined;
    if (file && typeof file === 'object' && typeof file.filename === 'string') out.push(file.filename.replace(/[_.-]+/g, ' '));
  }
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.length > 0 ? v : undefined);
/** Names are identifiers (`^[a-zA-Z0-9_-]+$`): read as the words the model sees in them. */
const words = (name: string): string => name.replace(/[_-]+/g, ' ');

function callText(fn: unknown, out: string[]): void {
  if (!fn || typeof fn !== 'object') return;
  const f = fn as Record<string, unknown>;
  const name = str(f['name']);
  if (name) out.push(words(name));
  const args = str(f['arguments']);
  if (args) out.push(args);
}

/** Name and description as text, the parameter schema through the bounded walk. */
function definitionText(def: unknown, budget: WalkBudget, out: string[]): void {
  if (!def || typeof def !== 'object') return;
  const d = def as Record<string, unknown>;
  const name = str(d['name']);
  if (name) out.push(words(name));
  if (str(d['description'])) out.push(d['description'] as string);
  if (d['parameters'] !== undefined) schemaText(d['parameters'], budget, out);
}

function sum(xs: readonly string[]): number {
  let n = 0;
  for (const x of xs) n += x.length;
  return n;
}

/**
 * Chat: messages (content, `name`, tool calls and legacy `function_call`, client-supplied assistant turns and
 * prefills), `tools` (function name, description, parameter schema; custom tools' descriptions), legacy
 * `functions`, `response_format.json_schema`, and `prediction` (predicted output the model conditions on).
 */
export function extractChat(body: Record<string, unknown>, maxChars = Number.MAX_SAFE_INTEGER): Extracted {
  const operator: string[] = [];
  const texts: string[] = [];
  const documents: string[] = [];
  const messages = Array.isArray(body['messages']) ? body['messages'] : [];
  for (const m of messages) {
    if (!m || typeof m !== 'object') continue;
    const msg = m as Record<string, unknown>;
    const role = msg['role'];
    const name = str(msg['name']);
    if (name) texts.push(words(name));
    if (role === 'tool' || role === 'function') partsText(msg['content'], documents);
    else partsText(msg['content'], role === 'system' || role === 'developer' ? operator : texts);
    const calls = Array.isArray(msg['tool_calls']) ? msg['tool_calls'] : [];
    for (const c of calls) callText((c as { function?: unknown } | null)?.function, texts);
    callText(msg['function_call'], texts);
  }
  const prediction = body['prediction'] as { content?: unknown } | undefined;
  if (prediction && typeof prediction === 'object') partsText(prediction.content, texts);
  // Definitions are walked against what the messages left of the budget: one bound for the whole request.
  const budget = walkBudget(maxChars - sum(operator) - sum(texts) - sum(documents));
  let param = '';
  const tools = Array.isArray(body['tools']) ? body['tools'] : [];
  for (let i = 0; i < tools.length && !budget.over; i++) {
    const t = tools[i] as Record<string, unknown> | null;
    if (!t || typeof t !== 'object') continue;
    param = `tools[${i}]`;
    // Function tools keep their definition under `function`; custom tools carry name and description directly.
    definitionText(t['function'] ?? t, budget, texts);
    if (t['custom'] && typeof t['custom'] === 'object') definitionText(t['custom'], budget, texts);
  }
  const functions = Array.isArray(body['functions']) ? body['functions'] : [];
  for (let i = 0; i < functions.length && !budget.over; i++) {
    param = `functions[${i}]`;
    definitionText(functions[i], budget, texts);
  }
  const rf = body['response_format'] as { json_schema?: unknown } | undefined;
  if (!budget.over && rf && typeof rf === 'object' && rf.json_schema !== undefined) {
    param = 'response_format';
    schemaText(rf.json_schema, budget, texts);
  }
  const chars = sum(operator) + sum(texts) + sum(documents);
  // The operator's messages first: `operator` counts them.
  const all = operator.length ? [...operator, ...texts] : texts;
  return { texts: all, documents, chars, ...(operator.length ? { operator: operator.length } : {}), ...(budget.over ? { over: { reason: budget.over, param } } : {}) };
}

export function extractImage(body: Record<string, unknown>): Extracted {
  const p = typeof body['prompt'] === 'string' ? body['prompt'] : '';
  return { texts: [p], documents: [], chars: p.length };
}

/**
 * Embeddings: a string or an array of strings is text like a prompt. Token-id arrays (numbers, or arrays of
 * numbers) are ids of the model's own tokeniser, which this gateway does not carry: they are reported as
 * `tokenInput` for the policy to flag or refuse, never read as text.
 */
export function extractEmbeddings(body: Record<string, unknown>): Extracted {
  const input = body['input'];
  const texts: string[] = [];
  let tokenInput = false;
  if (typeof input === 'string') texts.push(input);
  else if (Array.isArray(input)) {
    for (const x of input) {
      if (typeof x === 'string') texts.push(x);
      else tokenInput = true;
    }
  }
  return { texts, documents: [], chars: sum(texts), ...(tokenInput ? { tokenInput } : {}) };
}
