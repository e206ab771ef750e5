// Bench building blocks: statistics, argument parsing, wrk's script and output, stage attribution, the tables, the passthrough.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { startSimulator } from '../../src/simulator/index.js';
import { parseBenchArgs } from './args.js';
import { descendants, parseStatPpid, parseStatTicks } from './cpu.js';
import { dueBy, requestBytes, runPaced } from './paced.js';
import { ResponseFraming } from './http-framing.js';
import { endToEnd, startPassthrough } from './passthrough.js';
import { SCENARIOS } from './scenarios.js';
import { medianRun, percentile } from './stats.js';
import { formatStages, projectFile, ruleOf, stageMicros, stageOfStack } from './stages.js';
import { GOALS, formatAllVerdicts, formatPacedTable, formatTable, formatTtfbTable, gatewaysIn, verdicts } from './table.js';
import { parseWrkOutput, wrkScript } from './wrk.js';
import { coreTicks, parseProm, stallsBetween } from './stalls.js';
import { GatewayMetrics } from '../../src/metrics/metrics.js';

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

  it('medianRun keeps one real run (its own latencies), with the spread of p99 over the runs', () => {
    const runs = [
      { rps: 10, p50: 1, p99: 9, failures: 0, count: 1 },
      { rps: 30, p50: 3, p99: 7, failures: 0, count: 1 },
      { rps: 20, p50: 2, p99: 8, failures: 1, count: 1 },
    ];
    expect(medianRun(runs)).toEqual({ ...runs[2], p99Spread: 2 });
    expect(medianRun([runs[0]!])).toBe(runs[0]);
    expect(medianRun([])).toBeUndefined();
  });
});

describe('parseStatTicks', () => {
  it('reads utime + stime even when the command name has spaces and parentheses', () => {
    const stat = '1234 (node (x) y) S 1 1234 1234 0 -1 4194560 100 0 0 0 250 40 0 0 20 0 11 0 5000';
    expect(parseStatTicks(stat)).toBe(290);
  });
});

describe('parseBenchArgs', () => {
  it('defaults to every scenario, 16 and 64, median of 3, the four targets, wrk, pinned', () => {
    const r = parseBenchArgs([]);
    expect(r).toMatchObject({ ok: true, args: { runs: 3, concurrency: [16, 64], targets: ['passthrough', 'gateway', 'gateway-2cores', 'gateway-core'], loadgen: 'wrk', pin: true } });
    if (r.ok) expect(r.args.scenarios).toBe(SCENARIOS);
    if (r.ok) expect(r.args.scenarios.map((s) => s.name)).toEqual(['chat', 'chat-stream', 'images', 'embeddings']);
  });
  it('--quick (one concurrency, one run), filters, and rejections', () => {
    expect(parseBenchArgs(['--quick', '--scenario', 'images', '--targets', 'simulator,gateway'])).toMatchObject({
      ok: true,
      args: { runs: 1, durationSec: 2, concurrency: [16], scenarios: [{ name: 'images' }], targets: ['gateway', 'simulator'] },
    });
    expect(parseBenchArgs(['--no-pin', '--loadgen', 'autocannon'])).toMatchObject({ ok: true, args: { pin: false, loadgen: 'autocannon' } });
    expect(parseBenchArgs(['--loadgen', 'ab'])).toMatchObject({ ok: false, reason: expect.stringContaining('--loadgen') });
    expect(parseBenchArgs(['--scenario', 'nope'])).toMatchObject({ ok: false, reason: expect.stringContaining('nope') });
    expect(parseBenchArgs(['--concurrency', '0'])).toMatchObject({ ok: false });
    expect(parseBenchArgs(['--bogus'])).toMatchObject({ ok: false });
  });
  it('--cells picks the measurements (all by default), --ttfb-only is --cells ttfb, --paced-rate a fixed rate', () => {
    expect(parseBenchArgs([])).toMatchObject({ ok: true, args: { cells: ['throughput', 'ttfb', 'paced'], pacedRate: undefined } });
    expect(parseBenchArgs(['--cells', 'paced,ttfb'])).toMatchObject({ ok: true, args: { cells: ['ttfb', 'paced'] } });
    expect(parseBenchArgs(['--ttfb-only'])).toMatchObject({ ok: true, args: { cells: ['ttfb'] } });
    expect(parseBenchArgs(['--paced-rate', '400'])).toMatchObject({ ok: true, args: { pacedRate: 400 } });
    expect(parseBenchArgs(['--cells', 'speed'])).toMatchObject({ ok: false, reason: expect.stringContaining('--cells') });
    expect(parseBenchArgs(['--paced-rate', '0'])).toMatchObject({ ok: false, reason: expect.stringContaining('--paced-rate') });
    expect(parseBenchArgs(['--ttfb-requests', '50'])).toMatchObject({ ok: true, args: { ttfbRequests: 50 } });
  });

  it('--paced: a share of the peak below 1, 0 to skip, 0.5 by default', () => {
    expect(parseBenchArgs([])).toMatchObject({ ok: true, args: { pacedShare: 0.5 } });
    expect(parseBenchArgs(['--paced', '0'])).toMatchObject({ ok: true, args: { pacedShare: 0 } });
    expect(parseBenchArgs(['--paced', '0.3'])).toMatchObject({ ok: true, args: { pacedShare: 0.3 } });
    for (const bad of ['1', '-0.1', 'half']) expect(parseBenchArgs(['--paced', bad])).toMatchObject({ ok: false, reason: expect.stringContaining('--paced') });
  });
});

