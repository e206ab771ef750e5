// A whole RequestContext for a chat request made with a key, for tests and micro-benchmarks that call
// stages or the audit record directly (no HTTP request behind it). Override what the case is about.
import type { KeyRecord } from '../../src/keys/types.js';
import type { RequestContext } from '../../src/proxy/context.js';

export function chatContext(over: Partial<RequestContext> = {}): RequestContext {
  return {
    id: 'req_1',
    time: Date.UTC(2026, 10, 21, 12, 0, 0),
    startedAt: 1000,
    method: 'POST',
    path: '/v1/chat/completions',
    route: { endpoint: 'chat', style: 'openai' },
    headers: {},
    headerOrder: [],
    socketIp: '127.0.0.1',
    clientIp: '203.0.113.9',
    body: { model: 'gpt-4o-mini', messages: [{ role: 'user', content: 'hello' }] },
    model: 'gpt-4o-mini',
    stream: false,
    key: { id: 'kid1', tenantId: 'ten_1' } as KeyRecord,
    presentedKey: undefined,
    usage: { completionTokens: 5, images: 0, promptTokens: 3, totalTokens: 8 },
    status: 200,
    errorCode: undefined,
    deniedBy: undefined,
    vars: { outputText: 'hi there' },
    audit: {},
    ...over,
  } as RequestContext;
}
