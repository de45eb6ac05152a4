import {
  Alert,
  Button,
  ErrorState,
  Input,
  List,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  ProgressBar,
  StatusTag,
  Table,
  TableCell,
  TableRow,
  Text,
  TextArea,
  Toggle,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { trigger } from '../../../../../test/manifests/fixtures/trigger';
import { fakeAccordFetch, pendingFetch } from '../../../../../test/manifests/fixtures/fake-accord-fetch';
import type { FetchCall } from '../../../../../test/manifests/fixtures/fake-accord-fetch';
import {
  approvalsMissing,
  backfillDone,
  calibrationDone,
  calibrationQueued,
  calibrationReading,
  calibrationTooFew,
  channelsNone,
  backfillRunning,
  definitionsPublished,
  definitionsWithDraft,
  owners,
  preview,
  published,
  staleBase,
} from '../../../../../test/manifests/fixtures/crm-api-fixtures';
import { createAccordClient } from '../shared/accord-api';
import type { Definition, DefinitionsView, DraftView } from '../shared/accord-api';
import { AccordSettings } from './AccordSettings';
import { definitionProblems, parseDomainList, setPoolMembers, toggleDisqualifier } from './definition-edits';

const priya = { id: '9003', email: 'priya.shah@example.com' };

function draftFrom(call: FetchCall, id = 42): DraftView {
  return {
    id,
    basedOnVersion: call.body?.basedOnVersion as number,
    definition: call.body?.definition as Definition,
    createdBy: priya,
    createdAt: '2025-04-01T08:00:00.000Z',
    approvals: [],
    publishable: false,
    blockers: ['waiting for the sales and marketing sign-offs'],
  };
}

function renderSettings(routes: Parameters<typeof fakeAccordFetch>[0], defs: DefinitionsView | DefinitionsView[] = definitionsPublished) {
  const api = fakeAccordFetch({
    'GET /api/hubspot/definitions': Array.isArray(defs) ? defs.map((body) => ({ status: 200, body })) : { status: 200, body: defs },
    'GET /api/hubspot/owners': { status: 200, body: owners },
    'GET /api/hubspot/settings/channels': { status: 200, body: channelsNone },
    ...routes,
  });
  const renderer = createRenderer('settings');
  renderer.render(<AccordSettings client={createAccordClient(api.fetch)} pollMs={5} />);
  return { ...renderer, calls: api.calls, posts: () => api.calls.filter((c) => c.method === 'POST') };
}

type Renderer = ReturnType<typeof renderSettings>;

async function ready(r: Renderer) {
  await r.waitFor(() => r.findByTestId(LoadingButton, 'publish'));
}

describe('Accord settings page', () => {
  it('shows a spinner while loading', () => {
    const renderer = createRenderer('settings');
    renderer.render(<AccordSettings client={createAccordClient(pendingFetch)} />);
    expect(renderer.find(LoadingSpinner).props.label).toBe('Loading the qualification definition');
  });

  it('loads the live definition, owners and history', async () => {
    const r = renderSettings({});
    await ready(r);
    // The team channels tile loads its own settings once the page is there.
    await r.waitFor(() => expect(r.calls.map((c) => `${c.method} ${c.path}`).sort()).toEqual(['GET /api/hubspot/definitions', 'GET /api/hubspot/owners', 'GET /api/hubspot/settings/channels']));
    expect(r.findByTestId(Text, 'live-version').text).toBe('Live: version 3. Published by sam.okafor@example.com on 2025-03-02 08:00 UTC.');
    expect(r.findByTestId(NumberInput, 'criterion-title_match').props.value).toBe(30);
    expect(r.findByTestId(NumberInput, 'criterion-company_size').props.value).toBe(25);
    expect(r.findByTestId(NumberInput, 'intent-max').props.value).toBe(35);
    expect(r.findByTestId(NumberInput, 'threshold-mql').props.value).toBe(40);
    expect(r.findByTestId(NumberInput, 'threshold-sales-ready').props.value).toBe(70);
    expect(r.findByTestId(NumberInput, 'sla-hot').props.value).toBe(1);
    expect(r.findByTestId(NumberInput, 'sla-standard').props.value).toBe(24);
    expect(r.findByTestId(Text, 'points-available').text).toBe('Points available: 100 (scores are shown out of 100).');
    const toggles = r.findAll(Toggle);
    expect(toggles.map((t) => t.props.name)).toEqual(definitionsPublished.catalog.disqualifiers.map((q) => `disqualifier-${q.id}`));
    expect(toggles.every((t) => t.props.checked === true)).toBe(true);
    expect(r.findByTestId(TextArea, 'free-mail-domains').props.defaultValue).toContain('gmail.com');
    expect(r.findByTestId(MultiSelect, 'pool-west-members').props.options.map((o) => o.value)).toEqual(['77', '78', '79']);
    expect(r.findByTestId(Input, 'pool-west-team').props.defaultValue).toBe('West');

    const rows = r.findByTestId(Table, 'history').findAll(TableRow).slice(1);
    expect(rows.map((row) => row.findAll(TableCell).map((c) => c.text))).toEqual([
      ['v3 (live)', 'sam.okafor@example.com', '2025-03-02 08:00 UTC', 'Sales: sam.okafor@example.com, Marketing: priya.shah@example.com'],
      ['v2', 'sam.okafor@example.com', '2025-02-02 08:00 UTC', 'Sales: sam.okafor@example.com, Marketing: priya.shah@example.com'],
      ['v1', 'priya.shah@example.com', '2025-01-02 08:00 UTC', 'Sales: sam.okafor@example.com, Marketing: priya.shah@example.com'],
    ]);
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
    expect(r.findByTestId(LoadingButton, 'save-draft').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'publish-blockers').text).toBe('Save the draft first.');
  });

  it('shows a load error and retries', async () => {
    const r = renderSettings({
      'GET /api/hubspot/definitions': [
        { status: 403, body: { error: 'not_installed', message: 'Accord is not installed in this HubSpot account.' } },
        { status: 200, body: definitionsPublished },
      ],
    });
    await r.waitFor(() => expect(r.find(ErrorState).find(Text).text).toBe('Accord is not installed in this HubSpot account.'));
    r.findByTestId(Button, 'load-retry').trigger('onClick');
    await ready(r);
  });

  it('saves edited weights, thresholds, lists, pools and SLA targets as a new draft based on the live version', async () => {
    const r = renderSettings({ 'POST /api/hubspot/definitions/drafts': (call) => ({ status: 201, body: draftFrom(call) }) });
    await ready(r);
    trigger(r.findByTestId(NumberInput, 'criterion-title_match'), 'onChange', 35);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'criterion-title_match').props.value).toBe(35));
    trigger(r.findByTestId(NumberInput, 'signal-demo_request'), 'onChange', 25);
    trigger(r.findByTestId(NumberInput, 'threshold-sales-ready'), 'onChange', 75);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'threshold-sales-ready').props.value).toBe(75));
    trigger(r.findByTestId(NumberInput, 'sla-hot'), 'onChange', 2);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'sla-hot').props.value).toBe(2));
    trigger(r.findByTestId(TextArea, 'competitor-domains'), 'onChange', 'Rival.com\n@other-rival.io, rival.com');
    await r.waitFor(() => expect(r.findByTestId(TextArea, 'competitor-domains').props.label).toBe('Competitor domains (2)'));
    trigger(r.findByTestId(MultiSelect, 'pool-west-members'), 'onChange', ['77', '79']);
    await r.waitFor(() => expect(r.findByTestId(MultiSelect, 'pool-west-members').props.value).toEqual(['77', '79']));
    trigger(r.findByTestId(Input, 'pool-east-team'), 'onChange', ' East Coast ');

    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save-draft').props.disabled).toBe(false));
    expect(r.findByTestId(Text, 'draft-state').text).toBe('Editing a copy of the live version. Save it as a draft to collect sign-offs.');
    expect(r.findByTestId(LoadingButton, 'approve-sales').props.disabled).toBe(true);
    r.findByTestId(LoadingButton, 'save-draft').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'notice').text).toMatch(/Draft saved/));

    const [save] = r.posts();
    expect(save?.path).toBe('/api/hubspot/definitions/drafts');
    expect(save?.body?.basedOnVersion).toBe(3);
    const sent = save?.body?.definition as Definition;
    const live = definitionsPublished.current.definition;
    expect(sent.criteria.find((c) => c.id === 'title_match')?.points).toBe(35);
    expect(sent.intent.signals.find((s) => s.id === 'demo_request')?.points).toBe(25);
    expect(sent.thresholds).toEqual({ mql: 40, salesReady: 75 });
    expect(sent.sla).toEqual({ ...live.sla, hotHours: 2 });
    expect(sent.competitorDomains).toEqual(['rival.com', 'other-rival.io']);
    expect(sent.freeMailDomains).toEqual(live.freeMailDomains);
    expect(sent.routing.pools.find((p) => p.id === 'west')?.members).toEqual([
      { ownerId: '77', weight: 1 },
      { ownerId: '79', weight: 1 },
    ]);
    expect(sent.routing.pools.find((p) => p.id === 'east')?.team).toBe('East Coast');
    expect(sent.disqualifiers).toEqual(live.disqualifiers);
    expect(sent.routing.territories).toEqual(live.routing.territories);

    expect(r.findByTestId(Text, 'draft-state').text).toBe('Draft #42, based on version 3, by priya.shah@example.com.');
    expect(r.findByTestId(LoadingButton, 'save-draft').props.disabled).toBe(true);
    expect(r.findByTestId(LoadingButton, 'approve-sales').props.disabled).toBe(false);
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
  });

  it('turns disqualifiers off and back on, keeping the catalog order', async () => {
    const r = renderSettings({ 'POST /api/hubspot/definitions/drafts': (call) => ({ status: 201, body: draftFrom(call) }) });
    await ready(r);
    const ids = definitionsPublished.catalog.disqualifiers.map((q) => q.id);
    trigger(r.findByTestId(Toggle, 'disqualifier-free_mail'), 'onChange', false);
    await r.waitFor(() => expect(r.findByTestId(Toggle, 'disqualifier-free_mail').props.checked).toBe(false));
    trigger(r.findByTestId(Toggle, 'disqualifier-competitor'), 'onChange', false);
    await r.waitFor(() => expect(r.findByTestId(Toggle, 'disqualifier-competitor').props.checked).toBe(false));
    trigger(r.findByTestId(Toggle, 'disqualifier-free_mail'), 'onChange', true);
    await r.waitFor(() => expect(r.findByTestId(Toggle, 'disqualifier-free_mail').props.checked).toBe(true));
    r.findByTestId(LoadingButton, 'save-draft').trigger('onClick');
    await r.waitFor(() => expect(r.posts()).toHaveLength(1));
    const sent = r.posts()[0]?.body?.definition as Definition;
    expect(sent.disqualifiers.map((q) => q.id)).toEqual(ids.filter((id) => id !== 'competitor'));
  });

  it('blocks saving while the MQL threshold is above the sales-ready threshold', async () => {
    const r = renderSettings({});
    await ready(r);
    trigger(r.findByTestId(NumberInput, 'threshold-mql'), 'onChange', 80);
    await r.waitFor(() => expect(r.findByTestId(NumberInput, 'threshold-mql').props.error).toBe(true));
    expect(r.findByTestId(Alert, 'problems').text).toContain('The MQL threshold must not be above the sales-ready threshold');
    expect(r.findByTestId(LoadingButton, 'save-draft').props.disabled).toBe(true);
    expect(r.findByTestId(LoadingButton, 'preview').props.disabled).toBe(true);
  });

  it('previews unsaved edits by definition and a saved draft by id, with stage changes and owner load', async () => {
    const r = renderSettings(
      { 'POST /api/hubspot/definitions/preview': { status: 200, body: preview } },
      definitionsWithDraft,
    );
    await ready(r);
    r.findByTestId(LoadingButton, 'preview').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Text, 'preview-summary').text).toBe('87 of 1200 existing leads would change stage.'));
    expect(r.posts()[0]?.body).toEqual({ draftId: 41 });
    expect(r.posts()[0]?.timeout).toBe(60000);
    expect(r.findByTestId(List, 'preview-transitions').findAll(Text).map((t) => t.text)).toEqual([
      '60 from Marketing qualified to Nurture',
      '27 from Sales ready to Marketing qualified',
    ]);
    const load = r.findByTestId(Table, 'preview-owner-load').findAll(TableRow).slice(1);
    expect(load.map((row) => row.findAll(TableCell).map((c) => c.text))).toEqual([
      ['Maria Lopez', '80', '64 (-16)'],
      ['Sam Okafor', '70', '59 (-11)'],
      ['Unrouted', '0', '0 (0)'],
    ]);

    trigger(r.findByTestId(NumberInput, 'threshold-mql'), 'onChange', 50);
    await r.waitFor(() => expect(r.maybeFindByTestId(Text, 'preview-summary')).toBeNull());
    r.findByTestId(LoadingButton, 'preview').trigger('onClick');
    await r.waitFor(() => expect(r.posts()).toHaveLength(2));
    const body = r.posts()[1]?.body as { definition: Definition };
    expect(Object.keys(body)).toEqual(['definition']);
    expect(body.definition.thresholds).toEqual({ mql: 50, salesReady: 75 });
  });

  it('shows who signed off, collects the missing sign-off and only then enables Publish', async () => {
    const draft = definitionsWithDraft.draft as DraftView;
    const bothSigned: DraftView = {
      ...draft,
      approvals: [...draft.approvals, { role: 'marketing', approver: priya, approvedAt: '2025-04-01T09:30:00.000Z' }],
      publishable: true,
      blockers: [],
    };
    const r = renderSettings({ 'POST /api/hubspot/definitions/41/approvals': { status: 200, body: bothSigned } }, definitionsWithDraft);
    await ready(r);
    expect(r.findByTestId(StatusTag, 'approval-sales').text).toBe('Sales: signed by sam.okafor@example.com, 2025-04-01 09:00 UTC');
    expect(r.findByTestId(StatusTag, 'approval-marketing').text).toBe('Marketing: waiting');
    expect(r.maybeFindByTestId(LoadingButton, 'approve-sales')).toBeNull();
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
    expect(r.findByTestId(Text, 'publish-blockers').text).toBe('Waiting for the marketing sign-off.');

    r.findByTestId(LoadingButton, 'approve-marketing').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(false));
    expect(r.posts()).toEqual([{ method: 'POST', path: '/api/hubspot/definitions/41/approvals', body: { role: 'marketing' }, timeout: undefined }]);
    expect(r.findByTestId(StatusTag, 'approval-marketing').text).toBe('Marketing: signed by priya.shah@example.com, 2025-04-01 09:30 UTC');

    // Any edit is a different draft: the sign-offs no longer apply and Publish is off again.
    trigger(r.findByTestId(NumberInput, 'sla-standard'), 'onChange', 12);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true));
    expect(r.findByTestId(StatusTag, 'approval-sales').text).toBe('Sales: waiting');
    expect(r.findByTestId(Text, 'publish-blockers').text).toBe('Save the draft first.');
  });

  it('publishes, then follows the background re-scoring to the end and reloads the history', async () => {
    const draft = definitionsWithDraft.draft as DraftView;
    const signed: DefinitionsView = {
      ...definitionsWithDraft,
      draft: {
        ...draft,
        approvals: [...draft.approvals, { role: 'marketing', approver: priya, approvedAt: '2025-04-01T09:30:00.000Z' }],
        publishable: true,
        blockers: [],
      },
    };
    const afterPublish: DefinitionsView = {
      ...definitionsPublished,
      current: { version: 4, definition: { ...draft.definition, version: 4 } },
      versions: [published.version, ...definitionsPublished.versions],
    };
    const r = renderSettings(
      {
        'POST /api/hubspot/definitions/41/publish': { status: 201, body: published },
        'GET /api/hubspot/backfills/bf-4': [
          { status: 200, body: backfillRunning },
          { status: 200, body: backfillDone },
        ],
      },
      [signed, afterPublish],
    );
    await ready(r);
    expect(r.findByTestId(Text, 'publish-blockers').text).toBe('Ready: publishing re-scores every open lead.');
    r.findByTestId(LoadingButton, 'publish').trigger('onClick');

    await r.waitFor(() => expect(r.findByTestId(ProgressBar, 'backfill-progress').props.value).toBe(300));
    expect(r.findByTestId(ProgressBar, 'backfill-progress').props.valueDescription).toBe('300 of 1200 (40 changed)');
    expect(r.findByTestId(Text, 'live-version').text).toMatch(/^Live: version 4\./);
    expect(r.findByTestId(Alert, 'notice').text).toBe('Version 4 is live. Accord is re-scoring every open lead in the background.');

    await r.waitFor(() => expect(r.findByTestId(Alert, 'backfill-done').text).toBe('1200 leads re-scored, 87 changed.'));
    const backfillPolls = r.calls.filter((c) => c.path === '/api/hubspot/backfills/bf-4');
    expect(backfillPolls.length).toBeGreaterThanOrEqual(2);
    expect(r.posts().map((c) => c.path)).toEqual(['/api/hubspot/definitions/41/publish']);
    expect(r.findByTestId(Table, 'history').findAll(TableRow)[1]?.findAll(TableCell)[0]?.text).toBe('v4 (live)');
    expect(r.findByTestId(LoadingButton, 'publish').props.disabled).toBe(true);
  });

  it("shows Accord's refusal to publish", async () => {
    const draft = definitionsWithDraft.draft as DraftView;
    const signed: DefinitionsView = {
      ...definitionsWithDraft,
      draft: { ...draft, approvals: [...draft.approvals, { role: 'marketing', approver: priya, approvedAt: '2025-04-01T09:30:00.000Z' }] },
    };
    const r = renderSettings({ 'POST /api/hubspot/definitions/41/publish': { status: 409, body: approvalsMissing } }, signed);
    await ready(r);
    r.findByTestId(LoadingButton, 'publish').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'failure').props.title).toBe('The definition was not published'));
    expect(r.findByTestId(Alert, 'failure').text).toContain(approvalsMissing.message);
  });

  it('shows what Accord refused in a draft, and a stale base', async () => {
    const r = renderSettings({
      'POST /api/hubspot/definitions/drafts': [
        {
          status: 422,
          body: {
            error: 'invalid_definition',
            message: 'The definition is not valid.',
            issues: [{ path: ['definition', 'freeMailDomains', 3], message: 'Too small: expected string to have >=3 characters' }],
          },
        },
        { status: 409, body: staleBase },
      ],
    });
    await ready(r);
    trigger(r.findByTestId(NumberInput, 'criterion-verified_contact'), 'onChange', 5);
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'save-draft').props.disabled).toBe(false));
    r.findByTestId(LoadingButton, 'save-draft').trigger('onClick');
    await r.waitFor(() =>
      expect(r.findByTestId(Alert, 'failure').text).toBe(
        'The definition is not valid. definition.freeMailDomains.3: Too small: expected string to have >=3 characters',
      ),
    );
    r.findByTestId(LoadingButton, 'save-draft').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'failure').text).toBe(staleBase.message));
  });

  it('sets aside a draft based on an older version', async () => {
    const draft = definitionsWithDraft.draft as DraftView;
    const r = renderSettings({}, { ...definitionsWithDraft, draft: { ...draft, basedOnVersion: 2 } });
    await ready(r);
    expect(r.findByTestId(Alert, 'stale-draft').text).toContain('Draft #41 was based on version 2; version 3 has been published since.');
    expect(r.findByTestId(NumberInput, 'threshold-mql').props.value).toBe(40);
    expect(r.findByTestId(StatusTag, 'approval-sales').text).toBe('Sales: waiting');
  });
});