describe('wrk', () => {
  it('writes a Lua script with the method, headers and a JSON body as Lua string literals', () => {
    const lua = wrkScript({ method: 'POST', headers: { authorization: 'Bearer wdn_x', 'content-type': 'application/json' }, body: JSON.stringify({ q: 'say "hi"\n' }) });
    expect(lua).toContain('wrk.method = "POST"');
    expect(lua).toContain('wrk.headers["authorization"] = "Bearer wdn_x"');
    expect(lua).toContain('wrk.body = "{\\"q\\":\\"say \\\\\\"hi\\\\\\"\\\\n\\"}"');
    expect(lua).toContain('done = function(summary, latency, requests)');
  });
  it('parses the summary line: 2xx count, rate, µs percentiles, status and socket errors as failures', () => {
    const out = 'Running 3s test\nWARDEN_WRK {"requests":3010,"duration_us":3000000,"connect":0,"read":2,"write":0,"status":10,"timeout":1,"p50_us":850,"p99_us":4200}\n';
    const r = parseWrkOutput(out);
    expect(r).toMatchObject({ count: 3000, p50: 0.85, p99: 4.2, failures: 13, failed: { 'status>399': 10, error: 3 } });
    expect(r.rps).toBeCloseTo(1000, 6);
    expect(parseWrkOutput(out.replace('"status":10,', '"status":0,').replace('"read":2', '"read":0').replace('"timeout":1', '"timeout":0')).failed).toBeUndefined();
    expect(() => parseWrkOutput('unable to connect')).toThrow(/no summary/);
  });
});

describe('process tree CPU', () => {
  it('reads the parent pid after the command name, and finds every descendant once', () => {
    expect(parseStatPpid('77 (node (x) y) S 12 77 77 0')).toBe(12);
    const parents = new Map([
      [2, 1],
      [3, 2],
      [4, 9],
      [5, 3],
      [6, 1],
    ]);
    expect(descendants(1, parents).sort()).toEqual([1, 2, 3, 5, 6]);
    expect(descendants(4, parents)).toEqual([4]);
  });
});

