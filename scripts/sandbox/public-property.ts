import type { PropertyDefinition, PropertyGroup } from './hubspot-property-definition';

/** A property in HubSpot's JSON (`GET /crm/v3/properties/contacts`). */
export function toPublicProperty(property: PropertyDefinition) {
  return {
    name: property.name,
    label: property.label,
    type: property.type,
    fieldType: property.fieldType,
    description: property.description,
    groupName: property.groupName,
    options: property.options.map((option) => ({ ...option })),
    displayOrder: property.displayOrder,
    calculated: false,
    externalOptions: property.referencedObjectType !== undefined,
    hasUniqueValue: property.hasUniqueValue,
    hidden: property.hidden,
    hubspotDefined: property.hubspotDefined,
    formField: property.formField,
    ...(property.referencedObjectType ? { referencedObjectType: property.referencedObjectType } : {}),
    modificationMetadata: {
      archivable: !property.hubspotDefined,
      readOnlyDefinition: property.hubspotDefined,
      readOnlyValue: property.readOnlyValue,
    },
    createdAt: new Date(property.createdAt).toISOString(),
    updatedAt: new Date(property.updatedAt).toISOString(),
    archived: property.archived,
  };
}

export function toPublicPropertyGroup(group: PropertyGroup) {
  return { name: group.name, label: group.label, displayOrder: group.displayOrder, archived: group.archived };
}
