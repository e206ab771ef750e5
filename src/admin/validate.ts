// Admin input validation: a zod schema → value, or a 400 listing every issue.
import type { z } from 'zod';
import type { Denial } from '../errors/denial.js';

export function parseInput<T extends z.ZodType>(schema: T, body: unknown): { ok: true; value: z.infer<T> } | { ok: false; denial: Denial } {
  const r = schema.safeParse(body ?? {});
  if (r.success) return { ok: true, value: r.data };
  const issues = r.error.issues.map((i) => `${i.path.join('.') || '(body)'}: ${i.message}`);
  return { ok: false, denial: { code: 'INVALID_REQUEST', message: `Invalid request: ${issues.join('; ')}.`, param: r.error.issues[0]?.path.join('.') || null } };
}
