// Dispatches `<noun> <verb>` to the command table; returns the exit code (-1: keeps running).
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
