import { accordFeedbackFields, optionalActivityFields, standardLeadFields } from '../../adapters/salesforce/salesforce-lead-fields';

/**
 * The fields the sandbox's outbound message sends: exactly what docs/salesforce.md tells an admin to
 * pick — every field Accord reads (LastModifiedById included), none of Accord's outputs.
 */
export const defaultOutboundFields: readonly string[] = [
  'Id',
  ...Object.keys(standardLeadFields),
  ...Object.keys(accordFeedbackFields),
  ...Object.keys(optionalActivityFields),
];
