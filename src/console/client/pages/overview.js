// Overview: open incidents first, then requests/denials, safety blocks/risk actions and spend over time, denials by stage.
import { useEffect, useState } from 'preact/hooks';
import { admin } from '../api.js';
import { Chart } from '../chart.js';
import { ErrorLine, html, usd, when } from '../ui.js';

const sum = (xs) => xs.reduce((a, b) => a + b, 0);

export function OverviewPage() {
  const [incidents, setIncidents] = useState(null);
  const [stats, setStats] = useState(null);
  const [hours, setHours] = useState(24);
  const [error, setError] = useState(null);
  useEffect(() => {
    Promise.all([admin('GET', '/incidents?status=open&limit=50'), admin('GET', `/stats/overview?hours=${hours}`)])
      .then(([i, s]) => (setIncidents(i.data), setStats(s)))
      .catch(setError);
  }, [hours]);
  const byStage = Object.entries(stats?.deniedByStage ?? {}).sort((a, b) => b[1] - a[1]);
  const byAction = Object.entries(stats?.riskByAction ?? {}).sort((a, b) => b[1] - a[1]);
  return html`<div class="page">
    <div class="row spread"><h2>Overview</h2>
      <label class="inline">Window <select name="hours" value=${hours} onChange=${(e) => setHours(Number(e.target.value))}>
        ${[1, 6, 24, 72, 168].map((h) => html`<option value=${h}>${h < 48 ? `${h} h` : `${h / 24} days`}</option>`)}
      </select></label>
    </div>
    <${ErrorLine} error=${error} />
    <section class="card incidents-open">
      <h3>Open incidents (${incidents?.length ?? '…'})</h3>
      ${incidents?.length === 0 && html`<p class="muted">No open incidents.</p>`}
      <ul class="incidents">
        ${(incidents ?? []).map((i) => html`<li><span class=${`badge sev-${i.severity}`}>${i.severity}</span> <a href=${`#/incidents?id=${i.id}`}>${i.id}</a> key <span class="mono">${i.keyId}</span> — <strong>${i.action}</strong>, ${i.signals.map((s) => s.name).join(', ')} <span class="muted">(last ${when(i.lastSeen)})</span></li>`)}
      </ul>
    </section>
    ${
      stats &&
      html`
      ${stats.partial && html`<p class="muted partial">Busy window: these figures cover the newest ${stats.partial.scanned.toLocaleString()} events, from ${when(stats.partial.coversFrom)} on.</p>`}
      <div class="stats">
        <div class="stat"><span class="stat-n">${sum(stats.requests)}</span> requests</div>
        <div class="stat"><span class="stat-n">${sum(stats.denied)}</span> denied</div>
        <div class="stat"><span class="stat-n">${sum(stats.safetyBlocks)}</span> safety blocks</div>
        <div class="stat"><span class="stat-n">${sum(stats.riskActions)}</span> risk actions</div>
        <div class="stat"><span class="stat-n">${usd(sum(stats.spendUsd))}</span> spend</div>
      </div>
      <section class="card">
        <h3>Requests and denials, last ${hours} h</h3>
        <${Chart} data=${[stats.t, stats.requests, stats.denied]} yLabel=${`per ${Math.round(stats.bucketSeconds / 60)} min`}
          series=${[{ label: 'Requests', color: '#2563eb' }, { label: 'Denied', color: '#dc2626' }]} />
      </section>
      <div class="two">
        <section class="card">
          <h3>Safety blocks and risk actions</h3>
          <${Chart} data=${[stats.t, stats.safetyBlocks, stats.riskActions]} yLabel="requests" height=${200}
            series=${[{ label: 'Safety blocks', color: '#9333ea' }, { label: 'Risk actions', color: '#ea580c' }]} />
        </section>
        <section class="card">
          <h3>Spend (USD, list prices)</h3>
          <${Chart} data=${[stats.t, stats.spendUsd]} yLabel="USD" height=${200} money=${true}
            series=${[{ label: 'Spend', color: '#15803d', fill: 'rgba(21,128,61,0.08)' }]} />
        </section>
      </div>
      <div class="two">
        <section class="card">
          <h3>Denials by stage</h3>
          ${
            byStage.length === 0
              ? html`<p class="muted">None.</p>`
              : html`<table class="denials"><thead><tr><th>Stage</th><th>Count</th></tr></thead>
            <tbody>${byStage.map(([c, n]) => html`<tr><td class="mono">${c}</td><td>${n}</td></tr>`)}</tbody></table>`
          }
        </section>
        <section class="card">
          <h3>Risk actions by kind</h3>
          ${
            byAction.length === 0
              ? html`<p class="muted">None.</p>`
              : html`<table class="risk-actions"><thead><tr><th>Action</th><th>Count</th></tr></thead>
            <tbody>${byAction.map(([c, n]) => html`<tr><td class="mono">${c}</td><td>${n}</td></tr>`)}</tbody></table>`
          }
        </section>
      </div>`
    }
  </div>`;
}
