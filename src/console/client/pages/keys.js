// Keys page: search and filter, create with a one-time reveal, suspend / reinstate / revoke / rotate, edit, proof keys.
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { Badge, ErrorLine, html, when } from '../ui.js';
import { ENDPOINTS, KeyEditor } from './key-edit.js';

/** The full key, shown once: it exists only in this component's state until dismissed. */
function Reveal({ secret, onClose }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret.key);
      setCopied(true);
    } catch {
      document.getElementById('reveal-key')?.select();
    }
  };
  return html`<section class="reveal" role="status">
    <h3>${secret.title}</h3>
    <p>Copy it now: Warden keeps only a hash and cannot show it again.</p>
    <div class="row">
      <input id="reveal-key" class="mono" readonly value=${secret.key} onFocus=${(e) => e.target.select()} />
      <button onClick=${copy}>${copied ? 'Copied' : 'Copy'}</button>
      <button class="secondary" onClick=${onClose}>Done</button>
    </div>
  </section>`;
}

function CreateKey({ tenants, onCreated, onTenant }) {
  const [tenantId, setTenantId] = useState('');
  const [name, setName] = useState('');
  const [endpoints, setEndpoints] = useState(['chat', 'embeddings']);
  const [newTenant, setNewTenant] = useState('');
  const [error, setError] = useState(null);
  const tid = tenantId || tenants[0]?.id || '';
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      const k = await admin('POST', '/keys', { tenantId: tid, name, endpoints });
      setName('');
      onCreated(k);
    } catch (err) {
      setError(err);
    }
  };
  const addTenant = async (e) => {
    e.preventDefault();
    try {
      const t = await admin('POST', '/tenants', { name: newTenant });
      setNewTenant('');
      setTenantId(t.id);
      onTenant();
    } catch (err) {
      setError(err);
    }
  };
  const toggle = (ep) => setEndpoints(endpoints.includes(ep) ? endpoints.filter((x) => x !== ep) : [...endpoints, ep]);
  return html`<section class="card">
    <h3>Create a key</h3>
    <form class="grid" onSubmit=${submit}>
      <label>Tenant
        <select name="tenant" value=${tid} onChange=${(e) => setTenantId(e.target.value)}>
          ${tenants.map((t) => html`<option value=${t.id} title=${t.id}>${t.name}</option>`)}
        </select>
      </label>
      <label>Name <input name="name" value=${name} onInput=${(e) => setName(e.target.value)} required maxlength="200" /></label>
      <fieldset><legend>Endpoints</legend>
        ${ENDPOINTS.map((ep) => html`<label class="inline"><input type="checkbox" checked=${endpoints.includes(ep)} onChange=${() => toggle(ep)} /> ${ep}</label>`)}
      </fieldset>
      <button type="submit" disabled=${!tid}>Create key</button>
    </form>
    <form class="row small" onSubmit=${addTenant}>
      <input name="tenantName" placeholder="New tenant name" value=${newTenant} onInput=${(e) => setNewTenant(e.target.value)} required />
      <button type="submit" class="secondary">Add tenant</button>
    </form>
    <${ErrorLine} error=${error} />
  </section>`;
}

const LIMIT_LABELS = { requestsPerMinute: 'rpm', tokensPerMinute: 'tpm', imagesPerDay: 'img/day', concurrentRequests: 'conc', spendPerDayUsd: '$/day', spendPerMonthUsd: '$/month' };
const limitSummary = (l) => {
  const parts = Object.entries(l ?? {}).map(([k, v]) => `${LIMIT_LABELS[k] ?? k} ${v}`);
  return parts.length ? parts.join(' · ') : html`<span class="muted">defaults</span>`;
};

