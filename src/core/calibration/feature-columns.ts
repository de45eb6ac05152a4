import type { Feature } from './feature';

/**
 * How a feature's bands become 0/1 model columns. Numeric value bands are steps ("≥ this cut"),
 * so the L2 penalty shrinks the jump between neighbouring bands rather than each band's level:
 * fine bins stay smooth. Category bands (and a numeric field's unknown band) get a column each.
 */
export function featureColumnCount(feature: Feature): number {
  if (feature.kind === 'category') return feature.bands.length;
  const ranges = feature.bands.filter((b) => b.type === 'range').length;
  return ranges - 1 + (feature.bands.length - ranges);
}

/** The feature-local columns that are 1 for a lead in band `band` (-1: none). */
export function columnsOfBand(feature: Feature, band: number): number[] {
  if (band < 0) return [];
  if (feature.kind === 'category') return [band];
  const ranges = feature.bands.filter((b) => b.type === 'range').length;
  if (band < ranges) return Array.from({ length: band }, (_, k) => k);
  return [ranges - 1 + (band - ranges)];
}

/** Whether a feature-local column is a step between numeric bands (penalised as smoothness). */
export function isStepColumn(feature: Feature, column: number): boolean {
  if (feature.kind === 'category') return false;
  return column < feature.bands.filter((b) => b.type === 'range').length - 1;
}
