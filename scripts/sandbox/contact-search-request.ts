import { z } from 'zod';

export const searchPageMax = 200;
export const searchResultCap = 10_000;

const filter = z.looseObject({
  propertyName: z.string().min(1),
  operator: z.enum(['EQ', 'NEQ', 'LT', 'LTE', 'GT', 'GTE', 'BETWEEN', 'IN', 'NOT_IN', 'HAS_PROPERTY', 'NOT_HAS_PROPERTY', 'CONTAINS_TOKEN', 'NOT_CONTAINS_TOKEN']),
  value: z.union([z.string(), z.number(), z.boolean()]).transform(String).optional(),
  highValue: z.union([z.string(), z.number()]).transform(String).optional(),
  values: z.array(z.union([z.string(), z.number()]).transform(String)).optional(),
});

// The SDK types sorts as strings ("createdate", "-createdate"); the REST API also takes objects.
const sort = z.union([
  z.string().min(1),
  z.looseObject({ propertyName: z.string().min(1), direction: z.enum(['ASCENDING', 'DESCENDING']).optional() }),
]);

/** `POST /crm/v3/objects/contacts/search` body, with HubSpot's documented limits. */
export const contactSearchRequestSchema = z.looseObject({
  filterGroups: z
    .array(z.looseObject({ filters: z.array(filter).max(6, { message: 'A filter group takes at most 6 filters.' }) }))
    .max(5, { message: 'A search takes at most 5 filter groups.' })
    .refine((groups) => groups.reduce((n, g) => n + g.filters.length, 0) <= 18, { message: 'A search takes at most 18 filters in total.' })
    .default([]),
  sorts: z.array(sort).max(1, { message: 'A search can only be sorted by one property.' }).default([]),
  query: z.string().optional(),
  properties: z.array(z.string()).default([]),
  limit: z.number().int().min(1).max(searchPageMax, { message: `limit must be at most ${searchPageMax}.` }).default(10),
  after: z
    .union([z.string(), z.number()])
    .transform((value) => Number(value))
    .refine((value) => Number.isInteger(value) && value >= 0, { message: 'after must be a non-negative integer.' })
    .refine((value) => value < searchResultCap, { message: `Search results are capped at ${searchResultCap}: after must be below it.` })
    .default(0),
});

export type ContactSearchRequest = z.infer<typeof contactSearchRequestSchema>;
export type SearchFilter = z.infer<typeof filter>;
