// Dispatches `<noun> <verb>` to the command table, answers -h/--help and --version; returns the exit code
// (-1: keeps running; 2: misuse, with the usage).
import { readFileSync } from 'node:fs';
import { commands } from './registry.js';
import { helpText, parseFor, usageLine, UsageError } from './spec.js';

function version(): string {
  const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
  return pkg.version;
}

function overview(): string {
  const names = Object.keys(commands);
  const width = Math.max(...names.map((n) => n.length));
  return `usage: warden <command> [options]   (warden <command> --help for its options)\n\ncommands:\n${names.map((n) => `  ${n.padEnd(width)}  ${commands[n]!.summary}`).join('\n')}\n\n  --version         print the version\n`;
}

const isHelp = (a: string | undefined): boolean => a === '--help' || a === '-h' || a === 'help';

export async function run(argv: string[]): Promise<number> {
  const [noun, verb] = argv;
  if (noun === '--version' || noun === '-v') {
    process.stdout.write(`warden ${version()}\n`);
    return 0;
  }
  const two = noun !== undefined && verb !== undefined ? `${noun} ${verb}` : undefined;
  const name = two && commands[two] ? two : noun !== undefined && commands[noun] ? noun : undefined;
  if (!name) {
    if (noun === undefined || isHelp(noun)) {
      process.stdout.write(overview());
      return 0;
    }
    const group = Object.keys(commands).filter((c) => c.startsWith(`${noun} `));
    if (group.length && (verb === undefined || isHelp(verb))) {
      process.stdout.write(`commands:\n${group.map((c) => `  warden ${c}`).join('\n')}\n`);
      return verb === undefined ? 2 : 0;
    }
    process.stderr.write(`warden: unknown command '${argv.slice(0, group.length ? 2 : 1).join(' ')}'\n\n${overview()}`);
    return 2;
  }
  const spec = commands[name]!;
  const args = argv.slice(name.split(' ').length);
  if (args.some((a) => a === '--help' || a === '-h')) {
    process.stdout.write(helpText(name, spec));
    return 0;
  }
  try {
    const { values, positionals } = parseFor(spec, args);
    return await spec.run(values, positionals);
  } catch (e) {
    const err = e as Error & { code?: string };
    const parseError = err.code?.startsWith('ERR_PARSE_ARGS') === true;
    if (e instanceof UsageError || parseError) {
      // parseArgs appends advice on '--' to an unknown option; the first sentence is the point.
      const message = parseError ? err.message.replace(/\. To specify a positional.*$/s, '') : err.message;
      process.stderr.write(`warden ${name}: ${message}\n${usageLine(name, spec)}\n(warden ${name} --help lists the options)\n`);
      return 2;
    }
    throw e;
  }
}
