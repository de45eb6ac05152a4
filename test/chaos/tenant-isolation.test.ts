import type { Express, Router } from 'express';
import pino from 'pino';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { credentialsSealer } from '../../src/config/credentials-sealer';
import { defaultDefinition } from '../../src/core/default-definition';
import type { FeedbackRecord } from '../../src/core/feedback-record';
import type { CrmKind, TenantRef } from '../../src/core/lead';
import { issueApiKey } from '../../src/server/crm-api/api-key';
import type { CalibrationJobRecord } from '../../src/store/calibration-job-records';
import type { CrmApiDeps } from '../../src/server/crm-api/crm-api-deps';
import { createCrmApiRouter } from '../../src/server/crm-api/create-crm-api-router';
import { createDashboardRouter, type DashboardDeps } from '../../src/server/dashboard/create-dashboard-router';
import { signDashboardLink } from '../../src/server/dashboard/sign-dashboard-link';
import { decision, tenantRecord } from '../store/fixtures';
import { outboundMessageXml } from '../e2e/outbound-message-xml';
import { chaosSecretKey, hubspotTenant, startChaosStack, waitFor, type ChaosStack } from './support/start-chaos-stack';

const marker = 'TENANT-B-ONLY';
const sfId = (id15: string) => toSalesforceId18(id15) as string;

/** The ids one request names: B's (must be refused), A's own (must pass validation), or ids nobody has. */
interface Ids {
  record: string;
  draft: number;
  version: number;
  backfill: string;
  shadow: number;
  calibration: string;
}

interface Attempt {
  path: string;
  body?: unknown;
}

/**
 * One case per CRM API route, with a body that passes validation (the A-side control proves it). A route
 * added to createCrmApiRouter without a case here fails the first test: isolation is proven per route.
 */
const crmApiCases: Record<string, (ids: Ids) => Attempt> = {
  'GET /records/:recordId': (ids) => ({ path: `/records/${ids.record}` }),
  'POST /records/:recordId/rejection': (ids) => ({ path: `/records/${ids.record}/rejection`, body: { reason: 'no_budget', note: 'hijack' } }),
  'GET /definitions': () => ({ path: '/definitions' }),
  'POST /definitions/drafts': (ids) => ({ path: '/definitions/drafts', body: { definition: { ...defaultDefinition, name: 'hijack' }, basedOnVersion: ids.version } }),
  'POST /definitions/preview': (ids) => ({ path: '/definitions/preview', body: { draftId: ids.draft } }),
  'POST /definitions/:draftId/approvals': (ids) => ({ path: `/definitions/${ids.draft}/approvals`, body: { role: 'marketing' } }),
  'POST /definitions/:draftId/publish': (ids) => ({ path: `/definitions/${ids.draft}/publish`, body: {} }),
  'GET /backfills/:backfillId': (ids) => ({ path: `/backfills/${ids.backfill}` }),
  'GET /owners': () => ({ path: '/owners' }),
  'POST /definitions/calibrate': () => ({ path: '/definitions/calibrate', body: { holdout: 0.2 } }),
  'POST /definitions/:draftId/shadow': (ids) => ({ path: `/definitions/${ids.draft}/shadow`, body: { days: 7 } }),
  'GET /shadows': () => ({ path: '/shadows' }),
  'POST /shadows/:shadowId/stop': (ids) => ({ path: `/shadows/${ids.shadow}/stop`, body: {} }),
  'GET /shadows/:shadowId/report': (ids) => ({ path: `/shadows/${ids.shadow}/report` }),
  'GET /calibrations/:calibrationId': (ids) => ({ path: `/calibrations/${ids.calibration}` }),
  'GET /settings/channels': () => ({ path: '/settings/channels' }),
  'PUT /settings/channels': () => ({ path: '/settings/channels', body: { slackWebhookUrl: 'https://hooks.slack.com/services/T0A/B0A/hijack-attempt' } }),
};

/** Routes whose request names nothing of another tenant: only "no leak, B unchanged" applies. */
const namesNoId = new Set(['GET /definitions', 'POST /definitions/drafts', 'GET /owners', 'POST /definitions/calibrate', 'GET /shadows', 'GET /settings/channels', 'PUT /settings/channels']);

