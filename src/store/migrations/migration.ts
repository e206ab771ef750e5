// One schema step, the same shape on both backends: append only, each runs once, in order, in a transaction.
export interface Migration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}
