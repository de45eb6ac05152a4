import { useEffect } from 'react';
import { Alert, Button, Flex, Heading, LoadingButton, ProgressBar, Table, TableBody, TableCell, TableHead, TableHeader, TableRow, Text, Tile } from '@hubspot/ui-extensions';
import type { CalibrationResult, CalibrationView, FitFigures } from '../shared/accord-api';

export interface LearnFromOutcomesProps {
  /** The calibration started from this page, if any (kept by the page so a reload does not lose it). */
  calibration: CalibrationView | null;
  starting: boolean;
  disabled: boolean;
  start(): void;
  /** Asks Accord how the calibration stands; called every `pollMs` while it runs. */
  poll(id: string): void;
  pollMs: number;
  /** Loads the learned draft into the editor, where preview, sign-offs and publishing apply to it. */
  review(): void;
}

/**
 * "Learn from outcomes": Accord reads the leads whose outcome the CRM already records (won: sales
 * qualified, opportunity or customer; lost: unqualified, bad timing or rejected), learns a
 * definition from them and saves it as a draft. The page shows how the learned definition did
 * against the live one on the newest leads, then the admin reviews it like any draft.
 */
export function LearnFromOutcomes({ calibration, starting, disabled, start, poll, pollMs, review }: LearnFromOutcomesProps) {
  const running = calibration !== null && (calibration.status === 'queued' || calibration.status === 'running');
  useEffect(() => {
    if (!running || calibration === null) return undefined;
    const timer = setTimeout(() => poll(calibration.id), pollMs);
    return () => clearTimeout(timer);
  }, [calibration, running, poll, pollMs]);

  return (
    <Tile>
      <Heading>Learn from outcomes</Heading>
      <Text variant="microcopy">
        Accord reads the contacts whose outcome HubSpot already records (won: sales qualified, opportunity or customer; lost: unqualified, bad timing or
        sent back to marketing), learns points from what they looked like when they came in, and saves the result as a draft. Nothing changes until
        the draft is signed off and published.
      </Text>
      <Flex direction="row" gap="small" align="center">
        <LoadingButton variant="secondary" loading={starting || running} disabled={disabled || running} onClick={start} testId="calibrate">
          Learn a draft from outcomes
        </LoadingButton>
      </Flex>
      {calibration !== null && running ? (
        <ProgressBar
          title="Learning from outcomes"
          value={calibration.phase === 'learning' ? 1 : 0}
          maxValue={1}
          valueDescription={calibration.phase === 'learning' ? `Learning from ${calibration.outcomesRead} outcomes` : `Reading outcomes: ${calibration.outcomesRead} so far`}
          testId="calibration-progress"
        />
      ) : null}
      {calibration !== null && calibration.status === 'failed' ? (
        <Alert title="Nothing was learned" variant={calibration.errorCode === 'not_enough_outcomes' ? 'warning' : 'error'} testId="calibration-failed">
          {calibration.error ?? 'The calibration stopped.'}
        </Alert>
      ) : null}
      {calibration !== null && calibration.status === 'succeeded' && calibration.result !== null ? <CalibrationSummary result={calibration.result} review={review} /> : null}
    </Tile>
  );
}

function CalibrationSummary({ result, review }: { result: CalibrationResult; review(): void }) {
  const { holdout } = result;
  const share = Math.round(result.blendWeight * 100);
  return (
    <Flex direction="column" gap="small">
      <Text format={{ fontWeight: 'demibold' }} testId="calibration-summary">
        {`Learned from ${result.outcomes} outcomes (${result.converted} won)${result.draft === null ? '.' : `, saved as draft #${result.draft.id}.`}`}
      </Text>
      {holdout === null ? (
        <Text testId="calibration-no-holdout">Too few outcomes to keep the newest apart, so the draft was not tested on unseen leads.</Text>
      ) : (
        <Table bordered testId="calibration-figures">
          <TableHead>
            <TableRow>
              <TableHeader>{`On the newest ${holdout.leads} leads`}</TableHeader>
              <TableHeader>Learned draft</TableHeader>
              <TableHeader>Live definition</TableHeader>
            </TableRow>
          </TableHead>
          <TableBody>
            {figureRows.map(([label, key]) => (
              <TableRow key={key}>
                <TableCell>{label}</TableCell>
                <TableCell>{holdout.learned[key].toFixed(3)}</TableCell>
                <TableCell>{holdout.current[key].toFixed(3)}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      <Text testId="calibration-blend">
        {share === 100 ? 'Enough outcomes: the points are all learned.' : `${share} % of each score comes from the learned points, the rest from the live definition (few outcomes).`}
      </Text>
      <Text testId="calibration-leaky">
        {result.leakyFields.length === 0
          ? 'No field was left out.'
          : `Left out because sales fills them in after contact or they give the outcome away: ${result.leakyFields.join(', ')}.`}
      </Text>
      <Text variant="microcopy">{result.confidence}</Text>
      {result.draft !== null ? (
        <Button variant="primary" onClick={review} testId="calibration-review">
          Review the learned draft
        </Button>
      ) : null}
    </Flex>
  );
}

const figureRows: ReadonlyArray<readonly [string, keyof FitFigures]> = [
  ['AUC (ranking, higher is better)', 'auc'],
  ['Calibration error (lower is better)', 'ece'],
  ['Brier score (lower is better)', 'brier'],
];
