import {
  Alert,
  Button,
  EmptyState,
  ErrorState,
  List,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  Select,
  StatusTag,
  Tag,
  Text,
  TextArea,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { trigger } from '../../../../../test/manifests/fixtures/trigger';
import { fakeAccordFetch, pendingFetch } from '../../../../../test/manifests/fixtures/fake-accord-fetch';
import {
  recordNotRejectable,
  recordRejected,
  recordSalesReady,
  recordUnscored,
} from '../../../../../test/manifests/fixtures/crm-api-fixtures';
import { createAccordClient } from '../shared/accord-api';
import { rejectionReasonLabels, rejectionReasons } from '../shared/accord-taxonomy';
import { AccordCard } from './AccordCard';

function renderCard(routes: Parameters<typeof fakeAccordFetch>[0], recordId = '1501') {
  const api = fakeAccordFetch(routes);
  const renderer = createRenderer('crm.record.tab');
  renderer.render(<AccordCard recordId={recordId} client={createAccordClient(api.fetch)} />);
  return { ...renderer, calls: api.calls };
}

describe('Accord record card', () => {
  it('shows a spinner while the decision loads', () => {
    const renderer = createRenderer('crm.record.tab');
    renderer.render(<AccordCard recordId="1501" client={createAccordClient(pendingFetch)} />);
    expect(renderer.find(LoadingSpinner).props.label).toBe("Loading Accord's decision");
  });

  it('loads the decision with GET /api/hubspot/records/{objectId} and shows score, stage, owner, SLA, why and version', async () => {
    const { find, findByTestId, waitFor, calls } = renderCard({ 'GET /api/hubspot/records/1501': { status: 200, body: recordSalesReady } });
    await waitFor(() => expect(find(ProgressBar).props.value).toBe(82));

    expect(calls).toEqual([{ method: 'GET', path: '/api/hubspot/records/1501', body: undefined, timeout: undefined }]);
    expect(find(ProgressBar).props.maxValue).toBe(100);
    expect(find(ProgressBar).props.variant).toBe('success');
    expect(find(ProgressBar).props.valueDescription).toBe('82 of 100 (fit 65, intent 17)');
    expect(findByTestId(Tag, 'card-stage').text).toBe('Sales ready');
    expect(findByTestId(Text, 'card-owner').text).toBe('Maria Lopez');
    expect(findByTestId(Text, 'card-sla-due').text).toBe('2025-03-05 09:00 UTC');
    expect(findByTestId(StatusTag, 'card-sla-state').text).toBe('Due soon');
    expect(findByTestId(StatusTag, 'card-sla-state').props.variant).toBe('warning');
    expect(findByTestId(Text, 'card-definition-version').text).toBe('v3');
    expect(findByTestId(Text, 'card-why-verdict').text).toBe(
      'Sales ready (score 82/100): VP Sales at a 120-person company who requested a demo.',
    );
    const bullets = findByTestId(List, 'card-why-bullets').findAll(Text).map((t) => t.text);
    expect(bullets).toEqual([
      '+ Title match (30): title VP Sales',
      '+ Company size 50–500 (25): employees 120',
      '+ Demo request (17): 1 demo request, 12 days ago',
      '+ Verified contact (10): business email and phone',
      'Routed to Maria Lopez (territory West, round robin).',
    ]);
  });

  it('offers every rejection reason of the taxonomy, in order, with its label', async () => {
    const { findByTestId, waitFor } = renderCard({ 'GET /api/hubspot/records/1501': { status: 200, body: recordSalesReady } });
    await waitFor(() => findByTestId(Select, 'rejection-reason'));
    expect(findByTestId(Select, 'rejection-reason').props.options).toEqual(
      rejectionReasons.map((value) => ({ value, label: rejectionReasonLabels[value] })),
    );
    expect(findByTestId(TextArea, 'rejection-note').props.maxLength).toBe(2000);
  });

  it('shows an empty state for a contact Accord has not scored yet, without a rejection form', async () => {
    const { findByTestId, maybeFind, waitFor } = renderCard(
      { 'GET /api/hubspot/records/1502': { status: 200, body: recordUnscored } },
      '1502',
    );
    await waitFor(() => expect(findByTestId(EmptyState, 'card-empty').props.title).toBe('Not scored yet'));
    expect(maybeFind(ProgressBar)).toBeNull();
    expect(maybeFind(Select)).toBeNull();
    expect(findByTestId(Text, 'rejection-unavailable').text).toMatch(/Only leads/);
  });

  it('shows the error and retries on demand', async () => {
    const { find, findByTestId, waitFor, calls } = renderCard({
      'GET /api/hubspot/records/1501': [
        { status: 503, body: { error: 'unavailable', message: 'Accord is restarting; try again in a minute.' } },
        { status: 200, body: recordSalesReady },
      ],
    });
    await waitFor(() => expect(find(ErrorState).find(Text).text).toBe('Accord is restarting; try again in a minute.'));
    findByTestId(Button, 'card-retry').trigger('onClick');
    await waitFor(() => expect(find(ProgressBar).props.value).toBe(82));
    expect(calls).toHaveLength(2);
  });

  it('refuses to send a rejection without a reason', async () => {
    const { findByTestId, waitFor, calls } = renderCard({ 'GET /api/hubspot/records/1501': { status: 200, body: recordSalesReady } });
    await waitFor(() => findByTestId(LoadingButton, 'rejection-submit'));
    findByTestId(LoadingButton, 'rejection-submit').trigger('onClick');
    await waitFor(() => expect(findByTestId(Select, 'rejection-reason').props.error).toBe(true));
    expect(findByTestId(Select, 'rejection-reason').props.validationMessage).toMatch(/Pick a reason/);
    expect(calls.filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('records a rejection with POST …/rejection and shows the lead back with marketing', async () => {
    const { find, findByTestId, maybeFindByTestId, waitFor, calls } = renderCard({
      'GET /api/hubspot/records/1501': { status: 200, body: recordSalesReady },
      'POST /api/hubspot/records/1501/rejection': { status: 200, body: recordRejected },
    });
    await waitFor(() => findByTestId(Select, 'rejection-reason'));
    trigger(findByTestId(Select, 'rejection-reason'), 'onChange', 'no_budget');
    trigger(findByTestId(TextArea, 'rejection-note'), 'onChange', '  Q3 at the earliest ');
    await waitFor(() => expect(findByTestId(Select, 'rejection-reason').props.value).toBe('no_budget'));
    findByTestId(LoadingButton, 'rejection-submit').trigger('onClick');

    await waitFor(() => expect(findByTestId(Alert, 'rejection-sent').text).toMatch(/No budget/));
    expect(calls[1]).toEqual({
      method: 'POST',
      path: '/api/hubspot/records/1501/rejection',
      body: { reason: 'no_budget', note: 'Q3 at the earliest' },
      timeout: undefined,
    });
    expect(findByTestId(Tag, 'card-stage').text).toBe('Nurture');
    expect(findByTestId(Alert, 'rejection-current').text).toContain('No budget — “Q3 at the earliest” (maria.lopez@example.com, 2025-03-04 09:59 UTC)');
    expect(maybeFindByTestId(LoadingButton, 'rejection-submit')).toBeNull();
    expect(find(ProgressBar).props.variant).toBeUndefined();
  });

  it('sends an empty note as null', async () => {
    const { findByTestId, waitFor, calls } = renderCard({
      'GET /api/hubspot/records/1501': { status: 200, body: recordSalesReady },
      'POST /api/hubspot/records/1501/rejection': { status: 200, body: recordRejected },
    });
    await waitFor(() => findByTestId(Select, 'rejection-reason'));
    trigger(findByTestId(Select, 'rejection-reason'), 'onChange', 'student');
    await waitFor(() => expect(findByTestId(Select, 'rejection-reason').props.value).toBe('student'));
    findByTestId(LoadingButton, 'rejection-submit').trigger('onClick');
    await waitFor(() => expect(calls).toHaveLength(2));
    expect(calls[1]?.body).toEqual({ reason: 'student', note: null });
  });

  it("shows Accord's refusal and keeps the form", async () => {
    const { findByTestId, waitFor } = renderCard({
      'GET /api/hubspot/records/1501': { status: 200, body: recordSalesReady },
      'POST /api/hubspot/records/1501/rejection': { status: 409, body: recordNotRejectable },
    });
    await waitFor(() => findByTestId(Select, 'rejection-reason'));
    trigger(findByTestId(Select, 'rejection-reason'), 'onChange', 'duplicate');
    await waitFor(() => expect(findByTestId(Select, 'rejection-reason').props.value).toBe('duplicate'));
    findByTestId(LoadingButton, 'rejection-submit').trigger('onClick');
    await waitFor(() => expect(findByTestId(Alert, 'rejection-error').text).toBe(recordNotRejectable.message));
    expect(findByTestId(LoadingButton, 'rejection-submit').props.loading).toBe(false);
    expect(findByTestId(Tag, 'card-stage').text).toBe('Sales ready');
  });

  it('shows an existing rejection and no form when the lead is back with marketing', async () => {
    const { findByTestId, maybeFind, waitFor } = renderCard({ 'GET /api/hubspot/records/1501': { status: 200, body: recordRejected } });
    await waitFor(() => expect(findByTestId(Alert, 'rejection-current').props.title).toBe('Rejected by sales'));
    expect(maybeFind(Select)).toBeNull();
    expect(findByTestId(StatusTag, 'card-sla-state').text).toBe('No SLA');
    expect(findByTestId(Text, 'card-sla-due').text).toBe('—');
  });
});
