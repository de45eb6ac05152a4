import { useCallback, useEffect, useState } from 'react';
import { Alert, Button, Flex, Heading, Input, LoadingButton, LoadingSpinner, Text, Tile } from '@hubspot/ui-extensions';
import { AccordApiError, actorLabel, formatInstant } from '../shared/accord-api';
import type { AccordClient, ChannelSettingsRequest, ChannelSettingsView, MaskedChannel } from '../shared/accord-api';

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; view: ChannelSettingsView };
type Kind = 'slack' | 'teams';

const labels: Record<Kind, string> = { slack: 'Slack', teams: 'Microsoft Teams' };
const requestKeys: Record<Kind, keyof ChannelSettingsRequest> = { slack: 'slackWebhookUrl', teams: 'teamsWebhookUrl' };

function describe(channel: MaskedChannel | null): string {
  return channel === null ? 'not set' : `${channel.host} …${channel.last4}`;
}

function failureText(error: unknown): string {
  if (!(error instanceof AccordApiError)) return String(error);
  const issues = error.body?.issues?.map((i) => i.message) ?? [];
  return issues.length > 0 ? `${error.message}: ${issues.join('; ')}` : error.message;
}

/**
 * "Team channels": where this account's SLA escalations, Monday digest and funnel alerts are posted.
 * The webhook URLs are secrets: Accord stores them encrypted and only ever shows their host and last
 * 4 characters, so the fields start empty and a saved channel is replaced by typing a new URL.
 */
export function TeamChannels({ client }: { client: AccordClient }) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [typed, setTyped] = useState<Record<Kind, string>>({ slack: '', teams: '' });
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);

  const fetchView = useCallback(async () => {
    try {
      setLoad({ kind: 'ready', view: await client.getChannelSettings() });
    } catch (error) {
      setLoad({ kind: 'error', message: failureText(error) });
    }
  }, [client]);
  useEffect(() => {
    void fetchView();
  }, [fetchView]);

  const save = async (request: ChannelSettingsRequest, done: string) => {
    setSaving(true);
    setFailure(null);
    setNotice(null);
    try {
      const view = await client.saveChannelSettings(request);
      setLoad({ kind: 'ready', view });
      setTyped({ slack: '', teams: '' });
      setNotice(done);
    } catch (error) {
      setFailure(failureText(error));
    } finally {
      setSaving(false);
    }
  };

  if (load.kind === 'loading') return <LoadingSpinner label="Loading the team channels" />;
  if (load.kind === 'error') {
    return (
      <Alert title="Team channels could not be loaded" variant="error" testId="channels-load-failed">
        {load.message}
      </Alert>
    );
  }
  const { view } = load;
  const typedRequest: ChannelSettingsRequest = {};
  for (const kind of ['slack', 'teams'] as const) if (typed[kind].trim() !== '') typedRequest[requestKeys[kind]] = typed[kind].trim();

  return (
    <Tile>
      <Heading>Team channels</Heading>
      <Text variant="microcopy">
        Where Accord posts this account's SLA escalations, the Monday digest and funnel alerts. Paste a Slack incoming webhook (https://hooks.slack.com/…)
        or a Teams incoming webhook / Workflows URL. Without one, Accord posts to the channel its operator configured, if any.
      </Text>
      {(['slack', 'teams'] as const).map((kind) => (
        <Flex key={kind} direction="row" gap="small" align="end">
          <Input
            name={`${kind}-webhook`}
            label={`${labels[kind]} webhook URL (now: ${describe(view[kind])})`}
            placeholder={view[kind] === null ? 'https://…' : 'Type a new URL to replace it'}
            value={typed[kind]}
            onChange={(value) => setTyped((current) => ({ ...current, [kind]: value }))}
            testId={`${kind}-url`}
          />
          {view[kind] !== null ? (
            <Button variant="secondary" disabled={saving} onClick={() => void save({ [requestKeys[kind]]: null }, `The ${labels[kind]} channel was removed.`)} testId={`${kind}-remove`}>
              Remove
            </Button>
          ) : null}
        </Flex>
      ))}
      <Flex direction="row" gap="small" align="center">
        <LoadingButton variant="primary" loading={saving} disabled={saving || Object.keys(typedRequest).length === 0} onClick={() => void save(typedRequest, 'The team channels were saved.')} testId="channels-save">
          Save channels
        </LoadingButton>
        {view.updatedAt !== null ? <Text variant="microcopy" testId="channels-updated">{`Last changed by ${actorLabel(view.updatedBy)} at ${formatInstant(view.updatedAt)}`}</Text> : null}
      </Flex>
      {notice !== null ? (
        <Alert title="Saved" variant="success" testId="channels-notice">
          {notice}
        </Alert>
      ) : null}
      {failure !== null ? (
        <Alert title="Not saved" variant="error" testId="channels-failure">
          {failure}
        </Alert>
      ) : null}
    </Tile>
  );
}
