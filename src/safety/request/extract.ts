// Pulls the text a policy must check out of a request body: every chat message (all roles, multimodal text parts,
// tool-call arguments) and the image prompt. Tool results are documents (indirect-attack checks).

export interface Extracted {
  /** Client-written text: system/developer/user turns, earlier assistant turns, tool-call arguments. */
  readonly texts: string[];
  /** Content the model is asked to process: tool/function results. */
  readonly documents: string[];
  /** Characters in total, to enforce the checked-size limit. */
  readonly chars: number;
}

function partsText(content: unknown): string[] {
  if (typeof content === 'string') return [content];
  if (!Array.isArray(content)) return [];
  const out: string[] = [];
  for (const p of content) {
    if (!p || typeof p !== 'object') continue;
    const part = p as Record<string, unknown>;
    if (typeof part['text'] === 'string') out.push(part['text']);
    // Refusals and unknown part types with a text-like field are still text a model will read.
    else if (typeof part['refusal'] === 'string') out.push(part['refusal']);
  }
  return out;
}

export function extractChat(body: Record<string, unknown>): Extracted {
  const texts: string[] = [];
  const documents: string[] = [];
  const messages = Array.isArray(body['messages']) ? body['messages'] : [];
  for (const m of messages) {
    if (!m || typeof m !== 'object') continue;
    const msg = m as Record<string, unknown>;
    const role = msg['role'];
    const content = partsText(msg['content']);
    if (role === 'tool' || role === 'function') documents.push(...content);
    else texts.push(...content);
    const calls = Array.isArray(msg['tool_calls']) ? msg['tool_calls'] : [];
    for (const c of calls) {
      const args = (c as { function?: { arguments?: unknown } } | null)?.function?.arguments;
      if (typeof args === 'string') texts.push(args);
    }
  }
  let chars = 0;
  for (const t of texts) chars += t.length;
  for (const d of documents) chars += d.length;
  return { texts, documents, chars };
}

export function extractImage(body: Record<string, unknown>): Extracted {
  const p = typeof body['prompt'] === 'string' ? body['prompt'] : '';
  return { texts: [p], documents: [], chars: p.length };
}
