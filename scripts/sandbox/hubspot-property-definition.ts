export type PropertyType = 'string' | 'number' | 'date' | 'datetime' | 'enumeration' | 'bool';

export type PropertyFieldType =
  | 'textarea'
  | 'text'
  | 'date'
  | 'file'
  | 'number'
  | 'select'
  | 'radio'
  | 'checkbox'
  | 'booleancheckbox'
  | 'calculation_equation'
  | 'phonenumber';

export interface PropertyOption {
  label: string;
  value: string;
  displayOrder: number;
  hidden: boolean;
  description?: string;
}

/** A contact property as the sandbox keeps it; `toPublicProperty` turns it into HubSpot's JSON. */
export interface PropertyDefinition {
  name: string;
  label: string;
  type: PropertyType;
  fieldType: PropertyFieldType;
  groupName: string;
  description: string;
  options: PropertyOption[];
  displayOrder: number;
  hidden: boolean;
  formField: boolean;
  hasUniqueValue: boolean;
  hubspotDefined: boolean;
  /** HubSpot computes the value; API writes are refused with READ_ONLY_VALUE. */
  readOnlyValue: boolean;
  /** Options come from another object (owners), not from `options`. */
  referencedObjectType?: 'OWNER';
  createdAt: number;
  updatedAt: number;
  archived: boolean;
}

export interface PropertyGroup {
  name: string;
  label: string;
  displayOrder: number;
  archived: boolean;
}

/** What a property needs to be declared; the catalog fills in the bookkeeping fields. */
export type PropertySpec = Pick<PropertyDefinition, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'> &
  Partial<Omit<PropertyDefinition, 'name' | 'label' | 'type' | 'fieldType' | 'groupName'>>;
