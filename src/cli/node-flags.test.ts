import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { GATEWAY_NODE_FLAGS } from './node-flags.js';

const root = new URL('../../', import.meta.url);

describe('gateway node flags', () => {
  it('the warden bin runs node with them (shebang)', () => {
    const first = readFileSync(new URL('src/cli/main.ts', root), 'utf8').split('\n')[0]!;
    expect(first.startsWith('#!/usr/bin/env -S node ')).toBe(true);
    expect(first.slice('#!/usr/bin/env -S node '.length).split(' ')).toEqual([...GATEWAY_NODE_FLAGS]);
  });

  it('npm start runs node with them', () => {
    const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts['start']).toContain(`node ${GATEWAY_NODE_FLAGS.join(' ')} dist/cli/main.js serve`);
  });

  it('sets an explicit old-space limit', () => {
    expect(GATEWAY_NODE_FLAGS.some((f) => /^--max-old-space-size=\d+$/.test(f))).toBe(true);
  });
});
