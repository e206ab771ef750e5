import { describe, expect, it } from 'vitest';
import type { ChatChunk } from '../../proxy/stage.js';
import { isOpeningChunk, windowFilter } from './window.js';

const chunk = (content: string | undefined, finish: string | null = null): ChatChunk => ({
  id: 'c1',
  object: 'chat.completion.chunk',
  created: 1,
  model: 'm',
  choices: [{ index: 0, delta: content === undefined ? {} : { content }, finish_reason: finish }],
});

async function run(pieces: string[], windowChars: number, bad: RegExp) {
  const f = windowFilter({ windowChars, check: (t) => bad.test(t) });
  const out: ChatChunk[] = [];
  let stopped = false;
  for (const p of [...pieces.map((x) => chunk(x)), chunk(undefined, 'stop')]) {
    const r = await f.push(p);
    out.push(...r.chunks);
    if (r.stop) {
      stopped = true;
      break;
    }
  }
  if (!stopped) out.push(...(await f.end()).chunks);
  const text = out.map((c) => ((c['choices'] as any[])[0].delta.content ?? '') as string).join('');
  const finish = out.map((c) => (c['choices'] as any[])[0].finish_reason).filter(Boolean);
  return { text, finish };
}

describe('windowFilter', () => {
  it('releases everything, in order, when nothing is wrong', async () => {
    const r = await run(['Hello ', 'there, ', 'how ', 'are ', 'you?'], 8, /forbidden/);
    expect(r.text).toBe('Hello there, how are you?');
    expect(r.finish).toEqual(['stop']);
  });

  it('cuts the stream with content_filter and never releases the bad window', async () => {
    const pieces = ['Safe text one. ', 'Safe text two. ', 'Now the forbidden ', 'part follows here. ', 'More.'];
    const r = await run(pieces, 16, /forbidden/);
    expect(r.finish).toEqual(['content_filter']);
    expect(r.text).not.toContain('forbidden');
    expect(r.text.length).toBeLessThanOrEqual(32);
  });

  it('sees a phrase split across two windows', async () => {
    const r = await run(['aaaaaaaaaaa forbi', 'dden bbbbbbbbbbb'], 16, /forbidden/);
    expect(r.finish).toEqual(['content_filter']);
  });

  it('releases a partial window that has waited long enough, checked', async () => {
    let t = 0;
    const seen: string[] = [];
    const f = windowFilter({ windowChars: 1000, maxHoldMs: 50, now: () => t, check: (x) => (seen.push(x), false) });
    expect((await f.push(chunk('first '))).chunks).toHaveLength(0);
    t = 60;
    expect((await f.push(chunk('second '))).chunks).toHaveLength(2);
    expect(seen).toEqual(['first second ']);
  });

  it('checks the last partial window at the end of the stream', async () => {
    const r = await run(['short forbidden'], 1000, /forbidden/);
    expect(r.finish).toEqual(['content_filter']);
    expect(r.text).toBe('');
  });

  it('holds text short of a window, and releases nothing until an async check has answered', async () => {
    let verdict!: (blocked: boolean) => void;
    const f = windowFilter({ windowChars: 10, check: () => new Promise<boolean>((r) => (verdict = r)) });
    expect((await f.push(chunk('12345'))).chunks).toHaveLength(0);
    let answered = false;
    const checking = Promise.resolve(f.push(chunk('67890'))).then((r) => ((answered = true), r));
    await new Promise((ok) => setImmediate(ok));
    expect(answered).toBe(false);
    verdict(true);
    const r = await checking;
    expect(r.stop).toBe(true);
    expect(r.chunks.map((c) => (c['choices'] as any[])[0].finish_reason)).toEqual(['content_filter']);
    expect(await f.push(chunk('more'))).toMatchObject({ chunks: [], stop: true });
  });

  it('releases an opening role chunk at once, unchecked (it carries nothing), and holds the text after it', async () => {
    const seen: string[] = [];
    const f = windowFilter({ windowChars: 10, check: (x) => (seen.push(x), false) });
    const role = { ...chunk(''), choices: [{ index: 0, delta: { role: 'assistant', content: '', refusal: null }, finish_reason: null }] };
    expect((await f.push(role)).chunks).toEqual([role]);
    expect((await f.push(chunk('12345'))).chunks).toHaveLength(0);
    expect(seen).toEqual([]);
    expect((await f.push(chunk('67890'))).chunks).toHaveLength(2);
    expect(seen).toEqual(['1234567890']);
  });

  it('holds a first chunk that carries text, and a role chunk that is not the first, as before', async () => {
    const f = windowFilter({ windowChars: 100, check: () => false });
    expect((await f.push(chunk('text first'))).chunks).toHaveLength(0);
    const g = windowFilter({ windowChars: 100, check: () => false });
    expect((await g.push(chunk('a'))).chunks).toHaveLength(0);
    expect((await g.push({ ...chunk(''), choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] })).chunks).toHaveLength(0);
  });

  it('a refused first window after an opening chunk is still withheld: the stream ends with content_filter', async () => {
    const f = windowFilter({ windowChars: 8, check: (x) => /forbidden/.test(x) });
    expect((await f.push({ ...chunk(''), choices: [{ index: 0, delta: { role: 'assistant' }, finish_reason: null }] })).chunks).toHaveLength(1);
    const r = await f.push(chunk('forbidden text'));
    expect(r.stop).toBe(true);
    expect(r.chunks.map((c) => (c['choices'] as any[])[0].finish_reason)).toEqual(['content_filter']);
  });

  it('isOpeningChunk: only a role with every other field empty, and no finish', () => {
    const withDelta = (delta: object, finish: string | null = null) => ({ choices: [{ index: 0, delta, finish_reason: finish }] });
    expect(isOpeningChunk(withDelta({ role: 'assistant', content: '', refusal: null }))).toBe(true);
    expect(isOpeningChunk(withDelta({ role: 'assistant' }))).toBe(true);
    expect(isOpeningChunk(withDelta({ role: 'assistant', content: 'Hi' }))).toBe(false);
    expect(isOpeningChunk(withDelta({ role: 'assistant', refusal: 'No.' }))).toBe(false);
    expect(isOpeningChunk(withDelta({ role: 'assistant', tool_calls: [{ index: 0, function: { name: 'f', arguments: '' } }] }))).toBe(false);
    expect(isOpeningChunk(withDelta({ role: 'assistant' }, 'stop'))).toBe(false);
    expect(isOpeningChunk({ choices: [] })).toBe(false);
    expect(
      isOpeningChunk({
        choices: [
          { index: 0, delta: { role: 'assistant' } },
          { index: 1, delta: { content: 'x' } },
        ],
      }),
    ).toBe(false);
  });
});
