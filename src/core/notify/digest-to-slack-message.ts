import { clip } from '../clip';
import { commonalityLine, digestSummary, digestTitle, groupLine, guaranteeNote } from './digest-phrases';
import { context, header, section, slackEscape as esc, type SlackBlock, type SlackMessage } from './slack-message';
import type { WeeklyDigest } from './weekly-digest';

/** The weekly digest as a Slack incoming-webhook message (Block Kit). */
export function digestToSlackMessage(digest: WeeklyDigest): SlackMessage {
  const blocks: SlackBlock[] = [header(digestTitle(digest)), section(esc(digestSummary(digest)))];
  if (digest.recentRejections.length > 0) {
    const lines = digest.recentRejections.map((r) => {
      const note = r.note === null ? '' : `: “${esc(clip(r.note, 120))}”`;
      const origin = [r.source, r.campaign].filter((v) => v !== null).join(' / ');
      const tail = [origin, r.repName, r.rejectedOn].filter((v) => v !== null && v !== '').map((v) => esc(v as string));
      return `• *${esc(clip(r.who, 100))}* — ${esc(r.reasonLabel)}${note} · ${tail.join(' · ')}`;
    });
    blocks.push({ type: 'divider' }, section(`*Last ${lines.length} rejected leads*\n${lines.join('\n')}`));
  }
  if (digest.bySource.length > 0) {
    blocks.push(section('*Rejection reasons by source*', digest.bySource.map((g) => `*${esc(g.name)}* (${g.total})\n${esc(groupLine(g))}`)));
  }
  if (digest.byCampaign.length > 0) {
    blocks.push(section('*Rejection reasons by campaign*', digest.byCampaign.map((g) => `*${esc(g.name)}* (${g.total})\n${esc(groupLine(g))}`)));
  }
  const converted = digest.totals.conversions;
  const common = [
    ['Sources', digest.converted.sources],
    ['Signals', digest.converted.signals],
    ['Titles', digest.converted.titles],
  ] as const;
  const commonLines = common
    .filter(([, list]) => list.length > 0)
    .map(([label, list]) => `*${label}:* ${list.map((c) => esc(commonalityLine(c, converted))).join('; ')}`);
  if (commonLines.length > 0) blocks.push({ type: 'divider' }, section(`*What converted leads had in common*\n${commonLines.join('\n')}`));
  blocks.push(context(esc(guaranteeNote)));
  return { text: `${digestTitle(digest)} — ${digestSummary(digest)}`, blocks };
}
