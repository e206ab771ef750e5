// Pure: a V8 CPU profile's samples attributed to pipeline stages by the source file on the stack (`--profile`).

/** The part of V8's .cpuprofile (`node --cpu-prof`) read here. */
export interface CpuProfile {
  readonly startTime: number;
  readonly nodes: readonly { id: number; callFrame: { functionName: string; url: string }; children?: number[] }[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
}

export const STAGES = [
  'parse/validate',
  'authenticate',
  'bind',
  'limits',
  'risk',
  'prompt policy',
  'safety checks (prompt or output)',
  'forward',
  'output policy',
  'audit record/seal',
  'handler/pipeline',
  'metrics/log',
  'other project code',
  'node/libraries, no project frame',
  'GC',
] as const;
export type StageName = (typeof STAGES)[number];

/** File (path under dist/ or src/, without extension) → stage; first match wins. */
const RULES: readonly (readonly [RegExp, StageName | 'shared' | 'safety'])[] = [
  [/^proxy\/(body|json-depth|validate|identifiers|routes|models)$|^proxy\/stages\/validate$/, 'parse/validate'],
  [/^proxy\/stages\/authenticate$|^keys\/|^proof\//, 'authenticate'],
  [/^proxy\/stages\/bind$|^net\//, 'bind'],
  [/^limits\//, 'limits'],
  [/^risk\//, 'risk'],
  [/^safety\/stage-prompt-policy$/, 'prompt policy'],
  [/^safety\/stage-output-policy$|^proxy\/output-text$/, 'output policy'],
  [/^safety\//, 'safety'],
  [/^proxy\/(forward|relay-json|relay-stream|stream-reads|headers|usage|lazy-data)$|^upstream\//, 'forward'],
  [/^audit\/|^proxy\/stages\/record$|^store\//, 'audit record/seal'],
  [/^metrics\/|^log$/, 'metrics/log'],
  [/^proxy\/|^app$|^health\/|^errors\//, 'handler/pipeline'],
  // Helpers any stage calls: the caller further up the stack says whose cost it is.
  [/^(crypto|util)\//, 'shared'],
];

/** Pure: the project file a profile url names (e.g. "proxy/body"), or undefined outside the project's dist/. */
export function projectFile(url: string): string | undefined {
  const m = /\/dist\/(.+)\.js$/.exec(url);
  return m?.[1] !== undefined && !m[1].includes('node_modules/') ? m[1] : undefined;
}

export function ruleOf(file: string): StageName | 'shared' | 'safety' {
  return RULES.find(([re]) => re.test(file))?.[1] ?? 'other project code';
}

/**
 * Pure: the stage of one sample from its stack (leaf first, as urls and function names). The
 * nearest project frame decides; a shared helper or a safety check defers to a caller that names
 * a stage (a check called from the prompt or output policy stage is that stage's cost).
 */
export function stageOfStack(frames: readonly { url: string; functionName: string }[]): StageName | undefined {
  const leaf = frames[0]?.functionName;
  if (leaf === '(idle)') return undefined;
  if (leaf === '(garbage collector)') return 'GC';
  let fallback: StageName | undefined;
  for (const fr of frames) {
    const file = projectFile(fr.url);
    if (file === undefined) continue;
    const rule = ruleOf(file);
    if (rule === 'shared') continue;
    if (rule === 'safety') {
      fallback ??= 'safety checks (prompt or output)';
      continue;
    }
    if (fallback !== undefined && rule !== 'prompt policy' && rule !== 'output policy') return fallback;
    return rule;
  }
  return fallback ?? 'node/libraries, no project frame';
}

/**
 * Pure: sampled µs per stage, counting only samples timed within [fromUs, toUs] on the
 * profile's clock (V8's, the same monotonic clock as process.hrtime), so start-up is left out.
 */
export function stageMicros(p: CpuProfile, fromUs = -Infinity, toUs = Infinity): Map<StageName, number> {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const memo = new Map<number, StageName | undefined>();
  const out = new Map<StageName, number>();
  let at = p.startTime;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    at += dt;
    if (at < fromUs || at > toUs) return;
    if (!memo.has(id)) {
      const frames: { url: string; functionName: string }[] = [];
      for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
        const cf = byId.get(n)?.callFrame;
        if (cf) frames.push(cf);
      }
      memo.set(id, stageOfStack(frames));
    }
    const stage = memo.get(id);
    if (stage !== undefined) out.set(stage, (out.get(stage) ?? 0) + dt);
  });
  return out;
}

/** The breakdown as a table: µs per request and share of the busy time, stages in pipeline order. */
export function formatStages(micros: ReadonlyMap<StageName, number>, requests: number, cpuUsPerReq: number | undefined): string {
  const busy = [...micros.values()].reduce((a, b) => a + b, 0);
  const lines = STAGES.filter((s) => (micros.get(s) ?? 0) > 0).map((s) => {
    const us = micros.get(s) ?? 0;
    return `| ${s.padEnd(34)} | ${(us / Math.max(1, requests)).toFixed(1).padStart(8)} | ${((us / Math.max(1, busy)) * 100).toFixed(1).padStart(5)}% |`;
  });
  return [
    `| ${'stage'.padEnd(34)} | ${'µs/req'.padStart(8)} | ${'share'.padStart(6)} |`,
    `|${'-'.repeat(36)}|${'-'.repeat(9)}:|${'-'.repeat(7)}:|`,
    ...lines,
    `| ${'sampled busy total'.padEnd(34)} | ${(busy / Math.max(1, requests)).toFixed(1).padStart(8)} | 100.0% |`,
    ...(cpuUsPerReq !== undefined ? [`(whole process from /proc over the same window: ${cpuUsPerReq.toFixed(0)} µs/req, threads included; the profile sees the main thread only)`] : []),
  ].join('\n');
}
