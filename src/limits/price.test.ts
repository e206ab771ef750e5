import { describe, expect, it } from 'vitest';
import { estimate } from './estimate.js';
import { buildPriceTable, costMicroUsd, priceOf } from './price.js';

const ZERO = { inputPerMTok: 0, outputPerMTok: 0, perImage: 0 };
const table = buildPriceTable({ 'my-*': { inputPerMTok: 1, outputPerMTok: 1, perImage: 0 }, 'my-big-*': { inputPerMTok: 9, outputPerMTok: 9, perImage: 0 } });

describe('priceOf', () => {
  it.each([
    ['gpt-4o', 2.5],
    ['gpt-4o-2024-08-06', 2.5], // dated snapshot priced as its base
    ['my-small', 1],
    ['my-big-one', 9], // longest prefix wins
    ['unknown', 0],
    [undefined, 0],
  ])('%s → input %s', (m, input) => expect(priceOf(table, m, ZERO).inputPerMTok).toBe(input));
});

describe('costMicroUsd', () => {
  it('prices tokens per million and images each, rounded up to a micro-dollar', () => {
    expect(costMicroUsd(priceOf(table, 'gpt-4o', ZERO), { promptTokens: 1000, completionTokens: 100, images: 0 })).toBe(3500);
    expect(costMicroUsd(priceOf(table, 'dall-e-3', ZERO), { promptTokens: 0, completionTokens: 0, images: 2 })).toBe(80_000);
    expect(costMicroUsd(priceOf(table, 'gpt-4o-mini', ZERO), { promptTokens: 1, completionTokens: 0, images: 0 })).toBe(1);
  });
});

describe('estimate', () => {
  it('chat: text/4 plus framing, plus max_tokens × n', () => {
    const e = estimate('chat', { messages: [{ role: 'user', content: 'x'.repeat(40) }], max_tokens: 100, n: 2 }, 256);
    expect(e).toEqual({ promptTokens: 14, completionTokens: 200, images: 0 });
  });
  it('chat: content parts and the default completion reservation', () => {
    const e = estimate(
      'chat',
      {
        messages: [
          {
            role: 'user',
            content: [
              { type: 'text', text: 'abcd' },
              { type: 'image_url', image_url: { url: 'x'.repeat(999) } },
            ],
          },
        ],
      },
      256,
    );
    expect(e).toEqual({ promptTokens: 5, completionTokens: 256, images: 0 });
  });
  it('images count n; embeddings count their input', () => {
    expect(estimate('images', { prompt: 'a cat', n: 3 }, 256).images).toBe(3);
    expect(estimate('embeddings', { input: ['abcd', 'efgh'] }, 256).promptTokens).toBe(2);
    expect(estimate('chat', { messages: [], max_tokens: -5 }, 7).completionTokens).toBe(7);
  });
});
