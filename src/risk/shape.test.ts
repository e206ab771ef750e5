import { describe, expect, it } from 'vitest';
import { featureParam, shapeOf } from './shape.js';

describe('shapeOf', () => {
  it('names the parameters, the model, the fixed settings and the first role', () => {
    const body = {
      model: 'gpt-4o',
      max_tokens: 600,
      temperature: 0.2,
      messages: [
        { role: 'system', content: 'x' },
        { role: 'user', content: 'y' },
      ],
    };
    expect(shapeOf('chat', body, 'gpt-4o')).toEqual([
      'chat|params=max_tokens,messages,model,temperature',
      'chat|model=gpt-4o',
      'chat|max_tokens=600',
      'chat|temperature=0.2',
      'chat|first-role=system',
    ]);
    expect(shapeOf('models', undefined, undefined)).toEqual([]);
    expect(featureParam('chat|max_tokens=600')).toBe('chat|max_tokens');
  });

  it('is bounded whatever the body holds', () => {
    const body: Record<string, unknown> = { max_tokens: 'x'.repeat(5000), messages: [null, 3] };
    for (let i = 0; i < 10_000; i++) body[`${'k'.repeat(200)}${i}`] = i;
    const s = shapeOf('chat', body, 'm'.repeat(500));
    expect(s.length).toBeLessThanOrEqual(16);
    expect(s.every((f) => f.length <= 16 * 33 + 20)).toBe(true);
    expect(s).toContain(`chat|max_tokens=${'x'.repeat(40)}`);
  });

  it('the parameter list equals slicing, cutting, sorting and keeping the first 16 names', () => {
    const reference = (b: Record<string, unknown>): string =>
      Object.keys(b)
        .slice(0, 64)
        .map((k) => k.slice(0, 32))
        .sort()
        .slice(0, 16)
        .join(',');
    const bodies: Record<string, unknown>[] = [{}, { b: 1, a: 2 }, { ['z'.repeat(40)]: 1, ['z'.repeat(33)]: 2, y: 3 }];
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) many[`p${(i * 37) % 100}_${'q'.repeat(i % 40)}`] = i;
    bodies.push(many);
    for (const b of bodies) expect(shapeOf('embeddings', b, undefined)[0]).toBe(`embeddings|params=${reference(b)}`);
  });
});

describe('shapeOf memo of the previous request', () => {
  // The memo must never answer for a body that differs in anything a feature is made of.
  const base = () => ({ model: 'gpt-4o', max_tokens: 600, temperature: 0.2, messages: [{ role: 'system', content: 'x' }] });
  const variants: [string, Record<string, unknown>, string | undefined][] = [
    ['same', base(), 'gpt-4o'],
    ['same again (fresh objects)', JSON.parse(JSON.stringify(base())) as Record<string, unknown>, 'gpt-4o'],
    ['other model argument', base(), 'gpt-4o-mini'],
    ['no model', base(), undefined],
    ['control value', { ...base(), max_tokens: 601 }, 'gpt-4o'],
    ['control as string', { ...base(), max_tokens: '600' }, 'gpt-4o'],
    ['control NaN', { ...base(), temperature: Number.NaN }, 'gpt-4o'],
    ['control NaN again', { ...base(), temperature: Number.NaN }, 'gpt-4o'],
    ['control object', { ...base(), temperature: { x: 1 } }, 'gpt-4o'],
    ['control array', { ...base(), temperature: [1] }, 'gpt-4o'],
    ['extra field', { ...base(), stream: true }, 'gpt-4o'],
    ['stream false', { ...base(), stream: false }, 'gpt-4o'],
    ['key order', { temperature: 0.2, model: 'gpt-4o', max_tokens: 600, messages: [{ role: 'system', content: 'x' }] }, 'gpt-4o'],
    ['first role', { ...base(), messages: [{ role: 'user', content: 'x' }] }, 'gpt-4o'],
    ['first role missing', { ...base(), messages: [{ content: 'x' }] }, 'gpt-4o'],
    ['first message null', { ...base(), messages: [null] }, 'gpt-4o'],
    ['no messages', { ...base(), messages: [] }, 'gpt-4o'],
    ['messages not an array', { ...base(), messages: 'x' }, 'gpt-4o'],
    ['response_format', { ...base(), response_format: { type: 'json_object' } }, 'gpt-4o'],
    ['response_format other type', { ...base(), response_format: { type: 'text' } }, 'gpt-4o'],
    ['response_format no type', { ...base(), response_format: {} }, 'gpt-4o'],
    ['response_format scalar', { ...base(), response_format: 'json' }, 'gpt-4o'],
    ['same as first', base(), 'gpt-4o'],
  ];
  const fresh = (b: Record<string, unknown>, model: string | undefined): readonly string[] => {
    shapeOf('embeddings', { unrelated: true }, undefined); // clears the memo: the next call computes
    return [...shapeOf('chat', b, model)];
  };

  it('gives what a fresh computation gives, for each body after each other body', () => {
    for (const [, prev, prevModel] of variants) {
      for (const [name, b, model] of variants) {
        const expected = fresh(b, model);
        shapeOf('chat', prev, prevModel);
        expect([...shapeOf('chat', b, model)], `${name}`).toEqual(expected);
      }
    }
  });

  it('another endpoint with the same body is not the same shape', () => {
    const b = base();
    expect(shapeOf('chat', b, 'gpt-4o')[0]).toBe('chat|params=max_tokens,messages,model,temperature');
    expect(shapeOf('embeddings', b, 'gpt-4o')[0]).toBe('embeddings|params=max_tokens,messages,model,temperature');
  });
});
