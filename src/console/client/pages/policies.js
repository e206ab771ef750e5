// Policies: the risk policy (thresholds and actions), safety overrides per tenant and key, and the incident webhooks.
// Every change goes through the admin API, which validates it; its refusal is shown next to the field it names.
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { ErrorLine, FieldError, fieldError, html, when } from '../ui.js';

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

/** The weight overrides as the form holds them (strings; empty: the signal's built-in weight) → the policy's `weights`. */
const weightsOut = (w) =>
  Object.fromEntries(
    Object.entries(w)
      .filter(([, v]) => String(v).trim() !== '')
      .map(([k, v]) => [k, Number(v)]),
  );
const sameWeights = (a, b) => JSON.stringify(Object.entries(a).sort()) === JSON.stringify(Object.entries(b).sort());

function RiskPolicy() {
  const [policy, setPolicy] = useState(null);
  const [draft, setDraft] = useState({});
  const [weights, setWeights] = useState({});
  const [signals, setSignals] = useState([]);
  const [showWeights, setShowWeights] = useState(false);
  const [error, setError] = useState(null);
  const [saved, setSaved] = useState(false);
  const load = (p) => (setPolicy(p), setDraft(p), setWeights({ ...p.weights }), Object.keys(p.weights ?? {}).length > 0 && setShowWeights(true));
  useEffect(() => void admin('GET', '/risk/policy').then(load, setError), []);
  useEffect(() => void admin('GET', '/risk/signals').then((r) => setSignals(r.data), setError), []);
  const save = async (e) => {
    e.preventDefault();
    setError(null);
    setSaved(false);
    const changed = {};
    for (const [k] of RISK_FIELDS) if (String(draft[k] ?? '') !== String(policy[k] ?? '')) changed[k] = draft[k] === '' ? null : Number(draft[k]);
    if (draft.stepUpToProof !== policy.stepUpToProof) changed.stepUpToProof = draft.stepUpToProof;
    const w = weightsOut(weights);
    if (!sameWeights(w, policy.weights ?? {})) changed.weights = w;
    try {
      load(await admin('PUT', '/risk/policy', changed));
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
      ${RISK_FIELDS.map(
        ([k, label]) => html`<label>${label}
        <input name=${k} type="number" step="any" value=${draft[k] ?? ''} aria-invalid=${Boolean(error?.param === k)} onInput=${(e) => (setDraft({ ...draft, [k]: e.target.value }), setError(null), setSaved(false))} />
        <${FieldError} error=${error} name=${k} /></label>`,
      )}
      <label class="inline wide"><input type="checkbox" name="stepUpToProof" checked=${draft.stepUpToProof} onChange=${(e) => setDraft({ ...draft, stepUpToProof: e.target.checked })} /> Keys with proof keys must prove possession instead of being throttled</label>
      ${
        signals.length > 0 &&
        html`<details class="wide weights" open=${showWeights || (error?.param ?? '').startsWith('weights')} onToggle=${(e) => setShowWeights(e.target.open)}>
        <summary>Signal weights <span class="muted small">(points each signal adds to the request score, 0–100; 0 turns it off; empty keeps the built-in weight)</span></summary>
        <div class="weight-grid">${signals.map(
          (sig) => html`<label class="weight"><span class="mono small">${sig.name}</span>
          <input name=${`weights.${sig.name}`} type="number" min="0" max="100" step="any" placeholder=${String(sig.defaultWeight)} value=${weights[sig.name] ?? ''} aria-invalid=${Boolean((error?.param ?? '') === `weights.${sig.name}`)}
            onInput=${(e) => (setWeights({ ...weights, [sig.name]: e.target.value }), setError(null), setSaved(false))} />
          <${FieldError} error=${error} name=${`weights.${sig.name}`} /></label>`,
        )}</div>
      </details>`
      }
      <div class="row wide"><button type="submit">Save risk policy</button>${saved && html`<span class="ok">Saved.</span>`}</div>
    </form>
    ${error && !RISK_FIELDS.some(([k]) => error.param === k) && !(error.param ?? '').startsWith('weights.') && html`<${ErrorLine} error=${error} />`}
  </section>`;
}

const TRI = [
  ['', 'inherit'],
  ['true', 'yes'],
  ['false', 'no'],
];
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
    ${
      target &&
      loaded === `${scope}:${target}` &&
      html`<form class="grid safety-form" data-target=${target} onSubmit=${save} novalidate>
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
    </form>`
    }
    ${error && !['failMode', 'annotate', 'checkOutput', 'streamWindowChars', 'categories', 'blocklists'].some((k) => (error.param ?? '').split('.')[0] === k) && html`<${ErrorLine} error=${error} />`}
  </section>`;
}

const HOOK_FIELDS = ['url', 'secret', 'description'];
const emptyHook = { url: '', secret: '', description: '' };

/** A generated signing secret, shown once after the webhook is added or its secret rotated. */
function SecretReveal({ secret, title, onClose }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(secret);
      setCopied(true);
    } catch {
      document.getElementById('reveal-hook-secret')?.select();
    }
  };
  return html`<div class="reveal" role="status">
    <strong>${title}</strong>
    <p>Give it to the receiver now to check <span class="mono">x-warden-signature</span>: Warden will not show it again.</p>
    <div class="row"><input id="reveal-hook-secret" class="mono" readonly value=${secret} onFocus=${(e) => e.target.select()} />
      <button type="button" onClick=${copy}>${copied ? 'Copied' : 'Copy'}</button><button type="button" onClick=${onClose}>Done</button></div>
  </div>`;
}

