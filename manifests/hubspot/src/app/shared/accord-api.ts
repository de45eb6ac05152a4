import type { RejectionReason, SlaState, Stage } from './accord-taxonomy';

/**
 * Accord's API as the HubSpot pages call it (docs/crm-api.md is the contract). No imports from
 * packages: the card and the settings page bundle this file separately, and tests hand in a fake
 * `fetch` in place of `hubspot.fetch`.
 */

/** Where Accord runs. Must also be listed in app-hsmeta.json `permittedUrls.fetch` (see docs/hubspot-project.md). */
export const accordApiBase = 'https://accord.example.com';

export type HttpMethod = 'GET' | 'POST' | 'PUT';

/** The part of `hubspot.fetch` Accord uses: no custom headers (HubSpot signs the request instead). */
export type AccordFetch = (
  url: string,
  options?: { method?: HttpMethod; body?: { [key: string]: unknown }; timeout?: number },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

// ---- shapes (zod: test/manifests/crm-api-schemas.ts) ------------------------------------------

export interface Actor {
  id: string;
  email: string | null;
}

export interface Reason {
  criterionId: string;
  label: string;
  kind: 'fit' | 'intent' | 'contact' | 'disqualifier';
  met: boolean;
  points: number;
  evidence: string;
}

export interface DecisionView {
  score: number;
  fitScore: number;
  intentScore: number;
  stage: Stage;
  autoAccepted: boolean;
  owner: { id: string; name: string | null } | null;
  routing: { poolId: string | null; explanation: string } | null;
  sla: { tier: 'hot' | 'standard' | null; routedAt: string | null; dueAt: string | null; state: SlaState };
  why: string;
  reasons: Reason[];
  missingFields: string[];
  disqualifiedBy: string[];
  definitionVersion: number;
  decidedAt: string;
}

export interface RejectionView {
  reason: RejectionReason;
  note: string | null;
  rejectedBy: Actor | null;
  rejectedAt: string;
}

export interface RecordView {
  crm: 'hubspot' | 'salesforce';
  recordId: string;
  decision: DecisionView | null;
  rejection: RejectionView | null;
  canReject: boolean;
}

/** The qualification definition (src/core/definition.ts); predicates are kept as they come. */
export interface Definition {
  name: string;
  version: number;
  criteria: Array<{ id: string; label: string; kind: 'fit' | 'contact'; points: number; when: unknown }>;
  intent: {
    maxPoints: number;
    halfLifeDays: number;
    signals: Array<{ id: string; label: string; activity: string; minCount: number; points: number }>;
  };
  disqualifiers: Disqualifier[];
  freeMailDomains: string[];
  competitorDomains: string[];
  servedCountries: string[];
  requiredFields: string[];
  maxMissingRequired: number;
  thresholds: { mql: number; salesReady: number };
  autoAccept: { criteria: string[]; minIntentShare: number } | null;
  sla: { hotHours: number; standardHours: number };
  routing: {
    respectExistingOwner: boolean;
    territories: Array<{ region: string; countries: string[]; states: string[] }>;
    segments: Array<{ id: string; label: string; minEmployees: number | null; maxEmployees: number | null }>;
    pools: Pool[];
  };
}

export interface Disqualifier {
  id: string;
  label: string;
  when: unknown;
}

export interface Pool {
  id: string;
  name: string;
  regions: string[];
  segments: string[];
  members: Array<{ ownerId: string; weight: number }>;
  team: string | null;
  managerOwnerId: string | null;
}

export type ApprovalRole = 'sales' | 'marketing';

export interface Approval {
  role: ApprovalRole;
  approver: Actor;
  approvedAt: string;
}

export interface DraftView {
  id: number;
  basedOnVersion: number;
  definition: Definition;
  createdBy: Actor;
  createdAt: string;
  approvals: Approval[];
  publishable: boolean;
  blockers: string[];
}

export interface VersionSummary {
  id: number;
  version: number;
  name: string;
  createdBy: Actor;
  createdAt: string;
  publishedBy: Actor;
  publishedAt: string;
  approvals: Approval[];
  backfillId: string | null;
}

export interface DefinitionsView {
  current: { version: number; definition: Definition };
  draft: DraftView | null;
  versions: VersionSummary[];
  catalog: { disqualifiers: Disqualifier[] };
}

export interface PreviewView {
  basedOnVersion: number;
  evaluatedAt: string;
  leadsEvaluated: number;
  truncated: boolean;
  changedStage: number;
  stageCounts: { before: Record<Stage, number>; after: Record<Stage, number> };
  transitions: Array<{ from: Stage; to: Stage; count: number }>;
  ownerLoad: Array<{ ownerId: string | null; ownerName: string | null; before: number; after: number }>;
}

export interface BackfillView {
  id: string;
  definitionVersion: number;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  total: number;
  processed: number;
  changed: number;
  failed: number;
  /** Leads sales already accepted or rejected: left as they are, not counted in total. */
  skipped: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
}

export interface FitFigures {
  auc: number;
  ece: number;
  brier: number;
}

/** What a finished calibration learned: the report's headline and the draft it saved. */
export interface CalibrationResult {
  draft: DraftView | null;
  outcomes: number;
  converted: number;
  holdout: { leads: number; converted: number; learned: FitFigures; current: FitFigures } | null;
  /** Share of the score from the learned points (shrinkage toward the live definition with few outcomes). */
  blendWeight: number;
  leakyFields: string[];
  confidence: string;
}

/** A calibration from the CRM's outcomes, running in the background (POST …/definitions/calibrate). */
export interface CalibrationView {
  id: string;
  status: 'queued' | 'running' | 'succeeded' | 'failed';
  phase: 'reading' | 'learning' | null;
  outcomesRead: number;
  createdAt: string;
  startedAt: string | null;
  finishedAt: string | null;
  error: string | null;
  errorCode: string | null;
  result: CalibrationResult | null;
}

export interface PublishView {
  version: VersionSummary;
  backfill: BackfillView;
}

export interface OwnerView {
  id: string;
  name: string;
  email: string | null;
  teams: string[];
  available: boolean;
}

/** A saved channel as Accord shows it: the host and the URL's last 4 characters, never the URL. */
export interface MaskedChannel {
  host: string;
  last4: string;
}

/** The account's own Slack / Teams channels (GET / PUT …/settings/channels). */
export interface ChannelSettingsView {
  slack: MaskedChannel | null;
  teams: MaskedChannel | null;
  updatedBy: Actor | null;
  updatedAt: string | null;
}

/** A URL sets the channel, null clears it, a missing key leaves it as it is. */
export interface ChannelSettingsRequest {
  slackWebhookUrl?: string | null;
  teamsWebhookUrl?: string | null;
}

export interface ErrorBody {
  error: string;
  message: string;
  issues?: Array<{ path: Array<string | number>; message: string }>;
  missing?: ApprovalRole[];
  currentVersion?: number;
  retryAfterSeconds?: number;
}

// ---- client ------------------------------------------------------------------------------------

/** A refused or failed call, with Accord's error code ("stale_base") and message when it sent one. */
export class AccordApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly body: ErrorBody | null;

  constructor(status: number, body: ErrorBody | null, fallback: string) {
    super(body?.message ?? fallback);
    this.name = 'AccordApiError';
    this.status = status;
    this.code = body?.error ?? (status === 0 ? 'network' : 'http_' + status);
    this.body = body;
  }
}

