// Console sessions: random ids kept in memory with an expiry, each with its own CSRF token.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export interface ConsoleSession {
  /** Sent back by the browser in the x-csrf-token header on every admin API call (double submit, kept in page memory). */
  readonly csrf: string;
  readonly expiresAt: number;
  /** Short, non-secret label for audit events ("console:ab12cd34", or "console:ab12cd34:cred:<id>" when signed in with a named credential). */
  readonly label: string;
  /** The role of the credential that signed in (viewer: read-only). */
  readonly role: 'admin' | 'viewer';
  /** The named credential that signed in (absent: the bootstrap admin token). */
  readonly credentialId?: string;
}

const token = (): string => randomBytes(32).toString('base64url');
/** Map keys are hashes, so a heap dump or a timing probe of the map never yields a usable id. */
const hash = (id: string): string => createHash('sha256').update(id).digest('hex');

export class SessionStore {
  private readonly byHash = new Map<string, ConsoleSession>();

  constructor(
    private readonly ttlMs: number,
    private readonly maxSessions = 1000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Returns the cookie value (the only copy of the id) and the session. */
  create(who: { role: ConsoleSession['role']; credentialId?: string | undefined } = { role: 'admin' }): { id: string; session: ConsoleSession } {
    this.sweep();
    // Bounded: past the cap the oldest session goes (Map keeps insertion order).
    while (this.byHash.size >= this.maxSessions) this.byHash.delete(this.byHash.keys().next().value!);
    const id = token();
    const h = hash(id);
    const cred = who.credentialId;
    const session: ConsoleSession = {
      csrf: token(),
      expiresAt: this.now() + this.ttlMs,
      label: `console:${h.slice(0, 8)}${cred ? `:cred:${cred}` : ''}`,
      role: who.role,
      ...(cred ? { credentialId: cred } : {}),
    };
    this.byHash.set(h, session);
    return { id, session };
  }

  get(id: string | undefined): ConsoleSession | undefined {
    if (!id) return undefined;
    const h = hash(id);
    const s = this.byHash.get(h);
    if (!s) return undefined;
    if (s.expiresAt <= this.now()) return void this.byHash.delete(h);
    return s;
  }

  delete(id: string | undefined): void {
    if (id) this.byHash.delete(hash(id));
  }

  get size(): number {
    return this.byHash.size;
  }

  private sweep(): void {
    const now = this.now();
    for (const [h, s] of this.byHash) if (s.expiresAt <= now) this.byHash.delete(h);
  }
}

/** Constant-time comparison of the CSRF header against the session's token. */
export function csrfMatches(session: ConsoleSession, header: string | string[] | undefined): boolean {
  if (typeof header !== 'string' || header.length !== session.csrf.length) return false;
  return timingSafeEqual(Buffer.from(header), Buffer.from(session.csrf));
}

export const COOKIE = 'warden_console';

/** The console cookie's value from a Cookie header, if any. */
export function sessionCookie(header: string | undefined): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === COOKIE) return part.slice(eq + 1).trim() || undefined;
  }
  return undefined;
}
