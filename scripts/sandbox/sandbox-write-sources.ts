import type { WriteSource } from './hubspot-contact-record';

/** The user the sandbox pretends is clicking around HubSpot's UI when no user id is given. */
export const sandboxAdminUserId = 9000001;
/** The sandbox's one marketing form; HubSpot reports form submissions with the form's id as sourceId. */
export const sandboxFormId = '5f1c7a0e-3b2d-4e8f-9a61-acc0d0f0a001';
export const sandboxImportId = '50001';

export type SimulatedSource = 'CRM_UI' | 'FORM' | 'IMPORT';

/** Who a simulated (non-API) write comes from, in HubSpot's changeSource / sourceId terms. */
export function simulatedWriteSource(source: SimulatedSource, userId: number | string = sandboxAdminUserId): WriteSource {
  switch (source) {
    case 'CRM_UI':
      return { changeSource: 'CRM_UI', sourceId: `userId:${userId}` };
    case 'FORM':
      return { changeSource: 'FORM', sourceId: sandboxFormId };
    case 'IMPORT':
      return { changeSource: 'IMPORT', sourceId: sandboxImportId };
  }
}
