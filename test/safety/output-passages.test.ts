// End-to-end: model answers judged as passages by the output classifier, through the openai SDK and the gateway.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SafetyCounters } from '../../src/safety/counters.js';
import { startHarness, type Harness } from '../harness.js';

let h: Harness;
beforeAll(async () => {
  h = await startHarness();
});
afterAll(async () => {
  await h.close();
});

// Abuse and a push towards self-harm: no lexicon pattern of the request checks, only the passage classifier.
const UNSAFE = 'You are a worthless, pathetic loser. Nobody would miss you, so just kill yourself already.';
const LOOKALIKE = 'If you are thinking about suicide, please call or text 988 right now or talk to someone you trust. You are not alone, and help is available.';
const CALM = 'Here is a calm answer about gardening and tomatoes. '.repeat(12);

async function streamed(key: string): Promise<{ text: string; finish: string | null | undefined }> {
  const stream = await h.openai(key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'talk to me' }], stream: true });
  let text = '';
  let finish: string | null | undefined;
  for await (const ch of stream) {
    text += ch.choices[0]?.delta?.content ?? '';
    finish = ch.choices[0]?.finish_reason ?? finish;
  }
  return { text, finish };
}

describe('output passages', () => {
  it('withholds an unsafe non-streamed answer and counts the block', async () => {
    const k = await h.quickKey();
    h.sim.script({ text: UNSAFE, stream: false });
    const r = await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(r.choices[0]!.finish_reason).toBe('content_filter');
    expect(r.choices[0]!.message.content).toBeNull();
    expect(SafetyCounters.get(k.id).blocks).toBe(1);
  });

  it('cuts an unsafe streamed answer before the unsafe window is released', async () => {
    const k = await h.quickKey();
    h.sim.script({ text: `${CALM}${UNSAFE} ${CALM}`, chunks: 40 });
    const { text, finish } = await streamed(k.key);
    expect(finish).toBe('content_filter');
    expect(text).not.toContain('kill yourself');
    expect(text.length).toBeLessThan(CALM.length + 400);
  });

  it('lets a benign look-alike through, streamed and not', async () => {
    const k = await h.quickKey();
    h.sim.script({ text: LOOKALIKE, stream: false });
    const r = await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(r.choices[0]!.message.content).toBe(LOOKALIKE);
    h.sim.script({ text: `${CALM}${LOOKALIKE}`, chunks: 30 });
    const s = await streamed(k.key);
    expect(s.finish).not.toBe('content_filter');
    expect(s.text).toBe(`${CALM}${LOOKALIKE}`);
  });

  it('checkOutput off: the unsafe answer is returned as is', async () => {
    const k = await h.quickKey();
    expect((await h.admin('PUT', `/safety/policies/keys/${k.id}`, { checkOutput: false })).status).toBe(200);
    h.sim.script({ text: UNSAFE, stream: false });
    const r = await h.openai(k.key).chat.completions.create({ model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] });
    expect(r.choices[0]!.message.content).toBe(UNSAFE);
    h.sim.script({ text: `${CALM}${UNSAFE}`, chunks: 30 });
    const s = await streamed(k.key);
    expect(s.finish).not.toBe('content_filter');
    expect(s.text).toBe(`${CALM}${UNSAFE}`);
  });
});
