import { describe, expect, it } from 'vitest';
import { parseConfig } from '../config/load.js';
import type { Deps } from '../deps.js';
import { buildStages } from './pipeline.js';
import { READ_BODY, type Stage } from './stage.js';
import { STAGE_NAMES } from './stage-name.js';

/** Only what the stage factories read while the list is built; nothing here serves a request. */
function depsWith(risk: boolean, safety: boolean, postgres: boolean): Deps {
  const config = parseConfig({ dataDir: '/nonexistent/warden-pipeline-test', risk: { enabled: risk }, safety: { enabled: safety } });
  const log = { debug() {}, info() {}, warn() {}, error() {} };
  return {
    config,
    log,
    pepper: 'pepper-for-the-stage-list-test',
    metrics: undefined,
    storeHealth: postgres ? { down: false } : undefined,
    risk: { opts: { config: config.risk, safetyCounts: undefined } },
    safety: {},
    limiter: {},
    nonces: {},
    keys: {},
    audit: {},
  } as unknown as Deps;
}

/** The stage names before READ_BODY (header phase) and after it (body phase). */
function phases(stages: readonly Stage[]): { header: string[]; body: string[] } {
  const at = stages.indexOf(READ_BODY);
  return { header: stages.slice(0, at).map((s) => s.name), body: stages.slice(at + 1).map((s) => s.name) };
}

const repeated = (names: readonly string[]): string[] => names.filter((n, i) => names.indexOf(n) !== i);

describe('the stage list', () => {
  const cases = [true, false].flatMap((risk) => [true, false].flatMap((safety) => [true, false].map((postgres) => ({ risk, safety, postgres }))));

  it.each(cases)('names each stage once per phase, from the StageName union (risk $risk, safety $safety, postgres $postgres)', ({ risk, safety, postgres }) => {
    const stages = buildStages(depsWith(risk, safety, postgres));
    expect(stages.filter((s) => s === READ_BODY)).toHaveLength(1);
    for (const s of stages) expect(STAGE_NAMES).toContain(s.name);
    const { header, body } = phases(stages);
    // A domain may check in both phases (its header and body parts share the name), never twice in one.
    expect(repeated(header)).toEqual([]);
    expect(repeated(body)).toEqual([]);
  });

  it('uses every name of the union when every defence is on (no stale name in StageName)', () => {
    const names = new Set(buildStages(depsWith(true, true, true)).map((s) => s.name));
    expect([...STAGE_NAMES].filter((n) => !names.has(n))).toEqual([]);
  });

  it('leaves out exactly the stages a switched-off defence owns', () => {
    const all = buildStages(depsWith(true, true, false)).map((s) => s.name);
    const without = buildStages(depsWith(false, false, false)).map((s) => s.name);
    expect(all.filter((n) => !without.includes(n)).sort()).toEqual(['assessRisk', 'outputPolicy', 'promptPolicy', 'sourceGuard']);
  });
});
