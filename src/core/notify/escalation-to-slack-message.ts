import type { EscalationAlert } from './escalation-alert';
import { escalationFacts, escalationTitle } from './escalation-phrases';
import { header, section, slackEscape as esc, type SlackBlock, type SlackMessage } from './slack-message';

/** An SLA escalation as a Slack incoming-webhook message, with a button to the record when there is a link. */
export function escalationToSlackMessage(alert: EscalationAlert): SlackMessage {
  const blocks: SlackBlock[] = [
    header(escalationTitle(alert)),
    section(esc(alert.explanation), escalationFacts(alert).map(([label, value]) => `*${label}*\n${esc(value)}`)),
  ];
  if (alert.recordUrl !== null) {
    blocks.push({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the record' }, url: alert.recordUrl, action_id: 'open_record' }],
    });
  }
  return { text: `${escalationTitle(alert)} — ${alert.explanation}`, blocks };
}