export function KeysPage() {
  const [keys, setKeys] = useState(null);
  const [tenants, setTenants] = useState([]);
  const [q, setQ] = useState('');
  const [status, setStatus] = useState('');
  const [tenantFilter, setTenantFilter] = useState('');
  const [endpoint, setEndpoint] = useState('');
  const [editing, setEditing] = useState(null);
  const [secret, setSecret] = useState(null);
  const [error, setError] = useState(null);
  const load = async () => {
    try {
      const [k, t] = await Promise.all([admin('GET', '/keys'), admin('GET', '/tenants')]);
      setKeys(k);
      setTenants(t);
    } catch (err) {
      setError(err);
    }
  };
  useEffect(() => void load(), []);
  const act = async (k, verb) => {
    if (verb === 'revoke' && !confirm(`Revoke key ${k.name} (${k.id})? Revocation is final.`)) return;
    setError(null);
    try {
      const r = await admin('POST', `/keys/${encodeURIComponent(k.id)}/${verb}`, verb === 'rotate' ? { gracePeriodSeconds: 3600 } : {});
      if (verb === 'rotate') setSecret({ title: `New secret for ${k.name} (the old one works for 1 hour)`, key: r.key });
      await load();
    } catch (err) {
      setError(err);
    }
  };
  const tenantName = Object.fromEntries(tenants.map((t) => [t.id, t.name]));
  const needle = q.trim().toLowerCase();
  const shown = (keys ?? []).filter(
    (k) =>
      (!status || k.status === status) &&
      (!tenantFilter || k.tenantId === tenantFilter) &&
      (!endpoint || k.endpoints.includes(endpoint)) &&
      (!needle || [k.id, k.name, k.tenantId, tenantName[k.tenantId] ?? '', k.last4].some((v) => String(v).toLowerCase().includes(needle))),
  );
  return html`<div class="page">
    <h2>Keys</h2>
    ${secret && html`<${Reveal} secret=${secret} onClose=${() => setSecret(null)} />`}
    <${ErrorLine} error=${error} />
    <${CreateKey} tenants=${tenants} onTenant=${load} onCreated=${(k) => (setSecret({ title: `Key “${k.name}” created`, key: k.key }), load())} />
    <div class="row filters">
      <input type="search" name="q" placeholder="Search name, id, tenant, last 4" value=${q} onInput=${(e) => setQ(e.target.value)} />
      <select name="status" value=${status} onChange=${(e) => setStatus(e.target.value)}>
        <option value="">Any status</option>
        ${['active', 'suspended', 'revoked', 'expired'].map((s) => html`<option value=${s}>${s}</option>`)}
      </select>
      <select name="tenantFilter" value=${tenantFilter} onChange=${(e) => setTenantFilter(e.target.value)}>
        <option value="">Any tenant</option>
        ${tenants.map((t) => html`<option value=${t.id}>${t.name}</option>`)}
      </select>
      <select name="endpoint" value=${endpoint} onChange=${(e) => setEndpoint(e.target.value)}>
        <option value="">Any endpoint</option>
        ${ENDPOINTS.map((ep) => html`<option value=${ep}>${ep}</option>`)}
      </select>
      <span class="muted">${shown.length} of ${keys?.length ?? 0}</span>
    </div>
    <table class="keys">
      <thead><tr><th>Name</th><th>Id</th><th>Tenant</th><th>Key</th><th>Endpoints</th><th>Limits</th><th>Status</th><th>Expires</th><th></th></tr></thead>
      <tbody>
        ${shown.map((k) => [
          html`<tr data-key=${k.id}>
            <td>${k.name}${k.canary ? html` <span class="badge" title="a canary: any use opens an incident">canary</span>` : null}${(k.proofKeys ?? []).length ? html` <span class="badge" title="proof keys bound">proof</span>` : null}</td>
            <td class="mono">${k.id}</td><td>${tenantName[k.tenantId] ?? k.tenantId}</td>
            <td class="mono">…${k.last4}</td><td>${k.endpoints.join(', ')}</td>
            <td class="small">${limitSummary(k.limits)}</td>
            <td><${Badge} status=${k.status} /></td><td class="small">${k.expiresAt ? when(k.expiresAt) : 'never'}</td>
            <td class="actions">
              ${k.status !== 'revoked' && html`<button class="secondary" onClick=${() => setEditing(editing === k.id ? null : k.id)}>${editing === k.id ? 'Close' : 'Edit'}</button>`}
              ${k.status === 'active' && html`<button class="secondary" onClick=${() => act(k, 'suspend')}>Suspend</button>`}
              ${k.status === 'suspended' && html`<button class="secondary" onClick=${() => act(k, 'reinstate')}>Reinstate</button>`}
              ${k.status !== 'revoked' && html`<button class="secondary" onClick=${() => act(k, 'rotate')}>Rotate</button>`}
              ${k.status !== 'revoked' && html`<button class="danger" onClick=${() => act(k, 'revoke')}>Revoke</button>`}
            </td>
          </tr>`,
          editing === k.id && k.status !== 'revoked' && html`<tr class="editor-row"><td colspan="9"><${KeyEditor} k=${k} onSaved=${() => load()} onClose=${() => setEditing(null)} /></td></tr>`,
        ])}
      </tbody>
    </table>
    ${keys && keys.length === 0 && html`<p class="muted">No keys yet.</p>`}
  </div>`;
}
