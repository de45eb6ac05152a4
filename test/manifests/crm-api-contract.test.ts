import { join } from 'node:path';
import { z } from 'zod';
import type { Definition as CoreDefinition } from '../../src/core/definition';
import { createAccordClient } from '../../manifests/hubspot/src/app/shared/accord-api';
import type {
  BackfillView,
  CalibrationView,
  ChannelSettingsView,
  Definition,
  DefinitionsView,
  ErrorBody,
  OwnerView,
  PreviewView,
  PublishView,
  RecordView,
} from '../../manifests/hubspot/src/app/shared/accord-api';
import {
  approvalRequestSchema,
  backfillViewSchema,
  calibrateRequestSchema,
  calibrationViewSchema,
  channelSettingsRequestSchema,
  channelSettingsViewSchema,
  definitionsViewSchema,
  errorBodySchema,
  errorCodes,
  ownersViewSchema,
  previewRequestSchema,
  previewViewSchema,
  publishViewSchema,
  recordViewSchema,
  rejectionRequestSchema,
  saveDraftRequestSchema,
} from './crm-api-schemas';
import * as fixtures from './fixtures/crm-api-fixtures';
import { fakeAccordFetch } from './fixtures/fake-accord-fetch';
import { readText, repoRoot } from './read-manifest';

// Compile-time: what the schemas accept is what the pages' types describe (npm run typecheck fails otherwise).
type Accepts<Page, Wire extends Page> = Wire;
export type ContractTypes = [
  Accepts<RecordView, z.output<typeof recordViewSchema>>,
  Accepts<DefinitionsView, z.output<typeof definitionsViewSchema>>,
  Accepts<PreviewView, z.output<typeof previewViewSchema>>,
  Accepts<BackfillView, z.output<typeof backfillViewSchema>>,
  Accepts<PublishView, z.output<typeof publishViewSchema>>,
  Accepts<CalibrationView, z.output<typeof calibrationViewSchema>>,
  Accepts<{ owners: OwnerView[] }, z.output<typeof ownersViewSchema>>,
  Accepts<ErrorBody, z.output<typeof errorBodySchema>>,
  Accepts<ChannelSettingsView, z.output<typeof channelSettingsViewSchema>>,
  Accepts<Definition, CoreDefinition>,
];

const doc = readText(join(repoRoot, 'docs', 'crm-api.md'));
/** POST …/publish takes an empty object. */
const publishBody = z.object({}).strict();

const endpoints = [
  'GET /api/{crm}/records/{recordId}',
  'POST /api/{crm}/records/{recordId}/rejection',
  'GET /api/{crm}/definitions',
  'POST /api/{crm}/definitions/drafts',
  'POST /api/{crm}/definitions/preview',
  'POST /api/{crm}/definitions/{draftId}/approvals',
  'POST /api/{crm}/definitions/{draftId}/publish',
  'GET /api/{crm}/backfills/{backfillId}',
  'GET /api/{crm}/owners',
  'POST /api/{crm}/definitions/calibrate',
  'GET /api/{crm}/calibrations/{calibrationId}',
  'GET /api/{crm}/settings/channels',
  'PUT /api/{crm}/settings/channels',
];

