import { accordContactProperties, accordPropertyGroup } from '../../../adapters/hubspot/accord-contact-properties';
import { accordFieldsToHubspotProperties } from '../../../adapters/hubspot/accord-fields-to-hubspot-properties';
import { hubspotContactProperties } from '../../../adapters/hubspot/hubspot-contact-to-lead';
import { rejectionReasons } from '../../../src/core/rejection-reasons';
import { stages } from '../../../src/core/stage';

const byName = new Map(accordContactProperties.map((property) => [property.name, property]));

describe('accordContactProperties', () => {
  it('defines each Accord property once, in the accord group', () => {
    expect(accordContactProperties.map((p) => p.name)).toEqual([
      'accord_score',
      'accord_stage',
      'accord_why',
      'accord_definition_version',
      'accord_sla_due_at',
      'accord_sla_state',
      'accord_rejection_reason',
      'accord_rejection_note',
    ]);
    expect(accordContactProperties.every((p) => p.groupName === accordPropertyGroup.name)).toBe(true);
  });

  it('offers every stage and rejection reason as a visible option', () => {
    expect(byName.get('accord_stage')?.options?.map((o) => o.value)).toEqual([...stages]);
    expect(byName.get('accord_rejection_reason')?.options?.map((o) => o.value)).toEqual([...rejectionReasons]);
    const options = accordContactProperties.flatMap((p) => p.options ?? []);
    expect(options.every((o) => o.hidden === false && o.label.length > 0)).toBe(true);
  });

  it('pairs types with HubSpot field types it accepts', () => {
    const allowed: Record<string, string[]> = { number: ['number'], string: ['text', 'textarea'], datetime: ['date'], enumeration: ['select'] };
    for (const p of accordContactProperties) expect(allowed[p.type]).toContain(p.fieldType);
    expect(accordContactProperties.filter((p) => p.type === 'enumeration').every((p) => (p.options ?? []).length > 0)).toBe(true);
  });

  it('covers every property the adapter writes (except the owner) and is read back by the adapter', () => {
    const written = Object.keys(
      accordFieldsToHubspotProperties({ score: 1, stage: 'mql', why: 'w', definitionVersion: 1, slaDueAt: '2024-01-01T00:00:00Z', ownerId: '1' }),
    ).filter((name) => name !== 'hubspot_owner_id');
    for (const name of written) expect(byName.has(name)).toBe(true);
    for (const p of accordContactProperties) expect(hubspotContactProperties).toContain(p.name);
  });
});
