import { z } from 'zod';
import { predicateSchema } from './predicate';
import { activityKinds } from './lead';
import { acceptanceSettingsSchema, defaultAcceptanceSettings } from './acceptance-settings-schema';
import { feedbackSettingsSchema } from './feedback-settings-schema';
import { slaPolicySchema } from './sla-policy-schema';
import { isValidTimeZone } from './zoned-parts';

const id = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9_-]+$/, 'ids are lower-case letters, digits, "_" or "-"');

/** A fit or contact-quality criterion: points when the predicate holds. */
export const criterionSchema = z
  .object({
    id,
    label: z.string().min(1).max(120),
    kind: z.enum(['fit', 'contact']),
    points: z.number().min(0).max(100),
    when: predicateSchema,
  })
  .strict();
export type Criterion = z.infer<typeof criterionSchema>;

/** An intent signal: points when the lead did something at least `minCount` times; decays with age. */
export const intentSignalSchema = z
  .object({
    id,
    label: z.string().min(1).max(120),
    activity: z.enum(activityKinds),
    minCount: z.number().int().min(1).default(1),
    points: z.number().min(0).max(100),
  })
  .strict();
export type IntentSignal = z.infer<typeof intentSignalSchema>;

/** A hard disqualifier: when it holds the lead is disqualified whatever it scores. */
export const disqualifierSchema = z
  .object({
    id,
    label: z.string().min(1).max(120),
    when: predicateSchema,
  })
  .strict();
export type Disqualifier = z.infer<typeof disqualifierSchema>;

export const territorySchema = z
  .object({
    region: z.string().min(1).max(64),
    /** Country names or ISO codes, matched case-insensitively. */
    countries: z.array(z.string().min(1)).default([]),
    /** States/provinces, "US-CA" style or plain names; a state match beats a country match. */
    states: z.array(z.string().min(1)).default([]),
  })
  .strict();

export const segmentSchema = z
  .object({
    id,
    label: z.string().min(1).max(64),
    minEmployees: z.number().int().min(0).nullable().default(null),
    maxEmployees: z.number().int().min(0).nullable().default(null),
  })
  .strict();

/** Caps count every lead Accord routes to the owner, per day and calendar month in the owner's time zone. */
export const poolMemberSchema = z
  .object({
    ownerId: z.string().min(1),
    weight: z.number().int().min(1).max(100).default(1),
    dailyCap: z.number().int().min(0).max(100_000).nullable().default(null),
    monthlyCap: z.number().int().min(0).max(1_000_000).nullable().default(null),
  })
  .strict();
export type PoolMember = z.infer<typeof poolMemberSchema>;

export const poolSchema = z
  .object({
    id,
    name: z.string().min(1).max(120),
    /** Regions this pool covers; empty = any region. */
    regions: z.array(z.string()).default([]),
    /** Segment ids this pool covers; empty = any segment. */
    segments: z.array(z.string()).default([]),
    /** Owners by CRM owner id, with a round-robin weight and optional lead caps (null = no cap). */
    members: z.array(poolMemberSchema).default([]),
    /**
     * Or: every available owner in this CRM team (weight 1 unless listed in members).
     * No members and no team: every available owner (a catch-all pool).
     */
    team: z.string().min(1).nullable().default(null),
    managerOwnerId: z.string().nullable().default(null),
  })
  .strict();
export type Pool = z.infer<typeof poolSchema>;

/**
 * How a score maps to a probability of converting, learned from outcomes (`accord calibrate`):
 * [score, probability] pairs, scores ascending and probabilities never falling; scores between
 * two pairs are interpolated linearly, scores outside them take the nearest pair's probability.
 */