function isErrorBody(value: unknown): value is ErrorBody {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { error?: unknown }).error === 'string' &&
    typeof (value as { message?: unknown }).message === 'string'
  );
}

/** hubspot.fetch gives up after 15 s by default; preview and publish may take longer (max 120 s). */
const slowCallMs = 60_000;

export interface AccordClient {
  getRecord(recordId: string): Promise<RecordView>;
  reject(recordId: string, reason: RejectionReason, note: string | null): Promise<RecordView>;
  getDefinitions(): Promise<DefinitionsView>;
  getOwners(): Promise<{ owners: OwnerView[] }>;
  saveDraft(definition: Definition, basedOnVersion: number): Promise<DraftView>;
  preview(request: { draftId: number } | { definition: Definition }): Promise<PreviewView>;
  approve(draftId: number, role: ApprovalRole): Promise<DraftView>;
  publish(draftId: number): Promise<PublishView>;
  getBackfill(backfillId: string): Promise<BackfillView>;
  calibrate(request: { holdout?: number }): Promise<CalibrationView>;
  getCalibration(calibrationId: string): Promise<CalibrationView>;
  getChannelSettings(): Promise<ChannelSettingsView>;
  saveChannelSettings(request: ChannelSettingsRequest): Promise<ChannelSettingsView>;
}

export function createAccordClient(fetcher: AccordFetch, crm: 'hubspot' | 'salesforce' = 'hubspot', base = accordApiBase): AccordClient {
  const root = `${base}/api/${crm}`;

  async function call<T>(method: HttpMethod, path: string, body?: { [key: string]: unknown }, timeout?: number): Promise<T> {
    let response: Awaited<ReturnType<AccordFetch>>;
    try {
      response = await fetcher(root + path, { method, ...(body === undefined ? {} : { body }), ...(timeout === undefined ? {} : { timeout }) });
    } catch (error) {
      throw new AccordApiError(0, null, `Accord could not be reached: ${error instanceof Error ? error.message : String(error)}`);
    }
    let json: unknown = null;
    try {
      json = await response.json();
    } catch {
      json = null;
    }
    if (!response.ok) throw new AccordApiError(response.status, isErrorBody(json) ? json : null, `Accord answered ${response.status}`);
    return json as T;
  }

  const id = (value: string | number): string => encodeURIComponent(String(value));

  return {
    getRecord: (recordId) => call('GET', `/records/${id(recordId)}`),
    reject: (recordId, reason, note) => call('POST', `/records/${id(recordId)}/rejection`, { reason, note }),
    getDefinitions: () => call('GET', '/definitions'),
    getOwners: () => call('GET', '/owners'),
    saveDraft: (definition, basedOnVersion) => call('POST', '/definitions/drafts', { definition, basedOnVersion }),
    preview: (request) => call('POST', '/definitions/preview', { ...request }, slowCallMs),
    approve: (draftId, role) => call('POST', `/definitions/${id(draftId)}/approvals`, { role }),
    publish: (draftId) => call('POST', `/definitions/${id(draftId)}/publish`, {}, slowCallMs),
    getBackfill: (backfillId) => call('GET', `/backfills/${id(backfillId)}`),
    calibrate: (request) => call('POST', '/definitions/calibrate', { ...request }),
    getCalibration: (calibrationId) => call('GET', `/calibrations/${id(calibrationId)}`),
    getChannelSettings: () => call('GET', '/settings/channels'),
    saveChannelSettings: (request) => call('PUT', '/settings/channels', { ...request }),
  };
}

// ---- formatting shared by the pages ---------------------------------------------------------------

/** "2025-03-04 15:00 UTC": unambiguous for every rep, whatever their time zone. */
export function formatInstant(iso: string | null): string {
  if (iso === null) return '—';
  const ms = Date.parse(iso);
  if (!Number.isFinite(ms)) return iso;
  return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function actorLabel(actor: Actor | null): string {
  if (actor === null) return 'someone in the CRM';
  return actor.email ?? `user ${actor.id}`;
}
