// One uPlot chart: series given as [x, ...ys] columns with their labels and colours; redrawn when the data change.
import { useEffect, useRef } from 'preact/hooks';
import uPlot from 'uplot';
import { html } from './ui.js';

export function Chart({ data, series, yLabel, height = 220, money = false }) {
  const ref = useRef(null);
  useEffect(() => {
    const el = ref.current;
    const fmt = money ? (v) => (v == null ? '' : `$${v.toFixed(v < 1 ? 4 : 2)}`) : (v) => (v == null ? '' : String(v));
    const plot = new uPlot(
      {
        width: Math.max(320, el.clientWidth),
        height,
        series: [{}, ...series.map((s) => ({ label: s.label, stroke: s.color, fill: s.fill, width: 2, points: { show: false }, value: (_u, v) => fmt(v) }))],
        axes: [
          {},
          { label: yLabel, size: 60, values: (_u, vals) => vals.map(fmt), ...(money ? {} : { incrs: [1, 2, 5, 10, 20, 50, 100, 200, 500, 1000, 2000, 5000, 10_000, 20_000, 50_000, 100_000] }) },
        ],
        legend: { live: false },
        scales: { y: { range: (_u, _min, max) => [0, Math.max(money ? 0.0001 : 1, max)] } },
      },
      data,
      el,
    );
    return () => plot.destroy();
  }, [data]);
  return html`<div class="chart" ref=${ref}></div>`;
}
