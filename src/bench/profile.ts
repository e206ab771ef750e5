// Summarises a V8 .cpuprofile (from `npm run bench -- --profile`): where the gateway spends its CPU.

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
export interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

export interface Share {
  readonly name: string;
  /** Fraction of all sampled time, 0..1. */
  readonly share: number;
}

const shortUrl = (url: string): string => url.replace(/^file:\/\/.*?\/(dist|node_modules)\//, '$1/');

/**
 * Self time by function, and inclusive time by project file (dist/…): a file's share counts
 * every sample with one of its functions anywhere on the stack, once.
 */
export function summarise(p: CpuProfile, top = 15): { self: Share[]; files: Share[]; idle: number } {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<string, number>();
  const files = new Map<string, number>();
  let total = 0;
  let idle = 0;
  p.samples.forEach((id, i) => {
    const dt = p.timeDeltas[i] ?? 0;
    total += dt;
    const node = byId.get(id);
    if (!node) return;
    const cf = node.callFrame;
    if (cf.functionName === '(idle)') idle += dt;
    const key = `${cf.functionName || '(anonymous)'}${cf.url ? ` ${shortUrl(cf.url)}:${cf.lineNumber + 1}` : ''}`;
    self.set(key, (self.get(key) ?? 0) + dt);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const url = shortUrl(byId.get(at)?.callFrame.url ?? '');
      if (url.startsWith('dist/') && !seen.has(url)) {
        seen.add(url);
        files.set(url, (files.get(url) ?? 0) + dt);
      }
    }
  });
  const rank = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, top)
      .map(([name, t]) => ({ name, share: total > 0 ? t / total : 0 }));
  return { self: rank(self), files: rank(files), idle: total > 0 ? idle / total : 0 };
}

export function formatSummary(s: ReturnType<typeof summarise>): string {
  const pct = (x: number) => `${(x * 100).toFixed(1).padStart(5)}%`;
  return [
    `gateway CPU profile (idle ${pct(s.idle).trim()} of samples)`,
    'self time, top functions:',
    ...s.self.map((x) => `  ${pct(x.share)}  ${x.name}`),
    'inclusive time, top project files:',
    ...s.files.map((x) => `  ${pct(x.share)}  ${x.name}`),
  ].join('\n');
}
