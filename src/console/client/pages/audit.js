// Audit: search events by key, tenant, incident and time; verify the whole log and show the latest checkpoint.
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { ErrorLine, html, when } from '../ui.js';

const FIELDS = [['keyId', 'Key id'], ['tenantId', 'Tenant id'], ['incidentId', 'Incident id'], ['from', 'From (ISO)'], ['to', 'To (ISO)']];

/** Filters handed over in the hash (#/audit?keyId=…&from=…), e.g. from an incident. */
const fromHash = () => Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] ?? ''));

export function AuditPage() {
  const [q, setQ] = useState(fromHash);
  const [result, setResult] = useState(null);
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const search = async (e) => {
    e?.preventDefault();
    setError(null);
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => v));
    params.set('limit', '200');
    try {
      setResult(await admin('GET', `/audit/events?${params}`));
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => void (Object.keys(q).length > 0 && search()), []);
  const verify = async () => {
    setError(null);
    try {
      setReport(await admin('GET', '/audit/verify'));
    } catch (err) {
      setError(err);
    }
  };
  return html`<div class="page">
    <h2>Audit log</h2>
    <section class="card">
      <div class="row"><button onClick=${verify}>Verify the log</button>
        ${report && html`<span class=${report.ok ? 'ok' : 'error'} data-verify>${report.ok ? 'Verified' : `FAILED: ${report.problem}`}</span>`}
      </div>
      ${report && html`<pre class="mono small">${JSON.stringify(report, null, 2)}</pre>`}
    </section>
    <form class="card grid" onSubmit=${search}>
      ${FIELDS.map(([k, label]) => html`<label>${label} <input name=${k} value=${q[k] ?? ''} onInput=${(e) => setQ({ ...q, [k]: e.target.value })} /></label>`)}
      <button type="submit">Search</button>
    </form>
    <${ErrorLine} error=${error} />
    ${result && html`<p class="muted">${result.total} events match; the latest ${result.data.length} shown.</p>
      <table class="audit"><thead><tr><th>#</th><th>Time</th><th>Kind</th><th>Action / endpoint</th><th>Key</th><th>Status</th><th>Code</th><th>Actor / IP</th></tr></thead>
        <tbody>${result.data.slice().reverse().map((e) => html`<tr>
          <td>${e.seq}</td><td>${when(e.time)}</td><td>${e.kind}</td><td>${e.action ?? e.endpoint ?? ''}</td>
          <td class="mono">${e.keyId ?? ''}</td><td>${e.status ?? ''}</td><td class="mono">${e.errorCode ?? e.decision ?? ''}</td><td>${e.actor ?? e.clientIp ?? ''}</td>
        </tr>`)}</tbody>
      </table>`}
  </div>`;
}