/** Body-validation refusals: a control request answered with one of these did not test the tenant check. */
const refusedBeforeLookup = (status: number, body: string) => [400, 401, 403, 404, 413, 500].includes(status) || (status === 422 && /"error":"(invalid_|bad_request)/.test(body));

const sevenDays = 7 * 24 * 60 * 60 * 1000;

function calibrationJob(id: string, requestedBy: string, now: string): CalibrationJobRecord {
  return { id, status: 'queued', phase: null, outcomesRead: 0, holdout: null, requestedBy, createdAt: now, updatedAt: now, startedAt: null, finishedAt: null, draftId: null, summary: null, error: null, errorCode: null };
}

interface RouteLayer {
  route?: { path: string | string[]; methods: Record<string, boolean> };
}

/** `METHOD /path` of every route a router registers. */
function routesOf(router: Router): string[] {
  return ((router as unknown as { stack: RouteLayer[] }).stack ?? []).flatMap((layer) =>
    layer.route ? Object.keys(layer.route.methods).flatMap((m) => [layer.route?.path ?? []].flat().map((p) => `${m.toUpperCase()} ${p}`)) : [],
  );
}

function feedback(ref: TenantRef, recordId: string): FeedbackRecord {
  const at = new Date().toISOString();
  return {
    ...ref, recordId, reason: 'no_budget', reasonText: 'no_budget', note: marker, repOwnerId: null, repName: marker, source: marker, campaign: null,
    lead: { recordId, name: marker, company: marker, title: 'VP Sales', source: marker, campaign: null, signals: [] },
    definitionVersion: 1, scoreAtRouting: 80, routedAt: at, rejectedAt: at,
    classification: { kind: 'definition_miss', basis: 'met_definition', reason: 'no_budget', failedChecks: [], explanation: marker },
  } as unknown as FeedbackRecord;
}

describe('tenant isolation: a request proven for tenant A never reaches tenant B', () => {
  let stack: ChaosStack;
  let app: Express | undefined;
  let salesforceKey = '';
  let salesforceA: TenantRef;
  const tenants: Record<CrmKind, { a: TenantRef; b: TenantRef; idsA: Ids; idsB: Ids; unknown: Ids }> = {} as never;

  /** B's data: tenant, published and draft definitions, a sign-off, a decided and rejected record, feedback, a backfill. */
  async function seedB(ref: TenantRef, recordId: string): Promise<Ids> {
    const { store } = stack.accord;
    const now = new Date().toISOString();
    await store.upsertTenant(tenantRecord(ref, { name: marker }));
    const published = await store.publishDraft(ref, (await store.saveDraft(ref, { ...defaultDefinition, name: `${marker} v1` }, marker, now)).id, marker, now);
    const draft = await store.saveDraft(ref, { ...defaultDefinition, name: marker }, marker, now);
    await store.addDraftApproval(ref, { draftId: draft.id, role: 'sales', approverId: 'b-sales', approverEmail: null, approvedAt: now });
    await store.commitDecisions(ref, [{ decision: decision({ ...ref, recordId, why: marker, stage: 'sales_ready', ownerId: null }), writtenFields: [] }], {}, []);
    await store.recordFeedback(ref, [feedback(ref, recordId)], now);
    await store.saveRecordRejection(ref, { recordId, reason: 'no_budget', note: marker, actorId: 'b-rep', actorEmail: null, rejectedAt: now });
    const backfill = `bf-${ref.crm}-b`;
    await store.createBackfill(ref, { id: backfill, definitionVersion: published.version, status: 'running', total: 3, skipped: 0, enqueueDone: false, createdAt: now, startedAt: now, finishedAt: null, error: null });
    const shadow = await store.startShadowRun(ref, { definitionId: draft.id, startedAt: now, endsAt: new Date(Date.now() + sevenDays).toISOString(), startedBy: marker });
    const calibration = `cal_${ref.crm}_b`;
    await store.createCalibrationJob(ref, calibrationJob(calibration, marker, now));
    const sealed = credentialsSealer(chaosSecretKey).seal(`https://hooks.slack.com/services/T0B/B0B/${marker}`);
    await store.saveChannelSettings(ref, { slackUrl: sealed, teamsUrl: null, updatedBy: marker, updatedAt: now }, { tenant: ref, at: now, actor: marker, action: 'settings.channels_updated', recordId: null, detail: {} });
    return { record: recordId, draft: draft.id, version: published.version, backfill, shadow: shadow.id, calibration };
  }

  /** A's own ids, so the same requests can be shown to pass validation and lookup. */
  async function seedA(ref: TenantRef, recordId: string): Promise<Ids> {
    const { store } = stack.accord;
    const now = new Date().toISOString();
    const current = (await store.listDefinitions(ref)).filter((d) => d.status === 'published').reduce((max, d) => Math.max(max, d.version), 0);
    // Through the API, as the settings page saves it, so the draft is based on A's current version.
    const saved = await asTenantA(ref.crm, 'POST', { path: '/definitions/drafts', body: { definition: { ...defaultDefinition, name: 'A draft' }, basedOnVersion: current } });
    expect(saved.status).toBe(201);
    const draft = JSON.parse(saved.body) as { id: number };
    await store.commitDecisions(ref, [{ decision: decision({ ...ref, recordId, stage: 'sales_ready', ownerId: null }), writtenFields: [] }], {}, []);
    const backfill = `bf-${ref.crm}-a`;
    await store.createBackfill(ref, { id: backfill, definitionVersion: Math.max(current, 1), status: 'queued', total: 0, skipped: 0, enqueueDone: false, createdAt: now, startedAt: null, finishedAt: null, error: null });
    const shadow = await store.startShadowRun(ref, { definitionId: draft.id, startedAt: now, endsAt: new Date(Date.now() + sevenDays).toISOString(), startedBy: 'a' });
    const calibration = `cal_${ref.crm}_a`;
    await store.createCalibrationJob(ref, calibrationJob(calibration, 'a', now));
    return { record: recordId, draft: draft.id, version: current, backfill, shadow: shadow.id, calibration };
  }

  async function stateOf(ref: TenantRef, recordId: string): Promise<string> {
    const { store } = stack.accord;
    return JSON.stringify([
      await store.getTenant(ref),
      await store.listDefinitions(ref),
      await store.getPublishedDefinition(ref),
      await store.decisionHistory(ref, recordId),
      await store.listFeedback(ref),
      await store.listDraftApprovals(ref),
      await store.getRecordRejection(ref, recordId),
      await store.listBackfills(ref),
      await store.listShadowRuns(ref),
      await store.getCalibrationJob(ref, `cal_${ref.crm}_b`),
      await store.getChannelSettings(ref),
      await store.listAudit(ref, 1000),
    ]);
  }
  const bothB = async () => `${await stateOf(tenants.hubspot.b, tenants.hubspot.idsB.record)}|${await stateOf(tenants.salesforce.b, tenants.salesforce.idsB.record)}`;

  /** A CRM API call as tenant A proves itself in each CRM: HubSpot's v3 signature, Salesforce's per-org API key. */
  async function asTenantA(crm: CrmKind, method: string, attempt: Attempt): Promise<{ status: number; body: string }> {
    const body = attempt.body === undefined ? undefined : JSON.stringify(attempt.body);
    if (crm === 'hubspot') {
      const query = new URLSearchParams({ userId: '7000001', userEmail: 'a@tenant-a.example', appId: sandboxDefaults.appId, portalId: hubspotTenant.tenantId });
      const url = `${stack.accord.url}/api/hubspot${attempt.path}?${query}`;
      const timestamp = String(Date.now());
      const signature = signHubspotV3(sandboxDefaults.clientSecret, method, url, body ?? '', timestamp);
      const response = await fetch(url, { method, headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp }, body });
      return { status: response.status, body: await response.text() };
    }
    const response = await fetch(`${stack.accord.url}/api/salesforce${attempt.path}`, {
      method,
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${salesforceKey}`,
        'x-accord-org-id': salesforceA.tenantId,
        'x-accord-user-id': sfId('0055e000001RepA'),
        'x-accord-user-email': 'a@tenant-a.example',
      },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  beforeAll(async () => {
    stack = await startChaosStack({ crms: ['hubspot', 'salesforce'], onApp: (a) => (app = a) });
    salesforceA = { crm: 'salesforce', tenantId: stack.sandbox.state.salesforce.orgId };
    salesforceKey = await issueApiKey(stack.accord.store, salesforceA, new Date().toISOString());
    tenants.hubspot = {
      a: hubspotTenant,
      b: { crm: 'hubspot', tenantId: '99887766' },
      idsA: await seedA(hubspotTenant, '515151'),
      idsB: await seedB({ crm: 'hubspot', tenantId: '99887766' }, '424242'),
      unknown: { record: '900000001', draft: 987654, version: 0, backfill: 'bf-nobody', shadow: 987655, calibration: 'cal_nobody' },
    };
    tenants.salesforce = {
      a: salesforceA,
      b: { crm: 'salesforce', tenantId: sfId('00D5e0000000Bbb') },
      idsA: await seedA(salesforceA, sfId('00Q5e00000Aaaaa')),
      idsB: await seedB({ crm: 'salesforce', tenantId: sfId('00D5e0000000Bbb') }, sfId('00Q5e00000Bbbbb')),
      unknown: { record: sfId('00Q5e00000Zzzzz'), draft: 987654, version: 0, backfill: 'bf-nobody', shadow: 987655, calibration: 'cal_nobody' },
    };
  });
  afterAll(async () => {
    await stack.stop();
  });

  it('has an isolation case for every route of the CRM API router', () => {
    const routes = routesOf(createCrmApiRouter({} as CrmApiDeps, (_req, _res, next) => next()));
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => !(route in crmApiCases))).toEqual([]);
  });

  it.each(['hubspot', 'salesforce'] as const)('CRM API (%s): B\'s ids are answered as unknown ids, with valid bodies, and B is unchanged', async (crm) => {
    const { idsA, idsB, unknown } = tenants[crm];
    const before = await bothB();
    for (const route of Object.keys(crmApiCases)) {
      const method = route.split(' ')[0] as string;
      const make = crmApiCases[route] as (ids: Ids) => Attempt;
      const againstB = await asTenantA(crm, method, make(idsB));
      const label = `${crm} ${route}`;
      expect({ label, leaks: againstB.body.includes(marker) }).toEqual({ label, leaks: false });
      expect({ label, served: !againstB.body.includes('no route for') }).toEqual({ label, served: true });
      if (!namesNoId.has(route)) {
        // Exactly like an id nobody has: same status, same answer but for the id itself.
        const againstNobody = await asTenantA(crm, method, make(unknown));
        const masked = (text: string, ids: Ids) =>
          [ids.record, ids.backfill, ids.calibration, String(ids.draft), String(ids.shadow)].reduce((t, id) => t.replace(new RegExp(`\\b${id}\\b`, 'g'), 'ID'), text);
        expect({ label, status: againstB.status, body: masked(againstB.body, idsB) }).toEqual({ label, status: againstNobody.status, body: masked(againstNobody.body, unknown) });
        if (method !== 'GET') expect({ label, refused: [403, 404].includes(againstB.status) }).toEqual({ label, refused: true });
      }
      expect({ label, bUnchanged: (await bothB()) === before }).toEqual({ label, bUnchanged: true });
    }
    // The same bodies with A's own ids get past validation and lookup: the refusals above were the tenant check.
    for (const route of Object.keys(crmApiCases)) {
      const answer = await asTenantA(crm, route.split(' ')[0] as string, (crmApiCases[route] as (ids: Ids) => Attempt)(idsA));
      // 409 (publish before both sign-offs, a shadow already running), 422 not_enough_outcomes and 503 (A's record is
      // not in the sandbox CRM) come after validation and lookup.
      expect({ route: `${crm} ${route}`, refused: refusedBeforeLookup(answer.status, answer.body), answer: answer.status }).toMatchObject({ route: `${crm} ${route}`, refused: false });
    }
    expect(await bothB()).toBe(before);
  });

  it('dashboard: every route with A\'s signed link but B named is refused; A\'s own link shows none of B', async () => {
    const deps = { store: {}, clock: { now: Date.now }, logger: pino({ level: 'silent' }), access: { mode: 'signed', secretKey: chaosSecretKey } } as unknown as DashboardDeps;
    const routes = routesOf(createDashboardRouter(deps)).filter((route) => !route.includes('/assets/'));
    expect(routes).toEqual(expect.arrayContaining(['GET /', 'GET /api/summary', 'GET /api/leads', 'GET /api/export/:file']));
    const before = await bothB();
    for (const crm of ['hubspot', 'salesforce'] as const) {
      const { a, b } = tenants[crm];
      for (const route of routes) {
        const path = `/dashboard${route.split(' ')[1]?.replace(':file', 'leads.csv') ?? ''}`.replace(/\/$/, '');
        const link = signDashboardLink(chaosSecretKey, a, Math.floor(Date.now() / 1000) + 600);
        const own = await fetch(`${stack.accord.url}${path}?${new URLSearchParams({ ...link, drill: 'all/created' })}`);
        const ownBody = await own.text();
        expect({ crm, route, status: own.status, leaks: ownBody.includes(marker) }).toEqual({ crm, route, status: 200, leaks: false });
        const hijacked = new URLSearchParams({ ...link, drill: 'all/created' });
        hijacked.set('tenant', `${b.crm}:${b.tenantId}`);
        const other = await fetch(`${stack.accord.url}${path}?${hijacked}`);
        const otherBody = await other.text();
        expect({ crm, route, status: other.status, leaks: otherBody.includes(marker) }).toEqual({ crm, route, status: 401, leaks: false });
      }
    }
    expect(await bothB()).toBe(before);
  });

  it('webhooks: A\'s signed HubSpot batch and A\'s Salesforce outbound message naming B\'s records touch only A', async () => {
    expect(app).toBeDefined();
    const topLevel = routesOf((app as unknown as { router: Router }).router).filter((r) => r.includes('/webhooks/'));
    expect(topLevel.sort()).toEqual(['POST /webhooks/hubspot', 'POST /webhooks/salesforce/:orgToken']);
    const { store } = stack.accord;
    const before = await bothB();
    const processedBefore = stack.accord.stats.eventsProcessed;

    // HubSpot: a privacy deletion and a rejection for B's contact id, in A's portal.
    const hubspotUrl = `${stack.accord.url}/webhooks/hubspot`;
    const common = { subscriptionId: 9001, portalId: Number(hubspotTenant.tenantId), appId: Number(sandboxDefaults.appId), occurredAt: Date.now(), attemptNumber: 0, objectId: Number(tenants.hubspot.idsB.record) };
    const batch = JSON.stringify([
      { ...common, eventId: 5_000_001, subscriptionType: 'contact.privacyDeletion' },
      { ...common, eventId: 5_000_002, subscriptionType: 'contact.propertyChange', propertyName: 'accord_rejection_reason', propertyValue: 'no_budget', changeSource: 'CRM_UI', sourceId: 'userId:7000001' },
    ]);
    const timestamp = String(Date.now());
    const signature = signHubspotV3(sandboxDefaults.clientSecret, 'POST', hubspotUrl, batch, timestamp);
    const hubspotAnswer = await fetch(hubspotUrl, { method: 'POST', headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp }, body: batch });
    expect(hubspotAnswer.status).toBe(200);

    // Salesforce: A's org, naming B's lead id; then B's org id on A's endpoint.
    const salesforceUrl = stack.accord.salesforceOutboundUrl ?? '';
    const post = (body: string) => fetch(salesforceUrl, { method: 'POST', headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: '""' }, body });
    const ownOrg = await post(outboundMessageXml({ organizationId: tenants.salesforce.a.tenantId, notifications: [{ id: '04l5e000000Iso1A', fields: { Id: tenants.salesforce.idsB.record, Company: 'Hijack', LastName: 'Hijack' } }] }));
    expect(ownOrg.status).toBe(200);
    const otherOrg = await post(outboundMessageXml({ organizationId: tenants.salesforce.b.tenantId, notifications: [{ id: '04l5e000000Iso2A', fields: { Id: tenants.salesforce.idsB.record, Company: 'Hijack', LastName: 'Hijack' } }] }));
    expect(otherOrg.status).toBe(401);

    // Worked under A: A's audit has the privacy deletion of that id; B keeps its decisions, feedback and rejection.
    await waitFor(async () => ((await store.listAudit(hubspotTenant, 1000)).some((e) => e.action === 'record.privacy_deletion' && e.recordId === tenants.hubspot.idsB.record) ? true : undefined), 10_000, 'A\'s privacy deletion processed');
    // All three events (two HubSpot, one Salesforce) worked and acknowledged.
    await waitFor(
      async () => (stack.accord.stats.eventsProcessed >= processedBefore + 3 && (await store.inboxStats(new Date().toISOString())).pending === 0 ? true : undefined),
      10_000,
      'the three events worked',
    );
    expect(await bothB()).toBe(before);
    expect(await store.decisionHistory(tenants.hubspot.b, tenants.hubspot.idsB.record)).toHaveLength(1);
    expect(await store.decisionHistory(tenants.salesforce.b, tenants.salesforce.idsB.record)).toHaveLength(1);
  });
});
