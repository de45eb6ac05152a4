/** A hand-written outbound message (as Salesforce formats them), for tests that post their own. */
export function outboundMessageXml(input: {
  organizationId: string;
  notifications: Array<{ id: string; fields: Record<string, string> }>;
  sObjectType?: string;
}): string {
  const notifications = input.notifications
    .map(
      (n) =>
        `<Notification><Id>${n.id}</Id><sObject xsi:type="sf:${input.sObjectType ?? 'Lead'}" xmlns:sf="urn:sobject.enterprise.soap.sforce.com">` +
        Object.entries(n.fields)
          .map(([name, value]) => `<sf:${name}>${value.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</sf:${name}>`)
          .join('') +
        '</sObject></Notification>',
    )
    .join('');
  return (
    '<?xml version="1.0" encoding="UTF-8"?>' +
    '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsd="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    '<soapenv:Body><notifications xmlns="http://soap.sforce.com/2005/09/outbound">' +
    `<OrganizationId>${input.organizationId}</OrganizationId><ActionId>04k5e000000AccrAAC</ActionId><SessionId xsi:nil="true"/>` +
    '<EnterpriseUrl>https://example.my.salesforce.com/services/Soap/c/62.0</EnterpriseUrl><PartnerUrl>https://example.my.salesforce.com/services/Soap/u/62.0</PartnerUrl>' +
    notifications +
    '</notifications></soapenv:Body></soapenv:Envelope>'
  );
}
