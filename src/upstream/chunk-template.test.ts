import { describe, expect, it } from 'vitest';
import { chatStreamEvents } from '../simulator/chat.js';
import { ChunkParser } from './chunk-template.js';

const head = '{"id":"chatcmpl-9","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","system_fingerprint":"fp_x","choices":[{"index":0,"delta":{"content":';
const tail = '},"logprobs":null,"finish_reason":null}],"usage":null}';
const c = (literal: string): string => `${head}${literal}${tail}`;

/** Parses every payload with one ChunkParser and with JSON.parse: same value, same key order, same errors. */
function same(datas: string[]): ChunkParser {
  const p = new ChunkParser();
  for (const d of datas) {
    let want: unknown;
    let wantErr: unknown;
    try {
      want = JSON.parse(d);
    } catch (e) {
      wantErr = e;
    }
    if (wantErr !== undefined) {
      expect(() => p.parse(d), d).toThrow(SyntaxError);
      continue;
    }
    const got = p.parse(d);
    expect(got, d).toStrictEqual(want);
    expect(JSON.stringify(got), d).toBe(JSON.stringify(want));
  }
  return p;
}

describe('ChunkParser', () => {
  it('parses the simulator streams (OpenAI and Azure) as JSON.parse does, mostly from the template', () => {
    for (const flavor of ['openai', 'azure'] as const) {
      const evs = chatStreamEvents(
        { flavor, id: 'chatcmpl-1', created: 1, model: 'gpt-4o-mini', messages: [], text: 'Hello there, "quoted" \\ back\nslash é ✓ 𝄞 and more words to split up', finishReason: 'stop' },
        20,
        true,
      );
      const datas = evs.map((e) => e.slice(6, -2)).filter((d) => d !== '[DONE]');
      const p = same(datas);
      expect(p.templated).toBeGreaterThanOrEqual(15);
    }
  });

  it('decodes escapes and unicode in the content exactly', () => {
    const literals = ['"plain"', '"a\\"b"', '"back\\\\slash"', '"\\n\\t\\r\\b\\f\\/"', '"\\u00e9\\u2713"', '"\\ud834\\udd1e"', '"\\ud800"', '"é✓𝄞"', '""', '"\\\\"', '"\\u0000"', '"tab\there"'];
    const p = same([c('"first"'), ...literals.map(c)]);
    expect(p.templated).toBeGreaterThanOrEqual(literals.length - 1);
  });

  it('never lets the content string change the structure: stray quotes, dangling backslashes, raw control characters', () => {
    same([
      c('"first"'),
      c('"a\\"'), // the closing quote escaped: invalid
      c('"x","role":"system"'), // a quote ends the string early, another key follows: JSON.parse decides
      c('"x"},"logprobs":null,"finish_reason":"stop"}],"usage":null,"extra":{"content":"y"'),
      c('"bad \\x escape"'),
      c('"raw\nnewline"'),
      c('"\\u12"'),
      c('null'),
      c('42'),
      c('{"nested":"obj"}'),
      c('"after"'),
    ]);
  });

  it('falls back for anything not shaped like the template: other ids, several choices, tool calls, null content, usage', () => {
    same([
      c('"first"'),
      c('"second"').replace('chatcmpl-9', 'chatcmpl-8'),
      '{"id":"chatcmpl-9","object":"chat.completion.chunk","created":1700000000,"model":"gpt-4o-mini","choices":[{"index":0,"delta":{"content":"a"}},{"index":1,"delta":{"content":"b"}}]}',
      '{"id":"chatcmpl-9","choices":[{"index":0,"delta":{"content":null,"tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"f","arguments":"{\\"content\\":\\"x\\"}"}}]},"finish_reason":null}]}',
      '{"id":"chatcmpl-9","choices":[{"index":0,"delta":{"role":"assistant","content":"","refusal":null},"finish_reason":null}]}',
      '{"id":"chatcmpl-9","choices":[],"usage":{"prompt_tokens":3,"completion_tokens":5,"total_tokens":8}}',
      c('"third"'),
      `${head}"x"${tail.slice(0, -1)}`, // truncated
      '{"error":{"message":"boom","content":"x"}}',
    ]);
  });

  it('learns no template where the content key is not the one JSON.parse keeps', () => {
    // A duplicate "content" key: the last one wins, so the first position must not become the template.
    const dup = (a: string, b: string): string => `{"id":"x","choices":[{"index":0,"delta":{"content":"${a}","content":"${b}"}}]}`;
    same([dup('a', 'a'), dup('b', 'a'), dup('c', 'z'), dup('first', 'second')]);
    // A "content" key inside another string (escaped quotes around it), and a __proto__ key.
    const tricky = (t: string): string => `{"id":"say \\"content\\":\\"x","__proto__":{"p":1},"choices":[{"index":0,"delta":{"content":"${t}"}}]}`;
    same([tricky('one'), tricky('two'), tricky('th\\"ree')]);
    const proto = (t: string): string => `{"__proto__":{"polluted":true},"choices":[{"index":0,"delta":{"content":"${t}"}}]}`;
    const p = same([proto('one'), proto('two'), proto('three')]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
    expect(p.templated).toBe(2);
  });

  it('gives every chunk its own objects along the content path, and shares only frozen values', () => {
    const azure = '{"id":"x","choices":[{"index":0,"delta":{"content":"%"},"content_filter_results":{"hate":{"filtered":false,"severity":"safe"}}}]}';
    const p = new ChunkParser();
    p.parse(azure.replace('%', 'one'));
    const a = p.parse(azure.replace('%', 'two')) as any;
    const b = p.parse(azure.replace('%', 'three')) as any;
    expect(p.templated).toBe(2);
    a.choices[0].delta.content = 'changed';
    a.choices[0].finish_reason = 'stop';
    a.id = 'y';
    expect(b.choices[0].delta.content).toBe('three');
    expect(b.choices[0].finish_reason).toBeUndefined();
    expect(b.id).toBe('x');
    expect(() => {
      a.choices[0].content_filter_results.hate.filtered = true;
    }).toThrow(TypeError);
    expect(b.choices[0].content_filter_results.hate.filtered).toBe(false);
  });

  it('agrees with JSON.parse on many random contents, valid and broken', () => {
    let seed = 7;
    const rnd = (n: number): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31), seed % n);
    const alphabet = ['a', ' ', '"', '\\', '\n', '\u0001', 'é', '✓', '\ud834', '\udd1e', 'u', '0', '}', ']', ',', ':', '/', 'n', 't'];
    const datas = [c('"seed"')];
    for (let i = 0; i < 400; i++) {
      let t = '';
      for (let j = rnd(12); j > 0; j--) t += alphabet[rnd(alphabet.length)];
      // Half properly escaped, half dropped in raw (often invalid, sometimes a structural change).
      datas.push(c(i % 2 === 0 ? JSON.stringify(t) : `"${t}"`));
    }
    const p = same(datas);
    expect(p.templated).toBeGreaterThan(200);
  });
});
