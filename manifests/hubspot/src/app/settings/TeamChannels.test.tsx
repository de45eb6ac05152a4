import { Alert, Button, Input, LoadingButton, Text } from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { trigger } from '../../../../../test/manifests/fixtures/trigger';
import { fakeAccordFetch } from '../../../../../test/manifests/fixtures/fake-accord-fetch';
import { channelsNone, channelsSlack, invalidChannels } from '../../../../../test/manifests/fixtures/crm-api-fixtures';
import { createAccordClient } from '../shared/accord-api';
import { TeamChannels } from './TeamChannels';

function renderChannels(routes: Parameters<typeof fakeAccordFetch>[0]) {
  const api = fakeAccordFetch(routes);
  const renderer = createRenderer('settings');
  renderer.render(<TeamChannels client={createAccordClient(api.fetch)} />);
  return { ...renderer, puts: () => api.calls.filter((c) => c.method === 'PUT') };
}

describe('Team channels (settings page)', () => {
  it('shows which channels are set, masked, and saves only the URLs typed', async () => {
    const r = renderChannels({
      'GET /api/hubspot/settings/channels': { status: 200, body: channelsNone },
      'PUT /api/hubspot/settings/channels': { status: 200, body: channelsSlack },
    });
    await r.waitFor(() => r.findByTestId(LoadingButton, 'channels-save'));
    expect(r.findByTestId(Input, 'slack-url').props.label).toBe('Slack webhook URL (now: not set)');
    expect(r.findByTestId(LoadingButton, 'channels-save').props.disabled).toBe(true);

    trigger(r.findByTestId(Input, 'slack-url'), 'onChange', ' https://hooks.slack.com/services/T000/B000/abcdx9Qz ');
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'channels-save').props.disabled).toBe(false));
    trigger(r.findByTestId(LoadingButton, 'channels-save'), 'onClick');

    await r.waitFor(() => r.findByTestId(Alert, 'channels-notice'));
    expect(r.puts().map((c) => c.body)).toEqual([{ slackWebhookUrl: 'https://hooks.slack.com/services/T000/B000/abcdx9Qz' }]);
    // After saving, the URL is gone from the page: only its host and last 4 characters are shown.
    expect(r.findByTestId(Input, 'slack-url').props.value).toBe('');
    expect(r.findByTestId(Input, 'slack-url').props.label).toBe('Slack webhook URL (now: hooks.slack.com …x9Qz)');
    expect(r.findByTestId(Input, 'teams-url').props.label).toBe('Microsoft Teams webhook URL (now: not set)');
    expect(r.findByTestId(Text, 'channels-updated').text).toBe('Last changed by priya.shah@example.com at 2025-04-02 09:00 UTC');
  });

  it('removes a saved channel with null', async () => {
    const r = renderChannels({
      'GET /api/hubspot/settings/channels': { status: 200, body: channelsSlack },
      'PUT /api/hubspot/settings/channels': { status: 200, body: { ...channelsSlack, slack: null } },
    });
    await r.waitFor(() => r.findByTestId(Button, 'slack-remove'));
    trigger(r.findByTestId(Button, 'slack-remove'), 'onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'channels-notice'));
    expect(r.puts().map((c) => c.body)).toEqual([{ slackWebhookUrl: null }]);
    expect(r.findByTestId(Input, 'slack-url').props.label).toBe('Slack webhook URL (now: not set)');
  });

  it('shows Accord\'s refusal and keeps what was typed', async () => {
    const r = renderChannels({
      'GET /api/hubspot/settings/channels': { status: 200, body: channelsNone },
      'PUT /api/hubspot/settings/channels': { status: 422, body: invalidChannels },
    });
    await r.waitFor(() => r.findByTestId(LoadingButton, 'channels-save'));
    trigger(r.findByTestId(Input, 'slack-url'), 'onChange', 'https://example.com/hook');
    await r.waitFor(() => expect(r.findByTestId(LoadingButton, 'channels-save').props.disabled).toBe(false));
    trigger(r.findByTestId(LoadingButton, 'channels-save'), 'onClick');
    await r.waitFor(() => r.findByTestId(Alert, 'channels-failure'));
    expect(r.findByTestId(Alert, 'channels-failure').text).toContain('must be a Slack incoming webhook');
    expect(r.findByTestId(Input, 'slack-url').props.value).toBe('https://example.com/hook');
  });
});
