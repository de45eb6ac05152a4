import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  DescriptionList,
  DescriptionListItem,
  Divider,
  EmptyState,
  ErrorState,
  Flex,
  Heading,
  List,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  Select,
  StatusTag,
  Tag,
  Text,
  TextArea,
  hubspot,
} from '@hubspot/ui-extensions';
import { AccordApiError, actorLabel, createAccordClient, formatInstant } from '../shared/accord-api';
import type { AccordClient, DecisionView, RecordView } from '../shared/accord-api';
import {
  isRejectionReason,
  rejectionReasonLabels,
  rejectionReasons,
  slaStateLabels,
  stageLabels,
} from '../shared/accord-taxonomy';
import type { RejectionReason, SlaState, Stage } from '../shared/accord-taxonomy';

/**
 * The Accord card on a contact: score, stage, owner, SLA, the why and the definition version, plus
 * the rejection form. Everything comes from Accord's API through `hubspot.fetch`
 * (GET/POST {ACCORD_API}/api/hubspot/records/{objectId}…, docs/crm-api.md), which HubSpot signs.
 */
hubspot.extend<'crm.record.tab'>(({ context }) => (
  <AccordCard recordId={String(context.crm.objectId)} client={createAccordClient(hubspot.fetch)} />
));

export const maxNoteLength = 2000;

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; view: RecordView };

export interface AccordCardProps {
  recordId: string;
  client: AccordClient;
}

export function AccordCard({ recordId, client }: AccordCardProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });

  const fetchView = useCallback(async () => {
    setLoad({ kind: 'loading' });
    try {
      setLoad({ kind: 'ready', view: await client.getRecord(recordId) });
    } catch (error) {
      setLoad({ kind: 'error', message: messageOf(error) });
    }
  }, [client, recordId]);

  useEffect(() => {
    void fetchView();
  }, [fetchView]);

  if (load.kind === 'loading') return <LoadingSpinner label="Loading Accord's decision" layout="centered" />;
  if (load.kind === 'error') {
    return (
      <ErrorState title="Accord's decision could not be loaded." testId="card-error">
        <Text>{load.message}</Text>
        <Button onClick={() => void fetchView()} testId="card-retry">
          Try again
        </Button>
      </ErrorState>
    );
  }
  const { view } = load;
  return (
    <Flex direction="column" gap="medium">
      {view.decision === null ? (
        <EmptyState title="Not scored yet" layout="vertical" testId="card-empty">
          <Text>Accord scores a contact seconds after it is created or changes. Check back in a moment.</Text>
        </EmptyState>
      ) : (
        <DecisionSection decision={view.decision} />
      )}
      <Divider />
      <RejectionSection view={view} client={client} onChange={(next) => setLoad({ kind: 'ready', view: next })} />
    </Flex>
  );
}

function DecisionSection({ decision }: { decision: DecisionView }) {
  const [verdict, ...bullets] = decision.why.split('\n').map((line) => line.trim()).filter((line) => line !== '');
  return (
    <Flex direction="column" gap="small">
      <ProgressBar
        title="Accord score"
        value={decision.score}
        maxValue={100}
        valueDescription={`${decision.score} of 100 (fit ${decision.fitScore}, intent ${decision.intentScore})`}
        variant={scoreVariant(decision.stage)}
        testId="card-score"
      />
      <DescriptionList direction="row">
        <DescriptionListItem label="Stage">
          <Tag variant={stageVariant(decision.stage)} testId="card-stage">
            {stageLabels[decision.stage]}
            {decision.autoAccepted ? ' (auto-accepted)' : ''}
          </Tag>
        </DescriptionListItem>
        <DescriptionListItem label="Owner">
          <Text testId="card-owner">{decision.owner === null ? 'Unassigned' : (decision.owner.name ?? `Owner ${decision.owner.id}`)}</Text>
        </DescriptionListItem>
        <DescriptionListItem label="SLA due">
          <Flex direction="row" gap="extra-small" align="center">
            <Text testId="card-sla-due">{decision.sla.dueAt === null ? '—' : formatInstant(decision.sla.dueAt)}</Text>
            <StatusTag variant={slaVariant(decision.sla.state)} testId="card-sla-state">
              {slaStateLabels[decision.sla.state]}
              {decision.sla.tier === 'hot' ? ' · hot' : ''}
            </StatusTag>
          </Flex>
        </DescriptionListItem>
        <DescriptionListItem label="Definition">
          <Text testId="card-definition-version">{decision.definitionVersion === 0 ? 'Accord default (v0)' : `v${decision.definitionVersion}`}</Text>
        </DescriptionListItem>
      </DescriptionList>
      <Heading>Why</Heading>
      <Text testId="card-why-verdict">{verdict ?? ''}</Text>
      {bullets.length > 0 ? (
        <List variant="unordered" testId="card-why-bullets">
          {bullets.map((line, index) => (
            <Text key={index}>{line}</Text>
          ))}
        </List>
      ) : null}
      <Text variant="microcopy">Decided {formatInstant(decision.decidedAt)}</Text>
    </Flex>
  );
}

