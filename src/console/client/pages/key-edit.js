// One key's settings: limits, endpoints, models, networks, expiry (PATCH /keys/{id}) and its proof keys.
import { useState } from 'preact/hooks';
import { admin } from '../api.js';
import { ErrorLine, FieldError, html, when } from '../ui.js';

export const ENDPOINTS = ['chat', 'embeddings', 'images'];
const LIMITS = [
  ['requestsPerMinute', 'Requests / min'],
  ['tokensPerMinute', 'Tokens / min'],
  ['imagesPerDay', 'Images / day'],
  ['concurrentRequests', 'Concurrent requests'],
  ['spendPerDayUsd', 'Spend / day (USD)'],
  ['spendPerMonthUsd', 'Spend / month (USD)'],
];

const list = (s) =>
  s
    .split(/[\s,]+/)
    .map((x) => x.trim())
    .filter(Boolean);
/** datetime-local wants local "YYYY-MM-DDTHH:mm". */
const localInput = (iso) => {
  if (!iso) return '';
  const d = new Date(iso);
  return new Date(d.getTime() - d.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
};

const formOf = (k) => ({
  name: k.name,
  endpoints: [...k.endpoints],
  models: (k.models ?? []).join(', '),
  allowedCidrs: (k.allowedCidrs ?? []).join(', '),
  expiresAt: localInput(k.expiresAt),
  limits: Object.fromEntries(LIMITS.map(([n]) => [n, k.limits?.[n] ?? ''])),
});

/** Only what changed goes to the server (PATCH): null removes a limit, the models list, or the expiry. */
export function patchOf(k, f) {
  const p = {};
  if (f.name !== k.name) p.name = f.name;
  if ([...f.endpoints].sort().join() !== [...k.endpoints].sort().join()) p.endpoints = f.endpoints;
  const models = list(f.models);
  if (models.join() !== (k.models ?? []).join()) p.models = models.length ? models : null;
  const cidrs = list(f.allowedCidrs);
  if (cidrs.join() !== (k.allowedCidrs ?? []).join()) p.allowedCidrs = cidrs;
  if (f.expiresAt !== localInput(k.expiresAt)) p.expiresAt = f.expiresAt ? new Date(f.expiresAt).toISOString() : null;
  const limits = {};
  for (const [n] of LIMITS) {
    const was = k.limits?.[n] ?? '';
    const now = f.limits[n];
    if (String(now) !== String(was)) limits[n] = now === '' ? null : Number(now);
  }
  if (Object.keys(limits).length) p.limits = limits;
  return p;
}

function ProofKeys({ k, onChanged }) {
  const [jwk, setJwk] = useState('');
  const [error, setError] = useState(null);
  const bind = async (e) => {
    e.preventDefault();
    setError(null);
    let parsed;
    try {
      parsed = JSON.parse(jwk);
    } catch (err) {
      return setError({ message: `proofKeys: not valid JSON (${err.message})`, param: 'proofKeys' });
    }
    try {
      onChanged(await admin('POST', `/keys/${encodeURIComponent(k.id)}/proof-keys`, { proofKeys: Array.isArray(parsed) ? parsed : [parsed] }));
      setJwk('');
    } catch (err) {
      setError(err);
    }
  };
  const call = async (method, path, body) => {
    setError(null);
    try {
      onChanged(await admin(method, path, body));
    } catch (err) {
      setError(err);
    }
  };
  return html`<div class="proof-keys">
    <h4>Proof keys (proof of possession, DPoP)</h4>
    ${
      (k.proofKeys ?? []).length === 0
        ? html`<p class="muted small">None bound: the secret alone authenticates this key.</p>`
        : html`<ul>
      ${k.proofKeys.map(
        (p) => html`<li><span class="mono">${p.thumbprint}</span> <span class="muted small">${p.jwk.kty}${p.jwk.crv ? ` ${p.jwk.crv}` : ''}, added ${when(p.addedAt)}</span>
        <button type="button" class="secondary small-button" onClick=${() => call('DELETE', `/keys/${encodeURIComponent(k.id)}/proof-keys/${encodeURIComponent(p.thumbprint)}`)}>Remove</button></li>`,
      )}
    </ul>`
    }
    <label class="inline"><input type="checkbox" name="requireProof" checked=${k.requireProof} onChange=${(e) => call('POST', `/keys/${encodeURIComponent(k.id)}/proof-keys`, { requireProof: e.target.checked })} /> Require a proof on every request</label>
    <form class="row" onSubmit=${bind}>
      <textarea name="jwk" rows="2" class="mono grow" placeholder='Public JWK, e.g. {"kty":"EC","crv":"P-256","x":"…","y":"…"}' value=${jwk} onInput=${(e) => setJwk(e.target.value)}></textarea>
      <button type="submit" class="secondary" disabled=${!jwk.trim()}>Bind proof key</button>
    </form>
    <${FieldError} error=${error} name="proofKeys" />
    ${error && (error.param ?? '').split('.')[0] !== 'proofKeys' && html`<${ErrorLine} error=${error} />`}
  </div>`;
}

export function KeyEditor({ k, onSaved, onClose }) {
  const [f, setForm] = useState(() => formOf(k));
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState('');
  // An edit clears the last refusal: it no longer describes what the form holds.
  const setF = (next) => (setForm(next), setError(null), setSaved(''));
  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setSaved('');
    const patch = patchOf(k, f);
    if (Object.keys(patch).length === 0) return setSaved('Nothing changed.');
    try {
      const after = await admin('PATCH', `/keys/${encodeURIComponent(k.id)}`, patch);
      setForm(formOf(after));
      setSaved(`Saved: ${Object.keys(patch).join(', ')}.`);
      onSaved(after);
    } catch (err) {
      setError(err);
    }
  };
  const toggle = (ep) => setF({ ...f, endpoints: f.endpoints.includes(ep) ? f.endpoints.filter((x) => x !== ep) : [...f.endpoints, ep] });
  const known = ['name', 'endpoints', 'models', 'allowedCidrs', 'expiresAt', 'limits'];
  return html`<div class="key-editor" data-editing=${k.id}>
    <form class="grid" onSubmit=${save} novalidate>
      <label>Name <input name="edit-name" value=${f.name} onInput=${(e) => setF({ ...f, name: e.target.value })} /><${FieldError} error=${error} name="name" /></label>
      <fieldset><legend>Endpoints</legend>
        ${ENDPOINTS.map((ep) => html`<label class="inline"><input type="checkbox" name=${`edit-ep-${ep}`} checked=${f.endpoints.includes(ep)} onChange=${() => toggle(ep)} /> ${ep}</label>`)}
        <${FieldError} error=${error} name="endpoints" />
      </fieldset>
      <label>Models (comma-separated; empty: all) <input name="edit-models" value=${f.models} onInput=${(e) => setF({ ...f, models: e.target.value })} /><${FieldError} error=${error} name="models" /></label>
      <label>Networks (CIDRs; empty: any) <input name="edit-cidrs" value=${f.allowedCidrs} placeholder="203.0.113.0/24, 2001:db8::/32" onInput=${(e) => setF({ ...f, allowedCidrs: e.target.value })} /><${FieldError} error=${error} name="allowedCidrs" /></label>
      <label>Expires (empty: never) <input name="edit-expires" type="datetime-local" value=${f.expiresAt} onInput=${(e) => setF({ ...f, expiresAt: e.target.value })} /><${FieldError} error=${error} name="expiresAt" /></label>
      ${LIMITS.map(([n, label]) => html`<label>${label} <input name=${`limit-${n}`} type="number" min="0" step="any" placeholder="none" value=${f.limits[n]} onInput=${(e) => setF({ ...f, limits: { ...f.limits, [n]: e.target.value } })} /><${FieldError} error=${error} name=${`limits.${n}`} /></label>`)}
      <div class="row wide"><button type="submit">Save changes</button><button type="button" class="secondary" onClick=${onClose}>Close</button><span class="ok">${saved}</span></div>
    </form>
    ${error && !known.includes((error.param ?? '').split('.')[0]) && html`<${ErrorLine} error=${error} />`}
    <${ProofKeys} k=${k} onChanged=${onSaved} />
  </div>`;
}
