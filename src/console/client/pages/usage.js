// Usage: every tenant and its live keys against their limits and budgets (requests, tokens, images, spend).
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { Badge, ErrorLine, html, Meter } from '../ui.js';

const COLUMNS = [
  ['requestsPerMinute', 'Requests / min'],
  ['tokensPerMinute', 'Tokens / min'],
  ['requestsToday', 'Requests today'],
  ['imagesToday', 'Images today'],
  ['spendTodayUsd', 'Spend today', true],
  ['spendThisMonthUsd', 'Spend this month', true],
];

const Cells = ({ usage }) => COLUMNS.map(([k, , money]) => html`<td><${Meter} line=${usage[k]} money=${money} /></td>`);

export function UsagePage() {
  const [data, setData] = useState(null);
  const [error, setError] = useState(null);
  const [q, setQ] = useState('');
  const load = () => admin('GET', '/usage').then(setData, setError);
  useEffect(() => void load(), []);
  const needle = q.trim().toLowerCase();
  const tenants = (data?.tenants ?? []).filter(
    (t) => !needle || `${t.name} ${t.tenantId}`.toLowerCase().includes(needle) || data.keys.some((k) => k.tenantId === t.tenantId && `${k.name} ${k.keyId}`.toLowerCase().includes(needle)),
  );
  return html`<div class="page">
    <div class="row spread"><h2>Usage</h2><button class="secondary" onClick=${load}>Refresh</button></div>
    <p class="muted">Live counters against each tenant's and key's limits (a key's own limits, else the configured key defaults; tenants from <span class="mono">limits.tenants</span>). Amber past 80 %, red at the limit.</p>
    <div class="row filters"><input type="search" name="q" placeholder="Filter tenant or key" value=${q} onInput=${(e) => setQ(e.target.value)} /></div>
    <${ErrorLine} error=${error} />
    ${
      data &&
      html`<table class="usage">
      <thead><tr><th>Tenant / key</th><th>Status</th>${COLUMNS.map(([, label]) => html`<th>${label}</th>`)}</tr></thead>
      <tbody>
        ${tenants.map((t) => [
          html`<tr class="tenant-row" data-tenant=${t.tenantId}><td><strong>${t.name}</strong> <span class="mono muted small">${t.tenantId}</span></td><td></td><${Cells} usage=${t.usage} /></tr>`,
          ...data.keys
            .filter((k) => k.tenantId === t.tenantId)
            .map(
              (k) =>
                html`<tr class="key-row" data-key=${k.keyId}><td class="indent">${k.name} <span class="mono muted small">${k.keyId}</span></td><td><${Badge} status=${k.status} /></td><${Cells} usage=${k.usage} /></tr>`,
            ),
        ])}
      </tbody>
    </table>`
    }
    ${data?.truncated && html`<p class="muted">Only the first 500 live keys are shown; the tenants' own totals are complete.</p>`}
    ${data && tenants.length === 0 && html`<p class="muted">No tenants match.</p>`}
  </div>`;
}
