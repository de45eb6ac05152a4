import type { Clock } from './clock';
import { HubspotApiError, objectNotFound, validationError } from './hubspot-api-error';
import type { PropertyDefinition, PropertyGroup, PropertySpec } from './hubspot-property-definition';

const propertyNamePattern = /^[a-z][a-z0-9_]*$/;

/** The contact property schema of the portal: HubSpot's defined properties plus whatever apps create. */
export class HubspotPropertyCatalog {
  private readonly properties = new Map<string, PropertyDefinition>();
  private readonly groups = new Map<string, PropertyGroup>();

  constructor(private readonly clock: Clock) {}

  /** Active (not archived) property, or undefined. */
  find(name: string): PropertyDefinition | undefined {
    const property = this.properties.get(name);
    return property && !property.archived ? property : undefined;
  }

  get(name: string, options: { archived?: boolean } = {}): PropertyDefinition {
    const property = this.properties.get(name);
    if (!property || property.archived !== (options.archived ?? false)) {
      throw objectNotFound(`Unable to find property ${name} for object type CONTACT`);
    }
    return property;
  }

  list(options: { archived?: boolean } = {}): PropertyDefinition[] {
    const archived = options.archived ?? false;
    return [...this.properties.values()].filter((p) => p.archived === archived);
  }

  create(spec: PropertySpec): PropertyDefinition {
    if (this.properties.has(spec.name)) {
      throw new HubspotApiError(409, 'OBJECT_ALREADY_EXISTS', `Property named '${spec.name}' already exists.`, {
        subCategory: 'PropertyValidationError.PROPERTY_EXISTS',
      });
    }
    if (!propertyNamePattern.test(spec.name)) {
      throw validationError(`Property name '${spec.name}' is invalid: use lower-case letters, digits and underscores, starting with a letter.`);
    }
    this.assertGroupExists(spec.groupName);
    assertTypeFitsFieldType(spec);
    const now = this.clock();
    const property: PropertyDefinition = {
      description: '',
      options: [],
      displayOrder: -1,
      hidden: false,
      formField: false,
      hasUniqueValue: false,
      hubspotDefined: false,
      readOnlyValue: false,
      createdAt: now,
      updatedAt: now,
      archived: false,
      ...spec,
    };
    this.properties.set(property.name, property);
    return property;
  }

  update(name: string, changes: Partial<Pick<PropertyDefinition, 'label' | 'description' | 'groupName' | 'options' | 'displayOrder' | 'hidden' | 'formField' | 'type' | 'fieldType'>>): PropertyDefinition {
    const property = this.get(name);
    if (property.hubspotDefined && (changes.type || changes.fieldType)) {
      throw validationError(`Cannot change the type of HubSpot defined property ${name}.`);
    }
    if (changes.groupName) this.assertGroupExists(changes.groupName);
    const updated: PropertyDefinition = { ...property, ...changes, updatedAt: this.clock() };
    assertTypeFitsFieldType(updated);
    this.properties.set(name, updated);
    return updated;
  }

  archive(name: string): void {
    const property = this.get(name);
    if (property.hubspotDefined) {
      throw validationError(`Cannot archive HubSpot defined property ${name}.`);
    }
    this.properties.set(name, { ...property, archived: true, updatedAt: this.clock() });
  }

  findGroup(name: string): PropertyGroup | undefined {
    const group = this.groups.get(name);
    return group && !group.archived ? group : undefined;
  }

  listGroups(): PropertyGroup[] {
    return [...this.groups.values()].filter((g) => !g.archived);
  }

  createGroup(group: Omit<PropertyGroup, 'archived' | 'displayOrder'> & { displayOrder?: number }): PropertyGroup {
    if (this.groups.has(group.name)) {
      throw new HubspotApiError(409, 'OBJECT_ALREADY_EXISTS', `A property group with name '${group.name}' already exists.`);
    }
    if (!propertyNamePattern.test(group.name)) {
      throw validationError(`Property group name '${group.name}' is invalid.`);
    }
    const created: PropertyGroup = { displayOrder: -1, ...group, archived: false };
    this.groups.set(created.name, created);
    return created;
  }

  private assertGroupExists(groupName: string): void {
    if (!this.findGroup(groupName)) {
      throw validationError(`Property group '${groupName}' does not exist for object type CONTACT.`);
    }
  }
}

const fieldTypesByType: Record<PropertyDefinition['type'], readonly string[]> = {
  string: ['text', 'textarea', 'phonenumber', 'file', 'calculation_equation'],
  number: ['number', 'calculation_equation'],
  date: ['date'],
  datetime: ['date'],
  enumeration: ['select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation'],
  bool: ['booleancheckbox', 'calculation_equation'],
};

function assertTypeFitsFieldType(spec: Pick<PropertyDefinition, 'name' | 'type' | 'fieldType'>): void {
  const allowed = fieldTypesByType[spec.type];
  if (!allowed) throw validationError(`Property ${spec.name} has an unknown type '${String(spec.type)}'.`);
  if (!allowed.includes(spec.fieldType)) {
    throw validationError(`Property ${spec.name}: fieldType '${spec.fieldType}' is not valid for type '${spec.type}' (allowed: ${allowed.join(', ')}).`);
  }
}
