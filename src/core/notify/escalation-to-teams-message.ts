import type { EscalationAlert } from './escalation-alert';
import { escalationFacts, escalationTitle } from './escalation-phrases';
import { facts, teamsMessage, text, type TeamsMessage } from './teams-message';

/** An SLA escalation as a Teams message with an Adaptive Card, linking to the record when there is a link. */
export function escalationToTeamsMessage(alert: EscalationAlert): TeamsMessage {
  const body = [text(escalationTitle(alert), { size: 'Medium', weight: 'Bolder' }), text(alert.explanation), facts(escalationFacts(alert))];
  const actions = alert.recordUrl === null ? [] : [{ type: 'Action.OpenUrl' as const, title: 'Open the record', url: alert.recordUrl }];
  return teamsMessage(body, actions);
}
