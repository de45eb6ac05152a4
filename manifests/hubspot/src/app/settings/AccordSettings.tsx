import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Divider,
  ErrorState,
  Flex,
  Heading,
  Input,
  List,
  LoadingButton,
  LoadingSpinner,
  MultiSelect,
  NumberInput,
  ProgressBar,
  StatusTag,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableHeader,
  TableRow,
  Text,
  TextArea,
  Tile,
  Toggle,
  hubspot,
} from '@hubspot/ui-extensions';
import { AccordApiError, actorLabel, createAccordClient, formatInstant } from '../shared/accord-api';
import type {
  AccordClient,
  ApprovalRole,
  BackfillView,
  CalibrationView,
  Definition,
  DefinitionsView,
  DraftView,
  OwnerView,
  PreviewView,
} from '../shared/accord-api';
import { stageLabels, stages } from '../shared/accord-taxonomy';
import {
  definitionProblems,
  parseDomainList,
  pointsAvailable,
  sameDefinition,
  setCriterionPoints,
  setDomainList,
  setIntentMax,
  setPoolMembers,
  setPoolTeam,
  setSignalPoints,
  setSla,
  setThreshold,
  toggleDisqualifier,
  toggleableDisqualifiers,
} from './definition-edits';
import { LearnFromOutcomes } from './LearnFromOutcomes';
import { TeamChannels } from './TeamChannels';

/**
 * Accord's settings page: edit the shared qualification definition (weights, thresholds,
 * disqualifiers, free-mail and competitor lists, owner pools, SLA targets), preview the effect on
 * existing leads, collect the sales and marketing sign-offs, publish a new immutable version and
 * follow the re-scoring of every open lead; or let Accord learn a draft from the CRM's outcomes.
 * All through `hubspot.fetch` to Accord (docs/crm-api.md).
 */
hubspot.extend<'settings'>(() => <AccordSettings client={createAccordClient(hubspot.fetch)} />);

const roles: ApprovalRole[] = ['sales', 'marketing'];
const roleLabels: Record<ApprovalRole, string> = { sales: 'Sales', marketing: 'Marketing' };

type Load = { kind: 'loading' } | { kind: 'error'; message: string } | { kind: 'ready'; defs: DefinitionsView; owners: OwnerView[] };
type Action = 'save' | 'preview' | 'approve-sales' | 'approve-marketing' | 'publish' | 'calibrate' | null;

export interface AccordSettingsProps {
  client: AccordClient;
  /** How often the re-scoring progress is polled. */
  pollMs?: number;
}

