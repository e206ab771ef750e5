// Config slice for leak response: what a confirmed leak does, and the GitHub secret-scanning partner endpoint.
import { z } from 'zod';

export const leaksConfigSchema = z
  .object({
    /** What a confirmed leak of a live key does: suspend it (reinstatable), revoke it (final), or only flag it leaked. */
    onReport: z.enum(['suspend', 'revoke', 'flag']).default('suspend'),
    /** Largest accepted report body (GitHub batches tokens; a batch is small). */
    maxBodyBytes: z
      .number()
      .int()
      .min(1024)
      .max(16 * 1024 * 1024)
      .default(256 * 1024),
    /** Most tokens in one report. */
    maxTokens: z.number().int().min(1).max(10_000).default(1000),
    /** A signed body seen again within this window is refused as a replay. */
    replayWindowSeconds: z
      .number()
      .int()
      .min(60)
      .default(7 * 86400),
    github: z
      .object({
        /**
         * GitHub's signing keys, in the JSON it serves them (https://api.github.com/meta/public_keys/secret_scanning):
         * fetched by you, not by Warden. Re-read when the file changes. Unset or empty: `POST /leaks/github` is off (404).
         */
        publicKeysFile: z.string().min(1).optional(),
      })
      .prefault({}),
  })
  .prefault({});
