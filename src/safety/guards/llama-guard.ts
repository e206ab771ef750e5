// Llama Guard behind any OpenAI-compatible chat endpoint: the model answers "safe" or "unsafe\nS1,S10".
import { hazardCategory, type Finding, type Hazard } from '../types.js';
import { GuardError, postJson, type Guard } from './types.js';

export interface LlamaGuardOptions {
  readonly name?: string;
  /** OpenAI-compatible base URL, e.g. http://127.0.0.1:8000/v1 */
  readonly baseUrl: string;
  readonly apiKey?: string;
  readonly model: string;
}

const HAZARD = /^S(?:[1-9]|1[0-4])$/;

/** Parses Llama Guard's verdict text; anything else is malformed (so fail-open/closed applies). */
export function parseLlamaGuard(text: string): { safe: boolean; hazards: Hazard[] } | undefined {
  const lines = text
    .trim()
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  if (lines[0]?.toLowerCase() === 'safe') return { safe: true, hazards: [] };
  if (lines[0]?.toLowerCase() !== 'unsafe') return undefined;
  const hazards = (lines[1] ?? '')
    .split(/[,\s]+/)
    .map((h) => h.toUpperCase())
    .filter((h): h is Hazard => HAZARD.test(h));
  return { safe: false, hazards };
}

export function llamaGuard(o: LlamaGuardOptions): Guard {
  const name = o.name ?? 'llama-guard';
  return {
    name,
    async check(input, signal) {
      const role = input.target === 'output' ? 'assistant' : 'user';
      // Llama Guard judges the last turn; for output it needs a user turn before it.
      const messages =
        role === 'assistant'
          ? [
              { role: 'user', content: '(prompt withheld)' },
              { role, content: input.text },
            ]
          : [{ role, content: input.text }];
      const body = await postJson(
        name,
        `${o.baseUrl.replace(/\/$/, '')}/chat/completions`,
        o.apiKey ? { authorization: `Bearer ${o.apiKey}` } : {},
        { model: o.model, messages, temperature: 0, max_tokens: 20 },
        signal,
      );
      const text = (body as { choices?: { message?: { content?: unknown } }[] }).choices?.[0]?.message?.content;
      const v = typeof text === 'string' ? parseLlamaGuard(text) : undefined;
      if (!v) throw new GuardError(name, 200, 'malformed', `${name}: answer is neither "safe" nor "unsafe\\nS…"`);
      if (v.safe) return [];
      const hazards: Hazard[] = v.hazards.length ? v.hazards : ['S2'];
      return hazards.map((h): Finding => ({ category: hazardCategory(h), severity: 'high', hazard: h, source: `guard:${name}`, reason: `llama guard ${h}` }));
    },
  };
}
