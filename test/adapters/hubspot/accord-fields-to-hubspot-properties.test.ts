import { accordFieldsToHubspotProperties } from '../../../adapters/hubspot/accord-fields-to-hubspot-properties';
import { hubspotContactToLead } from '../../../adapters/hubspot/hubspot-contact-to-lead';

describe('accordFieldsToHubspotProperties', () => {
  it('sends only the fields given', () => {
    expect(accordFieldsToHubspotProperties({ score: 72 })).toEqual({ accord_score: '72' });
    expect(accordFieldsToHubspotProperties({})).toEqual({});
  });

  it('maps every field to its HubSpot property, the SLA as epoch milliseconds', () => {
    expect(
      accordFieldsToHubspotProperties({
        score: 0,
        stage: 'mql',
        why: 'Scored 55.',
        definitionVersion: 4,
        slaDueAt: '2024-11-06T16:00:00.000Z',
        ownerId: '77001',
      }),
    ).toEqual({
      accord_score: '0',
      accord_stage: 'mql',
      accord_why: 'Scored 55.',
      accord_definition_version: '4',
      accord_sla_due_at: '1730908800000',
      hubspot_owner_id: '77001',
    });
  });

  it('clears with empty strings', () => {
    expect(accordFieldsToHubspotProperties({ score: null, stage: null, why: null, definitionVersion: null, slaDueAt: null, ownerId: null })).toEqual({
      accord_score: '',
      accord_stage: '',
      accord_why: '',
      accord_definition_version: '',
      accord_sla_due_at: '',
      hubspot_owner_id: '',
    });
  });

  it('refuses an SLA time that is not a date', () => {
    expect(() => accordFieldsToHubspotProperties({ slaDueAt: 'tomorrow' })).toThrow('slaDueAt is not a date: "tomorrow"');
  });

  it('round-trips through the read mapping', () => {
    const fields = { score: 88, stage: 'sales_ready', why: 'Why text', definitionVersion: 2, slaDueAt: '2024-11-06T16:00:00.000Z', ownerId: '9', slaState: 'due_soon' };
    const lead = hubspotContactToLead('1', { id: '1', properties: accordFieldsToHubspotProperties(fields) });
    expect(lead.accord).toEqual(fields);
  });
});
