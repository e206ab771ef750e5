// Shared UI bits: htm bound to Preact, a status badge, error lines (whole-form and per-field), time formatting, a meter.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);

export const Badge = ({ status }) => html`<span class=${`badge badge-${status}`}>${status}</span>`;

export const ErrorLine = ({ error }) => (error ? html`<p class="error" role="alert">${error.message ?? String(error)}</p>` : null);

/**
 * The server names the first field it refused in `param` (e.g. "limits.requestsPerMinute"); the message lists every
 * issue as "path: problem; …". The part about `name` (or a field under it) goes next to that field.
 */
export function fieldError(error, name) {
  if (!error || typeof error.message !== 'string') return null;
  const parts = error.message
    .replace(/^Invalid request: /, '')
    .replace(/\.$/, '')
    .split('; ');
  const mine = parts.filter((p) => p === name || p.startsWith(`${name}:`) || p.startsWith(`${name}.`) || p.startsWith(`${name} `));
  if (mine.length > 0) return mine.join('; ');
  return error.param === name || (error.param ?? '').startsWith(`${name}.`) ? error.message : null;
}

/** An inline error under one field: role=alert so it is announced, data-field so tests find it. */
export const FieldError = ({ error, name }) => {
  const m = fieldError(error, name);
  return m ? html`<span class="field-error" role="alert" data-field=${name}>${m}</span>` : null;
};

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');

export const usd = (v) => (v === null || v === undefined ? '—' : `$${Number(v).toFixed(v !== 0 && Math.abs(v) < 0.01 ? 6 : 2)}`);

/** Used against a limit: a bar that turns amber past 80 % and red at the limit; just the number when unlimited. */
export const Meter = ({ line, money }) => {
  if (!line) return html`<span class="muted">—</span>`;
  const fmt = (v) => (money ? usd(v) : String(v));
  if (line.limit === null) return html`<span class="meter-text">${fmt(line.used)} <span class="muted">(no limit)</span></span>`;
  const pct = line.limit > 0 ? Math.min(100, (line.used / line.limit) * 100) : 100;
  const level = pct >= 100 ? 'full' : pct >= 80 ? 'high' : 'ok';
  return html`<div class="meter" title=${`${fmt(line.used)} of ${fmt(line.limit)}`}>
    <div class=${`meter-bar meter-${level}`} style=${{ width: `${pct.toFixed(1)}%` }}></div>
    <span class="meter-text">${fmt(line.used)} / ${fmt(line.limit)}</span>
  </div>`;
};
