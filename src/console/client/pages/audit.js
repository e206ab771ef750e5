// Audit: search events by key, tenant, incident, time, status, denying stage and kind; verify the whole log;
// show the latest signed checkpoint.
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { ErrorLine, FieldError, html, when } from '../ui.js';

const TEXT = [
  ['keyId', 'Key id'],
  ['tenantId', 'Tenant id'],
  ['incidentId', 'Incident id'],
];
const STAGES = ['authenticate', 'proof', 'validate', 'bind', 'concurrency', 'limit', 'assessRisk', 'promptPolicy', 'outputPolicy', 'sourceGuard', 'storeGate'];

/** ISO ↔ the local "YYYY-MM-DDTHH:mm:ss" a datetime-local input holds. */
const toLocal = (iso) => {
  const t = Date.parse(iso);
  if (Number.isNaN(t)) return '';
  return new Date(t - new Date(t).getTimezoneOffset() * 60_000).toISOString().slice(0, 19);
};
const toIso = (local) => (local ? new Date(local).toISOString() : '');

/** Filters handed over in the hash (#/audit?keyId=…&from=<ISO>), e.g. from an incident. */
const fromHash = () => {
  const q = Object.fromEntries(new URLSearchParams(location.hash.split('?')[1] ?? ''));
  for (const k of ['from', 'to']) if (q[k]) q[k] = toLocal(q[k]);
  return q;
};

function Checkpoint() {
  const [cp, setCp] = useState(null);
  const [report, setReport] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const load = () => admin('GET', '/audit/checkpoint').then(setCp, setError);
  useEffect(() => void load(), []);
  const verify = async () => {
    setError(null);
    setBusy(true);
    try {
      setReport(await admin('GET', '/audit/verify'));
      await load();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  const c = cp?.checkpoint;
  return html`<section class="card checkpoint">
    <div class="row spread">
      <h3>Integrity</h3>
      <div class="row"><button onClick=${verify} disabled=${busy}>${busy ? 'Verifying…' : 'Verify the log'}</button>
        ${report && html`<span class=${report.ok ? 'ok' : 'error'} data-verify>${report.ok ? 'Verified' : `FAILED: ${report.problem}`}</span>`}</div>
    </div>
    ${
      cp &&
      html`<dl class="facts">
      <dt>Events in the log</dt><dd>${cp.events}</dd>
      <dt>Latest signed checkpoint</dt><dd data-checkpoint>${c ? html`covers <strong>${c.treeSize}</strong> events, signed ${when(c.time)} <span class="muted">(${cp.ageSeconds} s ago)</span>` : 'none yet'}</dd>
      ${c && html`<dt>Root</dt><dd class="mono small">${c.root}</dd><dt>Signing key</dt><dd class="mono small">${c.keyId}</dd>`}
      <dt>Sealer</dt><dd>${cp.sealer.ok ? html`<span class="ok">sealing</span>` : html`<span class="error">stopped: ${cp.sealer.problem}</span>`}</dd>
    </dl>`
    }
    ${report && html`<details><summary>Verification report</summary><pre class="mono small">${JSON.stringify(report, null, 2)}</pre></details>`}
    <${ErrorLine} error=${error} />
  </section>`;
}

export function AuditPage() {
  const [q, setQ] = useState(fromHash);
  const [result, setResult] = useState(null);
  const [open, setOpen] = useState(null);
  const [error, setError] = useState(null);
  const search = async (e) => {
    e?.preventDefault();
    setError(null);
    const params = new URLSearchParams(Object.entries({ ...q, from: toIso(q.from), to: toIso(q.to) }).filter(([, v]) => v));
    params.set('limit', '200');
    try {
      setResult(await admin('GET', `/audit/events?${params}`));
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => void (Object.keys(q).length > 0 && search()), []);
  const set = (k) => (e) => setQ({ ...q, [k]: e.target.value });
  return html`<div class="page">
    <h2>Audit log</h2>
    <${Checkpoint} />
    <form class="card grid audit-search" onSubmit=${search}>
      ${TEXT.map(([k, label]) => html`<label>${label} <input name=${k} value=${q[k] ?? ''} onInput=${set(k)} /></label>`)}
      <label>From <input name="from" type="datetime-local" step="1" value=${q.from ?? ''} onInput=${set('from')} /><${FieldError} error=${error} name="from" /></label>
      <label>To <input name="to" type="datetime-local" step="1" value=${q.to ?? ''} onInput=${set('to')} /><${FieldError} error=${error} name="to" /></label>
      <label>Status <input name="status" placeholder="401 or 4xx" value=${q.status ?? ''} onInput=${set('status')} /><${FieldError} error=${error} name="status" /></label>
      <label>Denied by stage <select name="stage" value=${q.stage ?? ''} onChange=${set('stage')}><option value="">any</option>${STAGES.map((s) => html`<option value=${s}>${s}</option>`)}</select></label>
      <label>Kind <select name="kind" value=${q.kind ?? ''} onChange=${set('kind')}><option value="">any</option><option value="request">requests</option><option value="admin">admin actions</option></select></label>
      <div class="row"><button type="submit">Search</button><button type="button" class="secondary" onClick=${() => (setQ({}), setResult(null))}>Clear</button></div>
    </form>
    ${error && !['from', 'to', 'status'].includes(error.param) && html`<${ErrorLine} error=${error} />`}
    ${
      result &&
      html`<p class="muted">${result.partial ? `At least ${result.total} events match (the newest ${result.partial.scanned.toLocaleString()} events, back to ${when(result.partial.coversFrom)}, were searched; narrow the time range to search further back)` : `${result.total} events match`}; the latest ${result.data.length} shown, newest first. Click a row for the whole event.</p>
      <table class="audit"><thead><tr><th>#</th><th>Time</th><th>Kind</th><th>Action / endpoint</th><th>Key</th><th>Status</th><th>Code / decision</th><th>Stage</th><th>Actor / IP</th></tr></thead>
        <tbody>${result.data
          .slice()
          .reverse()
          .map((e) => [
            html`<tr class="event" onClick=${() => setOpen(open === e.seq ? null : e.seq)}>
            <td>${e.seq}${e.sealed ? '' : html` <span class="muted small" title="not yet covered by a checkpoint">•</span>`}</td><td>${when(e.time)}</td><td>${e.kind}</td><td>${e.action ?? e.endpoint ?? ''}</td>
            <td class="mono">${e.keyId ?? ''}</td><td>${e.status ?? ''}</td><td class="mono">${e.errorCode ?? e.decision ?? ''}</td><td class="mono small">${e.detail?.deniedBy ?? ''}</td><td>${e.actor ?? e.clientIp ?? ''}</td>
          </tr>`,
            open === e.seq && html`<tr class="event-detail"><td colspan="9"><pre class="mono small">${JSON.stringify(e, null, 2)}</pre></td></tr>`,
          ])}</tbody>
      </table>`
    }
  </div>`;
}
