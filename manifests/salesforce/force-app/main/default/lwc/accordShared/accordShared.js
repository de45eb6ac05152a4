/**
 * Helpers shared by Accord's Lightning web components: reading AccordApi's answers and refusals,
 * formatting, and the pure edits of the definition the settings page makes (the same rules as the
 * HubSpot settings page, manifests/hubspot/src/app/settings/definition-edits.ts).
 */

/** The JSON an AccordApi method returned. */
export function parseAnswer(json) {
    return JSON.parse(json);
}

/**
 * What went wrong, from an Apex error: AccordApi puts {"status", "error", "message"} as JSON in the
 * AuraHandledException message; anything else (no access, network) has a plain message.
 */
export function refusalOf(error) {
    const raw = error && error.body && typeof error.body.message === 'string' ? error.body.message : error && error.message;
    if (typeof raw === 'string') {
        try {
            const parsed = JSON.parse(raw);
            if (parsed && typeof parsed.message === 'string') {
                return { status: parsed.status, code: parsed.error, message: parsed.message };
            }
        } catch (e) {
            // A plain message.
        }
        return { status: 0, code: 'apex', message: raw };
    }
    return { status: 0, code: 'unknown', message: 'Something went wrong talking to Accord.' };
}

/** "2025-03-04 15:00 UTC": the same for every user, whatever their time zone. */
export function formatInstant(iso) {
    if (!iso) return '—';
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return iso;
    return new Date(ms).toISOString().slice(0, 16).replace('T', ' ') + ' UTC';
}

export function actorLabel(actor) {
    if (!actor) return 'someone in Salesforce';
    return actor.email || `user ${actor.id}`;
}

export const slaStateLabels = {
    none: 'No SLA',
    on_track: 'On track',
    due_soon: 'Due soon',
    breached: 'Breached',
    accepted: 'Accepted by sales'
};

/** The why as a verdict line and bullet lines ("+ met", "- missed", "! disqualifier"). */
export function whyLines(why) {
    const lines = String(why || '')
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    return { verdict: lines[0] || '', bullets: lines.slice(1).map((text, index) => ({ key: `why-${index}`, text })) };
}

export function clone(value) {
    return JSON.parse(JSON.stringify(value));
}

export function sameDefinition(a, b) {
    return JSON.stringify(a) === JSON.stringify(b);
}

/** "Gmail.com, yahoo.com\n@outlook.com" → ["gmail.com", "yahoo.com", "outlook.com"]. */
export function parseDomainList(text) {
    const seen = new Set();
    for (const raw of String(text || '').split(/[\s,;]+/)) {
        const domain = raw.trim().toLowerCase().replace(/^@/, '');
        if (domain !== '') seen.add(domain);
    }
    return [...seen];
}

/** Turns a disqualifier on (the catalog's copy, in catalog order) or off (removed). */
export function toggleDisqualifier(definition, catalog, id, on) {
    const present = definition.disqualifiers.some((q) => q.id === id);
    if (on === present) return definition;
    if (!on) return { ...definition, disqualifiers: definition.disqualifiers.filter((q) => q.id !== id) };
    const entry = catalog.find((q) => q.id === id);
    if (!entry) return definition;
    const order = (q) => {
        const i = catalog.findIndex((c) => c.id === q.id);
        return i < 0 ? Number.MAX_SAFE_INTEGER : i;
    };
    return { ...definition, disqualifiers: [...definition.disqualifiers, entry].sort((a, b) => order(a) - order(b)) };
}

export function toggleableDisqualifiers(definition, catalog) {
    const ids = new Set(catalog.map((q) => q.id));
    return [...catalog, ...definition.disqualifiers.filter((q) => !ids.has(q.id))];
}

/** Members picked for a pool; a member kept keeps its weight, a new one starts at 1. */
export function setPoolMembers(definition, poolId, ownerIds) {
    return {
        ...definition,
        routing: {
            ...definition.routing,
            pools: definition.routing.pools.map((p) =>
                p.id === poolId ? { ...p, members: ownerIds.map((ownerId) => p.members.find((m) => m.ownerId === ownerId) || { ownerId, weight: 1 }) } : p
            )
        }
    };
}

export function setPoolTeam(definition, poolId, team) {
    const trimmed = String(team || '').trim();
    return {
        ...definition,
        routing: { ...definition.routing, pools: definition.routing.pools.map((p) => (p.id === poolId ? { ...p, team: trimmed === '' ? null : trimmed } : p)) }
    };
}

export function pointsAvailable(definition) {
    return definition.criteria.reduce((sum, c) => sum + c.points, 0) + definition.intent.maxPoints;
}

/** What the page can tell is wrong before asking Accord (Accord validates everything again). */
export function definitionProblems(d) {
    const problems = [];
    const inRange = (v, min, max) => Number.isFinite(v) && v >= min && v <= max;
    for (const c of d.criteria) if (!inRange(c.points, 0, 100)) problems.push(`${c.label}: points must be 0–100`);
    for (const s of d.intent.signals) if (!inRange(s.points, 0, 100)) problems.push(`${s.label}: points must be 0–100`);
    if (!inRange(d.intent.maxPoints, 0, 100)) problems.push('Intent cap must be 0–100');
    if (!inRange(d.thresholds.mql, 0, 100) || !inRange(d.thresholds.salesReady, 0, 100)) problems.push('Thresholds must be 0–100');
    if (d.thresholds.mql > d.thresholds.salesReady) problems.push('The MQL threshold must not be above the sales-ready threshold');
    if (!(d.sla.hotHours > 0 && d.sla.hotHours <= 720) || !(d.sla.standardHours > 0 && d.sla.standardHours <= 720)) {
        problems.push('SLA targets must be more than 0 and at most 720 hours');
    }
    if (pointsAvailable(d) <= 0) problems.push('The criteria must be able to award some points');
    return problems;
}
