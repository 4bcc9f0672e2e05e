import { z } from 'zod';

/** A project (or eigen gebied) name: trimmed, inner spaces collapsed, 1–120 characters. */
export const projectNameSchema = z
  .string()
  .transform((s) => s.trim().replace(/\s+/g, ' '))
  .pipe(z.string().min(1).max(120));
