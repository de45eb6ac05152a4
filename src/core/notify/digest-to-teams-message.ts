import { clip } from '../clip';
import { commonalityLine, digestSummary, digestTitle, groupLine, guaranteeNote } from './digest-phrases';
import { facts, teamsMessage, text, type CardElement, type TeamsMessage } from './teams-message';
import type { WeeklyDigest } from './weekly-digest';

/** The weekly digest as a Teams message with an Adaptive Card. */
export function digestToTeamsMessage(digest: WeeklyDigest): TeamsMessage {
  const body: CardElement[] = [text(digestTitle(digest), { size: 'Large', weight: 'Bolder' }), text(digestSummary(digest), { isSubtle: true })];
  if (digest.recentRejections.length > 0) {
    body.push(text(`Last ${digest.recentRejections.length} rejected leads`, { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    body.push(
      facts(
        digest.recentRejections.map((r) => {
          const note = r.note === null ? '' : `: “${clip(r.note, 120)}”`;
          const origin = [r.source, r.campaign, r.repName, r.rejectedOn].filter((v) => v !== null && v !== '').join(' · ');
          return [clip(r.who, 100), `${r.reasonLabel}${note} · ${origin}`] as const;
        }),
      ),
    );
  }
  if (digest.bySource.length > 0) {
    body.push(text('Rejection reasons by source', { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    body.push(facts(digest.bySource.map((g) => [`${g.name} (${g.total})`, groupLine(g)] as const)));
  }
  if (digest.byCampaign.length > 0) {
    body.push(text('Rejection reasons by campaign', { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    body.push(facts(digest.byCampaign.map((g) => [`${g.name} (${g.total})`, groupLine(g)] as const)));
  }
  const converted = digest.totals.conversions;
  const common = (
    [
      ['Sources', digest.converted.sources],
      ['Signals', digest.converted.signals],
      ['Titles', digest.converted.titles],
    ] as const
  ).filter(([, list]) => list.length > 0);
  if (common.length > 0) {
    body.push(text('What converted leads had in common', { weight: 'Bolder', separator: true, spacing: 'Medium' }));
    body.push(facts(common.map(([label, list]) => [label, list.map((c) => commonalityLine(c, converted)).join('; ')] as const)));
  }
  body.push(text(guaranteeNote, { size: 'Small', isSubtle: true, separator: true }));
  return teamsMessage(body);
}
