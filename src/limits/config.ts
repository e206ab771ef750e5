// Config slice for limits (owned by the limits domain; extend freely).
import { z } from 'zod';

export const limitsConfigSchema = z.object({}).passthrough().prefault({});
export type LimitsConfig = z.infer<typeof limitsConfigSchema>;
