// Answers built once and reused: the simulator repeats the same request thousands of times under the bench, and
// building each answer again (1 536 random floats formatted as JSON, 23 chunk objects serialised) cost more CPU than
// node's HTTP server itself. Every cached answer is byte for byte what the builders in chat.ts and embeddings.ts
// give for the same input; only a stream's id and created differ per request, and they are spliced in.
import { type ChatAnswer, chatStreamEvents, promptTokens } from './chat.js';
import { embeddingsResponse } from './embeddings.js';
import { Lru } from '../util/lru.js';

/** Inputs longer than this (their key, in characters) are built fresh each time, never held. */
const MAX_KEY = 16 * 1024;

const embeddingBodies = new Lru<string, Buffer>(32);

/** The JSON bytes of embeddingsResponse(model, inputs, dimensions, format), built once per distinct request. */
export function embeddingsBody(model: string, inputs: readonly string[], dimensions: number, format: 'float' | 'base64'): Buffer {
  const key = JSON.stringify([model, dimensions, format, inputs]);
  const hit = key.length <= MAX_KEY ? embeddingBodies.get(key) : undefined;
  if (hit !== undefined) return hit;
  const body = Buffer.from(JSON.stringify(embeddingsResponse(model, inputs, dimensions, format)));
  if (key.length <= MAX_KEY) embeddingBodies.set(key, body);
  return body;
}

// Stand-ins for the per-request fields while a stream is rendered once: characters from the private-use area, which
// JSON.stringify leaves as they are. An answer whose own text or model holds one is rendered fresh, never templated.
const ID = '\uE000';
const CREATED = '\uE001';
const CREATED_QUOTED = `"${CREATED}"`;

/** One event as its fixed parts: between consecutive parts goes the id or the created time, in `holes` order. */
interface EventTemplate {
  readonly parts: readonly string[];
  readonly holes: readonly ('id' | 'created')[];
}

const streams = new Lru<string, readonly EventTemplate[]>(64);

function templateOf(event: string): EventTemplate {
  const parts: string[] = [];
  const holes: ('id' | 'created')[] = [];
  let from = 0;
  for (;;) {
    const i = event.indexOf(ID, from);
    const j = event.indexOf(CREATED_QUOTED, from);
    if (i < 0 && j < 0) break;
    if (j < 0 || (i >= 0 && i < j)) {
      parts.push(event.slice(from, i));
      holes.push('id');
      from = i + ID.length;
    } else {
      parts.push(event.slice(from, j));
      holes.push('created');
      from = j + CREATED_QUOTED.length;
    }
  }
  parts.push(event.slice(from));
  return { parts, holes };
}

function fill(t: EventTemplate, id: string, created: string): string {
  let out = t.parts[0]!;
  for (let k = 0; k < t.holes.length; k++) out += (t.holes[k] === 'id' ? id : created) + t.parts[k + 1]!;
  return out;
}

/** chatStreamEvents(a, pieces, includeUsage), from a template rendered once per (answer less its id and time). */
export function streamEvents(a: ChatAnswer, pieces: number, includeUsage: boolean): string[] {
  const own = (s: string) => s.includes(ID) || s.includes(CREATED);
  if (own(a.text) || own(a.model) || own(a.id)) return chatStreamEvents(a, pieces, includeUsage);
  // The messages matter only through their token estimate (usage), so that stands for them in the key.
  const key = JSON.stringify([a.flavor, a.model, a.finishReason, pieces, includeUsage, promptTokens(a.messages), a.text]);
  let templates = key.length <= MAX_KEY ? streams.get(key) : undefined;
  if (templates === undefined) {
    const rendered = chatStreamEvents({ ...a, id: ID, created: CREATED as unknown as number }, pieces, includeUsage);
    templates = rendered.map(templateOf);
    if (key.length <= MAX_KEY) streams.set(key, templates);
  }
  const created = String(a.created);
  return templates.map((t) => fill(t, a.id, created));
}
