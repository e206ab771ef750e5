// Incidents: open first; each with its signals explained and a timeline of evidence requests and actions taken;
// reinstate or revoke the key; export an evidence bundle (verifiable offline with `warden audit verify-bundle`).
import { useEffect, useState } from 'preact/hooks';
import { admin, adminText } from '../api.js';
import { ErrorLine, html, when } from '../ui.js';

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The incident's window of the key's log: from a minute before its first request (clock skew between replicas). */
const since = (i) => new Date(Date.parse(i.firstSeen) - 60_000).toISOString();
const exportQuery = (i) => `keyId=${encodeURIComponent(i.keyId)}&from=${encodeURIComponent(since(i))}`;

function Entry({ e }) {
  if (e.kind === 'admin') {
    return html`<li class="tl-action"><span class="tl-time">${when(e.time)}</span> <strong>${e.action}</strong> <span class="muted">by ${e.actor ?? '?'}</span>${e.detail?.reason ? html` — ${e.detail.reason}` : null}</li>`;
  }
  const signals = Array.isArray(e.signals) ? e.signals : [];
  return html`<li class=${`tl-request ${e.status >= 400 ? 'tl-denied' : ''}`}>
    <span class="tl-time">${when(e.time)}</span> <span class="mono">${e.endpoint ?? ''}</span> → <strong>${e.status}</strong>${e.errorCode ? html` <span class="mono small">${e.errorCode}</span>` : null}${' '}from <span class="mono">${e.clientIp ?? '?'}</span>${e.country ? ` (${e.country}${e.asn ? `, AS${e.asn}` : ''})` : e.asn ? ` (AS${e.asn})` : ''}
    ${e.decision ? html`; risk <strong>${e.decision}</strong>${e.riskScore != null ? ` (score ${e.riskScore})` : ''}` : null}
    ${signals.length > 0 && html`<div class="small muted">${signals.map((s) => s.name).join(', ')}</div>`}
  </li>`;
}

function Timeline({ i }) {
  const [events, setEvents] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    admin('GET', `/audit/events?${exportQuery(i)}&limit=200`).then((r) => setEvents(r), setError);
  }, [i.id, i.lastSeen]);
  if (error) return html`<${ErrorLine} error=${error} />`;
  if (!events) return html`<p class="muted small">Loading timeline…</p>`;
  const evidence = new Set(i.requestIds);
  // Actions on the key from the incident's first request on; requests that are its evidence (or carry its id).
  const shown = events.data.filter((e) => (e.kind === 'admin' && e.time >= i.firstSeen) || evidence.has(e.requestId) || e.incidentId === i.id);
  return html`<div class="timeline">
    <h4>Timeline (${shown.length} entries: evidence requests and actions)</h4>
    <ol>${shown.map((e) => html`<${Entry} e=${e} />`)}</ol>
    ${events.total > events.data.length && html`<p class="muted small">Older entries not shown: see the audit page.</p>`}
  </div>`;
}

export function IncidentsPage() {
  const [status, setStatus] = useState('open');
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [note, setNote] = useState('');
  const focus = new URLSearchParams(location.hash.split('?')[1] ?? '').get('id');
  const load = () => admin('GET', `/incidents?limit=200${status ? `&status=${status}` : ''}`).then((r) => setList(r.data), setError);
  useEffect(() => void load(), [status]);
  const act = async (i, verb) => {
    if (verb === 'revoke' && !confirm(`Revoke key ${i.keyId}? Revocation is final.`)) return;
    setError(null);
    try {
      await admin('POST', `/keys/${encodeURIComponent(i.keyId)}/${verb}`, verb === 'revoke' ? { reason: `incident ${i.id}` } : undefined);
      setNote(`Key ${i.keyId}: ${verb} done.`);
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const exportBundle = async (i) => {
    setError(null);
    try {
      download(`warden-evidence-${i.id}.json`, await adminText(`/audit/export?${exportQuery(i)}`));
      setNote(`Evidence bundle for ${i.id} downloaded: check it with \`warden audit verify-bundle warden-evidence-${i.id}.json\`.`);
    } catch (err) {
      setError(err);
    }
  };
  const ordered = (list ?? []).slice().sort((a, b) => (a.status === b.status ? b.lastSeen.localeCompare(a.lastSeen) : a.status === 'open' ? -1 : 1));
  return html`<div class="page">
    <h2>Incidents</h2>
    <div class="row filters">
      <select name="status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="open">Open</option><option value="resolved">Resolved</option><option value="">All</option>
      </select>
      <span class="muted note">${note}</span>
    </div>
    <${ErrorLine} error=${error} />
    ${list?.length === 0 && html`<p class="muted">No incidents.</p>`}
    ${ordered.map(
      (i) => html`<section class=${`card incident ${focus === i.id ? 'focus' : ''}`} data-incident=${i.id}>
        <h3><span class=${`badge sev-${i.severity}`}>${i.severity}</span> ${i.id} <span class=${`badge status-${i.status}`}>${i.status}</span></h3>
        <p>Key <a class="mono" href=${`#/audit?keyId=${encodeURIComponent(i.keyId)}`}>${i.keyId}</a>, tenant <span class="mono">${i.tenantId}</span>; action taken <strong>${i.action}</strong>, highest score ${i.score}; ${when(i.firstSeen)} → ${when(i.lastSeen)}; ${i.requestIds.length} evidence requests.</p>
        ${i.leak && html`<p>Reported leaked by <strong>${i.leak.reporter}</strong>${i.leak.url ? html` at <span class="mono">${i.leak.url}</span>` : null}.</p>`}
        <h4>Signals</h4>
        <ul class="signals">${i.signals.map((s) => html`<li><strong>${s.name}</strong>: ${s.detail}</li>`)}</ul>
        <${Timeline} i=${i} />
        <div class="row">
          <button class="secondary" onClick=${() => act(i, 'reinstate')}>Reinstate key</button>
          <button class="danger" onClick=${() => act(i, 'revoke')}>Revoke key</button>
          <button class="secondary" onClick=${() => exportBundle(i)}>Export evidence bundle</button>
          <a class="button-link" href=${`#/audit?keyId=${encodeURIComponent(i.keyId)}&from=${encodeURIComponent(i.firstSeen)}`}>Events since first seen</a>
        </div>
      </section>`,
    )}
  </div>`;
}
