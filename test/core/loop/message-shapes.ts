import type { SlackMessage } from '../../../src/core/notify/slack-message';
import type { TeamsMessage } from '../../../src/core/notify/teams-message';

/**
 * What Slack and Teams would refuse, as a list of problems ([] = fine). Checked against their
 * published limits: Block Kit (≤ 50 blocks, header plain_text ≤ 150, section text ≤ 3000, ≤ 10
 * fields of ≤ 2000, context ≤ 10 elements, button text ≤ 75, action_id ≤ 255) and the Teams
 * webhook envelope for an Adaptive Card.
 */
export function slackProblems(message: SlackMessage): string[] {
  const problems: string[] = [];
  const raw = JSON.parse(JSON.stringify(message)) as { text?: unknown; blocks?: unknown };
  if (typeof raw.text !== 'string' || raw.text.trim() === '') problems.push('text (the notification fallback) is required');
  if (!Array.isArray(raw.blocks) || raw.blocks.length === 0) return [...problems, 'blocks must be a non-empty array'];
  if (raw.blocks.length > 50) problems.push('more than 50 blocks');
  const textObject = (t: unknown, kind: string | null, max: number, where: string) => {
    const o = t as { type?: unknown; text?: unknown };
    if (typeof o !== 'object' || o === null) return problems.push(`${where}: missing text object`);
    if (o.type !== 'plain_text' && o.type !== 'mrkdwn') problems.push(`${where}: text type ${String(o.type)}`);
    if (kind !== null && o.type !== kind) problems.push(`${where}: must be ${kind}`);
    if (typeof o.text !== 'string' || o.text.length === 0) problems.push(`${where}: empty text`);
    else if (o.text.length > max) problems.push(`${where}: ${o.text.length} > ${max} characters`);
    return 0;
  };
  raw.blocks.forEach((block: Record<string, unknown>, i: number) => {
    const where = `block ${i} (${String(block.type)})`;
    switch (block.type) {
      case 'header':
        textObject(block.text, 'plain_text', 150, where);
        break;
      case 'section': {
        if (block.text === undefined && block.fields === undefined) problems.push(`${where}: needs text or fields`);
        if (block.text !== undefined) textObject(block.text, null, 3000, where);
        if (block.fields !== undefined) {
          const fields = block.fields as unknown[];
          if (!Array.isArray(fields) || fields.length === 0 || fields.length > 10) problems.push(`${where}: 1–10 fields`);
          else fields.forEach((f, j) => textObject(f, null, 2000, `${where} field ${j}`));
        }
        break;
      }
      case 'divider':
        break;
      case 'context': {
        const elements = block.elements as unknown[];
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 10) problems.push(`${where}: 1–10 elements`);
        else elements.forEach((e, j) => textObject(e, null, 3000, `${where} element ${j}`));
        break;
      }
      case 'actions': {
        const elements = block.elements as Array<Record<string, unknown>>;
        if (!Array.isArray(elements) || elements.length === 0 || elements.length > 25) problems.push(`${where}: 1–25 elements`);
        else
          elements.forEach((e, j) => {
            if (e.type !== 'button') problems.push(`${where} element ${j}: not a button`);
            textObject(e.text, 'plain_text', 75, `${where} button ${j}`);
            if (typeof e.url !== 'string' || !/^https?:\/\//.test(e.url)) problems.push(`${where} button ${j}: url`);
            if (typeof e.action_id !== 'string' || e.action_id.length > 255) problems.push(`${where} button ${j}: action_id`);
          });
        break;
      }
      default:
        problems.push(`${where}: unknown block type`);
    }
  });
  return problems;
}

export function teamsProblems(message: TeamsMessage): string[] {
  const problems: string[] = [];
  const raw = JSON.parse(JSON.stringify(message)) as Record<string, unknown>;
  if (raw.type !== 'message') problems.push('type must be "message"');
  const attachments = raw.attachments as Array<Record<string, unknown>> | undefined;
  if (!Array.isArray(attachments) || attachments.length !== 1) return [...problems, 'exactly one attachment'];
  const [attachment] = attachments as [Record<string, unknown>];
  if (attachment.contentType !== 'application/vnd.microsoft.card.adaptive') problems.push('contentType');
  const card = attachment.content as Record<string, unknown> | undefined;
  if (card === undefined || card.type !== 'AdaptiveCard') return [...problems, 'content must be an AdaptiveCard'];
  if (card.version !== '1.4') problems.push('version must be "1.4"');
  const body = card.body as Array<Record<string, unknown>>;
  if (!Array.isArray(body) || body.length === 0) problems.push('body must be a non-empty array');
  else
    body.forEach((element, i) => {
      if (element.type === 'TextBlock') {
        if (typeof element.text !== 'string' || element.text.trim() === '') problems.push(`body ${i}: empty TextBlock`);
      } else if (element.type === 'FactSet') {
        const facts = element.facts as Array<Record<string, unknown>>;
        if (!Array.isArray(facts) || facts.length === 0) problems.push(`body ${i}: empty FactSet`);
        else
          facts.forEach((f, j) => {
            if (typeof f.title !== 'string' || typeof f.value !== 'string' || f.value === '') problems.push(`body ${i} fact ${j}`);
          });
      } else problems.push(`body ${i}: unknown element ${String(element.type)}`);
    });
  const actions = card.actions as Array<Record<string, unknown>> | undefined;
  actions?.forEach((a, i) => {
    if (a.type !== 'Action.OpenUrl' || typeof a.url !== 'string' || typeof a.title !== 'string') problems.push(`action ${i}`);
  });
  return problems;
}
