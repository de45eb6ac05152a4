import type { Definition, Disqualifier, Pool } from '../shared/accord-api';

/**
 * Pure edits of the working definition the settings page holds. Each returns a new definition
 * (never mutates), so "has it changed since the saved draft?" is a plain comparison.
 */

export function sameDefinition(a: Definition, b: Definition): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function setCriterionPoints(d: Definition, id: string, points: number): Definition {
  return { ...d, criteria: d.criteria.map((c) => (c.id === id ? { ...c, points } : c)) };
}

export function setSignalPoints(d: Definition, id: string, points: number): Definition {
  return { ...d, intent: { ...d.intent, signals: d.intent.signals.map((s) => (s.id === id ? { ...s, points } : s)) } };
}

export function setIntentMax(d: Definition, maxPoints: number): Definition {
  return { ...d, intent: { ...d.intent, maxPoints } };
}

export function setThreshold(d: Definition, which: 'mql' | 'salesReady', value: number): Definition {
  return { ...d, thresholds: { ...d.thresholds, [which]: value } };
}

export function setSla(d: Definition, which: 'hotHours' | 'standardHours', value: number): Definition {
  return { ...d, sla: { ...d.sla, [which]: value } };
}

/**
 * Turns a disqualifier on (adds the catalog's copy, in catalog order) or off (removes it).
 * The definition has no "disabled" flag: a disqualifier that is off is simply not in it.
 */
export function toggleDisqualifier(d: Definition, catalog: readonly Disqualifier[], id: string, on: boolean): Definition {
  const present = d.disqualifiers.some((q) => q.id === id);
  if (on === present) return d;
  if (!on) return { ...d, disqualifiers: d.disqualifiers.filter((q) => q.id !== id) };
  const entry = catalog.find((q) => q.id === id);
  if (entry === undefined) return d;
  const order = (q: Disqualifier): number => {
    const i = catalog.findIndex((c) => c.id === q.id);
    return i < 0 ? Number.MAX_SAFE_INTEGER : i;
  };
  return { ...d, disqualifiers: [...d.disqualifiers, entry].sort((a, b) => order(a) - order(b)) };
}

/** The disqualifiers an admin can toggle: the catalog, plus any custom one only this definition has. */
export function toggleableDisqualifiers(d: Definition, catalog: readonly Disqualifier[]): Disqualifier[] {
  const ids = new Set(catalog.map((q) => q.id));
  return [...catalog, ...d.disqualifiers.filter((q) => !ids.has(q.id))];
}

export function setDomainList(d: Definition, list: 'freeMailDomains' | 'competitorDomains', values: string[]): Definition {
  return { ...d, [list]: values };
}

/** "Gmail.com, yahoo.com\n@outlook.com" → ["gmail.com", "yahoo.com", "outlook.com"]: one per line or comma, deduplicated. */
export function parseDomainList(text: string): string[] {
  const seen = new Set<string>();
  for (const raw of text.split(/[\s,;]+/)) {
    const domain = raw.trim().toLowerCase().replace(/^@/, '');
    if (domain !== '') seen.add(domain);
  }
  return [...seen];
}

/** Domains the definition schema would refuse (shorter than 3 characters or without a dot). */
export function invalidDomains(values: readonly string[]): string[] {
  return values.filter((v) => v.length < 3 || !/^[a-z0-9.-]+\.[a-z0-9-]+$/.test(v));
}

/** Members picked for a pool; a member kept keeps its round-robin weight, a new one starts at 1. */
export function setPoolMembers(d: Definition, poolId: string, ownerIds: readonly string[]): Definition {
  return mapPool(d, poolId, (p) => ({
    ...p,
    members: ownerIds.map((ownerId) => p.members.find((m) => m.ownerId === ownerId) ?? { ownerId, weight: 1 }),
  }));
}

export function setPoolTeam(d: Definition, poolId: string, team: string): Definition {
  const trimmed = team.trim();
  return mapPool(d, poolId, (p) => ({ ...p, team: trimmed === '' ? null : trimmed }));
}

function mapPool(d: Definition, poolId: string, edit: (p: Pool) => Pool): Definition {
  return { ...d, routing: { ...d.routing, pools: d.routing.pools.map((p) => (p.id === poolId ? edit(p) : p)) } };
}

/** Points a lead can reach: every fit/contact criterion plus the capped intent. */
export function pointsAvailable(d: Definition): number {
  return d.criteria.reduce((sum, c) => sum + c.points, 0) + d.intent.maxPoints;
}

/** What the page itself can tell is wrong before asking Accord (Accord validates everything again). */
export function definitionProblems(d: Definition): string[] {
  const problems: string[] = [];
  const inRange = (v: number, min: number, max: number) => Number.isFinite(v) && v >= min && v <= max;
  for (const c of d.criteria) if (!inRange(c.points, 0, 100)) problems.push(`${c.label}: points must be 0–100`);
  for (const s of d.intent.signals) if (!inRange(s.points, 0, 100)) problems.push(`${s.label}: points must be 0–100`);
  if (!inRange(d.intent.maxPoints, 0, 100)) problems.push('Intent cap must be 0–100');
  if (!inRange(d.thresholds.mql, 0, 100) || !inRange(d.thresholds.salesReady, 0, 100)) problems.push('Thresholds must be 0–100');
  if (d.thresholds.mql > d.thresholds.salesReady) problems.push('The MQL threshold must not be above the sales-ready threshold');
  if (!(d.sla.hotHours > 0 && d.sla.hotHours <= 720) || !(d.sla.standardHours > 0 && d.sla.standardHours <= 720)) {
    problems.push('SLA targets must be more than 0 and at most 720 hours');
  }
  if (pointsAvailable(d) <= 0) problems.push('The criteria must be able to award some points');
  const badFreeMail = invalidDomains(d.freeMailDomains);
  if (badFreeMail.length > 0) problems.push(`Not a domain (free-mail list): ${badFreeMail.slice(0, 5).join(', ')}`);
  const badCompetitors = invalidDomains(d.competitorDomains);
  if (badCompetitors.length > 0) problems.push(`Not a domain (competitor list): ${badCompetitors.slice(0, 5).join(', ')}`);
  return problems;
}
