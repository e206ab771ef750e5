import { describe, expect, it } from 'vitest';
import { checkApiVersion, checkDeployment, checkModel, checkUser } from './identifiers.js';

describe('identifiers', () => {
  it.each(['gpt-4o-mini', 'ft:gpt-3.5-turbo:acme::abc123', 'meta-llama/Llama-3.1-8B', 'text-embedding-3-small', 'o1@2024'])('model %s is accepted', (m) => {
    expect(checkModel(m)).toBeUndefined();
  });
  it.each([
    ['empty', ''],
    ['CR LF', 'gpt-4o\r\nx-injected: 1'],
    ['NUL', 'gpt\u00004o'],
    ['oversize', 'a'.repeat(257)],
    ['space', 'gpt 4o'],
    ['dot-dot segment', 'a/../b'],
    ['leading slash', '/etc'],
  ])('model with %s → issue on param model', (_n, m) => {
    expect(checkModel(m)?.param).toBe('model');
  });

  it.each(['gpt-4o-mini', 'my_dep.v2', 'a'.repeat(64)])('deployment %s is accepted', (d) => expect(checkDeployment(d)).toBeUndefined());
  it.each(['..', '.', 'a/b', 'a\rb', 'a\nb', 'a\u0000b', 'a'.repeat(65), 'my dep', '%2e%2e'])('deployment %j → issue', (d) => {
    expect(checkDeployment(d)?.param).toBe('deployment');
  });

  it('api-version and user', () => {
    expect(checkApiVersion('2024-10-21')).toBeUndefined();
    expect(checkApiVersion('2024\r\n')?.param).toBe('api-version');
    expect(checkUser(undefined)).toBeUndefined();
    expect(checkUser('user-123 (alice@example.com)')).toBeUndefined();
    expect(checkUser(7)?.param).toBe('user');
    expect(checkUser('x'.repeat(257))?.param).toBe('user');
    expect(checkUser('a\nb')?.param).toBe('user');
  });
});
