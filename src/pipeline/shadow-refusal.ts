/** Why a shadow command was refused; the CLI prints it (exit 2), the CRM API maps the code to a 4xx. */
export type ShadowRefusalCode = 'tenant_not_found' | 'invalid_days' | 'draft_not_found' | 'not_a_draft' | 'shadow_active' | 'shadow_not_found' | 'no_active_shadow';

export class ShadowRefusal extends Error {
  constructor(
    readonly code: ShadowRefusalCode,
    message: string,
    readonly activeRunId: number | null = null,
  ) {
    super(message);
    this.name = 'ShadowRefusal';
  }
}
