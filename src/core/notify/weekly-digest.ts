import type { RejectionKind } from '../classify-rejection';
import type { RejectionReason } from '../rejection-reasons';

export interface ReasonCount {
  reason: RejectionReason;
  label: string;
  count: number;
}

/** Rejections of leads from one source or campaign. */
export interface RejectionGroup {
  /** The source or campaign, or "(none)". */
  name: string;
  total: number;
  /** Rejections that count against the source under the lead guarantee. */
  sourceFailures: number;
  /** Most frequent first. */
  reasons: ReasonCount[];
}

/** How much more often converted leads had something than leads handed to sales in general. */
export interface Commonality {
  value: string;
  /** Converted leads that had it, and their share of all converted leads. */
  count: number;
  share: number;
  /** Its share among all leads handed to sales (the base rate), and share ÷ base rate. */
  baseShare: number;
  lift: number;
}

export interface DigestRejection {
  recordId: string;
  /** "Pat Lee (VP Sales, Acme)". */
  who: string;
  reasonLabel: string;
  note: string | null;
  source: string | null;
  campaign: string | null;
  repName: string | null;
  /** "2 Mar 2026", tenant calendar. */
  rejectedOn: string;
  kind: RejectionKind;
}

/** The Monday digest: what sales rejected and why, and what the leads that converted shared. */
export interface WeeklyDigest {
  periodStart: string;
  periodEnd: string;
  /** "23 Feb – 2 Mar 2026". */
  periodLabel: string;
  timeZone: string;
  totals: { rejections: number; sourceFailures: number; definitionMisses: number; conversions: number };
  /** The last ten, newest first. */
  recentRejections: DigestRejection[];
  topReasons: ReasonCount[];
  bySource: RejectionGroup[];
  byCampaign: RejectionGroup[];
  converted: { sources: Commonality[]; signals: Commonality[]; titles: Commonality[] };
}