export function AccordSettings({ client, pollMs = 2000 }: AccordSettingsProps) {
  const [load, setLoad] = useState<Load>({ kind: 'loading' });
  const [working, setWorking] = useState<Definition | null>(null);
  const [draft, setDraft] = useState<DraftView | null>(null);
  const [revision, setRevision] = useState(0);
  const [action, setAction] = useState<Action>(null);
  const [failure, setFailure] = useState<{ title: string; message: string; issues: string[] } | null>(null);
  const [preview, setPreview] = useState<PreviewView | null>(null);
  const [backfill, setBackfill] = useState<BackfillView | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [calibration, setCalibration] = useState<CalibrationView | null>(null);

  const fetchAll = useCallback(
    async (keepBackfill: boolean) => {
      setLoad({ kind: 'loading' });
      try {
        const [defs, owners] = await Promise.all([client.getDefinitions(), client.getOwners()]);
        // A draft started from an older version cannot be published: start again from the live one.
        const usable = defs.draft !== null && defs.draft.basedOnVersion === defs.current.version ? defs.draft : null;
        setDraft(usable);
        setWorking(usable?.definition ?? defs.current.definition);
        setRevision((r) => r + 1);
        setPreview(null);
        setFailure(null);
        if (!keepBackfill) setBackfill(null);
        setLoad({ kind: 'ready', defs, owners: owners.owners });
      } catch (error) {
        setLoad({ kind: 'error', message: messageOf(error) });
      }
    },
    [client],
  );

  useEffect(() => {
    void fetchAll(false);
  }, [fetchAll]);

  // Follow the background re-scoring until it ends.
  useEffect(() => {
    if (backfill === null || backfill.status === 'succeeded' || backfill.status === 'failed') return undefined;
    const timer = setTimeout(() => {
      client.getBackfill(backfill.id).then(
        (next) => setBackfill(next),
        (error: unknown) => setFailure({ title: 'Re-scoring progress is unavailable', message: messageOf(error), issues: [] }),
      );
    }, pollMs);
    return () => clearTimeout(timer);
  }, [backfill, client, pollMs]);

  const pollCalibration = useCallback(
    (id: string) => {
      client.getCalibration(id).then(
        (next) => setCalibration(next),
        (error: unknown) => setFailure({ title: 'Learning progress is unavailable', message: messageOf(error), issues: [] }),
      );
    },
    [client],
  );

  if (load.kind === 'loading' || working === null) {
    if (load.kind === 'error') return <LoadError message={load.message} retry={() => void fetchAll(false)} />;
    return <LoadingSpinner label="Loading the qualification definition" layout="centered" />;
  }
  if (load.kind === 'error') return <LoadError message={load.message} retry={() => void fetchAll(false)} />;

  const { defs, owners } = load;
  const baseline = draft?.definition ?? defs.current.definition;
  const dirty = !sameDefinition(working, baseline);
  const problems = definitionProblems(working);
  const approvalOf = (role: ApprovalRole) => (dirty || draft === null ? undefined : draft.approvals.find((a) => a.role === role));
  const missingRoles = roles.filter((role) => approvalOf(role) === undefined);
  const canPublish = draft !== null && !dirty && missingRoles.length === 0 && action === null;
  const busy = action !== null;

  const edit = (next: Definition) => {
    setWorking(next);
    setPreview(null);
    setNotice(null);
  };

  const run = async (which: Exclude<Action, null>, title: string, step: () => Promise<void>) => {
    setAction(which);
    setFailure(null);
    setNotice(null);
    try {
      await step();
    } catch (error) {
      setFailure({ title, message: messageOf(error), issues: issuesOf(error) });
    } finally {
      setAction(null);
    }
  };

  const saveDraft = () =>
    run('save', 'The draft was not saved', async () => {
      const saved = await client.saveDraft(working, defs.current.version);
      setDraft(saved);
      setWorking(saved.definition);
      setRevision((r) => r + 1);
      setNotice(`Draft saved. It needs a sales and a marketing sign-off before it can be published.`);
    });

  const runPreview = () =>
    run('preview', 'The preview failed', async () => {
      setPreview(await client.preview(draft !== null && !dirty ? { draftId: draft.id } : { definition: working }));
    });

  const approve = (role: ApprovalRole) =>
    run(role === 'sales' ? 'approve-sales' : 'approve-marketing', `The ${role} sign-off was not recorded`, async () => {
      if (draft === null) return;
      setDraft(await client.approve(draft.id, role));
    });

  const startCalibration = () =>
    run('calibrate', 'Learning from outcomes did not start', async () => {
      setCalibration(await client.calibrate({}));
    });

  const publish = () =>
    run('publish', 'The definition was not published', async () => {
      if (draft === null) return;
      const result = await client.publish(draft.id);
      setBackfill(result.backfill);
      await fetchAll(true);
      setNotice(`Version ${result.version.version} is live. Accord is re-scoring every open lead in the background.`);
    });

  return (
    <Flex direction="column" gap="medium">
      <Flex direction="column" gap="extra-small">
        <Heading>Qualification definition</Heading>
        <Text testId="live-version">
          {defs.current.version === 0 ? 'Live: Accord default (v0), never published in this account.' : `Live: version ${defs.current.version}.`}
          {defs.versions[0] ? ` Published by ${actorLabel(defs.versions[0].publishedBy)} on ${formatInstant(defs.versions[0].publishedAt)}.` : ''}
        </Text>
        <Text variant="microcopy" testId="draft-state">
          {draft === null
            ? 'Editing a copy of the live version. Save it as a draft to collect sign-offs.'
            : `Draft #${draft.id}, based on version ${draft.basedOnVersion}, by ${actorLabel(draft.createdBy)}${dirty ? ' — unsaved changes' : ''}.`}
        </Text>
        {defs.draft !== null && defs.draft.basedOnVersion !== defs.current.version ? (
          <Alert title="An older draft was set aside" variant="info" testId="stale-draft">
            Draft #{defs.draft.id} was based on version {defs.draft.basedOnVersion}; version {defs.current.version} has been published since.
          </Alert>
        ) : null}
      </Flex>

      {notice !== null ? (
        <Alert title="Done" variant="success" testId="notice">
          {notice}
        </Alert>
      ) : null}
      {failure !== null ? (
        <Alert title={failure.title} variant="error" testId="failure">
          {failure.message}
          {failure.issues.length > 0 ? ` ${failure.issues.join('; ')}` : ''}
        </Alert>
      ) : null}
      {backfill !== null ? <BackfillProgress backfill={backfill} /> : null}

      <LearnFromOutcomes
        calibration={calibration}
        starting={action === 'calibrate'}
        disabled={busy}
        start={() => void startCalibration()}
        poll={pollCalibration}
        pollMs={pollMs}
        review={() => void fetchAll(true)}
      />

      <TeamChannels client={client} />

      <Tile>
        <Heading>Weights</Heading>
        <Text variant="microcopy" testId="points-available">
          Points available: {pointsAvailable(working)} (scores are shown out of 100).
        </Text>
        <Flex direction="column" gap="small">
          {working.criteria.map((c) => (
            <NumberInput
              key={`${revision}-${c.id}`}
              label={`${c.label} (${c.kind})`}
              name={`criterion-${c.id}`}
              value={c.points}
              min={0}
              max={100}
              onChange={(v) => Number.isFinite(v) && edit(setCriterionPoints(working, c.id, v))}
              testId={`criterion-${c.id}`}
            />
          ))}
          <NumberInput
            label="Intent cap (all intent signals together)"
            name="intent-max"
            value={working.intent.maxPoints}
            min={0}
            max={100}
            onChange={(v) => Number.isFinite(v) && edit(setIntentMax(working, v))}
            testId="intent-max"
          />
          {working.intent.signals.map((s) => (
            <NumberInput
              key={`${revision}-${s.id}`}
              label={`Intent: ${s.label}`}
              name={`signal-${s.id}`}
              value={s.points}
              min={0}
              max={100}
              onChange={(v) => Number.isFinite(v) && edit(setSignalPoints(working, s.id, v))}
              testId={`signal-${s.id}`}
            />
          ))}
        </Flex>
      </Tile>

      <Tile>
        <Heading>Thresholds</Heading>
        <Flex direction="row" gap="medium">
          <NumberInput
            label="Marketing qualified at"
            name="threshold-mql"
            value={working.thresholds.mql}
            min={0}
            max={100}
            error={working.thresholds.mql > working.thresholds.salesReady}
            validationMessage={working.thresholds.mql > working.thresholds.salesReady ? 'Must not be above the sales-ready threshold' : undefined}
            onChange={(v) => Number.isFinite(v) && edit(setThreshold(working, 'mql', v))}
            testId="threshold-mql"
          />
          <NumberInput
            label="Sales ready at"
            name="threshold-sales-ready"
            value={working.thresholds.salesReady}
            min={0}
            max={100}
            onChange={(v) => Number.isFinite(v) && edit(setThreshold(working, 'salesReady', v))}
            testId="threshold-sales-ready"
          />
        </Flex>
      </Tile>

      <Tile>
        <Heading>Disqualifiers</Heading>
        <Text variant="microcopy">A lead that matches one is disqualified whatever it scores.</Text>
        <Flex direction="column" gap="extra-small">
          {toggleableDisqualifiers(working, defs.catalog.disqualifiers).map((q) => (
            <Toggle
              key={q.id}
              label={q.label}
              name={`disqualifier-${q.id}`}
              labelDisplay="inline"
              checked={working.disqualifiers.some((w) => w.id === q.id)}
              onChange={(on) => edit(toggleDisqualifier(working, defs.catalog.disqualifiers, q.id, on))}
              testId={`disqualifier-${q.id}`}
            />
          ))}
        </Flex>
      </Tile>

      <Tile>
        <Heading>Lists</Heading>
        <Flex direction="column" gap="small">
          <TextArea
            key={`${revision}-free-mail`}
            label={`Free-mail domains (${working.freeMailDomains.length})`}
            name="free-mail-domains"
            description="One domain per line. Addresses at these domains are not business contacts."
            defaultValue={working.freeMailDomains.join('\n')}
            rows={6}
            onChange={(text) => edit(setDomainList(working, 'freeMailDomains', parseDomainList(text)))}
            testId="free-mail-domains"
          />
          <TextArea
            key={`${revision}-competitors`}
            label={`Competitor domains (${working.competitorDomains.length})`}
            name="competitor-domains"
            description="One domain per line. Leads from these companies are disqualified."
            defaultValue={working.competitorDomains.join('\n')}
            rows={4}
            onChange={(text) => edit(setDomainList(working, 'competitorDomains', parseDomainList(text)))}
            testId="competitor-domains"
          />
        </Flex>
      </Tile>

      <Tile>
        <Heading>Owner pools</Heading>
        <Text variant="microcopy">Sales-ready leads are routed round robin inside the pool that covers their territory and segment.</Text>
        <Flex direction="column" gap="small">
          {working.routing.pools.map((pool) => (
            <Flex key={pool.id} direction="row" gap="small" align="end">
              <MultiSelect
                label={`${pool.name}: members`}
                name={`pool-${pool.id}-members`}
                placeholder={pool.team === null ? 'Everyone available' : `Everyone in team ${pool.team}`}
                value={pool.members.map((m) => m.ownerId)}
                options={ownerOptions(owners, pool.members.map((m) => m.ownerId))}
                onChange={(ids) => edit(setPoolMembers(working, pool.id, ids.map(String)))}
                testId={`pool-${pool.id}-members`}
              />
              <Input
                key={`${revision}-${pool.id}-team`}
                label="CRM team"
                name={`pool-${pool.id}-team`}
                defaultValue={pool.team ?? ''}
                onChange={(team) => edit(setPoolTeam(working, pool.id, team))}
                testId={`pool-${pool.id}-team`}
              />
            </Flex>
          ))}
        </Flex>
      </Tile>

      <Tile>
        <Heading>SLA targets</Heading>
        <Flex direction="row" gap="medium">
          <NumberInput
            label="Hot leads: respond within (hours)"
            name="sla-hot"
            value={working.sla.hotHours}
            min={0.25}
            max={720}
            precision={2}
            onChange={(v) => Number.isFinite(v) && edit(setSla(working, 'hotHours', v))}
            testId="sla-hot"
          />
          <NumberInput
            label="Other sales-ready leads (hours)"
            name="sla-standard"
            value={working.sla.standardHours}
            min={0.25}
            max={720}
            precision={2}
            onChange={(v) => Number.isFinite(v) && edit(setSla(working, 'standardHours', v))}
            testId="sla-standard"
          />
        </Flex>
      </Tile>

      <Tile>
        <Heading>Review and publish</Heading>
        {problems.length > 0 ? (
          <Alert title="Fix these before saving" variant="warning" testId="problems">
            {problems.join('; ')}
          </Alert>
        ) : null}
        <Flex direction="row" gap="small">
          <LoadingButton
            variant="secondary"
            loading={action === 'save'}
            disabled={busy || !dirty || problems.length > 0}
            onClick={() => void saveDraft()}
            testId="save-draft"
          >
            Save draft
          </LoadingButton>
          <LoadingButton
            variant="secondary"
            loading={action === 'preview'}
            disabled={busy || problems.length > 0}
            onClick={() => void runPreview()}
            testId="preview"
          >
            Preview effect on existing leads
          </LoadingButton>
        </Flex>
        {preview !== null ? <PreviewResult preview={preview} /> : null}

        <Divider />
        <Heading>Sign-offs</Heading>
        <Text variant="microcopy">Publishing needs a sales approver and a marketing approver (two different people) to sign off this exact draft.</Text>
        <Flex direction="column" gap="small">
          {roles.map((role) => {
            const approval = approvalOf(role);
            return (
              <Flex key={role} direction="row" gap="small" align="center">
                <StatusTag variant={approval === undefined ? 'warning' : 'success'} testId={`approval-${role}`}>
                  {approval === undefined
                    ? `${roleLabels[role]}: waiting`
                    : `${roleLabels[role]}: signed by ${actorLabel(approval.approver)}, ${formatInstant(approval.approvedAt)}`}
                </StatusTag>
                {approval === undefined ? (
                  <LoadingButton
                    size="sm"
                    variant="secondary"
                    loading={action === `approve-${role}`}
                    disabled={busy || draft === null || dirty}
                    onClick={() => void approve(role)}
                    testId={`approve-${role}`}
                  >
                    {`Sign off as ${role}`}
                  </LoadingButton>
                ) : null}
              </Flex>
            );
          })}
        </Flex>
        <Flex direction="row" gap="small" align="center">
          <LoadingButton variant="primary" loading={action === 'publish'} disabled={!canPublish} onClick={() => void publish()} testId="publish">
            Publish new version
          </LoadingButton>
          <Text variant="microcopy" testId="publish-blockers">
            {publishHint(draft, dirty, missingRoles)}
          </Text>
        </Flex>
      </Tile>

      <Tile>
        <Heading>History</Heading>
        {defs.versions.length === 0 ? (
          <Text testId="history-empty">Nothing published yet: leads are decided by Accord&apos;s default definition.</Text>
        ) : (
          <Table bordered testId="history">
            <TableHead>
              <TableRow>
                <TableHeader>Version</TableHeader>
                <TableHeader>Published by</TableHeader>
                <TableHeader>Published</TableHeader>
                <TableHeader>Signed off by</TableHeader>
              </TableRow>
            </TableHead>
            <TableBody>
              {defs.versions.map((v) => (
                <TableRow key={v.id}>
                  <TableCell>{`v${v.version}${v.version === defs.current.version ? ' (live)' : ''}`}</TableCell>
                  <TableCell>{actorLabel(v.publishedBy)}</TableCell>
                  <TableCell>{formatInstant(v.publishedAt)}</TableCell>
                  <TableCell>{v.approvals.map((a) => `${roleLabels[a.role]}: ${actorLabel(a.approver)}`).join(', ') || '—'}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
        )}
      </Tile>
    </Flex>
  );
}

function LoadError({ message, retry }: { message: string; retry: () => void }) {
  return (
    <ErrorState title="The qualification definition could not be loaded." testId="load-error">
      <Text>{message}</Text>
      <Button onClick={retry} testId="load-retry">
        Try again
      </Button>
    </ErrorState>
  );
}

function PreviewResult({ preview }: { preview: PreviewView }) {
  return (
    <Flex direction="column" gap="small">
      <Text format={{ fontWeight: 'demibold' }} testId="preview-summary">
        {`${preview.changedStage} of ${preview.leadsEvaluated} existing leads would change stage${preview.truncated ? ' (a sample: the account has more leads)' : ''}.`}
      </Text>
      <Table bordered testId="preview-stages">
        <TableHead>
          <TableRow>
            <TableHeader>Stage</TableHeader>
            <TableHeader>Now</TableHeader>
            <TableHeader>After publishing</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {stages.map((stage) => (
            <TableRow key={stage}>
              <TableCell>{stageLabels[stage]}</TableCell>
              <TableCell>{String(preview.stageCounts.before[stage])}</TableCell>
              <TableCell>{String(preview.stageCounts.after[stage])}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {preview.transitions.length > 0 ? (
        <List variant="unordered" testId="preview-transitions">
          {preview.transitions.map((t) => (
            <Text key={`${t.from}-${t.to}`}>{`${t.count} from ${stageLabels[t.from]} to ${stageLabels[t.to]}`}</Text>
          ))}
        </List>
      ) : null}
      <Table bordered testId="preview-owner-load">
        <TableHead>
          <TableRow>
            <TableHeader>Owner</TableHeader>
            <TableHeader>Sales-ready leads now</TableHeader>
            <TableHeader>After publishing</TableHeader>
          </TableRow>
        </TableHead>
        <TableBody>
          {preview.ownerLoad.map((o) => (
            <TableRow key={o.ownerId ?? 'unrouted'}>
              <TableCell>{o.ownerId === null ? 'Unrouted' : (o.ownerName ?? `Owner ${o.ownerId}`)}</TableCell>
              <TableCell>{String(o.before)}</TableCell>
              <TableCell>{`${o.after} (${signed(o.after - o.before)})`}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </Flex>
  );
}

/** Leads sales already accepted or rejected keep their stage: say how many, when any. */
function skippedNote(backfill: BackfillView): string {
  return backfill.skipped > 0 ? `; ${backfill.skipped} accepted or rejected by sales left as they are` : '';
}

function BackfillProgress({ backfill }: { backfill: BackfillView }) {
  if (backfill.status === 'failed') {
    return (
      <Alert title={`Re-scoring for version ${backfill.definitionVersion} failed`} variant="error" testId="backfill-failed">
        {backfill.error ?? 'Accord stopped re-scoring.'} {backfill.processed} of {backfill.total} leads were re-scored.
      </Alert>
    );
  }
  if (backfill.status === 'succeeded') {
    return (
      <Alert title={`Version ${backfill.definitionVersion}: every open lead re-scored`} variant="success" testId="backfill-done">
        {`${backfill.total} leads re-scored, ${backfill.changed} changed${backfill.failed > 0 ? `, ${backfill.failed} failed` : ''}${skippedNote(backfill)}.`}
      </Alert>
    );
  }
  return (
    <ProgressBar
      title={`Re-scoring open leads under version ${backfill.definitionVersion}`}
      value={backfill.processed}
      maxValue={Math.max(backfill.total, 1)}
      valueDescription={backfill.status === 'queued' ? 'Queued' : `${backfill.processed} of ${backfill.total} (${backfill.changed} changed)${skippedNote(backfill)}`}
      testId="backfill-progress"
    />
  );
}

function ownerOptions(owners: readonly OwnerView[], selected: readonly string[]): Array<{ label: string; value: string }> {
  const options = owners.map((o) => ({ value: o.id, label: `${o.name}${o.available ? '' : ' (unavailable)'}` }));
  // Keep members Accord no longer lists as owners selectable, so saving does not silently drop them.
  for (const id of selected) if (!owners.some((o) => o.id === id)) options.push({ value: id, label: `Owner ${id} (not found)` });
  return options;
}

function publishHint(draft: DraftView | null, dirty: boolean, missing: readonly ApprovalRole[]): string {
  if (draft === null || dirty) return 'Save the draft first.';
  if (missing.length > 0) return `Waiting for the ${missing.join(' and ')} sign-off.`;
  return 'Ready: publishing re-scores every open lead.';
}

function signed(n: number): string {
  return n > 0 ? `+${n}` : String(n);
}

function messageOf(error: unknown): string {
  if (error instanceof AccordApiError) return error.message;
  return error instanceof Error ? error.message : String(error);
}

function issuesOf(error: unknown): string[] {
  if (!(error instanceof AccordApiError) || error.body?.issues === undefined) return [];
  return error.body.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}
