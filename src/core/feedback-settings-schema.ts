import { z } from 'zod';

/** Where rejected leads go: marketing's owner or queue, by CRM owner id; null leaves the owner as it is. */
export const feedbackSettingsSchema = z
  .object({
    marketingOwnerId: z.string().min(1).max(64).nullable(),
  })
  .strict();
export type FeedbackSettings = z.infer<typeof feedbackSettingsSchema>;
