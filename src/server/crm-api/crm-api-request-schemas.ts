import { z } from 'zod';
import { rejectionReasons } from '../../core/rejection-reasons';

/*
 * The request bodies of docs/crm-api.md (test/manifests/crm-api-schemas.ts is the normative copy;
 * the server keeps its own so src never imports from test). Definitions are checked separately
 * with definitionSchema, so their issues can be prefixed as the contract says.
 */

export const rejectionRequestSchema = z
  .object({
    reason: z.enum(rejectionReasons),
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const saveDraftRequestSchema = z.object({ definition: z.unknown(), basedOnVersion: z.number().int().min(0) }).strict();

export const previewRequestSchema = z.union([
  z.object({ draftId: z.number().int().positive() }).strict(),
  z.object({ definition: z.unknown() }).strict(),
]);

export const approvalRequestSchema = z.object({ role: z.enum(['sales', 'marketing']) }).strict();

export const publishRequestSchema = z.object({}).strict();
