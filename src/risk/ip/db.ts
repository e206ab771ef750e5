// The IP database in memory: ASN and country range tables for both address families, and the ASN owners' names.
import type { OrgNames } from './org-names.js';
import type { V4Table, V6Table } from './range-table.js';

export interface IpDb {
  readonly asnV4: V4Table;
  readonly asnV6: V6Table;
  readonly countryV4: V4Table;
  readonly countryV6: V6Table;
  readonly orgs: OrgNames;
  /** Bytes held (the typed arrays). */
  readonly bytes: number;
}
