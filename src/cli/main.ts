#!/usr/bin/env node
// The `warden` CLI: dispatches `<noun> <verb>` to src/cli/commands/<noun>-<verb>.ts.
import { commands } from './registry.js';

export async function run(argv: string[]): Promise<number> {
  const [noun, verb, ...rest] = argv;
  const single = noun !== undefined ? commands[noun] : undefined;
  if (single) return single(verb === undefined ? [] : [verb, ...rest]);
  const cmd = noun !== undefined && verb !== undefined ? commands[`${noun} ${verb}`] : undefined;
  if (!cmd) {
    process.stderr.write(`usage: warden <command>\n\ncommands:\n${Object.keys(commands).sort().map((c) => `  warden ${c}`).join('\n')}\n`);
    return noun === undefined || noun === 'help' || noun === '--help' ? 0 : 2;
  }
  return cmd(rest);
}

run(process.argv.slice(2)).then(
  (code) => {
    if (code !== -1) process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`warden: ${(err as Error).message}\n`);
    process.exitCode = 1;
  },
);
