// Policies: the risk policy (thresholds and actions), safety overrides per tenant and key, and the incident webhooks.
// Every change goes through the admin API, which validates it; its refusal is shown next to the field it names.
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { ErrorLine, FieldError, html } from '../ui.js';

const RISK_FIELDS = [
  ['flagAt', 'Flag at (request score)'],
  ['blockAt', 'Block request at (request score)'],
  ['throttleAt', 'Throttle at (key suspicion)'],
  ['throttlePerMinute', 'Throttled requests / min'],
  ['suspendAt', 'Suspend key at (key suspicion)'],
  ['suspendMinUsage', 'Usage evidence to suspend'],
  ['halfLifeMinutes', 'Suspicion half-life (min)'],
  ['requireProofAt', 'Require proof at (empty: never)'],
];

function RiskPolicy() {
  const [policy, setPolicy] = useState(null);
  const [draft, setDraft] = useState({});
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => void admin('GET', '/risk/policy').then((p) => (setPolicy(p), setDraft(p)), setError), []);
  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const changed = {};
    for (const [k] of RISK_FIELDS) if (String(draft[k] ?? '') !== String(policy[k] ?? '')) changed[k] = draft[k] === '' ? null : Number(draft[k]);
    if (draft.stepUpToProof !== policy.stepUpToProof) changed.stepUpToProof = draft.stepUpToProof;
    try {
      const p = await admin('PUT', '/risk/policy', changed);
      setPolicy(p);
      setDraft(p);
      setSaved(true);
    } catch (err) {
      setError(err);
    }
  };
  if (!policy) return html`<section class="card"><h3>Risk policy</h3><${ErrorLine} error=${error} /></section>`;
  return html`<section class="card">
    <h3>Risk policy</h3>
    <p class="muted small">Scores run 0–100. A request at or above <em>flag</em> opens or extends an incident; <em>block</em> refuses it; a key whose suspicion reaches <em>throttle</em> is slowed, at <em>suspend</em> suspended (only with enough client or usage evidence: a new network alone never suspends).</p>
    <form class="grid risk-policy" onSubmit=${save} novalidate>
      ${RISK_FIELDS.map(([k, label]) => html`<label>${label}
        <input name=${k} type="number" step="any" value=${draft[k] ?? ''} aria-invalid=${Boolean(error?.param === k)} onInput=${(e) => (setDraft({ ...draft, [k]: e.target.value }), setError(null), setSaved(false))} />
        <${FieldError} error=${error} name=${k} /></label>`)}
      <label class="inline"><input type="checkbox" name="stepUpToProof" checked=${draft.stepUpToProof} onChange=${(e) => setDraft({ ...draft, stepUpToProof: e.target.checked })} /> Keys with proof keys must prove possession instead of being throttled</label>
      <div class="row"><button type="submit">Save risk policy</button>${saved && html`<span class="ok">Saved.</span>`}</div>
    </form>
    ${error && !RISK_FIELDS.some(([k]) => error.param === k) && html`<${ErrorLine} error=${error} />`}
  </section>`;
}

const TRI = [['', 'inherit'], ['true', 'yes'], ['false', 'no']];
const asTri = (v) => (v === undefined ? '' : String(v));
const fromTri = (v) => (v === '' ? undefined : v === 'true');

/** An override as the form edits it: scalar fields as strings, the structured ones as JSON text. */
const toForm = (o) => ({
  failMode: o?.failMode ?? '',
  annotate: asTri(o?.annotate),
  checkOutput: asTri(o?.checkOutput),
  streamWindowChars: o?.streamWindowChars ?? '',
  categories: o?.categories ? JSON.stringify(o.categories, null, 2) : '',
  blocklists: o?.blocklists ? JSON.stringify(o.blocklists, null, 2) : '',
});

