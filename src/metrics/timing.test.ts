import { describe, expect, it } from 'vitest';
import { splitTiming } from './timing.js';

describe('splitTiming', () => {
  it('a refused request is all gateway overhead', () => {
    expect(splitTiming(1000, 1004, undefined)).toEqual({ total: 0.004, upstream: undefined, overhead: 0.004, firstEvent: undefined });
  });
  it('a forwarded request splits into upstream and the rest; a stream has its first event', () => {
    const r = splitTiming(1000, 1250, { sentAt: 1010, doneAt: 1240, firstEventAt: 1100 });
    expect(r.total).toBeCloseTo(0.25);
    expect(r.upstream).toBeCloseTo(0.23);
    expect(r.overhead).toBeCloseTo(0.02);
    expect(r.firstEvent).toBeCloseTo(0.1);
  });
  it('an upstream answer not marked done counts until now', () => {
    expect(splitTiming(0, 100, { sentAt: 40 }).upstream).toBeCloseTo(0.06);
  });
});
