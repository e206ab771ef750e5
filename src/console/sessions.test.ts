// Console session store: random ids, expiry, bounded size, constant-time CSRF check.
import { describe, expect, it } from 'vitest';
import { csrfMatches, sessionCookie, SessionStore } from './sessions.js';

describe('SessionStore', () => {
  it('finds a session by its id until it expires, then forgets it', () => {
    let now = 1_000;
    const s = new SessionStore(60_000, 10, () => now);
    const { id, session } = s.create();
    expect(id).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(s.get(id)).toBe(session);
    expect(s.get(id + 'x')).toBeUndefined();
    now += 60_000;
    expect(s.get(id)).toBeUndefined();
    expect(s.size).toBe(0);
  });

  it('gives each session its own ids and CSRF token, and drops the oldest past the cap', () => {
    const s = new SessionStore(60_000, 2);
    const a = s.create();
    const b = s.create();
    expect(a.id).not.toBe(b.id);
    expect(a.session.csrf).not.toBe(b.session.csrf);
    s.create();
    expect(s.get(a.id)).toBeUndefined();
    expect(s.get(b.id)).toBeDefined();
  });

  it('deletes on sign-out', () => {
    const s = new SessionStore(60_000);
    const { id } = s.create();
    s.delete(id);
    expect(s.get(id)).toBeUndefined();
  });
});

describe('csrfMatches / sessionCookie', () => {
  const session = new SessionStore(60_000).create().session;
  it('accepts only the exact token', () => {
    expect(csrfMatches(session, session.csrf)).toBe(true);
    expect(csrfMatches(session, session.csrf.slice(0, -1) + '!')).toBe(false);
    expect(csrfMatches(session, undefined)).toBe(false);
    expect(csrfMatches(session, [session.csrf])).toBe(false);
  });
  it('reads the console cookie among others', () => {
    expect(sessionCookie('a=1; warden_console=abc; b=2')).toBe('abc');
    expect(sessionCookie('warden_consolex=abc')).toBeUndefined();
    expect(sessionCookie(undefined)).toBeUndefined();
  });
});
