import type { RequestHandler } from 'express';
import type { Clock } from './clock';
import type { WriteSource } from './hubspot-contact-record';
import type { HubspotState } from './hubspot-state';

/** What every HubSpot route module needs: the portal, and the guard chains to put in front of handlers. */
export interface HubspotRouteContext {
  state: HubspotState;
  clock: Clock;
  /** endpoint marker → faults → auth → ten-secondly limit */
  guards: RequestHandler[];
  /** endpoint marker → faults → auth → search's own per-second limit */
  searchGuards: RequestHandler[];
  /** endpoint marker → faults (OAuth endpoints take no bearer token) */
  publicGuards: RequestHandler[];
  /** Writes made with the app's tokens arrive in webhooks as the app's own (INTEGRATION, sourceId = app id). */
  appSource: WriteSource;
}