function Webhooks() {
  const [hooks, setHooks] = useState(null);
  const [max, setMax] = useState(null);
  const [form, setForm] = useState(emptyHook);
  const [error, setError] = useState(null);
  const [note, setNote] = useState('');
  const [secret, setSecret] = useState(null);
  const reload = () => admin('GET', '/webhooks').then((r) => (setHooks(r.data), setMax(r.max)), setError);
  useEffect(() => void reload(), []);
  const add = async (e) => {
    e.preventDefault();
    setError(null);
    setNote('');
    const body = { url: form.url.trim() };
    if (form.secret) body.secret = form.secret;
    if (form.description.trim()) body.description = form.description.trim();
    try {
      const r = await admin('POST', '/webhooks', body);
      setForm(emptyHook);
      setSecret(r.secret ? { value: r.secret, title: 'Signing secret for the new webhook' } : null);
      setNote(`Webhook ${r.id} added: every replica sends to it from the next event.`);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  const remove = async (w) => {
    if (!confirm(`Stop sending incident events to ${w.url}?`)) return;
    setError(null);
    setNote('');
    try {
      await admin('DELETE', `/webhooks/${encodeURIComponent(w.id)}`);
      setNote(`Webhook ${w.id} removed.`);
      await reload();
    } catch (err) {
      setError(err);
    }
  };
  // Rotation: the browser draws the new secret (24 random bytes) and sends it once; it is shown here this one time.
  const rotate = async (w) => {
    if (!confirm(`Rotate the signing secret of ${w.url}? Deliveries are signed with the new one from the next event.`)) return;
    setError(null);
    setNote('');
    const bytes = crypto.getRandomValues(new Uint8Array(24));
    const fresh = `whsec_${btoa(String.fromCharCode(...bytes))
      .replace(/\+/g, '-')
      .replace(/\//g, '_')
      .replace(/=+$/, '')}`;
    try {
      await admin('PATCH', `/webhooks/${encodeURIComponent(w.id)}`, { secret: fresh });
      setSecret({ value: fresh, title: `New signing secret for ${w.id}` });
      setNote(`Secret of webhook ${w.id} rotated.`);
    } catch (err) {
      setError(err);
    }
  };
  const set = (k) => (e) => (setForm({ ...form, [k]: e.target.value }), setError(null), setNote(''));
  const added = hooks?.filter((w) => w.source === 'api').length ?? 0;
  return html`<section class="card">
    <h3>Incident webhooks</h3>
    <p class="muted small">Signed (HMAC-SHA256, <span class="mono">x-warden-signature</span>) and sent when an incident opens, escalates or is resolved, and when a source is blocked. Those from the config file (<span class="mono">risk.webhooks</span>) are changed there; those added here are kept in the store and used by every replica. Secrets are never shown again.</p>
    ${hooks?.length === 0 && html`<p class="muted">No webhooks configured.</p>`}
    ${
      hooks?.length > 0 &&
      html`<table class="webhooks"><thead><tr><th>URL</th><th>Description</th><th>Source</th><th>Added</th><th></th></tr></thead><tbody>${hooks.map(
        (w) => html`<tr data-webhook=${w.id ?? ''}><td class="mono">${w.url}</td><td>${w.description || html`<span class="muted">—</span>`}</td>
        <td>${w.source === 'config' ? html`<span class="badge">from config</span>` : 'console / API'}</td>
        <td class="small">${w.createdAt ? html`${when(w.createdAt)} <span class="muted mono">${w.createdBy}</span>` : html`<span class="muted">—</span>`}</td>
        <td>${w.source === 'api' && html`<button type="button" class="secondary" onClick=${() => rotate(w)}>Rotate secret</button> <button type="button" class="danger" onClick=${() => remove(w)}>Remove</button>`}</td></tr>`,
      )}</tbody></table>`
    }
    ${secret && html`<${SecretReveal} secret=${secret.value} title=${secret.title} onClose=${() => setSecret(null)} />`}
    <form class="grid webhook-form" onSubmit=${add} novalidate>
      <label class="wide">Receiver URL (https; plain http only to loopback)
        <input name="url" type="url" placeholder="https://hooks.example.com/warden" value=${form.url} aria-invalid=${Boolean(fieldError(error, 'url'))} onInput=${set('url')} />
        <${FieldError} error=${error} name="url" /></label>
      <label>Signing secret
        <input name="secret" type="password" autocomplete="new-password" placeholder="empty: one is generated and shown once" value=${form.secret} aria-invalid=${Boolean(fieldError(error, 'secret'))} onInput=${set('secret')} />
        <${FieldError} error=${error} name="secret" /></label>
      <label>Description
        <input name="description" placeholder="e.g. on-call pager" value=${form.description} aria-invalid=${Boolean(fieldError(error, 'description'))} onInput=${set('description')} />
        <${FieldError} error=${error} name="description" /></label>
      <div class="row"><button type="submit">Add webhook</button>${max !== null && html`<span class="muted small">${added} of ${max} added</span>`}</div>
    </form>
    <p class="ok">${note}</p>
    ${error && !HOOK_FIELDS.some((k) => fieldError(error, k)) && html`<${ErrorLine} error=${error} />`}
  </section>`;
}

export function PoliciesPage() {
  const [tenants, setTenants] = useState([]);
  const [keys, setKeys] = useState([]);
  useEffect(
    () =>
      void Promise.all([admin('GET', '/tenants'), admin('GET', '/keys')])
        .then(([t, k]) => (setTenants(t), setKeys(k)))
        .catch(() => {}),
    [],
  );
  return html`<div class="page">
    <h2>Policies</h2>
    <${RiskPolicy} />
    <${SafetyOverrides} tenants=${tenants} keys=${keys} />
    <${Webhooks} />
  </div>`;
}