describe('definition edits', () => {
  const live = definitionsPublished.current.definition;

  it('find nothing wrong with the default definition (its free-mail list included)', () => {
    expect(definitionProblems(live)).toEqual([]);
  });

  it('read domain lists one per line or comma, lower-cased, without "@" or repeats', () => {
    expect(parseDomainList(' Gmail.com,\n@Yahoo.com ; gmail.com\n\n')).toEqual(['gmail.com', 'yahoo.com']);
    expect(definitionProblems({ ...live, competitorDomains: ['rival'] })).toEqual(['Not a domain (competitor list): rival']);
  });

  it('keep a pool member’s weight and start new members at 1', () => {
    const weighted = { ...live, routing: { ...live.routing, pools: live.routing.pools.map((p) => (p.id === 'west' ? { ...p, members: [{ ownerId: '77', weight: 3 }] } : p)) } };
    const next = setPoolMembers(weighted, 'west', ['78', '77']);
    expect(next.routing.pools.find((p) => p.id === 'west')?.members).toEqual([
      { ownerId: '78', weight: 1 },
      { ownerId: '77', weight: 3 },
    ]);
    expect(weighted.routing.pools.find((p) => p.id === 'west')?.members).toEqual([{ ownerId: '77', weight: 3 }]);
  });

  it('never re-add a disqualifier the catalog does not know', () => {
    expect(toggleDisqualifier(live, [], 'made_up', true)).toBe(live);
  });
});

