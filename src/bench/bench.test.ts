// Bench building blocks: statistics, argument parsing, the table, and the passthrough against the simulator.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../simulator/index.js';
import { parseBenchArgs } from './args.js';
import { parseStatTicks } from './cpu.js';
import { dueBy, runPaced } from './paced.js';
import { formatSummary, summarise } from './profile.js';
import { endToEnd, startPassthrough } from './passthrough.js';
import { SCENARIOS } from './scenarios.js';
import { medianRun, percentile } from './stats.js';
import { GOALS, formatAllVerdicts, formatPacedTable, formatTable, gatewaysIn, verdicts } from './table.js';

describe('stats', () => {
  it.each([
    [[], 50, Number.NaN],
    [[5], 99, 5],
    [[3, 1, 2], 50, 2],
    [[1, 2, 3, 4], 50, 2],
    [Array.from({ length: 100 }, (_, i) => i + 1), 99, 99],
  ])('percentile(%j, %i) = %d', (xs, p, want) => {
    expect(percentile(xs, p)).toEqual(want);
  });

  it('medianRun keeps one real run (its own latencies)', () => {
    const runs = [
      { rps: 10, p50: 1, p99: 9, failures: 0, count: 1 },
      { rps: 30, p50: 3, p99: 7, failures: 0, count: 1 },
      { rps: 20, p50: 2, p99: 8, failures: 1, count: 1 },
    ];
    expect(medianRun(runs)).toBe(runs[2]);
    expect(medianRun([])).toBeUndefined();
  });
});

describe('parseStatTicks', () => {
  it('reads utime + stime even when the command name has spaces and parentheses', () => {
    const stat = '1234 (node (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 11 0 5000';
    expect(parseStatTicks(stat)).toBe(290);
  });
});

describe('summarise (cpu profile)', () => {
  it('ranks self time and counts a file once per sample however deep it recurses', () => {
    const cf = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
    const profile = {
      nodes: [
        { id: 1, callFrame: cf('(root)'), children: [2, 5] },
        { id: 2, callFrame: cf('handle', 'file:///w/dist/proxy/handler.js'), children: [3] },
        { id: 3, callFrame: cf('handle', 'file:///w/dist/proxy/handler.js'), children: [4] },
        { id: 4, callFrame: cf('writev') },
        { id: 5, callFrame: cf('(idle)') },
      ],
      samples: [4, 4, 3, 5],
      timeDeltas: [10, 10, 10, 10],
    };
    const s = summarise(profile);
    expect(s.idle).toBe(0.25);
    expect(s.self[0]).toEqual({ name: 'writev', share: 0.5 });
    expect(s.files).toEqual([{ name: 'dist/proxy/handler.js', share: 0.75 }]);
    expect(formatSummary(s)).toContain('75.0%  dist/proxy/handler.js');
  });
});

describe('parseBenchArgs', () => {
  it('defaults to every scenario, 16 and 64, median of 3', () => {
    const r = parseBenchArgs([]);
    expect(r).toMatchObject({ ok: true, args: { runs: 3, concurrency: [16, 64], targets: ['gateway-core', 'gateway', 'passthrough', 'simulator'] } });
    if (r.ok) expect(r.args.scenarios).toBe(SCENARIOS);
  });
  it('--quick, filters, and rejections', () => {
    expect(parseBenchArgs(['--quick', '--scenario', 'images', '--targets', 'simulator,gateway'])).toMatchObject({
      ok: true,
      args: { runs: 1, durationSec: 2, scenarios: [{ name: 'images' }], targets: ['gateway', 'simulator'] },
    });
    expect(parseBenchArgs(['--scenario', 'nope'])).toMatchObject({ ok: false, reason: expect.stringContaining('nope') });
    expect(parseBenchArgs(['--concurrency', '0'])).toMatchObject({ ok: false });
    expect(parseBenchArgs(['--bogus'])).toMatchObject({ ok: false });
  });
  it('--paced: a share of the peak below 1, 0 to skip, 0.5 by default', () => {
    expect(parseBenchArgs([])).toMatchObject({ ok: true, args: { pacedShare: 0.5 } });
    expect(parseBenchArgs(['--paced', '0'])).toMatchObject({ ok: true, args: { pacedShare: 0 } });
    expect(parseBenchArgs(['--paced', '0.3'])).toMatchObject({ ok: true, args: { pacedShare: 0.3 } });
    for (const bad of ['1', '-0.1', 'half']) expect(parseBenchArgs(['--paced', bad])).toMatchObject({ ok: false, reason: expect.stringContaining('--paced') });
  });
});

