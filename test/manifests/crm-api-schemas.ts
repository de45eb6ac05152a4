import { z } from 'zod';
import { definitionSchema, disqualifierSchema } from '../../src/core/definition';
import { rejectionReasons } from '../../src/core/rejection-reasons';
import { stages } from '../../src/core/stage';

/**
 * The Accord API the CRM pages call (record card / record panel, settings page), as zod schemas.
 * This is the normative copy of docs/crm-api.md: the UI test fixtures are validated against it, and
 * the server may import or move it. Same shapes for `/api/hubspot/...` and `/api/salesforce/...`.
 */

/** ISO 8601 UTC instant with milliseconds, as `Date.prototype.toISOString()` writes it. */
export const instant = z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/, 'an ISO 8601 UTC instant');

export const crmSchema = z.enum(['hubspot', 'salesforce']);
export const stageSchema = z.enum(stages);
export const rejectionReasonSchema = z.enum(rejectionReasons);
export const approvalRoleSchema = z.enum(['sales', 'marketing']);
export const slaStateSchema = z.enum(['none', 'on_track', 'due_soon', 'breached', 'accepted']);

/** A CRM user: HubSpot user id / Salesforce 18-character User Id, and the email the CRM vouches for. */
export const actorSchema = z.object({ id: z.string().min(1), email: z.string().nullable() }).strict();

export const reasonSchema = z
  .object({
    criterionId: z.string(),
    label: z.string(),
    kind: z.enum(['fit', 'intent', 'contact', 'disqualifier']),
    met: z.boolean(),
    points: z.number(),
    evidence: z.string(),
  })
  .strict();

export const decisionViewSchema = z
  .object({
    score: z.number().int().min(0).max(100),
    fitScore: z.number(),
    intentScore: z.number(),
    stage: stageSchema,
    autoAccepted: z.boolean(),
    owner: z.object({ id: z.string().min(1), name: z.string().nullable() }).strict().nullable(),
    routing: z.object({ poolId: z.string().nullable(), explanation: z.string() }).strict().nullable(),
    sla: z
      .object({
        tier: z.enum(['hot', 'standard']).nullable(),
        routedAt: instant.nullable(),
        dueAt: instant.nullable(),
        state: slaStateSchema,
      })
      .strict(),
    why: z.string(),
    reasons: z.array(reasonSchema),
    missingFields: z.array(z.string()),
    disqualifiedBy: z.array(z.string()),
    definitionVersion: z.number().int().min(0),
    decidedAt: instant,
  })
  .strict();

export const rejectionViewSchema = z
  .object({
    reason: rejectionReasonSchema,
    note: z.string().nullable(),
    rejectedBy: actorSchema.nullable(),
    rejectedAt: instant,
  })
  .strict();

/** GET /api/{crm}/records/{recordId} and the answer to POST …/rejection. */
export const recordViewSchema = z
  .object({
    crm: crmSchema,
    recordId: z.string().min(1),
    decision: decisionViewSchema.nullable(),
    rejection: rejectionViewSchema.nullable(),
    canReject: z.boolean(),
  })
  .strict();

/** POST /api/{crm}/records/{recordId}/rejection */
export const rejectionRequestSchema = z
  .object({
    reason: rejectionReasonSchema,
    note: z.string().max(2000).nullable().optional(),
  })
  .strict();

export const approvalSchema = z.object({ role: approvalRoleSchema, approver: actorSchema, approvedAt: instant }).strict();

export const draftViewSchema = z
  .object({
    id: z.number().int().positive(),
    basedOnVersion: z.number().int().min(0),
    definition: definitionSchema,
    createdBy: actorSchema,
    createdAt: instant,
    approvals: z.array(approvalSchema).max(2),
    publishable: z.boolean(),
    blockers: z.array(z.string()),
  })
  .strict();

