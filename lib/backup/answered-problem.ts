// A restore the background refused (a part out of order, parts missing, too many topics…) comes back as an error
// reply carrying its problem by code (messaging/envelope.ts). The options page reads it here, checked like any other
// message content, to say it in the reader's language.
import { z } from 'zod';
import { AnsweredError } from '../messaging/envelope';
import { VALIDATION_TEXTS, type ValidationCode } from '../validation-messages';
import { BACKUP_ERROR_TEXTS, type BackupErrorCode, type BackupProblem } from './backup-errors';

const codes = <C extends string>(texts: Record<C, string>) => Object.keys(texts) as [C, ...C[]];

const problemSchema = z.object({
  code: z.enum(codes<BackupErrorCode>(BACKUP_ERROR_TEXTS)),
  details: z.array(z.union([z.string().max(2000), z.number()])).max(9),
  validation: z
    .object({
      code: z.enum(codes<ValidationCode>(VALIDATION_TEXTS)),
      details: z.array(z.number()).max(9),
      field: z.string().max(2000),
    })
    .optional(),
});

/** The restore problem a background's answer carried, or null (another error, or a problem not well formed). */
export function answeredProblem(error: unknown): BackupProblem | null {
  if (!(error instanceof AnsweredError)) return null;
  const parsed = problemSchema.safeParse(error.problem);
  return parsed.success ? parsed.data : null;
}
