// Pure builder of embeddings answers: deterministic unit vectors, as float arrays or base64 float32 LE.
import { estimateTokens } from './text.js';

/** FNV-1a over the string's UTF-16 units: a stable seed per (model, input). */
function seedOf(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** mulberry32: tiny, fast, good enough for fake vectors. */
function rng(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A deterministic unit-length vector for (model, input). Components are float32-exact,
 * so the float and base64 encodings decode to identical numbers.
 */
export function embeddingVector(model: string, input: string, dimensions: number): Float32Array {
  const next = rng(seedOf(`${model}\u0000${input}`));
  const v = new Float32Array(dimensions);
  let norm = 0;
  for (let i = 0; i < dimensions; i++) {
    const x = next() * 2 - 1;
    v[i] = x;
    norm += x * x;
  }
  const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
  for (let i = 0; i < dimensions; i++) v[i] = (v[i] ?? 0) * scale;
  return v;
}

export function defaultDimensions(model: string): number {
  return model.includes('3-large') ? 3072 : 1536;
}

/** Inputs as strings: a string, strings, or token arrays (joined so they still seed distinctly). */
export function embeddingInputs(input: unknown): string[] | undefined {
  if (typeof input === 'string') return [input];
  if (!Array.isArray(input) || input.length === 0) return undefined;
  if (input.every((x) => typeof x === 'string')) return input as string[];
  if (input.every((x) => typeof x === 'number')) return [input.join(',')];
  if (input.every((x) => Array.isArray(x))) return (input as unknown[][]).map((x) => x.join(','));
  return undefined;
}

/** float32 little-endian bytes, base64: what the API sends and the openai SDK decodes. */
export function toBase64(v: Float32Array): string {
  const buf = Buffer.allocUnsafe(v.length * 4);
  for (let i = 0; i < v.length; i++) buf.writeFloatLE(v[i] ?? 0, i * 4);
  return buf.toString('base64');
}

export function embeddingsResponse(model: string, inputs: readonly string[], dimensions: number, format: 'float' | 'base64'): object {
  let tokens = 0;
  const data = inputs.map((input, index) => {
    tokens += estimateTokens(input);
    const v = embeddingVector(model, input, dimensions);
    return { object: 'embedding', index, embedding: format === 'base64' ? toBase64(v) : Array.from(v) };
  });
  return { object: 'list', data, model, usage: { prompt_tokens: tokens, total_tokens: tokens } };
}
