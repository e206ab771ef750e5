// Shared UI bits: htm bound to Preact, a status badge, an error line, time formatting.
import { h } from 'preact';
import htm from 'htm';

export const html = htm.bind(h);

export const Badge = ({ status }) => html`<span class=${`badge badge-${status}`}>${status}</span>`;

export const ErrorLine = ({ error }) => (error ? html`<p class="error" role="alert">${error.message ?? String(error)}</p>` : null);

export const when = (iso) => (iso ? new Date(iso).toLocaleString() : '—');
