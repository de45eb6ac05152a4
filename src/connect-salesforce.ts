import { createHash } from 'node:crypto';
import type { Logger } from 'pino';
import { z } from 'zod';
import { createSalesforceAdapter, type SalesforceAdapter } from '../adapters/salesforce/create-salesforce-adapter';
import { sameSalesforceId, toSalesforceId18 } from '../adapters/salesforce/salesforce-id';
import { salesforceOrgToken } from '../adapters/salesforce/salesforce-org-token';
import { startSalesforceSession, type SalesforceSession } from '../adapters/salesforce/start-salesforce-session';
import type { SalesforceClientOptions, SalesforceTokens } from '../adapters/salesforce/salesforce-client-options';
import type { TenantConnection } from './core/crm-adapter';
import type { TenantRef } from './core/lead';
import type { Config } from './config/config-schema';
import { credentialsSealer } from './config/credentials-sealer';
import { parseRoleTeams } from './config/parse-role-teams';
import { bootstrapTenant } from './pipeline/bootstrap-tenant';
import type { Clock } from './pipeline/clock';
import type { Store, TenantRecord } from './store/store';

/** What the tenant row keeps (encrypted): the live session, so a restart needs no new token. */
const storedSessionSchema = z.object({
  v: z.literal(1),
  /** Digest of the SALESFORCE_REFRESH_TOKEN this session came from: a new one in the environment starts over. */
  seededFrom: z.string(),
  organizationId: z.string(),
  integrationUserId: z.string(),
  accessToken: z.string(),
  refreshToken: z.string(),
  instanceUrl: z.string(),
});
type StoredSession = z.infer<typeof storedSessionSchema>;

export interface ConnectedSalesforce {
  adapter: SalesforceAdapter;
  tenant: TenantRef;
  definitionVersion: number;
  owners: number;
  /** Current credentials for the org (they change when a session is refreshed). */
  connectionFor(tenant: TenantRecord): TenantConnection;
  /** The endpoint to give the org's outbound message. */
  outboundUrl(publicUrl: string): string;
}

/** Orgs served besides the one in the environment (OAuth installs): their integration users, and where refreshed tokens go. */
export interface OtherSalesforceOrgs {
  integrationUserId(organizationId: string): string | null;
  tokensRefreshed(organizationId: string, tokens: SalesforceTokens): void;
}

/** The External Client App in the environment, shared by every org's connection. */
export function salesforceClientOptions(config: Config): SalesforceClientOptions {
  return {
    loginUrl: config.SALESFORCE_LOGIN_URL,
    clientId: config.SALESFORCE_CLIENT_ID as string,
    clientSecret: config.SALESFORCE_CLIENT_SECRET as string,
    apiVersion: config.SALESFORCE_API_VERSION,
    timeoutMs: 30_000,
  };
}

/** One adapter for every org of the app: `orgs` says which user is Accord in each and keeps their refreshed tokens. */
export function createSalesforceAppAdapter(config: Config, orgs: OtherSalesforceOrgs): SalesforceAdapter {
  return createSalesforceAdapter({
    secretKey: config.ACCORD_SECRET_KEY as string,
    client: salesforceClientOptions(config),
    integrationUserId: (org) => orgs.integrationUserId(org),
    roleTeams: parseRoleTeams(config.SALESFORCE_ROLE_TEAMS),
    onTokenRefreshed: (tenantId, tokens) => orgs.tokensRefreshed(tenantId, tokens),
  });
}

/**
 * Connects the org configured in the environment: reuses the stored session when it came from the
 * same refresh token, else trades the refresh token for one (which also says which org and user it
 * is), builds the adapter, keeps refreshed tokens stored (encrypted) with the tenant, and makes the
 * tenant ready (Accord's fields checked, default definition published, owners loaded). The adapter
 * also serves `others` (OAuth-installed orgs), when given.
 */
