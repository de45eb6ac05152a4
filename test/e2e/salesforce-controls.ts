import type { Sandbox } from '../../scripts/sandbox/start-sandbox';

type Control = (method: string, path: string, body: unknown) => Promise<unknown>;

/** A lead as the sandbox shows it (REST shape): field name → value. */
export type SandboxLead = Record<string, unknown>;

export interface SalesforceControls {
  /** Creates a lead the way web-to-lead does (owned by the lead queue; not Accord's user, so not an echo). */
  createLead(fields: Record<string, unknown>): Promise<string>;
  /** Edits a lead as a rep in the UI (LastModifiedById = that rep). */
  editAsRep(id: string, fields: Record<string, unknown>): Promise<void>;
  convert(id: string): Promise<void>;
  readLead(id: string): Promise<SandboxLead>;
}

/** The sandbox org's `/_sandbox/salesforce` doors (not Salesforce's API, so not in the call log). */
export function salesforceControls(sandbox: Sandbox, control: Control): SalesforceControls {
  const firstRep = () => sandbox.state.salesforce.users.list().find((user) => user.UserRoleId !== null)?.Id;
  return {
    async createLead(fields) {
      const created = (await control('POST', '/salesforce/leads', { fields })) as { Id: string };
      return created.Id;
    },
    async editAsRep(id, fields) {
      await control('PATCH', `/salesforce/leads/${id}`, { fields, userId: firstRep() });
    },
    async convert(id) {
      await control('POST', `/salesforce/leads/${id}/convert`, { userId: firstRep() });
    },
    async readLead(id) {
      return (await control('GET', `/salesforce/leads/${id}`, undefined)) as SandboxLead;
    },
  };
}
