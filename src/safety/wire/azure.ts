// Azure OpenAI's content-filter wire shapes: blocked-prompt errors, prompt_filter_results, per-choice results.
import { deny, type Outcome } from '../../errors/denial.js';
import type { Decision } from '../policy/decide.js';
import type { Category } from '../types.js';

type SevResult = { filtered: boolean; severity: string };
type DetResult = { filtered: boolean; detected: boolean };

const HARM: readonly Category[] = ['hate', 'self_harm', 'sexual', 'violence'];
/** Reported only when something was found: Warden's extensions to Azure's set. */
const EXTRA_HARM: readonly Category[] = ['illicit'];
const DETECTED: readonly Category[] = ['jailbreak', 'indirect_attack', 'prompt_rewrite_suppression', 'obfuscation'];

/** `{hate:{filtered,severity}, …, jailbreak:{filtered,detected}}`; `prompt` adds the prompt-only detections. */
export function contentFilterResults(d: Decision, kind: 'prompt' | 'completion'): Record<string, SevResult | DetResult | object> {
  const out: Record<string, SevResult | DetResult | object> = {};
  const blocked = (c: Category): boolean => d.categories[c]?.action === 'block';
  for (const c of HARM) out[c] = { filtered: blocked(c), severity: d.categories[c]?.severity ?? 'safe' };
  for (const c of EXTRA_HARM) if (d.categories[c]) out[c] = { filtered: blocked(c), severity: d.categories[c]!.severity };
  if (kind === 'prompt') {
    for (const c of DETECTED) {
      const o = d.categories[c];
      if (c === 'jailbreak' || (o && o.severity !== 'safe')) out[c] = { filtered: blocked(c) || o?.action === 'strip', detected: o !== undefined && o.severity !== 'safe' && o.triggered };
    }
  }
  const bl = d.categories.custom_blocklists;
  if (bl?.triggered)
    out['custom_blocklists'] = {
      filtered: blocked('custom_blocklists'),
      details: d.triggered.filter((f) => f.category === 'custom_blocklists').map((f) => ({ filtered: blocked('custom_blocklists'), id: f.reason })),
    };
  return out;
}

/**
 * HTTP 400 `content_filter` with `innererror.code: ResponsibleAIPolicyViolation` (chat; embeddings alike, naming
 * `input`), or `content_policy_violation` (images).
 */
export function blockedDenial(d: Decision, endpoint: 'chat' | 'images' | 'embeddings', where: 'prompt' | 'output' = 'prompt'): Outcome {
  const result = contentFilterResults(d, where === 'prompt' ? 'prompt' : 'completion');
  if (endpoint === 'images') {
    return deny('IMAGE_CONTENT_POLICY', 'Your request was rejected as a result of our safety system. Your prompt may contain text that is not allowed by our safety system.', {
      wireCode: 'content_policy_violation',
      param: 'prompt',
      extra: { innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_results: result } },
    });
  }
  const msg =
    endpoint === 'embeddings'
      ? 'The input was filtered due to triggering the content management policy. Please modify your input and retry.'
      : where === 'prompt'
        ? 'The response was filtered due to the prompt triggering the content management policy. Please modify your prompt and retry.'
        : 'The response was filtered due to the model output triggering the content management policy.';
  return deny('CONTENT_FILTERED', msg, {
    wireCode: 'content_filter',
    param: endpoint === 'embeddings' ? 'input' : 'prompt',
    extra: { status: 400, innererror: { code: 'ResponsibleAIPolicyViolation', content_filter_result: result } },
  });
}

/** Adds `prompt_filter_results` and per-choice `content_filter_results` to an allowed chat answer, in place. */
export function annotateChat(body: Record<string, unknown>, prompt: Decision, output: Decision | undefined): void {
  // An Azure upstream annotates the prompt too: its findings are kept, merged with Warden's.
  body['prompt_filter_results'] = mergePromptFilterResults(body['prompt_filter_results'], prompt);
  if (output && Array.isArray(body['choices'])) {
    for (const c of body['choices'] as Record<string, unknown>[]) if (c && typeof c === 'object') c['content_filter_results'] = contentFilterResults(output, 'completion');
  }
}

/** Images: Azure puts `prompt_filter_results` on each data item and `content_filter_results` for the image. */
export function annotateImages(body: Record<string, unknown>, prompt: Decision): void {
  if (!Array.isArray(body['data'])) return;
  for (const item of body['data'] as Record<string, unknown>[]) {
    if (!item || typeof item !== 'object') continue;
    item['prompt_filter_results'] = contentFilterResults(prompt, 'prompt');
  }
}

const SEVERITY_ORDER = ['safe', 'very_low', 'low', 'medium', 'high'];

/**
 * One category's results from two filters (the upstream's own, Warden's): filtered or detected by either, the
 * higher severity. Fields only one side has are kept.
 */
function mergeOne(a: unknown, b: unknown): unknown {
  if (!a || typeof a !== 'object') return b;
  if (!b || typeof b !== 'object') return a;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const out: Record<string, unknown> = { ...x, ...y };
  if ('filtered' in x || 'filtered' in y) out['filtered'] = x['filtered'] === true || y['filtered'] === true;
  if ('detected' in x || 'detected' in y) out['detected'] = x['detected'] === true || y['detected'] === true;
  if (typeof x['severity'] === 'string' && typeof y['severity'] === 'string') {
    out['severity'] = SEVERITY_ORDER.indexOf(x['severity']) >= SEVERITY_ORDER.indexOf(y['severity']) ? x['severity'] : y['severity'];
  }
  return out;
}

/** Warden's prompt verdict merged into the upstream's `prompt_filter_results` (Azure behind Azure: both filters count). */
export function mergePromptFilterResults(upstream: unknown, prompt: Decision): object[] {
  const ours = contentFilterResults(prompt, 'prompt');
  const theirs = Array.isArray(upstream) ? (upstream as Record<string, unknown>[]) : [];
  const first = theirs.find((r) => r && typeof r === 'object' && (r['prompt_index'] ?? 0) === 0);
  const base = (first?.['content_filter_results'] ?? {}) as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(ours)) merged[k] = mergeOne(base[k], v);
  return [{ ...(first ?? {}), prompt_index: 0, content_filter_results: merged }, ...theirs.filter((r) => r !== first)];
}

/** The chunk Azure streams first: no choices, only the prompt's filter results (created 0, empty id/model/object). */
export function promptFilterChunk(prompt: Decision): Record<string, unknown> {
  return { choices: [], created: 0, id: '', model: '', object: '', prompt_filter_results: [{ prompt_index: 0, content_filter_results: contentFilterResults(prompt, 'prompt') }] };
}
