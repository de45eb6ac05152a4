import type { InboundRequest, VerifyResult } from '../../src/core/crm-adapter';
import { readOutboundMessage } from './read-outbound-message';
import { salesforceOrgToken, sameToken } from './salesforce-org-token';

/**
 * Outbound messages carry no signature: the org proves itself with the secret in the endpoint path,
 * which must be the token Accord derives for the message's OrganizationId. (That the org installed
 * Accord is checked against the store by the ingest step.) Throws InvalidPayloadError when the body
 * is not an outbound message at all, since then there is no organization to check the token for.
 */
export function verifyOutboundMessage(secretKey: string, request: InboundRequest): VerifyResult {
  const given = request.params.orgToken ?? '';
  const message = readOutboundMessage(request.rawBody);
  if (given === '') return { ok: false, status: 401, message: 'the endpoint has no organization token' };
  if (!sameToken(salesforceOrgToken(secretKey, message.organizationId), given)) {
    return { ok: false, status: 401, message: `the endpoint token is not the one Accord issued for organization ${message.organizationId}` };
  }
  return { ok: true };
}
