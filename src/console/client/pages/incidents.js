// Incidents: open first, each with its signals and action; reinstate or revoke the key; export the evidence bundle.
import { useEffect, useState } from 'preact/hooks';
import { admin, adminText } from '../api.js';
import { ErrorLine, html, when } from '../ui.js';

function download(name, text) {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

export function IncidentsPage() {
  const [status, setStatus] = useState('open');
  const [list, setList] = useState(null);
  const [error, setError] = useState(null);
  const [note, setNote] = useState('');
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
    try {
      // By key: request events do not carry the incident id yet, so ?incidentId= would export an empty bundle.
      download(`warden-evidence-${i.id}.json`, await adminText(`/audit/export?keyId=${encodeURIComponent(i.keyId)}`));
      setNote(`Evidence bundle for ${i.id} downloaded.`);
    } catch (err) {
      setError(err);
    }
  };
  return html`<div class="page">
    <h2>Incidents</h2>
    <div class="row filters">
      <select name="status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="open">Open</option><option value="resolved">Resolved</option><option value="">All</option>
      </select>
      <span class="muted">${note}</span>
    </div>
    <${ErrorLine} error=${error} />
    ${list?.length === 0 && html`<p class="muted">No incidents.</p>`}
    ${(list ?? []).map(
      (i) => html`<section class="card incident">
        <h3><span class=${`badge sev-${i.severity}`}>${i.severity}</span> ${i.id} <span class="muted">${i.status}</span></h3>
        <p>Key <span class="mono">${i.keyId}</span>, tenant <span class="mono">${i.tenantId}</span>; action <strong>${i.action}</strong>, score ${i.score}; ${when(i.firstSeen)} → ${when(i.lastSeen)}; ${i.requestIds.length} requests.</p>
        <ul>${i.signals.map((s) => html`<li><strong>${s.name}</strong>: ${s.detail}</li>`)}</ul>
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
