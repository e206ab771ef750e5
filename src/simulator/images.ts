// Pure builder of images.generations answers (dall-e-3 shape: revised_prompt + url or b64_json).
import type { SimFlavor } from './types.js';
import { choiceFilterResults, promptFilterResults } from './azure-filter.js';

/** A valid 1×1 PNG (signature, IHDR, IDAT, IEND with correct CRCs). */
export const TINY_PNG_BASE64 = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=';
export const TINY_PNG = Buffer.from(TINY_PNG_BASE64, 'base64');

export interface ImagesAnswer {
  readonly flavor: SimFlavor;
  readonly created: number;
  readonly prompt: string;
  readonly n: number;
  readonly format: 'url' | 'b64_json';
  /** Base URL the simulator serves image files from. */
  readonly baseUrl: string;
  readonly id: string;
  readonly revisedPrompt: string | undefined;
}

/** What the simulated model "rewrites" a prompt into, the way DALL-E 3 expands prompts. */
export function defaultRevision(prompt: string): string {
  return `A detailed, well-lit illustration of ${prompt.trim()}, rendered in a neutral style with balanced composition.`;
}

export function imagesResponse(a: ImagesAnswer): object {
  const revised = a.revisedPrompt ?? defaultRevision(a.prompt);
  const data = [];
  for (let i = 0; i < Math.max(1, Math.min(10, a.n)); i++) {
    const image = a.format === 'b64_json' ? { b64_json: TINY_PNG_BASE64 } : { url: `${a.baseUrl}/sim/images/${a.id}-${i}.png` };
    data.push({
      revised_prompt: revised,
      ...image,
      ...(a.flavor === 'azure' ? { content_filter_results: choiceFilterResults(), prompt_filter_results: promptFilterResults() } : {}),
    });
  }
  return { created: a.created, data };
}
