import { describe, expect, it } from 'vitest';
import { decide } from '../policy/decide.js';
import { DEFAULT_POLICY } from '../policy/defaults.js';
import { promptFilterFirst } from './prompt-filter-first.js';
import { windowFilter } from './window.js';

const clean = decide([], DEFAULT_POLICY);
const flagged = decide([{ category: 'violence', severity: 'low', source: 'test', reason: 'r' }], DEFAULT_POLICY);
const text = (t: string) => ({ id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { content: t }, finish_reason: null }] });

describe('promptFilterFirst', () => {
  it("puts Azure's opening chunk before the first upstream chunk, once", () => {
    const f = promptFilterFirst(clean, undefined);
    const r = f.push(text('Hel')) as { chunks: Record<string, unknown>[] };
    expect(r.chunks).toHaveLength(2);
    expect(r.chunks[0]).toEqual({
      choices: [],
      created: 0,
      id: '',
      model: '',
      object: '',
      prompt_filter_results: [{ prompt_index: 0, content_filter_results: expect.objectContaining({ hate: { filtered: false, severity: 'safe' } }) }],
    });
    expect(r.chunks[1]).toEqual(text('Hel'));
    expect((f.push(text('lo')) as { chunks: unknown[] }).chunks).toEqual([text('lo')]);
  });

  it('goes out at once even while the output window holds the text', () => {
    const f = promptFilterFirst(clean, windowFilter({ windowChars: 400, check: () => false }));
    const r = f.push(text('short')) as { chunks: Record<string, unknown>[] };
    expect(r.chunks.map((c) => 'prompt_filter_results' in c)).toEqual([true]);
  });

  it('leads the opening role chunk, both at once, while the output window holds the text after them', () => {
    const role = { id: 'c1', object: 'chat.completion.chunk', created: 1, model: 'm', choices: [{ index: 0, delta: { role: 'assistant', content: '' }, finish_reason: null }] };
    const f = promptFilterFirst(clean, windowFilter({ windowChars: 400, check: () => false }));
    const r = f.push(role) as { chunks: Record<string, unknown>[] };
    expect(r.chunks.map((c) => 'prompt_filter_results' in c)).toEqual([true, false]);
    expect(r.chunks[1]).toBe(role);
    expect((f.push(text('held')) as { chunks: unknown[] }).chunks).toEqual([]);
  });

  it("merges into the upstream's own opening chunk (worst severity, filtered by either), not a second one", () => {
    const f = promptFilterFirst(flagged, undefined);
    const upstream = {
      choices: [],
      created: 0,
      id: '',
      model: '',
      object: '',
      prompt_filter_results: [
        { prompt_index: 0, content_filter_results: { hate: { filtered: false, severity: 'low' }, violence: { filtered: false, severity: 'safe' }, profanity: { filtered: false, detected: true } } },
      ],
    };
    const r = f.push(upstream) as { chunks: any[] };
    expect(r.chunks).toHaveLength(1);
    const cfr = r.chunks[0].prompt_filter_results[0].content_filter_results;
    expect(cfr.hate).toEqual({ filtered: false, severity: 'low' });
    expect(cfr.violence).toEqual({ filtered: false, severity: 'low' });
    expect(cfr.profanity).toEqual({ filtered: false, detected: true });
    // The upstream's chunk itself is left as it came (it may be relayed byte for byte elsewhere).
    expect(upstream.prompt_filter_results[0]!.content_filter_results.violence.severity).toBe('safe');
  });

  it('an upstream that sends nothing still gets the opening chunk at the end', () => {
    const r = promptFilterFirst(clean, undefined).end() as { chunks: Record<string, unknown>[] };
    expect(r.chunks).toHaveLength(1);
    expect(r.chunks[0]).toHaveProperty('prompt_filter_results');
  });
});
