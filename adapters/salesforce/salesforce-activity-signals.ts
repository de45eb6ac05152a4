import type { ActivityKind, ActivitySignal } from '../../src/core/lead';
import { salesforceDatetime, salesforceNumber, salesforceText } from './salesforce-value';

type Values = Readonly<Record<string, unknown>>;

// LeadSource names how the lead came in; an org's own values ("Web - Demo", "Pricing Page") say what it asked for.
const leadSourceKinds: ReadonlyArray<readonly [RegExp, ActivityKind]> = [
  [/demo/i, 'demo_request'],
  [/pricing/i, 'pricing_page_view'],
  [/webinar|seminar/i, 'webinar'],
  [/download|white ?paper|e-?book|content/i, 'content_download'],
];

/**
 * Intent signals from the Lead itself (no extra API call). The optional marketing fields map exactly
 * as HubSpot's contact properties do (latest conversion name and date, form count, page views), so one
 * person scores the same in both CRMs; LeadSource adds the signal it names, dated at creation, unless
 * a conversion field already reports that kind.
 */
export function salesforceActivitySignals(values: Values): ActivitySignal[] {
  const signals: ActivitySignal[] = [];
  const conversion = (salesforceText(values.Last_Conversion__c) ?? '').toLowerCase();
  const conversionAt = salesforceDatetime(values.Last_Conversion_Date__c);
  if (conversion.includes('demo')) signals.push({ kind: 'demo_request', count: 1, lastAt: conversionAt });
  if (conversion.includes('pricing')) signals.push({ kind: 'pricing_page_view', count: 1, lastAt: conversionAt });
  const forms = salesforceNumber(values.Form_Submissions__c);
  if (forms !== null && forms > 0) signals.push({ kind: 'form_submission', count: forms, lastAt: conversionAt });
  const pageViews = salesforceNumber(values.Page_Views__c);
  if (pageViews !== null && pageViews > 0) signals.push({ kind: 'page_view', count: pageViews, lastAt: salesforceDatetime(values.LastModifiedDate) });

  const source = salesforceText(values.LeadSource) ?? '';
  const sourceKind = leadSourceKinds.find(([pattern]) => pattern.test(source))?.[1];
  if (sourceKind && !signals.some((signal) => signal.kind === sourceKind)) {
    signals.push({ kind: sourceKind, count: 1, lastAt: salesforceDatetime(values.CreatedDate) });
  }
  return signals;
}