export const versionSummarySchema = z
  .object({
    id: z.number().int().positive(),
    version: z.number().int().positive(),
    name: z.string(),
    createdBy: actorSchema,
    createdAt: instant,
    publishedBy: actorSchema,
    publishedAt: instant,
    approvals: z.array(approvalSchema),
    backfillId: z.string().nullable(),
  })
  .strict();

/** GET /api/{crm}/definitions */
export const definitionsViewSchema = z
  .object({
    current: z.object({ version: z.number().int().min(0), definition: definitionSchema }).strict(),
    draft: draftViewSchema.nullable(),
    versions: z.array(versionSummarySchema),
    catalog: z.object({ disqualifiers: z.array(disqualifierSchema) }).strict(),
  })
  .strict();

/** POST /api/{crm}/definitions/drafts */
export const saveDraftRequestSchema = z
  .object({ definition: z.unknown(), basedOnVersion: z.number().int().min(0) })
  .strict()
  .superRefine((body, ctx) => {
    const parsed = definitionSchema.safeParse(body.definition);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        ctx.addIssue({ code: 'custom', path: ['definition', ...issue.path], message: issue.message });
      }
    }
  });

/** POST /api/{crm}/definitions/preview: a saved draft, or unsaved edits. */
export const previewRequestSchema = z.union([
  z.object({ draftId: z.number().int().positive() }).strict(),
  z.object({ definition: definitionSchema }).strict(),
]);

const stageCounts = z.object(Object.fromEntries(stages.map((s) => [s, z.number().int().min(0)])) as Record<(typeof stages)[number], z.ZodNumber>).strict();

export const previewViewSchema = z
  .object({
    basedOnVersion: z.number().int().min(0),
    evaluatedAt: instant,
    leadsEvaluated: z.number().int().min(0),
    truncated: z.boolean(),
    changedStage: z.number().int().min(0),
    stageCounts: z.object({ before: stageCounts, after: stageCounts }).strict(),
    transitions: z.array(z.object({ from: stageSchema, to: stageSchema, count: z.number().int().positive() }).strict()),
    ownerLoad: z.array(
      z
        .object({
          ownerId: z.string().nullable(),
          ownerName: z.string().nullable(),
          before: z.number().int().min(0),
          after: z.number().int().min(0),
        })
        .strict(),
    ),
  })
  .strict();

/** POST /api/{crm}/definitions/calibrate: the newest share of outcomes kept apart to judge on. */
export const calibrateRequestSchema = z.object({ holdout: z.number().min(0.05).max(0.5).optional() }).strict();

const fitFigures = z.object({ auc: z.number().min(0).max(1), ece: z.number().min(0).max(1), brier: z.number().min(0).max(1) }).strict();

/** The report's headline and the draft a finished calibration saved. */
export const calibrationResultSchema = z
  .object({
    draft: draftViewSchema.nullable(),
    outcomes: z.number().int().min(0),
    converted: z.number().int().min(0),
    holdout: z.object({ leads: z.number().int().min(0), converted: z.number().int().min(0), learned: fitFigures, current: fitFigures }).strict().nullable(),
    blendWeight: z.number().min(0).max(1),
    leakyFields: z.array(z.string()),
    confidence: z.string(),
  })
  .strict();

/** 202 of POST /api/{crm}/definitions/calibrate and 200 of GET /api/{crm}/calibrations/{calibrationId}. */
export const calibrationViewSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    phase: z.enum(['reading', 'learning']).nullable(),
    outcomesRead: z.number().int().min(0),
    createdAt: instant,
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
    error: z.string().nullable(),
    errorCode: z.string().nullable(),
    result: calibrationResultSchema.nullable(),
  })
  .strict();

/** POST /api/{crm}/definitions/{draftId}/approvals */
export const approvalRequestSchema = z.object({ role: approvalRoleSchema }).strict();

