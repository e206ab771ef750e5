// Config slice for audit (owned by the audit domain): keys, checkpoint cadence, group commit, text retention.
import { z } from 'zod';

export const auditTextSchema = z.object({
  /** Which requests keep their prompt/output text (encrypted). Policy stages may ask for more via event.keepText. */
  keep: z.enum(['never', 'denied', 'always']).default('never'),
  retentionDays: z.number().positive().default(30),
  /** AES-256 key, 32 bytes as hex or base64. Otherwise keyFile, otherwise generated under dataDir/audit. */
  key: z.string().optional(),
  keyFile: z.string().optional(),
});

export const auditConfigSchema = z
  .object({
    /** Ed25519 private key (PKCS#8 PEM). Otherwise signingKeyFile, otherwise generated under dataDir/audit. */
    signingKey: z.string().optional(),
    signingKeyFile: z.string().optional(),
    /** HMAC key sealing each row (hex/base64, >= 32 bytes). Otherwise generated under dataDir/audit. */
    sealKey: z.string().optional(),
    /** How often new events are sealed and a signed checkpoint is written. */
    checkpointIntervalMs: z.number().int().positive().default(1000),
    /** Group commit: a batch is written when it reaches maxEvents or after maxWaitMs. */
    batchMaxEvents: z.number().int().positive().default(512),
    batchMaxWaitMs: z.number().int().min(0).default(2),
    /** Events held in memory at most; beyond it append() drops and counts (never blocks a request). */
    queueLimit: z.number().int().positive().default(100_000),
    text: auditTextSchema.prefault({}),
    /**
     * Commit events and seal in a worker thread (SQLite only): auto = when more than one core is available. Every
     * response still waits for its event's commit; off does all of it in the request thread.
     */
    worker: z.enum(['auto', 'on', 'off']).default('auto'),
  })
  .prefault({});
export type AuditConfig = z.infer<typeof auditConfigSchema>;
