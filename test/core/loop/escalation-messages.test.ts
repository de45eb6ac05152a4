import { decideWithRouting } from '../../../src/core/decide';
import { leadSummaryOf } from '../../../src/core/lead-summary';
import { escalationAlertOf } from '../../../src/core/notify/escalation-alert';
import { escalationToSlackMessage } from '../../../src/core/notify/escalation-to-slack-message';
import { escalationToTeamsMessage } from '../../../src/core/notify/escalation-to-teams-message';
import { planEscalation } from '../../../src/core/plan-escalation';
import { makeOwner } from '../make-lead';
import { definitionWithSla, hourMs, salesReadyLead } from './loop-fixtures';
import { slackProblems, teamsProblems } from './message-shapes';

const t0 = new Date('2026-03-02T15:00:00.000Z');
const owners = [makeOwner('o1', { name: 'Maria Lopez', teams: ['East'] }), makeOwner('o2', { name: 'Sam Chen', teams: ['East'] })];
const definition = definitionWithSla({ escalation: { action: 'reassign_next', maxReassignments: 1 } });
const lead = salesReadyLead({ company: 'Acme <Industries>' });
const { decision, routingState } = decideWithRouting(lead, definition, { owners, routingState: {}, previous: null }, t0);
const plan = planEscalation(decision, definition, owners, routingState, new Date(t0.getTime() + 25 * hourMs))!;
const url = 'https://app.hubspot.com/contacts/123/record/0-1/r1';
const alert = escalationAlertOf(decision, plan, leadSummaryOf(lead, decision), owners, 'America/New_York', url);

describe('SLA escalation alerts', () => {
  test('say who breached, who has the lead now and when it is due', () => {
    expect(alert).toEqual({
      recordId: 'r1',
      who: 'Pat Lee (VP Sales, Acme <Industries>)',
      score: 85,
      tier: 'standard',
      breachedAt: '2026-03-03 10:00 UTC-05:00',
      action: 'reassign_next',
      fromOwnerName: 'Maria Lopez',
      toOwnerName: 'Sam Chen',
      newDueAt: '2026-03-04 11:00 UTC-05:00',
      explanation: 'Escalated: SLA breached at 2026-03-03 15:00 UTC, reassigned from Maria Lopez to Sam Chen',
      recordUrl: url,
    });
  });

  test('Slack: valid blocks, escaped text, a button to the record', () => {
    const message = escalationToSlackMessage(alert);
    expect(slackProblems(message)).toEqual([]);
    expect(message.blocks[0]).toMatchObject({ type: 'header', text: { text: 'SLA breached: Pat Lee (VP Sales, Acme <Industries>)' } });
    expect(message.blocks[1]).toMatchObject({ type: 'section', fields: expect.arrayContaining([{ type: 'mrkdwn', text: '*Now with*\nSam Chen' }]) });
    expect(message.blocks.at(-1)).toEqual({
      type: 'actions',
      elements: [{ type: 'button', text: { type: 'plain_text', text: 'Open the record' }, url, action_id: 'open_record' }],
    });
  });

  test('Teams: a valid Adaptive Card with the facts and an Open action; no link, no action', () => {
    const message = escalationToTeamsMessage(alert);
    expect(teamsProblems(message)).toEqual([]);
    const card = message.attachments[0].content;
    expect(card.body[2]).toMatchObject({ type: 'FactSet', facts: expect.arrayContaining([{ title: 'Owner', value: 'Maria Lopez' }]) });
    expect(card.actions).toEqual([{ type: 'Action.OpenUrl', title: 'Open the record', url }]);
    expect(escalationToTeamsMessage({ ...alert, recordUrl: null }).attachments[0].content.actions).toBeUndefined();
  });
});
