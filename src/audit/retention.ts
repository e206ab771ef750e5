// Pure retention decisions: whether an event's text is kept, and until when.
import type { AuditConfig } from './config.js';
import type { AuditEvent } from './event.js';

export type TextDecision = { keep: false; reason: string } | { keep: true; reason: string; expiresAt: string };

export function textDecision(cfg: AuditConfig['text'], e: AuditEvent, hasKey: boolean): TextDecision {
  if (!e.text || (e.text.prompt === undefined && e.text.output === undefined)) return { keep: false, reason: 'no text' };
  const denied = (e.status ?? 200) >= 400 || (e.decision != null && e.decision !== 'allow');
  const wanted = e.keepText === true || cfg.keep === 'always' || (cfg.keep === 'denied' && denied);
  if (!wanted) return { keep: false, reason: `policy keep=${cfg.keep}` };
  if (!hasKey) return { keep: false, reason: 'no text key configured' };
  return { keep: true, reason: e.keepText ? 'requested by policy' : `policy keep=${cfg.keep}`, expiresAt: expiry(e.time, cfg.retentionDays) };
}

export function expiry(time: string, days: number): string {
  const t = Date.parse(time);
  return new Date((Number.isFinite(t) ? t : Date.now()) + days * 86_400_000).toISOString();
}
