/**
 * What routing remembers between leads, per tenant, stored as JSON with the decisions so routing
 * is deterministic and survives restarts. Keys are pool ids (each pool's owners' smooth round-robin
 * weights) plus assignment tallies under keys no pool id can take, since pool ids have no "#":
 * "#day:2026-03-02" and "#month:2026-03" map owner id → leads routed to them that day or month
 * (the owner's own calendar). States stored before tallies existed are simply pools-only.
 */
export type RoutingState = Record<string, Record<string, number>>;
