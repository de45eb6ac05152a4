import type { SlaEscalation } from './decision';
import { formatZonedTime } from './format-zoned-time';
import type { Owner } from './owner';
import { ownerName } from './owner-name';

/**
 * The why's line for an SLA escalation: "Escalated: SLA breached at 2026-03-02 13:00 UTC,
 * reassigned from Maria Lopez to Sam Chen", on the breaching owner's clock.
 */
export function escalationLine(escalation: SlaEscalation, owners: readonly Owner[], defaultTimeZone: string): string {
  const from = escalation.fromOwnerId === null ? null : owners.find((o) => o.id === escalation.fromOwnerId);
  const at = formatZonedTime(Date.parse(escalation.breachedAt), from?.timeZone ?? defaultTimeZone);
  const fromName = escalation.fromOwnerId === null ? 'nobody' : ownerName(owners, escalation.fromOwnerId);
  const suffix = escalation.note === null ? '' : ` (${escalation.note})`;
  if (escalation.toOwnerId === null) return `Escalated: SLA breached at ${at}; alert sent, still with ${fromName}${suffix}`;
  const manager = escalation.action === 'pool_manager' ? ', the pool manager' : '';
  return `Escalated: SLA breached at ${at}, reassigned from ${fromName} to ${ownerName(owners, escalation.toOwnerId)}${manager}${suffix}`;
}
