// Console entry: sign-in gate, hash-routed pages (#/overview, #/keys, #/incidents, #/audit, #/usage, #/policies), sign-out.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { currentRole, resume, signIn, signOut } from './api.js';
import { html, ErrorLine } from './ui.js';
import { KeysPage } from './pages/keys.js';
import { OverviewPage } from './pages/overview.js';
import { IncidentsPage } from './pages/incidents.js';
import { AuditPage } from './pages/audit.js';
import { UsagePage } from './pages/usage.js';
import { PoliciesPage } from './pages/policies.js';

const PAGES = {
  overview: ['Overview', OverviewPage],
  keys: ['Keys', KeysPage],
  incidents: ['Incidents', IncidentsPage],
  audit: ['Audit', AuditPage],
  usage: ['Usage', UsagePage],
  policies: ['Policies', PoliciesPage],
};

const route = () => (location.hash.replace(/^#\/?/, '') || 'overview').split('?')[0];

function SignIn({ onDone }) {
  const [token, setToken] = useState('');
  const [error, setError] = useState(null);
  const submit = async (e) => {
    e.preventDefault();
    setError(null);
    try {
      await signIn(token);
      setToken('');
      onDone();
    } catch (err) {
      setError(err);
    }
  };
  return html`<main class="signin">
    <h1>Warden console</h1>
    <form onSubmit=${submit}>
      <label for="token">Admin token or credential</label>
      <input id="token" name="token" type="password" autocomplete="off" value=${token} onInput=${(e) => setToken(e.target.value)} required />
      <button type="submit">Sign in</button>
      <${ErrorLine} error=${error} />
    </form>
  </main>`;
}

function App() {
  const [state, setState] = useState('loading');
  const [page, setPage] = useState(route());
  useEffect(() => {
    resume().then((ok) => setState(ok ? 'in' : 'out'));
    const onHash = () => setPage(route());
    addEventListener('hashchange', onHash);
    return () => removeEventListener('hashchange', onHash);
  }, []);
  if (state === 'loading') return html`<p class="loading">Loading…</p>`;
  if (state === 'out') return html`<${SignIn} onDone=${() => setState('in')} />`;
  const [, Page] = PAGES[page] ?? PAGES.overview;
  return html`<div class="shell">
    <header>
      <strong class="brand">Warden</strong>
      <nav>${Object.entries(PAGES).map(([id, [label]]) => html`<a href=${`#/${id}`} class=${id === page ? 'active' : ''}>${label}</a>`)}</nav>
      ${currentRole() === 'viewer' ? html`<span class="badge" title="a viewer credential may only read">read-only</span>` : null}
      <button class="link" onClick=${async () => (await signOut(), setState('out'))}>Sign out</button>
    </header>
    <main><${Page} key=${page} /></main>
  </div>`;
}

render(html`<${App} />`, document.getElementById('app'));
