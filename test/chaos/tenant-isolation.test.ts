import type { Express } from 'express';
import { signHubspotV3 } from '../../adapters/hubspot/hubspot-signature-v3';
import { sandboxDefaults } from '../../scripts/sandbox/sandbox-options';
import { defaultDefinition } from '../../src/core/default-definition';
import { signDashboardLink } from '../../src/server/dashboard/sign-dashboard-link';
import { decision, tenantRecord } from '../store/fixtures';
import { chaosSecretKey, hubspotTenant, startChaosStack, type ChaosStack } from './support/start-chaos-stack';

const tenantB = { crm: 'hubspot' as const, tenantId: '99887766' };
const marker = 'TENANT-B-ONLY';

interface RouteLayer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: RouteLayer[] };
}

/** Every method + path registered on the app, nested routers included (their mount prefix is probed below). */
function registeredRoutes(app: Express): Array<{ method: string; path: string; nested: boolean }> {
  const found: Array<{ method: string; path: string; nested: boolean }> = [];
  const walk = (stack: RouteLayer[], nested: boolean) => {
    for (const layer of stack) {
      if (layer.route) for (const method of Object.keys(layer.route.methods)) found.push({ method: method.toUpperCase(), path: layer.route.path, nested });
      else if (layer.handle?.stack) walk(layer.handle.stack, true);
    }
  };
  walk((app as unknown as { router: { stack: RouteLayer[] } }).router.stack, false);
  return found;
}

describe('tenant isolation: a request proven for tenant A never reaches tenant B', () => {
  let stack: ChaosStack;
  let app: Express | undefined;
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    stack = await startChaosStack({ onApp: (a) => (app = a) });
    const { store } = stack.accord;
    const now = new Date().toISOString();
    await store.upsertTenant(tenantRecord(tenantB, { name: marker }));
    const draft = await store.saveDraft(tenantB, { ...defaultDefinition, name: marker }, marker, now);
    ids.draftId = String(draft.id);
    const published = await store.publishDraft(tenantB, (await store.saveDraft(tenantB, { ...defaultDefinition, name: `${marker} v1` }, marker, now)).id, marker, now);
    ids.publishedId = String(published.id);
    ids.recordId = '424242';
    await store.commitDecisions(tenantB, [{ decision: decision({ ...tenantB, recordId: ids.recordId, why: marker }), writtenFields: [] }], {}, []);
  });
  afterAll(async () => {
    await stack.stop();
  });

  /** B's state, to compare before and after every attempt. */
  async function tenantBState(): Promise<string> {
    const { store } = stack.accord;
    return JSON.stringify([
      await store.listDefinitions(tenantB),
      await store.decisionHistory(tenantB, ids.recordId ?? ''),
      await store.listFeedback(tenantB),
      await store.listDraftApprovals(tenantB),
      await store.getRecordRejection(tenantB, ids.recordId ?? ''),
      await store.listBackfills(tenantB),
    ]);
  }

  function fill(path: string): string {
    return path.replace(/:(\w+)/g, (_m, name: string) => {
      if (/draft/i.test(name)) return ids.draftId ?? '1';
      if (/record/i.test(name)) return ids.recordId ?? '1';
      if (/file/i.test(name)) return 'leads.csv';
      return ids.publishedId ?? '1';
    });
  }

  async function asTenantA(method: string, path: string): Promise<{ status: number; body: string }> {
    const body = method === 'GET' || method === 'HEAD' ? undefined : JSON.stringify({ definition: { ...defaultDefinition, name: 'hijack' }, reason: 'no_budget', role: 'sales' });
    const isApi = path.startsWith('/api/');
    const query = new URLSearchParams(
      isApi
        ? { portalId: hubspotTenant.tenantId, appId: sandboxDefaults.appId, userId: '7000001', userEmail: 'a@tenant-a.example', tenant: `hubspot:${tenantB.tenantId}` }
        : { ...signDashboardLink(chaosSecretKey, hubspotTenant, Math.floor(Date.now() / 1000) + 600) },
    );
    // The dashboard link is A's; ask for B's tenant with it.
    if (!isApi) query.set('tenant', `hubspot:${tenantB.tenantId}`);
    const url = `${stack.accord.url}${path}?${query}`;
    const timestamp = String(Date.now());
    const signature = signHubspotV3(sandboxDefaults.clientSecret, method, url, body ?? '', timestamp);
    const response = await fetch(url, {
      method,
      headers: { 'content-type': 'application/json', 'x-hubspot-signature-v3': signature, 'x-hubspot-request-timestamp': timestamp },
      body,
    });
    return { status: response.status, body: await response.text() };
  }

  it('tries every registered route with A\'s credentials against B\'s ids: nothing of B is read or changed', async () => {
    expect(app).toBeDefined();
    const routes = registeredRoutes(app as Express).filter((r) => !r.path.startsWith('/webhooks') && r.path !== '/health' && r.path !== '/metrics');
    const prefixes = ['/api/hubspot', '/api/salesforce', '/dashboard'];
    const before = await tenantBState();
    const tried: string[] = [];
    for (const route of routes) {
      for (const prefix of route.nested ? prefixes : ['']) {
        const path = `${prefix}${fill(route.path)}`.replace(/\/$/, '') || '/';
        const answer = await asTenantA(route.method, path);
        if (answer.status === 404 && answer.body.includes('no route for')) continue;
        tried.push(`${route.method} ${path} → ${answer.status}`);
        expect({ route: `${route.method} ${path}`, leaks: answer.body.includes(marker) }).toEqual({ route: `${route.method} ${path}`, leaks: false });
      }
    }
    expect(await tenantBState()).toBe(before);
    // The CRM API's and the dashboard's routes were among those tried.
    expect(tried.some((t) => t.includes('/api/hubspot/definitions'))).toBe(true);
    expect(tried.some((t) => t.includes('/dashboard'))).toBe(true);
  });
});
