// Config slice for safety (owned by the safety domain; extend freely).
import { z } from 'zod';

export const safetyConfigSchema = z.object({}).passthrough().prefault({});
export type SafetyConfig = z.infer<typeof safetyConfigSchema>;
