import { z } from 'zod';

const option = z.object({
  label: z.string(),
  value: z.string(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean({ error: 'every option needs hidden (true or false)' }),
  description: z.string().optional(),
});

const type = z.enum(['string', 'number', 'date', 'datetime', 'enumeration', 'bool']);
const fieldType = z.enum(['textarea', 'text', 'date', 'file', 'number', 'select', 'radio', 'checkbox', 'booleancheckbox', 'calculation_equation', 'phonenumber']);

/** `POST /crm/v3/properties/contacts` body (HubSpot's PropertyCreate). */
export const propertyCreateSchema = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  type,
  fieldType,
  groupName: z.string().min(1),
  description: z.string().optional(),
  options: z.array(option).optional(),
  displayOrder: z.number().int().optional(),
  hidden: z.boolean().optional(),
  formField: z.boolean().optional(),
  hasUniqueValue: z.boolean().optional(),
});

/** `PATCH /crm/v3/properties/contacts/:name` body (HubSpot's PropertyUpdate). */
export const propertyUpdateSchema = propertyCreateSchema.omit({ name: true }).partial();

export const propertyGroupCreateSchema = z.object({
  name: z.string().min(1),
  label: z.string().min(1),
  displayOrder: z.number().int().optional(),
});

export type PropertyOptionInput = z.infer<typeof option>;