function SafetyOverrides({ tenants, keys }) {
  const [scope, setScope] = useState('tenant');
  const [id, setId] = useState('');
  const [form, setForm] = useState(toForm(null));
  const [current, setCurrent] = useState(undefined);
  const [error, setError] = useState(null);
  const [note, setNote] = useState('');
  /** The target whose override the form holds: until it has loaded, the form is not shown (no edit can be overwritten). */
  const [loaded, setLoaded] = useState('');
  const options = scope === 'tenant' ? tenants.map((t) => [t.id, `${t.name} (${t.id})`]) : keys.filter((k) => k.status !== 'revoked').map((k) => [k.id, `${k.name} (${k.id})`]);
  const target = id || options[0]?.[0] || '';
  const path = `/safety/policies/${scope === 'tenant' ? 'tenants' : 'keys'}/${encodeURIComponent(target)}`;
  useEffect(() => {
    setError(null);
    setNote('');
    if (!target) return;
    setLoaded('');
    admin('GET', path).then((r) => (setCurrent(r.override), setForm(toForm(r.override)), setLoaded(`${scope}:${target}`)), setError);
  }, [scope, target]);
  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setNote('');
    const body = {};
    if (form.failMode) body.failMode = form.failMode;
    for (const k of ['annotate', 'checkOutput']) if (fromTri(form[k]) !== undefined) body[k] = fromTri(form[k]);
    if (form.streamWindowChars !== '') body.streamWindowChars = Number(form.streamWindowChars);
    for (const k of ['categories', 'blocklists']) {
      if (!form[k].trim()) continue;
      try {
        body[k] = JSON.parse(form[k]);
      } catch (err) {
        return setError({ message: `${k}: not valid JSON (${err.message})`, param: k });
      }
    }
    try {
      const r = await admin('PUT', path, body);
      setCurrent(r.override);
      setNote('Override saved.');
    } catch (err) {
      setError(err);
    }
  };
  const remove = async () => {
    setError(null);
    try {
      await admin('DELETE', path);
      setCurrent(null);
      setForm(toForm(null));
      setNote('Override removed: the configured policy applies.');
    } catch (err) {
      setError(err);
    }
  };
  const set = (k) => (e) => (setForm({ ...form, [k]: e.target.value }), setError(null), setNote(''));
  return html`<section class="card">
    <h3>Safety overrides</h3>
    <p class="muted small">Layers, each field overriding the one before: built-in defaults ← config ← tenant override ← key override. Fields left on "inherit" or empty are not overridden.</p>
    <div class="row">
      <select name="scope" value=${scope} onChange=${(e) => (setScope(e.target.value), setId(''))}><option value="tenant">Tenant</option><option value="key">Key</option></select>
      <select name="target" value=${target} onChange=${(e) => setId(e.target.value)}>${options.map(([v, label]) => html`<option value=${v}>${label}</option>`)}</select>
      <span class="muted">${current === null ? 'No override stored.' : current ? 'Override stored.' : ''}</span>
    </div>
    ${target && loaded !== `${scope}:${target}` && html`<p class="muted">Loading…</p>`}
    ${target && loaded === `${scope}:${target}` && html`<form class="grid safety-form" data-target=${target} onSubmit=${save} novalidate>
      <label>Guard failure mode <select name="failMode" value=${form.failMode} onChange=${set('failMode')}><option value="">inherit</option><option value="open">open (let through)</option><option value="closed">closed (refuse)</option></select><${FieldError} error=${error} name="failMode" /></label>
      <label>Azure filter annotations <select name="annotate" value=${form.annotate} onChange=${set('annotate')}>${TRI.map(([v, l]) => html`<option value=${v}>${l}</option>`)}</select><${FieldError} error=${error} name="annotate" /></label>
      <label>Check model output <select name="checkOutput" value=${form.checkOutput} onChange=${set('checkOutput')}>${TRI.map(([v, l]) => html`<option value=${v}>${l}</option>`)}</select><${FieldError} error=${error} name="checkOutput" /></label>
      <label>Stream window (chars) <input name="streamWindowChars" type="number" value=${form.streamWindowChars} onInput=${set('streamWindowChars')} /><${FieldError} error=${error} name="streamWindowChars" /></label>
      <label class="wide">Categories (JSON: category → {threshold: low|medium|high, action: block|flag|strip|allow})
        <textarea name="categories" rows="5" class="mono" placeholder='{"violence": {"threshold": "medium", "action": "block"}}' value=${form.categories} onInput=${set('categories')}></textarea>
        <${FieldError} error=${error} name="categories" /></label>
      <label class="wide">Blocklists (JSON: [{name, terms?, patterns?}])
        <textarea name="blocklists" rows="3" class="mono" placeholder='[{"name": "internal", "terms": ["project-x"]}]' value=${form.blocklists} onInput=${set('blocklists')}></textarea>
        <${FieldError} error=${error} name="blocklists" /></label>
      <div class="row wide"><button type="submit">Save override</button>${current && html`<button type="button" class="danger" onClick=${remove}>Remove override</button>`}<span class="ok">${note}</span></div>
    </form>`}
    ${error && !['failMode', 'annotate', 'checkOutput', 'streamWindowChars', 'categories', 'blocklists'].some((k) => (error.param ?? '').split('.')[0] === k) && html`<${ErrorLine} error=${error} />`}
  </section>`;
}

function Webhooks() {
  const [hooks, setHooks] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => void admin('GET', '/risk/webhooks').then((r) => setHooks(r.data), setError), []);
  return html`<section class="card">
    <h3>Incident webhooks</h3>
    <p class="muted small">Signed (HMAC-SHA256, <span class="mono">x-warden-signature</span>) and sent when an incident opens, escalates or is resolved, and when a source is blocked. Set in the config file under <span class="mono">risk.webhooks</span>; secrets are never shown.</p>
    <${ErrorLine} error=${error} />
    ${hooks?.length === 0 && html`<p class="muted">No webhooks configured.</p>`}
    ${hooks?.length > 0 && html`<table class="webhooks"><thead><tr><th>URL</th><th>Signed</th></tr></thead><tbody>${hooks.map((w) => html`<tr><td class="mono">${w.url}</td><td>${w.signed ? 'yes' : 'no'}</td></tr>`)}</tbody></table>`}
  </section>`;
}

export function PoliciesPage() {
  const [tenants, setTenants] = useState([]);
  const [keys, setKeys] = useState([]);
  useEffect(() => void Promise.all([admin('GET', '/tenants'), admin('GET', '/keys')]).then(([t, k]) => (setTenants(t), setKeys(k))).catch(() => {}), []);
  return html`<div class="page">
    <h2>Policies</h2>
    <${RiskPolicy} />
    <${SafetyOverrides} tenants=${tenants} keys=${keys} />
    <${Webhooks} />
  </div>`;
}
