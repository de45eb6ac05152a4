import type { EscalationAlert } from './escalation-alert';

/** Wording shared by the Slack and Teams escalation alerts. */

export function escalationTitle(alert: EscalationAlert): string {
  return `SLA breached: ${alert.who}`;
}

export function escalationFacts(alert: EscalationAlert): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [
    ['Score', `${alert.score}/100${alert.tier === 'hot' ? ' (hot)' : ''}`],
    ['Due', alert.breachedAt],
    ['Owner', alert.fromOwnerName ?? 'nobody'],
    ['Now with', alert.toOwnerName ?? `${alert.fromOwnerName ?? 'nobody'} (not reassigned)`],
  ];
  if (alert.newDueAt !== null) pairs.push(['New due time', alert.newDueAt]);
  return pairs;
}
