import type { Logger } from 'pino';
import type { CredentialsSealer } from '../../config/credentials-sealer';
import type { TenantRef } from '../../core/lead';
import type { Clock } from '../../pipeline/clock';
import type { CrmRuntime } from '../../pipeline/tenant-runtime';
import type { Store } from '../../store/store';
import type { Actor } from './actor';

export interface CrmApiDeps {
  store: Store;
  clock: Clock;
  logger: Logger;
  /** The CRM side (adapters, credentials, rate limits): rejections write to the CRM, backfills list records. */
  runtime: CrmRuntime;
  /** Scheme + host HubSpot calls: its signature covers the full URL. */
  readonly publicUrl: string;
  /** The HubSpot app: its client secret signs `hubspot.fetch`; null when HubSpot is not configured. */
  hubspot: { clientSecret: string; appId: string | null } | null;
  /** Starts a queued backfill in the background (re-scoring every open lead under a new version). */
  startBackfill(ref: TenantRef, backfillId: string): void;
  /** Runs work after the answer (a calibration), kept until it ends so shutdown waits for it. */
  runInBackground(work: () => Promise<void>): void;
  /** Tenants' own Slack / Teams channels: sealed at rest (null without ACCORD_SECRET_KEY: none can be set). */
  channels: { sealer: CredentialsSealer | null; allowLoopback: boolean };
}

/** What the auth middleware proved about a request; handlers read it from `res.locals.auth`. */
export interface ApiAuth {
  tenant: TenantRef;
  actor: Actor;
}
