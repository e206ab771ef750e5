// Config slice for risk (owned by the risk domain; extend freely).
import { z } from 'zod';

export const riskConfigSchema = z.object({}).passthrough().prefault({});
export type RiskConfig = z.infer<typeof riskConfigSchema>;
