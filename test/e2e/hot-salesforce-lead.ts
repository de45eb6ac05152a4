/** The HubSpot end-to-end tests' hot lead (`hot-hubspot-lead.ts`) as a Salesforce Lead, marketing signals in the optional fields. */
export const hotSalesforceLead = {
  FirstName: 'Dana',
  LastName: 'Reyes',
  Email: 'dana.reyes@betasoloin.com',
  Title: 'VP of Sales',
  Company: 'Betasoloin',
  NumberOfEmployees: 300,
  Country: 'United States',
  State: 'CA',
  Phone: '+1 415 867 2301',
  Last_Conversion__c: 'Demo request',
  Form_Submissions__c: 2,
  Page_Views__c: 14,
};
