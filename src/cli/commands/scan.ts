// `warden scan [PATH…] [--git] [--report]`: leaked Warden keys in files and git history; a pre-commit hook and CI gate.
import { stat } from 'node:fs/promises';
import { adminCall, adminOptions, clientOpts, type AdminClientOpts } from '../admin-client.js';
import { defineCommand, UsageError } from '../spec.js';
import { redact } from '../../leaks/find.js';
import { scanPaths } from '../../leaks/scan-files.js';
import { scanGitHistory } from '../../leaks/scan-git.js';

interface Finding {
  key: string;
  kid: string;
  file: string;
  line: number;
  column: number;
  commit?: string;
}

/** What the gateway says of a kid: its status, 'unknown' (not issued there), or undefined (not asked). */
type Status = string | undefined;

/** Live: the gateway holds the key and it still opens (not revoked, not expired); suspended keys can be reinstated. */
const isLive = (s: Status): boolean => s === undefined || s === 'active' || s === 'suspended';

async function statusOf(o: AdminClientOpts, kid: string): Promise<string> {
  try {
    const k = (await adminCall(o, 'GET', `/keys/${encodeURIComponent(kid)}`)) as { status?: string };
    return k.status ?? 'unknown';
  } catch (e) {
    if (/^No key /.test((e as Error).message)) return 'unknown';
    throw e;
  }
}

/**
 * The gateway confirms the whole key against its hash (a look-alike built on a real kid changes nothing) and applies
 * its leak policy (`leaks.onReport`), as for a GitHub partner report. Returns the action taken.
 */
async function reportLeak(o: AdminClientOpts, f: Finding): Promise<string> {
  const where = `${f.commit ? `${f.commit}:` : ''}${f.file}:${f.line}`;
  const res = await fetch(`${o.url}/leaks/report`, {
    method: 'POST',
    headers: { authorization: `Bearer ${o.token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ tokens: [f.key], url: where, source: f.commit ? 'git history' : 'file', reporter: 'warden-scan' }),
  });
  const json = (await res.json().catch(() => ({}))) as { data?: { action?: string; label?: string }[]; error?: { message?: string } };
  if (!res.ok) throw new Error(json.error?.message ?? `leak report answered ${res.status}`);
  const d = json.data?.[0];
  return d?.label === 'true_positive' ? (d.action ?? 'none') : 'not this gateway\'s secret';
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
    report: { type: 'boolean', description: 'mark every live key found as leaked through the admin API (needs a token)' },
    offline: { type: 'boolean', description: 'do not ask the admin API even if a token is set: every valid key counts as live' },
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

    const statuses = new Map<string, Status>();
    if (admin) for (const kid of new Set(findings.map((f) => f.kid))) statuses.set(kid, await statusOf(admin, kid));
    const reported = new Map<string, string>();
    if (admin && values.report) {
      for (const kid of statuses.keys()) {
        if (!isLive(statuses.get(kid))) continue;
        const f = findings.find((x) => x.kid === kid)!;
        reported.set(kid, await reportLeak(admin, f));
      }
    }

    let live = 0;
    for (const f of findings) {
      const s = statuses.get(f.kid);
      if (isLive(s)) live++;
      const where = `${f.commit ? `${f.commit.slice(0, 12)}:` : ''}${f.file}:${f.line}:${f.column}`;
      const r = reported.get(f.kid);
      const state = s === undefined ? 'valid checksum' : `status ${s}${r ? `, reported leaked: ${r}` : ''}`;
      process.stdout.write(`${where}  ${redact(f.key)}  key ${f.kid}  (${state})\n`);
    }
    const what = admin ? 'live key' : 'valid key';
    process.stderr.write(findings.length === 0 ? 'warden scan: no Warden keys found\n' : `warden scan: ${findings.length} finding(s), ${live} with a ${what}\n`);
    return live > 0 ? 1 : 0;
  },
});
