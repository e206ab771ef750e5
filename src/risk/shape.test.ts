import { describe, expect, it } from 'vitest';
import { featureParam, shapeOf } from './shape.js';

describe('shapeOf', () => {
  it('names the parameters, the model, the fixed settings and the first role', () => {
    const body = { model: 'gpt-4o', max_tokens: 600, temperature: 0.2, messages: [{ role: 'system', content: 'x' }, { role: 'user', content: 'y' }] };
    expect(shapeOf('chat', body, 'gpt-4o')).toEqual([
      'chat|params=max_tokens,messages,model,temperature', 'chat|model=gpt-4o', 'chat|max_tokens=600', 'chat|temperature=0.2', 'chat|first-role=system',
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
      Object.keys(b).slice(0, 64).map((k) => k.slice(0, 32)).sort().slice(0, 16).join(',');
    const bodies: Record<string, unknown>[] = [{}, { b: 1, a: 2 }, { ['z'.repeat(40)]: 1, ['z'.repeat(33)]: 2, y: 3 }];
    const many: Record<string, unknown> = {};
    for (let i = 0; i < 100; i++) many[`p${(i * 37) % 100}_${'q'.repeat(i % 40)}`] = i;
    bodies.push(many);
    for (const b of bodies) expect(shapeOf('embeddings', b, undefined)[0]).toBe(`embeddings|params=${reference(b)}`);
  });
});
