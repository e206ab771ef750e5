import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './load.js';
import { distance, suggest } from './unknown-keys.js';

function issuesOf(raw: unknown): string[] {
  try {
    parseConfig(raw);
  } catch (e) {
    if (e instanceof ConfigError) return e.issues;
    throw e;
  }
  return [];
}

describe('unknown config keys', () => {
  it('a misspelt top-level section is an error with a hint, not silently ignored', () => {
    expect(issuesOf({ saftey: { enabled: true } })).toEqual(['saftey: unknown setting (did you mean "safety"?)']);
  });

  it('a nested typo is reported with its path and the nearest known key', () => {
    expect(issuesOf({ limits: { keyDefault: { requestsPerMinute: 5 } } })).toEqual(['limits.keyDefault: unknown setting (did you mean "keyDefaults"?)']);
    expect(issuesOf({ limits: { keyDefaults: { requestPerMinute: 5 } } })).toEqual(['limits.keyDefaults.requestPerMinute: unknown setting (did you mean "requestsPerMinute"?)']);
  });

  it('keys inside arrays of objects are checked; a far-off key gets no hint', () => {
    const issues = issuesOf({ upstreams: [{ kind: 'openai', name: 'o', apiKey: 'sk-x', zzzzzz: 1 }] });
    expect(issues).toEqual(['upstreams[0].zzzzzz: unknown setting']);
  });

  it('every problem is listed, unknown keys and invalid values alike', () => {
    const issues = issuesOf({ sever: {}, server: { port: -1 } });
    expect(issues).toHaveLength(2);
    expect(issues[0]).toMatch(/^sever: unknown setting \(did you mean "server"\?\)/);
    expect(issues[1]).toMatch(/^server\.port:/);
  });

  it('a valid config passes untouched', () => {
    expect(issuesOf({ server: { port: 9000 }, store: { kind: 'postgres', url: 'postgres://x/y' }, limits: { keyDefaults: { requestsPerMinute: 5 } } })).toEqual([]);
  });

  it('edit distance counts a transposition as one edit', () => {
    expect(distance('saftey', 'safety')).toBe(1);
    expect(distance('abc', 'abc')).toBe(0);
    expect(suggest('totally', ['safety', 'server'])).toBeUndefined();
  });
});
