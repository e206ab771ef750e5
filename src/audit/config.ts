// Config slice for audit (owned by the audit domain; extend freely).
import { z } from 'zod';

export const auditConfigSchema = z.object({}).passthrough().prefault({});
export type AuditConfig = z.infer<typeof auditConfigSchema>;
