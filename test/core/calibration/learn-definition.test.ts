import { learnDefinition } from '../../../src/core/calibration/learn-definition';
import { evaluateDefinition } from '../../../src/core/calibration/evaluate-definition';
import { decide } from '../../../src/core/decide';
import { defaultDefinition } from '../../../src/core/default-definition';
import { definitionSchema } from '../../../src/core/definition';
import { makeLead } from '../make-lead';
import { syntheticCandidates, syntheticOutcomes } from './synthetic-outcomes';

const now = new Date('2026-01-01T00:00:00Z');
const context = { owners: [], routingState: {}, previous: null };

describe('learnDefinition on outcomes with known effects', () => {
  const rows = syntheticOutcomes(3000);
  const result = learnDefinition(rows, { current: defaultDefinition, candidates: syntheticCandidates, now });
  const definition = result.definition;

  it('produces a valid definition with a calibration, criteria of 0 points or more and no intent', () => {
    expect(definitionSchema.safeParse(definition).success).toBe(true);
    expect(definition.calibration?.method).toBe('platt');
    expect(definition.criteria.every((c) => c.points >= 0)).toBe(true);
    expect(definition.intent.maxPoints).toBe(0);
    expect(definition.autoAccept).toBeNull();
  });

  it('learns the direction of each effect: A above C above B, more visits above fewer', () => {
    const score = (raw: Record<string, string | null>) => decide(makeLead({ raw: { Colour: 'red', ...raw } }), definition, context, now).score;
    expect(score({ Source: 'A', Visits: '5' })).toBeGreaterThan(score({ Source: 'C', Visits: '5' }));
    expect(score({ Source: 'C', Visits: '5' })).toBeGreaterThan(score({ Source: 'B', Visits: '5' }));
    expect(score({ Source: 'C', Visits: '16' })).toBeGreaterThan(score({ Source: 'C', Visits: '3' }));
  });

  it('re-bases negative effects: the worst band of every feature gets 0 points, the best lead scores 100', () => {
    for (const feature of result.features) expect(Math.min(...feature.bands.map((b) => b.points))).toBe(0);
    const best = decide(makeLead({ raw: { Source: 'A', Visits: '19', Colour: bestColour() } }), definition, context, now);
    expect(best.score).toBeGreaterThanOrEqual(99);
  });

  it('explains every score with reasons that add up to it', () => {
    for (const row of rows.slice(0, 200)) {
      const decision = decide(row.lead, definition, context, now);
      expect(decision.reasons.reduce((sum, r) => sum + r.points, 0)).toBe(decision.score);
    }
  });

  it('ranks fresh leads from the same process far better than chance', () => {
    const fresh = syntheticOutcomes(2000, 99);
    expect(evaluateDefinition(fresh, definition, now).auc).toBeGreaterThan(0.75);
  });

  it('is deterministic', () => {
    expect(learnDefinition(rows, { current: defaultDefinition, candidates: syntheticCandidates, now }).definition).toEqual(definition);
  });

  function bestColour(): string {
    const colour = result.features.find((f) => f.name === 'Colour');
    const top = colour === undefined ? undefined : [...colour.bands].sort((a, b) => b.points - a.points)[0];
    return top?.words ?? 'red';
  }
});

describe('the leakage guard in learning', () => {
  const rows = syntheticOutcomes(2000, 5, { leak: true });

  it('leaves out a field that gives the outcome away, unless the caller insists', () => {
    const guarded = learnDefinition(rows, { current: defaultDefinition, candidates: syntheticCandidates, now });
    expect(guarded.leakage.find((l) => l.name === 'Outcome Copy')?.excluded).toBe(true);
    expect(JSON.stringify(guarded.definition.criteria)).not.toContain('Outcome Copy');

    const insisted = learnDefinition(rows, { current: defaultDefinition, candidates: syntheticCandidates, now, allowFields: ['Outcome Copy'] });
    expect(insisted.allowed).toEqual(['Outcome Copy']);
    expect(JSON.stringify(insisted.definition.criteria)).toContain('raw.Outcome Copy');
  });
});

describe('learning from few outcomes', () => {
  it('blends toward the current definition by n/(n+k) and keeps its criteria', () => {
    const rows = syntheticOutcomes(60, 21).map((row, i) => ({ ...row, lead: { ...row.lead, title: i % 2 === 0 ? 'VP Sales' : null } }));
    const result = learnDefinition(rows, { current: defaultDefinition, candidates: syntheticCandidates, now, priorStrength: 100 });
    const rarer = Math.min(result.converted, result.rows - result.converted);
    expect(result.blendWeight).toBeCloseTo(rarer / (rarer + 100), 12);
    expect(result.definition.criteria.map((c) => c.id)).toContain('title_match');
    expect(result.notes.join(' ')).toMatch(/% learned points/);
    expect(definitionSchema.safeParse(result.definition).success).toBe(true);
  });
});
