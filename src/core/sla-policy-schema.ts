import { z } from 'zod';

const clockTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'times are "HH:MM", 24-hour');

/** Minutes since midnight of an "HH:MM" the schema has already checked. */
export function clockMinutes(time: string): number {
  return Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));
}

/**
 * Working hours the SLA clock runs in, read in the owner's time zone (else the definition's).
 * Days are ISO weekdays: 1 = Monday … 7 = Sunday.
 */
export const businessHoursSchema = z
  .object({
    enabled: z.boolean(),
    start: clockTime,
    end: clockTime,
    days: z.array(z.number().int().min(1).max(7)).min(1).max(7),
  })
  .strict()
  // At least an hour a day keeps the due-time walk short (≤ 5,000 days for a 720 h SLA).
  .refine((b) => clockMinutes(b.end) - clockMinutes(b.start) >= 60, {
    message: 'business hours must end at least an hour after they start, on the same day',
  })
  .refine((b) => new Set(b.days).size === b.days.length, { message: 'business days must not repeat' });
export type BusinessHours = z.infer<typeof businessHoursSchema>;

export const escalationActions = ['reassign_next', 'pool_manager', 'alert_only'] as const;
export type EscalationAction = (typeof escalationActions)[number];

/** What happens when an owner misses the SLA. */
export const escalationPolicySchema = z
  .object({
    /** reassign_next: the next owner in the same pool; pool_manager: the pool's manager; alert_only: tell, move nothing. */
    action: z.enum(escalationActions),
    /** Reassignments per hand-over before Accord only alerts, so a lead cannot circle the team forever. */
    maxReassignments: z.number().int().min(0).max(20),
  })
  .strict();
export type EscalationPolicy = z.infer<typeof escalationPolicySchema>;

// Stored definitions from before business hours and escalation existed keep a plain clock and only
// alert: moving leads between reps is something an admin turns on, not something an upgrade does.
const businessHoursOff: BusinessHours = { enabled: false, start: '09:00', end: '17:00', days: [1, 2, 3, 4, 5] };
const alertOnly: EscalationPolicy = { action: 'alert_only', maxReassignments: 0 };

export const slaPolicySchema = z
  .object({
    hotHours: z.number().positive().max(720),
    standardHours: z.number().positive().max(720),
    businessHours: businessHoursSchema.default(businessHoursOff),
    escalation: escalationPolicySchema.default(alertOnly),
    /** Share of the SLA window left at which a lead shows as "due soon". */
    dueSoonFraction: z.number().min(0).max(1).default(0.25),
  })
  .strict();
export type SlaPolicy = z.infer<typeof slaPolicySchema>;
