// The per-request context every pipeline stage reads from and records into.
import type { IncomingHttpHeaders } from 'node:http';
import type { AuditEvent } from '../audit/event.js';
import type { RouteMatch, Usage } from '../api.js';
import type { ErrorCode } from '../errors/codes.js';
import type { KeyRecord } from '../keys/types.js';
import type { StageName } from './stage-name.js';

/**
 * What each stage adds to the context. Domains extend it with declaration merging,
 * so a later stage reads only what an earlier one declared:
 *
 *   declare module '../proxy/context.js' { interface StageVars { risk: RiskResult } }
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging (an empty type alias cannot be merged)
export interface StageVars {}

export interface RequestContext {
  readonly id: string;
  /** Date.now() at arrival. */
  readonly time: number;
  /** performance.now() at arrival. */
  readonly startedAt: number;
  readonly method: string;
  readonly path: string;
  readonly route: RouteMatch;
  readonly headers: IncomingHttpHeaders;
  /** Header names in the order the client sent them (lower-cased, bounded). */
  readonly headerOrder: readonly string[];
  readonly socketIp: string;
  /** Socket address, or behind a trusted proxy the right-most X-Forwarded-For hop that is not a trusted proxy (net/client-ip.ts). */
  readonly clientIp: string;
  /** Parsed JSON body of a POST (stages may rewrite it before forwarding). */
  body: Record<string, unknown> | undefined;
  /** Requested model: body.model, or the Azure deployment. */
  model: string | undefined;
  stream: boolean;
  /** Set by authenticate. */
  key: KeyRecord | undefined;
  /** Credential as presented (never logged; used only to verify). */
  presentedKey: string | undefined;
  usage: Usage | undefined;
  /** Final HTTP status sent to the client. */
  status: number;
  /** Error code if the request was denied or failed. */
  errorCode: ErrorCode | undefined;
  /** Which stage denied the request, if any. */
  deniedBy: StageName | undefined;
  readonly vars: Partial<StageVars>;
  /** Facts any stage contributes to this request's audit event (risk score, verdicts, network...). */
  readonly audit: Partial<AuditEvent>;
}