interface RejectionSectionProps {
  view: RecordView;
  client: AccordClient;
  onChange: (view: RecordView) => void;
}

function RejectionSection({ view, client, onChange }: RejectionSectionProps) {
  const [reason, setReason] = useState<RejectionReason | ''>('');
  const [note, setNote] = useState('');
  const [submitting, setSubmitting] = useState(false);
  const [missingReason, setMissingReason] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [sent, setSent] = useState<RejectionReason | null>(null);

  const submit = async () => {
    if (reason === '') {
      setMissingReason(true);
      return;
    }
    setSubmitting(true);
    setFailure(null);
    try {
      const trimmed = note.trim();
      const next = await client.reject(view.recordId, reason, trimmed === '' ? null : trimmed);
      setSent(reason);
      setReason('');
      setNote('');
      onChange(next);
    } catch (error) {
      setFailure(messageOf(error));
    } finally {
      setSubmitting(false);
    }
  };

  return (
    <Flex direction="column" gap="small">
      <Heading>Send back to marketing</Heading>
      {sent !== null ? (
        <Alert title="Sent back to marketing" variant="success" testId="rejection-sent">
          Recorded as “{rejectionReasonLabels[sent]}”. Accord moves the lead to nurture and counts it against its source.
        </Alert>
      ) : null}
      {view.rejection !== null ? (
        <Alert title="Rejected by sales" variant="warning" testId="rejection-current">
          {rejectionReasonLabels[view.rejection.reason]}
          {view.rejection.note === null ? '' : ` — “${view.rejection.note}”`} ({actorLabel(view.rejection.rejectedBy)},{' '}
          {formatInstant(view.rejection.rejectedAt)})
        </Alert>
      ) : null}
      {view.canReject ? (
        <Flex direction="column" gap="small">
          <Select
            label="Rejection reason"
            name="rejection-reason"
            required
            placeholder="Why is this lead not ready for sales?"
            value={reason === '' ? undefined : reason}
            options={rejectionReasons.map((value) => ({ value, label: rejectionReasonLabels[value] }))}
            onChange={(value) => {
              if (isRejectionReason(value)) {
                setReason(value);
                setMissingReason(false);
              }
            }}
            error={missingReason}
            validationMessage={missingReason ? 'Pick a reason: it is what marketing learns from.' : undefined}
            testId="rejection-reason"
          />
          <TextArea
            label="Note (optional)"
            name="rejection-note"
            value={note}
            maxLength={maxNoteLength}
            rows={3}
            onChange={(value) => setNote(value)}
            testId="rejection-note"
          />
          {failure !== null ? (
            <Alert title="The rejection was not recorded" variant="error" testId="rejection-error">
              {failure}
            </Alert>
          ) : null}
          <LoadingButton variant="primary" loading={submitting} disabled={submitting} onClick={() => void submit()} testId="rejection-submit">
            Send back to marketing
          </LoadingButton>
        </Flex>
      ) : view.rejection === null ? (
        <Text variant="microcopy" testId="rejection-unavailable">
          Only leads that reached marketing-qualified or sales can be sent back.
        </Text>
      ) : null}
    </Flex>
  );
}

function messageOf(error: unknown): string {
  if (error instanceof AccordApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function scoreVariant(stage: Stage): 'success' | 'warning' | 'danger' | undefined {
  if (stage === 'sales_ready' || stage === 'sql') return 'success';
  if (stage === 'mql') return 'warning';
  if (stage === 'disqualified') return 'danger';
  return undefined;
}

function stageVariant(stage: Stage): 'default' | 'warning' | 'success' | 'error' | 'info' {
  switch (stage) {
    case 'disqualified':
      return 'error';
    case 'nurture':
      return 'default';
    case 'mql':
      return 'info';
    case 'sales_ready':
    case 'sql':
      return 'success';
  }
}

function slaVariant(state: SlaState): 'danger' | 'warning' | 'info' | 'success' | 'default' {
  switch (state) {
    case 'breached':
      return 'danger';
    case 'due_soon':
      return 'warning';
    case 'on_track':
      return 'info';
    case 'accepted':
      return 'success';
    case 'none':
      return 'default';
  }
}