export const backfillViewSchema = z
  .object({
    id: z.string().min(1),
    definitionVersion: z.number().int().positive(),
    status: z.enum(['queued', 'running', 'succeeded', 'failed']),
    total: z.number().int().min(0),
    processed: z.number().int().min(0),
    changed: z.number().int().min(0),
    failed: z.number().int().min(0),
    skipped: z.number().int().min(0),
    createdAt: instant,
    startedAt: instant.nullable(),
    finishedAt: instant.nullable(),
    error: z.string().nullable(),
  })
  .strict();

/** POST /api/{crm}/definitions/{draftId}/publish (201) */
export const publishViewSchema = z.object({ version: versionSummarySchema, backfill: backfillViewSchema }).strict();

/** GET /api/{crm}/owners */
export const ownersViewSchema = z
  .object({
    owners: z.array(
      z
        .object({
          id: z.string().min(1),
          name: z.string(),
          email: z.string().nullable(),
          teams: z.array(z.string()),
          available: z.boolean(),
        })
        .strict(),
    ),
  })
  .strict();

const maskedChannelSchema = z.object({ host: z.string(), last4: z.string().max(4) }).strict();

/** GET and PUT /api/{crm}/settings/channels: the tenant's own channels, never the URLs themselves. */
export const channelSettingsViewSchema = z
  .object({
    slack: maskedChannelSchema.nullable(),
    teams: maskedChannelSchema.nullable(),
    updatedBy: actorSchema.nullable(),
    updatedAt: instant.nullable(),
  })
  .strict();

const https = (test: (host: string) => boolean) =>
  z
    .string()
    .trim()
    .max(2048)
    .refine((value) => {
      try {
        const url = new URL(value);
        return url.protocol === 'https:' && url.username === '' && url.password === '' && url.port === '' && url.pathname.length > 1 && test(url.hostname.toLowerCase());
      } catch {
        return false;
      }
    }, 'not an accepted webhook URL');
const teamsHosts = ['.webhook.office.com', '.logic.azure.com', '.powerplatform.com'];

/**
 * PUT /api/{crm}/settings/channels: a URL sets a channel, null or "" clears it, a missing key keeps it;
 * at least one key. (A server run with CHANNELS_ALLOW_LOOPBACK=true, against the sandbox, also takes http://127.0.0.1….)
 */
export const channelSettingsRequestSchema = z
  .object({
    slackWebhookUrl: z.union([z.literal(''), https((host) => host === 'hooks.slack.com')]).nullable().optional(),
    teamsWebhookUrl: z.union([z.literal(''), https((host) => teamsHosts.some((suffix) => host.endsWith(suffix) && host.length > suffix.length))]).nullable().optional(),
  })
  .strict()
  .refine((body) => body.slackWebhookUrl !== undefined || body.teamsWebhookUrl !== undefined, 'name slackWebhookUrl, teamsWebhookUrl or both');

/** Every 4xx/5xx body. */
export const errorBodySchema = z
  .object({
    error: z.string().regex(/^[a-z_]+$/),
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() }).strict()).optional(),
    missing: z.array(approvalRoleSchema).optional(),
    currentVersion: z.number().int().min(0).optional(),
    retryAfterSeconds: z.number().int().positive().optional(),
  })
  .strict();

/** The error codes the pages handle, by HTTP status. */
export const errorCodes = {
  400: ['bad_request'],
  401: ['unauthorized'],
  403: ['not_installed', 'forbidden'],
  404: ['not_found', 'record_not_found', 'draft_not_found', 'backfill_not_found', 'calibration_not_found'],
  409: ['not_rejectable', 'stale_base', 'approvals_missing', 'already_published', 'approver_conflict', 'role_already_approved'],
  413: ['payload_too_large'],
  422: ['invalid_rejection', 'invalid_definition', 'invalid_preview', 'invalid_calibration', 'invalid_channels'],
  429: ['rate_limited'],
  500: ['internal'],
  503: ['unavailable'],
} as const;
