// A CLI command as data: its summary, arguments and options (with help text) next to what it runs.
import { parseArgs, type ParseArgsConfig } from 'node:util';

export interface OptionSpec {
  readonly type: 'string' | 'boolean';
  readonly description: string;
  readonly short?: string;
  readonly multiple?: boolean;
  readonly default?: string | boolean | string[];
  /** Placeholder for the value in help (`--tenant ID`). */
  readonly value?: string;
}
export type Options = Readonly<Record<string, OptionSpec>>;

type Values<O extends Options> = ReturnType<typeof parseArgs<{ options: O; allowPositionals: true; strict: true }>>['values'];

export interface CommandSpec<O extends Options = Options> {
  readonly summary: string;
  /** Positional arguments as shown in help, e.g. `KEY_ID` or `[PATH]`. */
  readonly args?: string;
  readonly options: O;
  /** Returns the exit code (-1: keeps running, e.g. serve). */
  run(values: Values<O>, positionals: string[]): Promise<number>;
}

/** A command's misuse (missing option, bad value): exit status 2 with the command's usage. */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

export function defineCommand<O extends Options>(spec: CommandSpec<O>): CommandSpec<O> {
  return spec;
}

export function parseFor<O extends Options>(spec: CommandSpec<O>, args: string[]): { values: Values<O>; positionals: string[] } {
  const options: NonNullable<ParseArgsConfig['options']> = {};
  for (const [name, o] of Object.entries(spec.options)) {
    options[name] = { type: o.type, ...(o.short ? { short: o.short } : {}), ...(o.multiple ? { multiple: true } : {}), ...(o.default !== undefined ? { default: o.default } : {}) };
  }
  const r = parseArgs({ args, options, allowPositionals: true, strict: true });
  if (!spec.args && r.positionals.length > 0) throw new UsageError(`unexpected argument '${r.positionals[0]}'`);
  return { values: r.values as Values<O>, positionals: r.positionals };
}

function flag(name: string, o: OptionSpec): string {
  const short = o.short ? `-${o.short}, ` : '    ';
  return `${short}--${name}${o.type === 'string' ? ` ${o.value ?? 'VALUE'}` : ''}`;
}

export function usageLine(name: string, spec: CommandSpec<Options>): string {
  return `usage: warden ${name}${spec.args ? ` ${spec.args}` : ''}${Object.keys(spec.options).length ? ' [options]' : ''}`;
}

export function helpText(name: string, spec: CommandSpec<Options>): string {
  const rows = [
    ...Object.entries(spec.options).map(([n, o]) => [flag(n, o), o.description + (o.default !== undefined && o.default !== false ? ` (default: ${String(o.default)})` : '')] as const),
    ['-h, --help', 'show this help'] as const,
  ];
  const width = Math.max(...rows.map(([f]) => f.length));
  return `${usageLine(name, spec)}\n\n${spec.summary}\n\noptions:\n${rows.map(([f, d]) => `  ${f.padEnd(width)}  ${d}`).join('\n')}\n`;
}
