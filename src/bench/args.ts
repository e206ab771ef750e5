// Pure parsing of `npm run bench -- [flags]` into a bench plan.
import { parseArgs } from 'node:util';
import { CONCURRENCY, SCENARIOS, type Scenario, TARGETS, type TargetName } from './scenarios.js';

export interface BenchArgs {
  readonly scenarios: readonly Scenario[];
  readonly concurrency: readonly number[];
  readonly targets: readonly TargetName[];
  readonly runs: number;
  readonly durationSec: number;
  readonly warmupSec: number;
  readonly json: string | undefined;
  /** Run the gateway under --cpu-prof and print where its CPU went. */
  readonly profile: boolean;
  /** Share of the passthrough's peak req/s offered at a fixed rate to time unsaturated latency (0: skip). */
  readonly pacedShare: number;
}

export const USAGE = `usage: npm run bench -- [--quick] [--scenario chat,chat-stream,images] [--concurrency 16,64]
                        [--targets gateway-core,gateway,passthrough,simulator] [--runs 3] [--duration 4] [--paced 0.5] [--json out.json] [--profile]
  --quick     1 run of 2 s per cell (default: median of 3 runs of 4 s)
  --paced     after each cell, offer this share of the passthrough's peak req/s at a fixed rate to every
              target and time what each adds when not saturated (default 0.5; 0 skips it)
  --profile   run the gateway under --cpu-prof and print its hottest functions and files`;

const list = (s: string | undefined): string[] | undefined => (s === undefined ? undefined : s.split(',').map((x) => x.trim()).filter(Boolean));

export function parseBenchArgs(argv: readonly string[]): { ok: true; args: BenchArgs } | { ok: false; reason: string } {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      options: {
        quick: { type: 'boolean' },
        scenario: { type: 'string' },
        concurrency: { type: 'string' },
        targets: { type: 'string' },
        runs: { type: 'string' },
        duration: { type: 'string' },
        json: { type: 'string' },
        profile: { type: 'boolean' },
        paced: { type: 'string' },
        help: { type: 'boolean' },
      },
    }));
  } catch (e) {
    return { ok: false, reason: e instanceof Error ? e.message : String(e) };
  }
  if (values.help) return { ok: false, reason: 'help' };
  const names = list(values.scenario);
  const scenarios = names === undefined ? SCENARIOS : SCENARIOS.filter((s) => names.includes(s.name));
  const unknown = names?.filter((n) => !SCENARIOS.some((s) => s.name === n)) ?? [];
  if (unknown.length > 0) return { ok: false, reason: `unknown scenario(s): ${unknown.join(', ')} (known: ${SCENARIOS.map((s) => s.name).join(', ')})` };
  const concurrency = list(values.concurrency)?.map(Number) ?? CONCURRENCY;
  if (concurrency.some((c) => !Number.isInteger(c) || c < 1)) return { ok: false, reason: '--concurrency takes positive integers' };
  const targetNames = list(values.targets) ?? TARGETS;
  const badTarget = targetNames.filter((t) => !(TARGETS as readonly string[]).includes(t));
  if (badTarget.length > 0) return { ok: false, reason: `unknown target(s): ${badTarget.join(', ')}` };
  const quick = values.quick === true;
  const runs = Number(values.runs ?? (quick ? 1 : 3));
  const durationSec = Number(values.duration ?? (quick ? 2 : 4));
  if (!(runs >= 1) || !(durationSec > 0)) return { ok: false, reason: '--runs and --duration must be positive' };
  const pacedShare = Number(values.paced ?? 0.5);
  if (!(pacedShare >= 0 && pacedShare < 1)) return { ok: false, reason: '--paced takes a share of the peak rate, 0 (skip) to below 1' };
  return {
    ok: true,
    args: {
      scenarios,
      concurrency,
      // Fixed order so the table reads the same whatever order the flags gave.
      targets: TARGETS.filter((t) => targetNames.includes(t)),
      runs,
      durationSec,
      warmupSec: quick ? 0.5 : 1,
      json: values.json,
      profile: values.profile === true,
      pacedShare,
    },
  };
}
