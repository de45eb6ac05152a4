import type { Sandbox } from '../../../scripts/sandbox/start-sandbox';
import type { Decision } from '../../../src/core/decision';
import type { Store } from '../../../src/store/store';
import { hubspotTenant } from './start-chaos-stack';

/** The figures every chaos scenario reports (docs/reliability.md). */
export interface BurstFigures {
  scenario: string;
  eventsIn: number;
  decided: number;
  written: number;
  lost: number;
  duplicated: number;
  deadLetters: number;
}

/** Accord's writes to a contact: versions of accord_stage made by an integration (the only writer of it). */
export function accordWritesOf(sandbox: Sandbox, id: string): number {
  const contact = sandbox.state.hubspot.contacts.get(id);
  return (contact.history.accord_stage ?? []).filter((v) => v.sourceType === 'INTEGRATION').length;
}

/**
 * Each record of the burst must have exactly one decision and exactly one CRM write: fewer is a lost
 * event, more a duplicate.
 */
export async function burstFigures(scenario: string, sandbox: Sandbox, store: Store, ids: string[], eventsIn: number): Promise<BurstFigures> {
  const decisions = await store.listDecisionHistory(hubspotTenant);
  const perRecord = new Map<string, Decision[]>();
  for (const d of decisions) perRecord.set(d.recordId, [...(perRecord.get(d.recordId) ?? []), d]);
  let decided = 0;
  let written = 0;
  let lost = 0;
  let duplicated = 0;
  for (const id of ids) {
    const count = perRecord.get(id)?.length ?? 0;
    const writes = accordWritesOf(sandbox, id);
    if (count > 0) decided += 1;
    if (writes > 0) written += 1;
    if (count === 0 || writes === 0) lost += 1;
    if (count > 1 || writes > 1) duplicated += 1;
  }
  const deadLetters = (await store.listDeadLetters(hubspotTenant)).length;
  return { scenario, eventsIn, decided, written, lost, duplicated, deadLetters };
}

/** Figures of the whole chaos run, printed as one table at the end. */
export const chaosFigures: BurstFigures[] = [];

export function printFigures(figures: BurstFigures[]): void {
  // The report's source: `npm run test:chaos` prints this table.
  console.table(figures);
}
