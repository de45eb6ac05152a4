import type { DraftApproval } from '../../store/crm-api-records';
import type { DefinitionRecord } from '../../store/store';
import { actorFromText } from './actor';

export function approvalView(a: DraftApproval) {
  return { role: a.role, approver: { id: a.approverId, email: a.approverEmail }, approvedAt: a.approvedAt };
}

/** The roles a draft still needs: sales and marketing, signed by two different people. */
export function missingRoles(approvals: readonly DraftApproval[]): Array<'sales' | 'marketing'> {
  return (['sales', 'marketing'] as const).filter((role) => !approvals.some((a) => a.role === role));
}

/** A draft with its sign-offs and, in words, what still stands between it and publishing. */
export function draftView(draft: DefinitionRecord, approvals: readonly DraftApproval[], liveVersion: number) {
  const own = approvals.filter((a) => a.draftId === draft.id);
  const basedOnVersion = draft.definition.version;
  const blockers: string[] = [];
  if (basedOnVersion !== liveVersion) blockers.push(`based on version ${basedOnVersion}, but version ${liveVersion} is live now: save the changes again`);
  for (const role of missingRoles(own)) blockers.push(`needs a ${role} approval`);
  const people = new Set(own.map((a) => a.approverId));
  if (own.length === 2 && people.size < 2) blockers.push('sales and marketing must be approved by two different people');
  return {
    id: draft.id,
    basedOnVersion,
    definition: draft.definition,
    createdBy: actorFromText(draft.createdBy),
    createdAt: draft.createdAt,
    approvals: own.map(approvalView),
    publishable: blockers.length === 0,
    blockers,
  };
}
