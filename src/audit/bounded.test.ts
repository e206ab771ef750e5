import { describe, expect, it } from 'vitest';
import { boundedId } from './bounded.js';

describe('boundedId', () => {
  it('keeps a short plain value as it is', () => {
    expect(boundedId('gpt-4o-mini')).toBe('gpt-4o-mini');
    expect(boundedId('a'.repeat(128))).toBe('a'.repeat(128));
  });
  it('bounds a long value, keeping its length and a digest that tells values apart', () => {
    const a = boundedId('m'.repeat(1_000_000));
    const b = boundedId('m'.repeat(999_999) + 'n');
    expect(a.length).toBeLessThan(128);
    expect(a).toContain('1000000 chars');
    expect(a).not.toBe(b);
    expect(boundedId('m'.repeat(1_000_000))).toBe(a);
  });
  it('never stores a control character', () => {
    const v = boundedId('gpt\r\nforged: line\u0000');
    expect(v).not.toMatch(/[\r\n\u0000]/);
    expect(v).toMatch(/^gpt\?\?forged: line\?…\[/);
  });
});