describe('paced load', () => {
  it('dueBy spreads requests evenly: one at the start, then one every 1000/rate ms', () => {
    expect(dueBy(0, 100)).toBe(0);
    expect(dueBy(0.001, 100)).toBe(1);
    expect(dueBy(9.99, 100)).toBe(1);
    expect(dueBy(10, 100)).toBe(2);
    expect(dueBy(1000, 100)).toBe(101);
    expect(dueBy(500, 3000)).toBe(1501);
  });

  it('sends exactly rate × duration requests and times each one', async () => {
    const sim = await startSimulator();
    try {
      const r = await runPaced({
        url: `${sim.url}/v1/chat/completions`,
        method: 'POST',
        headers: { authorization: 'Bearer sk-x', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
        connections: 4,
        durationSec: 0.5,
        rate: 40,
      });
      expect(r).toMatchObject({ count: 20, failures: 0 });
      expect(r.p50).toBeGreaterThan(0);
      const refused = await runPaced({ url: `${sim.url}/v1/nope`, method: 'GET', headers: {}, connections: 2, durationSec: 0.25, rate: 20 });
      expect(refused).toMatchObject({ count: 0, failures: 5 });
      expect(Object.keys(refused.failed ?? {})).toEqual(['404']);
    } finally {
      await sim.close();
    }
  });

  it('opens more connections than the cell has when answers are slow (the generator never caps the rate)', async () => {
    let sockets = 0;
    const slow = createServer((_req, res) => void setTimeout(() => res.end('{}'), 60));
    slow.on('connection', () => sockets++);
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
    try {
      const port = (slow.address() as AddressInfo).port;
      const r = await runPaced({ url: `http://127.0.0.1:${port}/`, method: 'GET', headers: {}, connections: 2, durationSec: 0.4, rate: 100 });
      expect(r).toMatchObject({ count: 40, failures: 0 });
      // Four or more requests are in flight at once; two connections would have queued them.
      expect(sockets).toBeGreaterThan(2);
    } finally {
      await new Promise<void>((r) => slow.close(() => r()));
    }
  });
});

describe('table', () => {
  const row = (gwRps: number, gwP50: number, rss: number) => ({
    scenario: 'chat',
    concurrency: 16,
    results: { gateway: { rps: gwRps, p50: gwP50, p99: 9, failures: 0, count: 1, cpuUsPerReq: 123 }, passthrough: { rps: 1000, p50: 2, p99: 5, failures: 0, count: 1 } },
    gatewayRss: { gateway: rss * 2 ** 20 },
  });
  it('prints ratio and added p50; verdicts take the worst row', () => {
    const rows = [row(900, 2.5, 90), row(700, 4, 150)];
    const t = formatTable(rows);
    expect(t).toContain('0.90');
    expect(t).toContain('0.70');
    expect(t).toContain('2.00'); // 4 - 2
    expect(t).toContain(' 123 ');
    expect(verdicts(rows).map((v) => v.ok)).toEqual([false, false, true]);
    expect(verdicts([row(950, 2.4, 250)]).map((v) => v.ok)).toEqual([true, true, false]);
    expect(verdicts([{ scenario: 'x', concurrency: 1, results: {} }]).map((v) => v.ok)).toEqual([undefined, undefined, undefined]);
  });
  it('prints the fixed-rate table and adds its verdict only when a row was paced', () => {
    const at = (p50: number) => ({ rps: 500, p50, p99: p50 * 3, failures: 0, count: 1, cpuUsPerReq: p50 * 100 + 0.4 });
    const paced = { ...row(700, 4, 150), paced: { rate: 500, share: 0.5, results: { gateway: at(1.7), passthrough: at(1.2) } } };
    const t = formatPacedTable([row(900, 2.5, 90), paced]);
    expect(t).toContain('| chat     |   16 | all |           500 |');
    expect(t).toContain(' 0.50 '); // +p50: 1.7 - 1.2
    expect(t).toContain(' 1.50 '); // +p99: 5.1 - 3.6
    expect(t).toMatch(/\|\s+120 \|\s+170 \|\s+– \|/); // CPU µs per request at that rate: passthrough, gateway, its main thread
    expect(formatPacedTable([row(900, 2.5, 90)])).toBeUndefined();
    const vs = verdicts([row(900, 2.5, 90), paced]);
    expect(vs).toHaveLength(4);
    expect(vs[3]).toMatchObject({ ok: true, worst: '0.50 ms', goal: expect.stringContaining('fixed rate of 0.50') });
    expect(verdicts([{ ...paced, paced: { ...paced.paced, results: { gateway: at(2.5), passthrough: at(1.2) } } }])[3]?.ok).toBe(false);
  });
  it('gives each gateway its own line, ratio, RSS and verdicts; the core one under the issue\'s heading', () => {
    const res = (rps: number, p50: number) => ({ rps, p50, p99: 9, failures: 0, count: 1 });
    const both = {
      scenario: 'chat-stream',
      concurrency: 64,
      results: { 'gateway-core': res(850, 2.6), gateway: res(700, 4), passthrough: res(1000, 2) },
      gatewayRss: { 'gateway-core': 120 * 2 ** 20, gateway: 210 * 2 ** 20 },
    };
    const t = formatTable([both]).split('\n');
    expect(t).toHaveLength(4);
    expect(t[2]).toMatch(/^\| chat-stream \|\s+64 \| core \|.*\|\s+0\.85 \|.*\|\s+0\.60 \|.*\|\s+120 \|/);
    expect(t[3]).toMatch(/\|\s+all \|.*\|\s+0\.70 \|.*\|\s+2\.00 \|.*\|\s+210 \|/);
    expect(gatewaysIn([both])).toEqual(['gateway-core', 'gateway']);
    expect(verdicts([both], GOALS, 'gateway-core').map((v) => v.ok)).toEqual([true, true, true]);
    expect(verdicts([both], GOALS, 'gateway').map((v) => v.ok)).toEqual([false, false, false]);
    const text = formatAllVerdicts([both]);
    expect(text.indexOf("Issue #2's goals")).toBeLessThan(text.indexOf('every defence on'));
    expect(text).toMatch(/auth \+ audit[^\n]*\nPASS  throughput[^\n]*0\.85\nPASS  added p50[^\n]*0\.60 ms\nPASS  gateway RSS[^\n]*120 MB\n\n/);
    expect(text).toMatch(/every defence on[^\n]*\nFAIL  throughput[^\n]*0\.70\nFAIL  added p50[^\n]*2\.00 ms\nFAIL  gateway RSS[^\n]*210 MB$/);
    // Only the core gateway measured: no line and no verdicts for the other.
    const coreOnly = { ...both, results: { 'gateway-core': res(850, 2.6), passthrough: res(1000, 2) } };
    expect(formatTable([coreOnly]).split('\n')).toHaveLength(3);
    expect(formatAllVerdicts([coreOnly])).not.toContain('every defence on');
  });
});

describe('passthrough', () => {
  it('drops hop-by-hop headers', () => {
    expect(endToEnd({ connection: 'keep-alive', 'keep-alive': 'timeout=5', host: 'x', 'x-a': '1', 'transfer-encoding': 'chunked' })).toEqual({ 'x-a': '1' });
  });

  it('relays plain and streamed answers, injecting the upstream key', async () => {
    const sim = await startSimulator({ chunkDelayMs: 20 });
    const pt = await startPassthrough({ upstream: sim.url, apiKey: 'sk-up' });
    try {
      const plain = await fetch(`${pt.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: 'Bearer wdn_client', 'content-type': 'application/json' },
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }] }),
      });
      expect(plain.status).toBe(200);
      expect(await plain.json()).toMatchObject({ object: 'chat.completion' });
      expect(sim.lastRequest()?.credential).toEqual({ scheme: 'bearer', value: 'sk-up' });

      const res = await fetch(`${pt.url}/v1/chat/completions`, {
        method: 'POST',
        body: JSON.stringify({ model: 'm', messages: [{ role: 'user', content: 'hi' }], stream: true }),
      });
      const reader = res.body!.getReader();
      let reads = 0;
      let text = '';
      for (let r = await reader.read(); !r.done; r = await reader.read()) {
        reads++;
        text += new TextDecoder().decode(r.value);
      }
      expect(text.endsWith('data: [DONE]\n\n')).toBe(true);
      expect(reads).toBeGreaterThan(1); // relayed as it came, not buffered whole
      expect((await fetch(`${pt.url}/admin`)).status).toBe(404);
    } finally {
      await pt.close();
      await sim.close();
    }
  });
});
