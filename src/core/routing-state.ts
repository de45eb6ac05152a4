/**
 * Smooth weighted round-robin state, per pool: each owner's current weight.
 * Stored with the decisions so routing is deterministic and survives restarts.
 */
export type RoutingState = Record<string, Record<string, number>>;
