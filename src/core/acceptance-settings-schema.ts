import { z } from 'zod';
import { isKnownFieldPath } from './read-lead-field';
import { defaultWorkingStatuses } from './working-status';

/** HubSpot's "last contacted" (a logged call, email or meeting) and its last sales activity. */
export const defaultTouchFields: readonly string[] = ['raw.notes_last_contacted', 'raw.hs_last_sales_activity_timestamp'];

/** What counts as sales' first touch: the lead becomes sales-accepted and the SLA clock stops. */
export const acceptanceSettingsSchema = z
  .object({
    /** CRM lead statuses or lifecycle stages meaning a rep is working the lead (any case; spaces read as "_"). */
    workingStatuses: z.array(z.string().min(1).max(120)).max(100),
    /** Lead fields holding the time of the last logged call or email; a time after the hand-over is a touch. */
    touchFields: z
      .array(z.string().min(1).max(200).refine(isKnownFieldPath, { message: 'touch fields are lead fields or raw.<property>' }))
      .max(10),
  })
  .strict();
export type AcceptanceSettings = z.infer<typeof acceptanceSettingsSchema>;

export const defaultAcceptanceSettings: AcceptanceSettings = {
  workingStatuses: [...defaultWorkingStatuses],
  touchFields: [...defaultTouchFields],
};
