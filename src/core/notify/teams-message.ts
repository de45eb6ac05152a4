/** The slice of Adaptive Cards 1.4 Accord sends to a Teams incoming webhook or workflow. */
export interface TextBlock {
  type: 'TextBlock';
  text: string;
  wrap: true;
  size?: 'Small' | 'Default' | 'Medium' | 'Large';
  weight?: 'Default' | 'Bolder';
  isSubtle?: boolean;
  spacing?: 'Default' | 'Medium' | 'Large';
  separator?: boolean;
}
export interface FactSet {
  type: 'FactSet';
  facts: Array<{ title: string; value: string }>;
}
export type CardElement = TextBlock | FactSet;
export interface OpenUrlAction {
  type: 'Action.OpenUrl';
  title: string;
  url: string;
}
export interface AdaptiveCard {
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json';
  type: 'AdaptiveCard';
  version: '1.4';
  body: CardElement[];
  actions?: OpenUrlAction[];
}

export interface AdaptiveCardAttachment {
  contentType: 'application/vnd.microsoft.card.adaptive';
  contentUrl: null;
  content: AdaptiveCard;
}

/** What Teams webhooks and Workflows accept: a message with one Adaptive Card attachment. */
export interface TeamsMessage {
  type: 'message';
  attachments: [AdaptiveCardAttachment];
}

export function teamsMessage(body: CardElement[], actions: OpenUrlAction[] = []): TeamsMessage {
  const content: AdaptiveCard = { $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4', body };
  if (actions.length > 0) content.actions = actions;
  return { type: 'message', attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', contentUrl: null, content }] };
}

export function text(value: string, style: Omit<TextBlock, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: value, wrap: true, ...style };
}

export function facts(pairs: ReadonlyArray<readonly [string, string]>): FactSet {
  return { type: 'FactSet', facts: pairs.map(([title, value]) => ({ title, value })) };
}