describe('Accord CRM API contract (docs/crm-api.md)', () => {
  it('documents every endpoint the pages call, for HubSpot and Salesforce', () => {
    for (const endpoint of endpoints) expect(doc).toContain(endpoint);
    expect(doc).toContain('/api/hubspot/');
    expect(doc).toContain('/api/salesforce/');
    expect(doc).toContain('X-HubSpot-Signature-v3');
    expect(doc).toContain('X-Accord-Org-Id');
  });

  it('documents every error code the schemas allow', () => {
    for (const [status, codes] of Object.entries(errorCodes)) {
      for (const code of codes) expect([status, doc.includes(`\`${code}\``)]).toEqual([status, true]);
    }
  });

  it('accepts the example answers the UI tests use', () => {
    const cases: Array<[string, z.ZodType, unknown]> = [
      ['recordSalesReady', recordViewSchema, fixtures.recordSalesReady],
      ['recordUnscored', recordViewSchema, fixtures.recordUnscored],
      ['recordRejected', recordViewSchema, fixtures.recordRejected],
      ['definitionsPublished', definitionsViewSchema, fixtures.definitionsPublished],
      ['definitionsWithDraft', definitionsViewSchema, fixtures.definitionsWithDraft],
      ['owners', ownersViewSchema, fixtures.owners],
      ['preview', previewViewSchema, fixtures.preview],
      ['backfillRunning', backfillViewSchema, fixtures.backfillRunning],
      ['backfillDone', backfillViewSchema, fixtures.backfillDone],
      ['published', publishViewSchema, fixtures.published],
      ['calibrationQueued', calibrationViewSchema, fixtures.calibrationQueued],
      ['calibrationReading', calibrationViewSchema, fixtures.calibrationReading],
      ['calibrationDone', calibrationViewSchema, fixtures.calibrationDone],
      ['calibrationTooFew', calibrationViewSchema, fixtures.calibrationTooFew],
      ['staleBase', errorBodySchema, fixtures.staleBase],
      ['approvalsMissing', errorBodySchema, fixtures.approvalsMissing],
      ['recordNotRejectable', errorBodySchema, fixtures.recordNotRejectable],
      ['channelsNone', channelSettingsViewSchema, fixtures.channelsNone],
      ['channelsSlack', channelSettingsViewSchema, fixtures.channelsSlack],
      ['invalidChannels', errorBodySchema, fixtures.invalidChannels],
    ];
    for (const [name, schema, value] of cases) {
      const parsed = schema.safeParse(value);
      expect([name, parsed.success ? 'ok' : parsed.error.issues]).toEqual([name, 'ok']);
    }
  });

  it('accepts exactly the requests the HubSpot pages send', async () => {
    const api = fakeAccordFetch({});
    const client = createAccordClient(api.fetch);
    const definition = fixtures.definitionAt(3);
    await Promise.allSettled([
      client.reject('1501', 'no_budget', 'Q3'),
      client.reject('1501', 'student', null),
      client.saveDraft(definition, 3),
      client.preview({ draftId: 41 }),
      client.preview({ definition }),
      client.approve(41, 'sales'),
      client.publish(41),
      client.calibrate({}),
      client.calibrate({ holdout: 0.2 }),
      client.saveChannelSettings({ slackWebhookUrl: 'https://hooks.slack.com/services/T000/B000/XXXX' }),
      client.saveChannelSettings({ teamsWebhookUrl: 'https://contoso.webhook.office.com/webhookb2/a/IncomingWebhook/b/c', slackWebhookUrl: null }),
    ]);
    const bodies = api.calls.map((c) => [`${c.method} ${c.path}`, c.body]);
    const schemaFor = (key: string): z.ZodType => {
      if (key.endsWith('/rejection')) return rejectionRequestSchema;
      if (key.endsWith('/drafts')) return saveDraftRequestSchema;
      if (key.endsWith('/preview')) return previewRequestSchema;
      if (key.endsWith('/approvals')) return approvalRequestSchema;
      if (key.endsWith('/calibrate')) return calibrateRequestSchema;
      if (key.endsWith('/settings/channels')) return channelSettingsRequestSchema;
      return publishBody;
    };
    expect(bodies).toHaveLength(11);
    for (const [key, body] of bodies) {
      const parsed = schemaFor(String(key)).safeParse(body);
      expect([key, parsed.success ? 'ok' : parsed.error.issues]).toEqual([key, 'ok']);
    }
  });

  it('refuses what the server must refuse', () => {
    expect(rejectionRequestSchema.safeParse({ reason: 'too_expensive' }).success).toBe(false);
    expect(rejectionRequestSchema.safeParse({ reason: 'other', note: 'x'.repeat(2001) }).success).toBe(false);
    expect(approvalRequestSchema.safeParse({ role: 'finance' }).success).toBe(false);
    expect(calibrateRequestSchema.safeParse({ holdout: 0.9 }).success).toBe(false);
    expect(calibrateRequestSchema.safeParse({ tenant: 'hubspot:1' }).success).toBe(false);
    expect(channelSettingsRequestSchema.safeParse({}).success).toBe(false);
    expect(channelSettingsRequestSchema.safeParse({ slackWebhookUrl: 'https://hooks.slack.com.evil.example/services/x' }).success).toBe(false);
    expect(channelSettingsRequestSchema.safeParse({ teamsWebhookUrl: 'http://127.0.0.1:9000/hook' }).success).toBe(false);
    expect(channelSettingsRequestSchema.safeParse({ slackWebhookUrl: 'https://hooks.slack.com/services/x', url: 'x' }).success).toBe(false);
    expect(previewRequestSchema.safeParse({ draftId: 41, definition: fixtures.definitionAt(3) }).success).toBe(false);
    const bad = { ...fixtures.definitionAt(3), thresholds: { mql: 80, salesReady: 70 } };
    const refused = saveDraftRequestSchema.safeParse({ definition: bad, basedOnVersion: 3 });
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.path.slice(0, 2)).toEqual(['definition', 'thresholds']);
  });
});
