import { clip } from '../clip';

/** The slice of Slack's Block Kit Accord sends to an incoming webhook. */
export interface PlainText {
  type: 'plain_text';
  text: string;
  emoji?: boolean;
}
export interface Mrkdwn {
  type: 'mrkdwn';
  text: string;
}
export interface SlackButton {
  type: 'button';
  text: PlainText;
  url: string;
  action_id: string;
}
export type SlackBlock =
  | { type: 'header'; text: PlainText }
  | { type: 'section'; text: Mrkdwn; fields?: Mrkdwn[] }
  | { type: 'divider' }
  | { type: 'context'; elements: Mrkdwn[] }
  | { type: 'actions'; elements: SlackButton[] };

/** An incoming-webhook body: `text` is the notification and fallback, `blocks` what people see. */
export interface SlackMessage {
  text: string;
  blocks: SlackBlock[];
}

/** Slack's documented limits, which it enforces by refusing the whole message. */
export const slackLimits = { blocks: 50, headerText: 150, sectionText: 3000, fields: 10, fieldText: 2000, contextElements: 10, buttonText: 75 };

/** Text from the CRM is data, not markup: Slack needs only these three escaped. */
export function slackEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function header(text: string): SlackBlock {
  return { type: 'header', text: { type: 'plain_text', text: clip(text, slackLimits.headerText), emoji: true } };
}

export function section(markdown: string, fields: readonly string[] = []): SlackBlock {
  const block: SlackBlock = { type: 'section', text: { type: 'mrkdwn', text: clip(markdown, slackLimits.sectionText) } };
  if (fields.length > 0) {
    block.fields = fields.slice(0, slackLimits.fields).map((f) => ({ type: 'mrkdwn', text: clip(f, slackLimits.fieldText) }));
  }
  return block;
}

export function context(markdown: string): SlackBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text: clip(markdown, slackLimits.sectionText) }] };
}