describe('stages (profile attribution)', () => {
  const fr = (file: string, functionName = 'f') => ({ url: file.startsWith('node:') ? file : `file:///w/dist/${file}.js`, functionName });
  it('maps project files to stages, and ignores node_modules and node internals', () => {
    expect(projectFile('file:///w/dist/proxy/body.js')).toBe('proxy/body');
    expect(projectFile('file:///w/node_modules/undici/lib/x.js')).toBeUndefined();
    expect(projectFile('node:internal/streams')).toBeUndefined();
    expect(ruleOf('audit/canonical')).toBe('audit record/seal');
    expect(ruleOf('proxy/stages/authenticate')).toBe('authenticate');
    expect(ruleOf('proxy/relay-stream')).toBe('forward');
    expect(ruleOf('somewhere/new')).toBe('other project code');
  });
  it('gives a sample to the nearest project frame; shared helpers and safety checks defer to the stage that called them', () => {
    expect(stageOfStack([fr('node:internal/json'), fr('proxy/body'), fr('proxy/handler')])).toBe('parse/validate');
    expect(stageOfStack([fr('crypto/hash'), fr('audit/sealer')])).toBe('audit record/seal');
    expect(stageOfStack([fr('safety/detectors/x'), fr('safety/stage-output-policy')])).toBe('output policy');
    expect(stageOfStack([fr('safety/detectors/x'), fr('proxy/handler')])).toBe('safety checks (prompt or output)');
    expect(stageOfStack([fr('node:net')])).toBe('node/libraries, no project frame');
    expect(stageOfStack([{ url: '', functionName: '(garbage collector)' }])).toBe('GC');
    expect(stageOfStack([{ url: '', functionName: '(idle)' }])).toBeUndefined();
  });
  it('sums sample time per stage within the load window only, and prints µs per request', () => {
    const cf = (functionName: string, url = '') => ({ functionName, url, lineNumber: 0 });
    const profile = {
      startTime: 1000,
      nodes: [
        { id: 1, callFrame: cf('(root)'), children: [2, 4] },
        { id: 2, callFrame: cf('rec', 'file:///w/dist/audit/sink.js'), children: [3] },
        { id: 3, callFrame: cf('digest', 'node:crypto') },
        { id: 4, callFrame: cf('parse', 'file:///w/dist/proxy/body.js') },
      ],
      samples: [3, 4, 3, 4, 3],
      timeDeltas: [100, 100, 100, 100, 100], // at 1100 … 1500
    };
    const m = stageMicros(profile, 1150, 1450);
    expect(Object.fromEntries(m)).toEqual({ 'parse/validate': 200, 'audit record/seal': 100 });
    const t = formatStages(m, 10, 35);
    expect(t).toMatch(/parse\/validate\s+\|\s+20\.0 \|\s+66\.7% \|/);
    expect(t).toMatch(/sampled busy total\s+\|\s+30\.0 \|/);
    expect(t.indexOf('parse/validate')).toBeLessThan(t.indexOf('audit record/seal'));
    expect(t).toContain('35 µs/req');
  });
});

