import { describe, expect, it } from 'vitest';
import { mayCall } from './auth.js';

describe('mayCall', () => {
  it.each([
    ['admin', 'GET', true],
    ['admin', 'POST', true],
    ['admin', 'DELETE', true],
    ['viewer', 'GET', true],
    ['viewer', 'HEAD', true],
    ['viewer', 'POST', false],
    ['viewer', 'PUT', false],
    ['viewer', 'PATCH', false],
    ['viewer', 'DELETE', false],
  ] as const)('%s %s → %s', (role, method, ok) => expect(mayCall(role, method)).toBe(ok));
});
