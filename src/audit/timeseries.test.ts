import { describe, expect, it } from 'vitest';
import { buildPriceTable } from '../limits/price.js';
import { timeseries } from './timeseries.js';

const now = Date.parse('2026-01-01T12:00:00Z');
const at = (minAgo: number) => new Date(now - minAgo * 60_000).toISOString();
const opts = {
  nowMs: now,
  windowS: 3600,
  bucketS: 600,
  prices: buildPriceTable({ m: { inputPerMTok: 1_000_000, outputPerMTok: 2_000_000, perImage: 0 } }),
  fallback: { inputPerMTok: 0, outputPerMTok: 0, perImage: 0 },
};

describe('timeseries', () => {
  it('buckets requests, denials by stage, safety blocks, risk actions and spend', () => {
    const s = timeseries(
      [
        { kind: 'request', time: at(55), status: 200, model: 'm', usage: { promptTokens: 2, completionTokens: 1, images: 0 }, decision: 'allow' },
        { kind: 'request', time: at(54), status: 400, detail: { deniedBy: 'promptPolicy' }, verdicts: { safety: [{ action: 'block' }] }, decision: 'content-filter' },
        { kind: 'request', time: at(5), status: 403, detail: { deniedBy: 'assessRisk' }, decision: 'block-request' },
        { kind: 'request', time: at(4), status: 200, decision: 'flag', model: 'm', usage: { promptTokens: 1, completionTokens: 0, images: 0 } },
        { kind: 'admin', time: at(3), action: 'key.revoke' },
        { kind: 'request', time: at(90), status: 200 },
      ],
      opts,
    );
    expect(s.t).toHaveLength(6);
    expect(s.requests).toEqual([2, 0, 0, 0, 0, 2]);
    expect(s.denied).toEqual([1, 0, 0, 0, 0, 1]);
    expect(s.safetyBlocks).toEqual([1, 0, 0, 0, 0, 0]);
    expect(s.riskActions).toEqual([0, 0, 0, 0, 0, 2]);
    expect(s.spendUsd).toEqual([4, 0, 0, 0, 0, 1]);
    expect(s.deniedByStage).toEqual({ promptPolicy: 1, assessRisk: 1 });
    expect(s.riskByAction).toEqual({ 'block-request': 1, flag: 1 });
  });
});