describe('fixed-rate stalls', () => {
  it("reads GC, event-loop delay and audit commits from two scrapes of a gateway's metrics", async () => {
    const m = new GatewayMetrics({ perKey: false });
    const before = parseProm(await m.text());
    m.auditCommitted(0.001, 10);
    m.auditCommitted(0.003, 10);
    m.auditCommitted(0.02, 10);
    const after = parseProm(await m.text());
    const st = stallsBetween(before, after, 2);
    expect(st.auditWriteMeanMs).toBeCloseTo(8, 5);
    expect(st.auditWritesOver5ms).toBe(1);
    expect(st.eventsPerCommit).toBe(10);
    expect(st.gcMsPerSec).toBeGreaterThanOrEqual(0);
    expect(Number.isFinite(st.loopLagMaxMs)).toBe(true);
  });

  it("takes GC pauses of 10 ms or more from the histogram's buckets, summed over kinds", () => {
    const gc = (kind: string, le10: number, all: number, sum: number) => [
      `warden_nodejs_gc_duration_seconds_bucket{le="0.01",kind="${kind}"} ${le10}`,
      `warden_nodejs_gc_duration_seconds_sum{kind="${kind}"} ${sum}`,
      `warden_nodejs_gc_duration_seconds_count{kind="${kind}"} ${all}`,
    ];
    const before = parseProm(['# HELP x', ...gc('minor', 100, 100, 0.1), ...gc('major', 2, 3, 0.05)].join('\n'));
    const after = parseProm([...gc('minor', 150, 151, 0.2), ...gc('major', 2, 5, 0.15), 'warden_nodejs_eventloop_lag_max_seconds 0.0123'].join('\n'));
    const st = stallsBetween(before, after, 2);
    expect(st.gcPausesOver10ms).toBe(3);
    expect(st.gcMsPerSec).toBeCloseTo(100, 5);
    expect(st.loopLagMaxMs).toBeCloseTo(12.3, 5);
    expect(st.auditWriteMeanMs).toBeNaN();
  });

  it("counts a core's busy ticks as all but idle and iowait", () => {
    const stat = 'cpu  1 2 3 4 5 6 7 8 0 0\ncpu0 10 0 10 100 0 0 0 0 0 0\ncpu1 50 5 20 20 5 0 0 0 0 0\n';
    expect(coreTicks(stat, 1)).toEqual({ busy: 75, total: 100 });
    expect(coreTicks(stat, 0)).toEqual({ busy: 20, total: 120 });
    expect(coreTicks(stat, 2)).toBeUndefined();
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
      expect(r.genLagP99).toBeGreaterThanOrEqual(0);
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
  const res = (rps: number, p50: number, p99 = 9, cpuUsPerReq?: number) => ({ rps, p50, p99, failures: 0, count: 1, ...(cpuUsPerReq !== undefined ? { cpuUsPerReq } : {}) });
  const row = (gwRps: number, rss: number, coreRps = 900) => ({
    scenario: 'chat',
    concurrency: 16,
    results: { passthrough: res(1000, 2, 5, 80), gateway: res(gwRps, 4, 9, 123), 'gateway-core': res(coreRps, 3) },
    gatewayRss: { gateway: rss * 2 ** 20, 'gateway-core': 100 * 2 ** 20 },
  });
  it('prints one line per target with req/s, the ratio, latencies, CPU per request and its ratio, and RSS', () => {
    const t = formatTable([row(550, 150)]).split('\n');
    expect(t).toHaveLength(5);
    expect(t[2]).toMatch(/^\| chat\s+\| 16\s+\| passthrough\s+\|\s+1000 \|\s+1\.00 \|\s+2\.00 \|\s+5\.00 \|\s+80 \|\s+8 \|\s+1\.00 \|\s+\|\s+0 \|$/);
    expect(t[3]).toMatch(/\| Warden default\s+\|\s+550 \|\s+0\.55 \|\s+4\.00 \|\s+9\.00 \|\s+123 \|\s+7 \|\s+0\.65 \|\s+150 \|/);
    expect(t[4]).toMatch(/\| Warden core\s+\|\s+900 \|\s+0\.90 \|.*\|\s+– \|\s+– \|\s+– \|\s+100 \|/);
  });
  it('prints what each target adds at the fixed rate and at the first byte', () => {
    const paced = { scenario: 'chat', rate: 500, share: 0.5, results: { passthrough: res(500, 1.2, 3.6, 120), gateway: res(500, 1.7, 5.1, 170) } };
    const p = formatPacedTable([paced]);
    expect(p).toMatch(/\| Warden default\s+\|\s+1\.70 \|\s+5\.10 \|\s+0\.50 \|\s+1\.50 \|\s+– \|\s+170 \|/);
    expect(p).toMatch(/\| passthrough\s+\|\s+1\.20 \|\s+3\.60 \|\s+– \|\s+– \|\s+– \|/);
    const ttfb = { scenario: 'chat-stream', results: { passthrough: res(Number.NaN, 0.6, 0.9), gateway: res(Number.NaN, 0.84, 1.5) } };
    expect(formatTtfbTable([ttfb])).toMatch(/\| Warden default\s+\|\s+0\.84 \|\s+1\.50 \|\s+0\.24 \|/);
  });
  it("verdicts take the worst row for each of the issue's goals, per gateway", () => {
    const paced = (gwP99: number) => ({ scenario: 'chat', rate: 500, share: 0.5, results: { passthrough: res(500, 1, 3), gateway: res(500, 1, gwP99), 'gateway-core': res(500, 1, 4) } });
    const ttfb = (gw: number) => ({ scenario: 'chat-stream', results: { passthrough: res(0, 0.6), gateway: res(0, gw), 'gateway-core': res(0, 0.7) } });
    const all = { rows: [row(700, 150), row(580, 190)], paced: [paced(7), paced(9)], ttfb: [ttfb(0.8)] };
    expect(verdicts(all).map((v) => [v.ok, v.worst])).toEqual([
      [false, '0.58'],
      [false, '6.00 ms'],
      [true, '0.20 ms'],
      [true, '190 MB'],
    ]);
    expect(verdicts(all, GOALS, 'gateway-core').map((v) => v.ok)).toEqual([true, true, true, true]);
    expect(verdicts({ rows: [row(700, 250)], paced: [paced(7.5)], ttfb: [ttfb(0.95)] }).map((v) => v.ok)).toEqual([true, true, false, false]);
    expect(verdicts({ rows: [{ scenario: 'x', concurrency: 1, results: {} }], paced: [], ttfb: [] }).map((v) => v.ok)).toEqual([undefined, undefined, undefined, undefined]);
    const late = { ...paced(7), results: { passthrough: { ...res(500, 1, 3), genLagP99: 0.4 }, gateway: { ...res(500, 1, 9), genLagP99: 6.5 } } };
    const unsure = verdicts({ rows: [], paced: [late], ttfb: [] })[1]!;
    expect(unsure.ok).toBeUndefined();
    expect(unsure.worst).toMatch(/^6\.00 ms, not measurable here: .* 6\.50 ms late$/);
    expect(verdicts({ rows: [], paced: [{ ...late, results: { ...late.results, gateway: { ...res(500, 1, 9), genLagP99: 2 } } }], ttfb: [] })[1]!.ok).toBe(false);
    // A passthrough whose own p99 moves between runs by more than the goal cannot show what a target adds.
    const moving = { ...paced(7), results: { ...paced(7).results, passthrough: { ...res(500, 1, 3), p99Spread: 12 } } };
    const unsure2 = verdicts({ rows: [], paced: [moving], ttfb: [] })[1]!;
    expect(unsure2.ok).toBeUndefined();
    expect(unsure2.worst).toMatch(/not measurable here: the passthrough's own p99 moved 12\.00 ms between runs$/);
    expect(verdicts({ rows: [], paced: [{ ...moving, results: { ...moving.results, passthrough: { ...res(500, 1, 3), p99Spread: 2 } } }], ttfb: [] })[1]!.ok).toBe(true);
    // Verdicts are printed for the gateways of any table, not only the throughput one (--cells).
    expect(formatAllVerdicts({ rows: [], paced: [], ttfb: [ttfb(0.8)] })).toMatch(/Warden default:\n/);
    const text = formatAllVerdicts(all);
    expect(gatewaysIn(all.rows)).toEqual(['gateway-core', 'gateway']);
    expect(text).toMatch(/Warden core:\nPASS {2}throughput[^\n]*0\.90\n/);
    expect(text).toMatch(/Warden default:\nFAIL {2}throughput[^\n]*0\.58\nFAIL {2}added p99[^\n]*6\.00 ms\nPASS {2}added TTFB[^\n]*0\.20 ms\nPASS {2}RSS[^\n]*190 MB$/);
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

describe('fixed-rate generator: response framing on raw sockets', () => {
  const frame = (parts: string[]) => {
    const seen: number[] = [];
    const f = new ResponseFraming((s) => seen.push(s));
    for (const p of parts) f.feed(Buffer.from(p, 'latin1'));
    return { seen, idle: f.idle };
  };
  const chunked = 'HTTP/1.1 200 OK\r\ntransfer-encoding: chunked\r\ncontent-type: text/event-stream\r\n\r\n5\r\nhello\r\n1a;ext=1\r\nabcdefghijklmnopqrstuvwxyz\r\n0\r\n\r\n';
  const sized = 'HTTP/1.1 404 Not Found\r\nContent-Length: 3\r\n\r\n{}\n';
  it('ends each answer by its content-length or its last chunk, however the reads cut it', () => {
    const stream = chunked + sized + chunked;
    for (let cut = 1; cut < stream.length; cut++) {
      const r = frame([stream.slice(0, cut), stream.slice(cut)]);
      expect(r.seen).toEqual([200, 404, 200]);
      expect(r.idle).toBe(true);
    }
    // Byte by byte: CRLFs split, heads split.
    expect(frame([...stream]).seen).toEqual([200, 404, 200]);
    expect(frame([chunked.slice(0, -1)]).seen).toEqual([]);
    expect(frame([chunked.slice(0, -1)]).idle).toBe(false);
  });
  it('refuses what it cannot frame', () => {
    expect(() => frame(['HTTP/1.1 200 OK\r\n\r\nbody'])).toThrow(/neither/);
    expect(() => frame(['garbage\r\n\r\n'])).toThrow(/HTTP/);
  });
  it('prepares the one request it repeats: line, host, headers, length, body', () => {
    const b = requestBytes({ url: 'http://127.0.0.1:9/v1/x?a=1', method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"é":1}' }).toString('utf8');
    expect(b).toBe('POST /v1/x?a=1 HTTP/1.1\r\nhost: 127.0.0.1:9\r\ncontent-type: application/json\r\ncontent-length: 8\r\n\r\n{"é":1}');
  });
});
