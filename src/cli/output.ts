// How admin commands print: a table or a field list for people, JSON for scripts (--json), the id alone (--quiet).

export type Column<T> = readonly [heading: string, cell: (row: T) => unknown];

function text(v: unknown): string {
  if (v === null || v === undefined || v === '') return '-';
  if (Array.isArray(v)) return v.length ? v.map(text).join(',') : '-';
  if (typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>).filter(([, x]) => x !== null && x !== undefined);
    return entries.length ? entries.map(([k, x]) => `${k}=${text(x)}`).join(' ') : '-';
  }
  return String(v);
}

/** Pure: rows under aligned headings (the last column is not padded). */
export function table<T>(rows: readonly T[], columns: readonly Column<T>[]): string {
  if (rows.length === 0) return '(none)\n';
  const cells = rows.map((r) => columns.map(([, f]) => text(f(r)).replace(/\s*\n\s*/g, ' ')));
  const widths = columns.map(([h], i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string =>
    c
      .map((x, i) => (i === c.length - 1 ? x : x.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(columns.map(([h]) => h.toUpperCase())), ...cells.map(line)].join('\n') + '\n';
}

/** Pure: one record as `field: value` lines (nested objects on one line). */
export function fields(record: Record<string, unknown>): string {
  const keys = Object.keys(record);
  const width = Math.max(0, ...keys.map((k) => k.length));
  return keys.map((k) => `${`${k}:`.padEnd(width + 1)}  ${text(record[k])}`).join('\n') + '\n';
}

export interface OutputFlags {
  readonly json?: boolean | undefined;
  readonly quiet?: boolean | undefined;
}

/** Prints `data` as JSON with --json, else what `human` makes of it. */
export function emit<T>(flags: OutputFlags, data: T, human: (d: T) => string): void {
  process.stdout.write(flags.json ? JSON.stringify(data, null, 2) + '\n' : human(data));
}

/** Create commands: --quiet prints the id (and the one-time secret, tab-separated, when there is one). */
export function emitCreated<T extends { id: string }>(flags: OutputFlags, data: T, secret?: (d: T) => string): void {
  if (flags.quiet && !flags.json) {
    process.stdout.write(secret ? `${data.id}\t${secret(data)}\n` : `${data.id}\n`);
    return;
  }
  emit(flags, data, (d) => fields(d as unknown as Record<string, unknown>));
}