export const calibrationSchema = z
  .object({
    method: z.enum(['isotonic', 'platt']),
    points: z
      .array(z.tuple([z.number().min(0).max(100), z.number().min(0).max(1)]))
      .min(1)
      .max(101),
    /** How many outcomes it was fitted on, and how many of them converted. */
    rows: z.number().int().min(0).optional(),
    converted: z.number().int().min(0).optional(),
  })
  .strict()
  .superRefine((c, ctx) => {
    for (let i = 1; i < c.points.length; i++) {
      const [score, probability] = c.points[i] as [number, number];
      const [previousScore, previousProbability] = c.points[i - 1] as [number, number];
      if (score <= previousScore) ctx.addIssue({ code: 'custom', message: 'calibration scores must be strictly ascending' });
      if (probability < previousProbability) {
        ctx.addIssue({ code: 'custom', message: 'calibration probabilities must not fall as the score rises' });
      }
    }
  });
export type Calibration = z.infer<typeof calibrationSchema>;

export const definitionSchema = z
  .object({
    name: z.string().min(1).max(120),
    /** Set by the store when published; drafts carry the version they were based on. */
    version: z.number().int().min(0),
    criteria: z.array(criterionSchema).max(100),
    intent: z
      .object({
        /** Cap on intent points, whatever the signals add up to. */
        maxPoints: z.number().min(0).max(100),
        halfLifeDays: z.number().positive().max(3650),
        signals: z.array(intentSignalSchema).max(50),
      })
      .strict(),
    disqualifiers: z.array(disqualifierSchema).max(100),
    freeMailDomains: z.array(z.string().min(3)).max(20000),
    competitorDomains: z.array(z.string().min(3)).max(5000),
    servedCountries: z.array(z.string()).max(300).describe('empty = every country is served'),
    requiredFields: z.array(z.string().min(1)).max(30),
    /** Missing this many required fields or more → nurture, never sales. */
    maxMissingRequired: z.number().int().min(1).max(30),
    thresholds: z
      .object({ mql: z.number().min(0).max(100), salesReady: z.number().min(0).max(100) })
      .strict()
      .refine((t) => t.mql <= t.salesReady, { message: 'the MQL threshold must not be above the sales-ready threshold' }),
    /** Leads that match go to sales as hot, whatever the thresholds say. */
    autoAccept: z
      .object({
        criteria: z.array(z.string()).describe('criterion ids that must all be met'),
        minIntentShare: z.number().min(0).max(1),
      })
      .strict()
      .nullable(),
    sla: slaPolicySchema,
    /** The tenant's IANA time zone: business hours, daily caps and digests use it for owners without one. */
    timeZone: z.string().refine(isValidTimeZone, { message: 'unknown time zone' }).default('UTC'),
    acceptance: acceptanceSettingsSchema.default(defaultAcceptanceSettings),
    feedback: feedbackSettingsSchema.default({ marketingOwnerId: null }),
    routing: z
      .object({
        respectExistingOwner: z.boolean(),
        territories: z.array(territorySchema).max(500),
        segments: z.array(segmentSchema).max(20),
        pools: z.array(poolSchema).max(200),
      })
      .strict(),
    /** Additive, optional: the learned score → probability map; absent on hand-written definitions. */
    calibration: calibrationSchema.optional(),
  })
  .strict()
  .superRefine((d, ctx) => {
    const ids = [...d.criteria.map((c) => c.id), ...d.intent.signals.map((s) => s.id), ...d.disqualifiers.map((q) => q.id)];
    const seen = new Set<string>();
    for (const i of ids) {
      if (seen.has(i)) ctx.addIssue({ code: 'custom', message: `criterion id "${i}" is used twice` });
      seen.add(i);
    }
    const maxPoints = d.criteria.reduce((s, c) => s + c.points, 0) + d.intent.maxPoints;
    if (maxPoints <= 0) ctx.addIssue({ code: 'custom', message: 'the criteria must be able to award some points' });
    for (const cid of d.autoAccept?.criteria ?? []) {
      if (!d.criteria.some((c) => c.id === cid)) {
        ctx.addIssue({ code: 'custom', message: `auto-accept names unknown criterion "${cid}"` });
      }
    }
  });
export type Definition = z.infer<typeof definitionSchema>;
export type DefinitionInput = z.input<typeof definitionSchema>;
