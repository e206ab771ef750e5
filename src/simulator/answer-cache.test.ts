// Cached answers are byte for byte the builders' answers, whatever the request's id, time, flavor or text.
import { describe, expect, it } from 'vitest';
import { embeddingsBody, streamEvents } from './answer-cache.js';
import { type ChatAnswer, chatStreamEvents } from './chat.js';
import { embeddingsResponse } from './embeddings.js';
import { DEFAULT_REPLY } from './text.js';

const answer = (over: Partial<ChatAnswer> = {}): ChatAnswer => ({
  flavor: 'openai',
  id: 'chatcmpl-a1',
  created: 1_700_000_000,
  model: 'gpt-4o-mini',
  messages: [{ role: 'user', content: 'hi there' }],
  text: DEFAULT_REPLY,
  finishReason: 'stop',
  ...over,
});

describe('streamEvents', () => {
  it.each([
    ['openai, usage', answer(), 20, true],
    ['openai, no usage', answer(), 20, false],
    ['azure, usage', answer({ flavor: 'azure' }), 4, true],
    ['quotes, escapes, unicode', answer({ text: 'a "quoted" \\ back\nslash é ✓ 𝄞 "created":1 chatcmpl-a1' }), 7, true],
    ['finish content_filter, empty text', answer({ text: '', finishReason: 'content_filter' }), 20, true],
    ['stand-in characters in the text (rendered fresh)', answer({ text: 'odd \uE000 and \uE001 "\uE001"' }), 3, true],
  ])('%s: equal to chatStreamEvents for every id and time', (_, a, pieces, usage) => {
    for (const [id, created] of [
      ['chatcmpl-a1', 1_700_000_000],
      ['chatcmpl-b2', 1_700_000_123],
      ['x', 0],
    ] as const) {
      const one = { ...a, id, created };
      expect(streamEvents(one, pieces, usage)).toEqual(chatStreamEvents(one, pieces, usage));
    }
  });

  it('tells answers apart by what changes their bytes: the messages through usage, the model, the text', () => {
    const a = answer();
    const longer = answer({ messages: [{ role: 'user', content: 'a much longer prompt than the first one was' }] });
    expect(streamEvents(longer, 20, true)).toEqual(chatStreamEvents(longer, 20, true));
    expect(streamEvents(a, 20, true)).not.toEqual(streamEvents(longer, 20, true));
    const other = answer({ model: 'gpt-4o' });
    expect(streamEvents(other, 20, true)).toEqual(chatStreamEvents(other, 20, true));
  });
});

describe('embeddingsBody', () => {
  it.each([
    ['one input, float', 'text-embedding-3-small', ['Lighthouses guide ships.'], 1536, 'float'],
    ['two inputs, base64', 'text-embedding-3-small', ['a', 'b'], 64, 'base64'],
    ['other model, same input', 'text-embedding-3-large', ['Lighthouses guide ships.'], 8, 'float'],
  ] as const)('%s: the JSON of embeddingsResponse, again when asked twice', (_, model, inputs, dims, format) => {
    const want = JSON.stringify(embeddingsResponse(model, inputs, dims, format));
    expect(embeddingsBody(model, inputs, dims, format).toString()).toBe(want);
    expect(embeddingsBody(model, inputs, dims, format).toString()).toBe(want);
  });

  it('keys on every input: inputs joined differently give different vectors', () => {
    expect(embeddingsBody('m', ['a\u0000b'], 8, 'float').equals(embeddingsBody('m', ['a', 'b'], 8, 'float'))).toBe(false);
  });
});
