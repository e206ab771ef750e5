// Overview: open incidents first, then requests and denials over the last 24 hours (uPlot) and denials by code.
import { useEffect, useRef, useState } from 'preact/hooks';
import uPlot from 'uplot';
import { admin } from '../api.js';
import { ErrorLine, html, when } from '../ui.js';

const BUCKET_S = 600;
const WINDOW_S = 24 * 3600;

/** Pure: request events into per-bucket [times, requests, denials] columns (uPlot's data layout). */
export function bucketize(events, nowS, windowS = WINDOW_S, bucketS = BUCKET_S) {
  const start = Math.floor((nowS - windowS) / bucketS) * bucketS;
  const n = Math.ceil((nowS - start) / bucketS);
  const t = Array.from({ length: n }, (_, i) => start + i * bucketS);
  const req = new Array(n).fill(0);
  const den = new Array(n).fill(0);
  for (const e of events) {
    if (e.kind !== 'request') continue;
    const i = Math.floor((Date.parse(e.time) / 1000 - start) / bucketS);
    if (i < 0 || i >= n) continue;
    req[i]++;
    if ((e.status ?? 0) >= 400) den[i]++;
  }
  return [t, req, den];
}

function Chart({ data }) {
  const ref = useRef(null);
  useEffect(() => {
    const el = ref.current;
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height: 260,
        series: [{}, { label: 'Requests', stroke: '#2563eb', width: 2 }, { label: 'Denied', stroke: '#dc2626', width: 2 }],
        axes: [{}, { label: 'per 10 min' }],
      },
      data,
      el,
    );
    return () => plot.destroy();
  }, [data]);
  return html`<div class="chart" ref=${ref}></div>`;
}

export function OverviewPage() {
  const [incidents, setIncidents] = useState(null);
  const [events, setEvents] = useState(null);
  const [error, setError] = useState(null);
  useEffect(() => {
    const from = new Date(Date.now() - WINDOW_S * 1000).toISOString();
    Promise.all([admin('GET', '/incidents?status=open&limit=50'), admin('GET', `/audit/events?from=${encodeURIComponent(from)}&limit=5000`)])
      .then(([i, e]) => (setIncidents(i.data), setEvents(e.data)))
      .catch(setError);
  }, []);
  const byCode = {};
  for (const e of events ?? []) if (e.kind === 'request' && e.status >= 400) byCode[e.errorCode ?? e.status] = (byCode[e.errorCode ?? e.status] ?? 0) + 1;
  const requests = (events ?? []).filter((e) => e.kind === 'request');
  return html`<div class="page">
    <h2>Overview</h2>
    <${ErrorLine} error=${error} />
    <section class="card">
      <h3>Open incidents (${incidents?.length ?? '…'})</h3>
      ${incidents?.length === 0 && html`<p class="muted">No open incidents.</p>`}
      <ul class="incidents">
        ${(incidents ?? []).map((i) => html`<li><span class=${`badge sev-${i.severity}`}>${i.severity}</span> <a href="#/incidents">${i.id}</a> key <span class="mono">${i.keyId}</span> — ${i.action}, ${i.signals.map((s) => s.name).join(', ')} <span class="muted">(last ${when(i.lastSeen)})</span></li>`)}
      </ul>
    </section>
    <section class="card">
      <h3>Requests and denials, last 24 hours</h3>
      <p class="muted">${requests.length} requests, ${requests.filter((e) => e.status >= 400).length} denied.</p>
      ${events && html`<${Chart} data=${bucketize(events, Date.now() / 1000)} />`}
    </section>
    <section class="card">
      <h3>Denials by code</h3>
      <table><thead><tr><th>Code</th><th>Count</th></tr></thead>
        <tbody>${Object.entries(byCode).sort((a, b) => b[1] - a[1]).map(([c, n]) => html`<tr><td class="mono">${c}</td><td>${n}</td></tr>`)}</tbody>
      </table>
    </section>
  </div>`;
}
