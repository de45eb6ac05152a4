import { fitWhy } from './fit-why';

const closingLine = /^(Routed to |Not routed: |Escalated: |Handed back to marketing: )/;
const cutMarker = /^… (\d+) more$/;

/**
 * The why with an escalation stamped on, without re-scoring the lead: the SLA sweep has the
 * decision, not the record. The routing line is replaced when the escalation moved the lead (null
 * keeps it), and any earlier "Escalated:" line gives way to the new one; the result reads the same
 * as the why decide() writes on the next re-score, so that re-score costs no CRM write.
 */
export function stampEscalation(why: string, routingLine: string | null, escalationLine: string): string {
  const [head = '', ...rest] = why.split('\n');
  const bullets: string[] = [];
  const closing: string[] = [];
  let hidden = 0;
  for (const line of rest) {
    const cut = cutMarker.exec(line);
    if (cut !== null) hidden += Number(cut[1]);
    else if (closingLine.test(line)) closing.push(line);
    else bullets.push(line);
  }
  const keptRouting = closing.filter((line) => line.startsWith('Routed to ') || line.startsWith('Not routed: '));
  const tail = [...(routingLine === null ? keptRouting : [routingLine]), escalationLine];
  return fitWhy(head, bullets, tail, hidden);
}