describe('Accord settings page: learn from outcomes', () => {
  it('starts a calibration, follows it, shows learned against live, and opens the learned draft for review', async () => {
    const learned = calibrationDone.result?.draft;
    if (!learned) throw new Error('the fixture has a draft');
    const r = renderSettings(
      {
        'POST /api/hubspot/definitions/calibrate': { status: 202, body: calibrationQueued },
        [`GET /api/hubspot/calibrations/${calibrationQueued.id}`]: [
          { status: 200, body: calibrationReading },
          { status: 200, body: calibrationDone },
        ],
      },
      [definitionsPublished, { ...definitionsPublished, draft: learned }],
    );
    await ready(r);
    r.findByTestId(LoadingButton, 'calibrate').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(ProgressBar, 'calibration-progress').props.valueDescription).toBe('Reading outcomes: 1400 so far'));
    await r.waitFor(() => expect(r.findByTestId(Text, 'calibration-summary').text).toBe('Learned from 2380 outcomes (610 won), saved as draft #43.'));
    expect(r.posts().map((c) => [c.path, c.body])).toEqual([['/api/hubspot/definitions/calibrate', {}]]);

    const rows = r.findByTestId(Table, 'calibration-figures').findAll(TableRow).slice(1);
    expect(rows.map((row) => row.findAll(TableCell).map((c) => c.text))).toEqual([
      ['AUC (ranking, higher is better)', '0.812', '0.655'],
      ['Calibration error (lower is better)', '0.031', '0.048'],
      ['Brier score (lower is better)', '0.142', '0.178'],
    ]);
    expect(r.findByTestId(Text, 'calibration-blend').text).toBe('86 % of each score comes from the learned points, the rest from the live definition (few outcomes).');
    expect(r.findByTestId(Text, 'calibration-leaky').text).toContain('lifecyclestage, hs_lead_status, hubspot_owner_id, accord_rejection_reason');
    expect(r.findByTestId(LoadingButton, 'calibrate').props.disabled).toBe(false);

    // The learned draft goes through the same preview, sign-offs and publishing as any draft.
    r.findByTestId(Button, 'calibration-review').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Text, 'draft-state').text).toBe('Draft #43, based on version 3, by maria.lopez@example.com.'));
    expect(r.calls.filter((c) => c.path === '/api/hubspot/definitions')).toHaveLength(2);
    expect(r.findByTestId(LoadingButton, 'approve-sales').props.disabled).toBe(false);
    expect(r.findByTestId(Text, 'calibration-summary').text).toContain('draft #43');
  });

  it('says why nothing was learned when the CRM has too few outcomes', async () => {
    const r = renderSettings({
      'POST /api/hubspot/definitions/calibrate': { status: 202, body: calibrationQueued },
      [`GET /api/hubspot/calibrations/${calibrationQueued.id}`]: { status: 200, body: calibrationTooFew },
    });
    await ready(r);
    r.findByTestId(LoadingButton, 'calibrate').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'calibration-failed').text).toContain('learning needs at least 20'));
    expect(r.findByTestId(Alert, 'calibration-failed').props.variant).toBe('warning');
    expect(r.maybeFindByTestId(Button, 'calibration-review')).toBeNull();
  });

  it('shows Accord’s refusal when the calibration cannot start', async () => {
    const r = renderSettings({
      'POST /api/hubspot/definitions/calibrate': { status: 422, body: { error: 'invalid_calibration', message: 'the calibration request is not valid' } },
    });
    await ready(r);
    r.findByTestId(LoadingButton, 'calibrate').trigger('onClick');
    await r.waitFor(() => expect(r.findByTestId(Alert, 'failure').props.title).toBe('Learning from outcomes did not start'));
    expect(r.findByTestId(Alert, 'failure').text).toContain('the calibration request is not valid');
  });
});
