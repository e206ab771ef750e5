// `warden scan [PATH…] [--git] [--report]`: leaked Warden keys in files and git history; a pre-commit hook and CI gate.
import { stat } from 'node:fs/promises';
import { adminOptions, clientOpts, type AdminClientOpts } from '../admin-client.js';
import { defineCommand, UsageError } from '../spec.js';
import { redact } from '../../leaks/find.js';
import { scanPaths } from '../../leaks/scan-files.js';
import { scanGitHistory } from '../../leaks/scan-git.js';

interface Finding {
  key: string;
  kid: string;
  type: string;
  file: string;
  line: number;
  column: number;
  commit?: string;
}

interface Outcome {
  label: 'true_positive' | 'false_positive';
  status: string | null;
  action: string;
}

/**
 * What the gateway says of a key: its status, `unknown` (not a secret it issued), `admin token`, or undefined
 * (not asked). Live: it still opens (suspended keys can be reinstated); an admin token in a file is always live.
 */
const isLive = (s: string | undefined): boolean => s === undefined || s === 'active' || s === 'suspended' || s === 'admin token';

/**
 * The gateway confirms each whole key against its hash (a look-alike built on a real kid is `unknown`) and, unless
 * `dryRun`, applies its leak policy (`leaks.onReport`) as for a GitHub partner report.
 */
async function leakReport(o: AdminClientOpts, body: Record<string, unknown>): Promise<Outcome[]> {
  const res = await fetch(`${o.url}/leaks/report`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ reporter: 'warden-scan', ...body }),
  }).catch((e: unknown) => {
    throw new Error(`cannot reach the gateway at ${o.url} (${(e as Error).message}); pass --offline to scan without it`);
  });
  const json = (await res.json().catch(() => ({}))) as { data?: Outcome[]; error?: { message?: string } };
  if (!res.ok || !json.data) throw new Error(json.error?.message ?? `leak report answered ${res.status}`);
  return json.data;
}

function hasToken(values: { token?: string | undefined }): boolean {
  return Boolean(values.token || process.env['WARDEN_ADMIN_TOKEN']);
}

export const scanCommand = defineCommand({
  summary: 'Find Warden keys in files (and, with --git, in all git history); exit 1 if a live key is found.',
  args: '[PATH…]',
  options: {
    url: adminOptions.url,
    token: adminOptions.token,
    git: { type: 'boolean', description: 'also scan the whole history (every ref) of each PATH that is a git repository' },
    report: { type: 'boolean', description: 'report every live key found as leaked (the gateway applies leaks.onReport; needs a token)' },
    offline: { type: 'boolean', description: 'do not ask the gateway even if a token is set: every valid key counts as live' },
    'max-file-bytes': { type: 'string', value: 'N', description: 'skip larger files', default: String(5 * 1024 * 1024) },
  },
  async run(values, positionals) {
    const paths = positionals.length ? positionals : ['.'];
    const maxFileBytes = Number(values['max-file-bytes']);
    if (!Number.isInteger(maxFileBytes) || maxFileBytes <= 0) throw new UsageError(`--max-file-bytes takes a positive integer, not '${values['max-file-bytes']}'`);
    for (const p of paths) await stat(p).catch(() => Promise.reject(new UsageError(`no such file or directory: ${p}`)));
    const online = !values.offline && hasToken(values);
    if (values.report && !online) throw new UsageError('--report needs the admin API: --token or WARDEN_ADMIN_TOKEN (and not --offline)');
    const admin = online ? clientOpts(values) : undefined;

    const findings: Finding[] = [];
    const files = await scanPaths(paths, { maxFileBytes });
    findings.push(...files.hits);
    for (const s of files.skipped) process.stderr.write(`warden scan: skipped ${s}\n`);
    if (values.git) {
      for (const p of paths) {
        if (!(await stat(p)).isDirectory()) continue;
        try {
          findings.push(...(await scanGitHistory(p)));
        } catch (e) {
          throw new UsageError((e as Error).message);
        }
      }
    }

    // By whole key, not kid: a rotated key's old and new secrets share the kid and may differ in status.
    const statuses = new Map<string, string>();
    const reported = new Map<string, string>();
    if (admin) {
      const keys = [...new Set(findings.filter((f) => f.type !== 'a').map((f) => f.key))];
      for (const f of findings) if (f.type === 'a') statuses.set(f.key, 'admin token');
      if (keys.length) {
        const got = await leakReport(admin, { tokens: keys, dryRun: true });
        keys.forEach((k, i) => statuses.set(k, got[i]?.label === 'true_positive' ? (got[i]!.status ?? 'unknown') : 'unknown'));
      }
      if (values.report) {
        for (const key of keys) {
          if (!isLive(statuses.get(key))) continue;
          const f = findings.find((x) => x.key === key)!;
          const [o] = await leakReport(admin, { tokens: [key], url: `${f.commit ? `${f.commit}:` : ''}${f.file}:${f.line}`, source: f.commit ? 'git history' : 'file' });
          reported.set(key, o?.action ?? 'none');
        }
      }
    }

    let live = 0;
    for (const f of findings) {
      const s = statuses.get(f.key);
      if (isLive(s)) live++;
      const where = `${f.commit ? `${f.commit.slice(0, 12)}:` : ''}${f.file}:${f.line}:${f.column}`;
      const r = reported.get(f.key);
      const state = s === undefined ? 'valid checksum' : `status ${s}${r ? `, reported leaked: ${r}` : ''}`;
      process.stdout.write(`${where}  ${redact(f.key)}  key ${f.kid}  (${state})\n`);
    }
    const what = admin ? 'live key' : 'valid key';
    process.stderr.write(findings.length === 0 ? 'warden scan: no Warden keys found\n' : `warden scan: ${findings.length} finding(s), ${live} with a ${what}\n`);
    return live > 0 ? 1 : 0;
  },
});
