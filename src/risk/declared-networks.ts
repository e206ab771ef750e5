// The shape of networks an operator declares for a key: checked by the admin API and again on every replica that
// receives the declaration over risk sync.
import { z } from 'zod';
import { parseCidr } from '../net/cidr.js';
import { PROFILE_CAPS } from './profile.js';

const cidrs = z
  .array(
    z
      .string()
      .max(64)
      .refine((c) => parseCidr(c) !== undefined, 'not a CIDR (e.g. 203.0.113.0/24)'),
  )
  .max(PROFILE_CAPS.declared);
const asns = z.array(z.number().int().min(0).max(4_294_967_295)).max(PROFILE_CAPS.declared);

/** Both lists present and within bounds (what a replica accepts from the sync channel). */
export const declaredNetworks = z.object({ cidrs, asns });

/** The admin API's body: either list may be left out, but not both. */
export const declareBody = z
  .object({ cidrs: cidrs.default([]), asns: asns.default([]) })
  .strict()
  .refine((b) => b.cidrs.length + b.asns.length > 0, 'give at least one of cidrs or asns');