export async function connectSalesforce(config: Config, store: Store, clock: Clock, logger: Logger, others: OtherSalesforceOrgs | null = null): Promise<ConnectedSalesforce> {
  const secretKey = config.ACCORD_SECRET_KEY as string;
  const envRefreshToken = config.SALESFORCE_REFRESH_TOKEN as string;
  const sealer = credentialsSealer(secretKey);
  const client = salesforceClientOptions(config);
  const seededFrom = createHash('sha256').update(envRefreshToken).digest('base64url').slice(0, 22);
  const configuredOrg = config.SALESFORCE_ORG_ID ? toSalesforceId18(config.SALESFORCE_ORG_ID) : null;

  const candidates = configuredOrg
    ? [await store.getTenant({ crm: 'salesforce', tenantId: configuredOrg })]
    : await store.listTenants('salesforce');
  const stored = candidates
    .map((tenant) => (tenant ? openSession(sealer.open(tenant.credentials)) : null))
    .find((session): session is StoredSession => session !== null && session.seededFrom === seededFrom);
  // POST {loginUrl}/services/oauth2/token when there is nothing stored to resume.
  const fresh: SalesforceSession | null = stored ? null : await startSalesforceSession(client, envRefreshToken);

  if (fresh && configuredOrg && !sameSalesforceId(fresh.organizationId, configuredOrg)) {
    throw new Error(`SALESFORCE_REFRESH_TOKEN belongs to org ${fresh.organizationId}, not SALESFORCE_ORG_ID ${configuredOrg}`);
  }
  const organizationId = configuredOrg ?? stored?.organizationId ?? (fresh as SalesforceSession).organizationId;
  const integrationUserId =
    (config.SALESFORCE_INTEGRATION_USER_ID ? toSalesforceId18(config.SALESFORCE_INTEGRATION_USER_ID) : null) ??
    stored?.integrationUserId ??
    (fresh as SalesforceSession).userId;
  let current = {
    accessToken: stored?.accessToken ?? fresh?.accessToken ?? '',
    refreshToken: stored?.refreshToken ?? fresh?.refreshToken ?? envRefreshToken,
    instanceUrl: config.SALESFORCE_INSTANCE_URL ?? stored?.instanceUrl ?? fresh?.instanceUrl ?? '',
  };
  const tenant: TenantRef = { crm: 'salesforce', tenantId: organizationId };
  const sealed = () => sealer.seal(JSON.stringify({ v: 1, seededFrom, organizationId, integrationUserId, ...current } satisfies StoredSession));

  const persist = async () => {
    const row = await store.getTenant(tenant);
    if (!row) return;
    await store.upsertTenant({ ...row, credentials: sealed(), instanceUrl: current.instanceUrl, updatedAt: new Date(clock.now()).toISOString() });
  };
  const adapter = createSalesforceAppAdapter(config, {
    integrationUserId: (org) => (sameSalesforceId(org, organizationId) ? integrationUserId : (others?.integrationUserId(org) ?? null)),
    tokensRefreshed: (tenantId, tokens) => {
      if (!sameSalesforceId(tenantId, organizationId)) return others?.tokensRefreshed(tenantId, tokens);
      current = { accessToken: tokens.accessToken, refreshToken: tokens.refreshToken ?? current.refreshToken, instanceUrl: tokens.instanceUrl || current.instanceUrl };
      persist().catch((error: unknown) => logger.error({ err: error instanceof Error ? error.message : String(error) }, 'could not store refreshed Salesforce tokens'));
    },
  });
  const connectionFor = (record: TenantRecord): TenantConnection => {
    if (record.crm !== 'salesforce' || !sameSalesforceId(record.tenantId, organizationId)) {
      throw new Error(`no credentials for ${record.crm} account ${record.tenantId}`);
    }
    return { crm: 'salesforce', tenantId: organizationId, ...current };
  };
  const ready = await bootstrapTenant(
    store,
    adapter,
    { crm: 'salesforce', tenantId: organizationId, ...current },
    { name: `Salesforce org ${organizationId}`, credentials: sealed(), installFields: true },
    new Date(clock.now()),
  );
  return {
    adapter,
    tenant,
    definitionVersion: ready.definitionVersion,
    owners: ready.owners,
    connectionFor,
    outboundUrl: (publicUrl) => `${publicUrl.replace(/\/+$/, '')}/webhooks/salesforce/${salesforceOrgToken(secretKey, organizationId)}`,
  };
}

function openSession(plain: string | null): StoredSession | null {
  if (plain === null) return null;
  try {
    const parsed = storedSessionSchema.safeParse(JSON.parse(plain));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}
