import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { accordContactProperties } from '../../adapters/hubspot/accord-contact-properties';
import { accordFieldsToHubspotProperties } from '../../adapters/hubspot/accord-fields-to-hubspot-properties';
import { hubspotContactProperties } from '../../adapters/hubspot/hubspot-contact-to-lead';
import { hubspotSubscriptionKinds } from '../../adapters/hubspot/hubspot-subscription-kinds';
import { rejectionReasonLabels, rejectionReasons } from '../../src/core/rejection-reasons';
import { stageLabels, stages } from '../../src/core/stage';
import { accordApiBase } from '../../manifests/hubspot/src/app/shared/accord-api';
import * as uiTaxonomy from '../../manifests/hubspot/src/app/shared/accord-taxonomy';
import { accordHost, hubspotProject, listFiles, readJson, readText, repoRoot } from './read-manifest';

interface Hsmeta {
  uid: string;
  type: string;
  config: Record<string, unknown>;
}

interface Subscription {
  subscriptionType: string;
  propertyName?: string;
  objectType?: string;
  active: boolean;
}

const src = join(hubspotProject, 'src');
const metaFiles = listFiles(join(src, 'app')).filter((f) => f.endsWith('-hsmeta.json'));
const metas = new Map(metaFiles.map((f) => [f, readJson<Hsmeta>(join(src, 'app', f))]));

function metaOfType(type: string): Hsmeta {
  const found = [...metas.values()].filter((m) => m.type === type);
  if (found.length !== 1) throw new Error(`expected one ${type} component, found ${found.length}`);
  return found[0] as Hsmeta;
}

/** Properties Accord writes (its outputs), as opposed to the rep-entered ones it only reads. */
const repFields = ['accord_rejection_reason', 'accord_rejection_note'];
const accordOutputs = accordContactProperties.map((p) => p.name).filter((name) => !repFields.includes(name));
/** Read for the lead's history, but changing on every save (or never): never a reason to re-decide. */
const systemFields = ['createdate', 'lastmodifieddate'];

describe('HubSpot developer project (manifests/hubspot)', () => {
  it('is a 2025.2 (or newer) project whose components all live under src/app', () => {
    const project = readJson<{ name: string; srcDir: string; platformVersion: string }>(join(hubspotProject, 'hsproject.json'));
    expect(project.srcDir).toBe('src');
    expect(project.platformVersion).toMatch(/^\d{4}\.\d$/);
    expect(Number(project.platformVersion)).toBeGreaterThanOrEqual(2025.2);
    expect(metaFiles.length).toBeGreaterThanOrEqual(4);
  });

  it('gives every component a unique uid, a type that matches its folder, and a config', () => {
    const folderType: Record<string, string> = { '.': 'app', cards: 'card', settings: 'settings', webhooks: 'webhooks' };
    const uids = new Set<string>();
    for (const [file, meta] of metas) {
      expect(Object.keys(meta).sort()).toEqual(['config', 'type', 'uid']);
      expect(meta.uid).toMatch(/^[A-Za-z0-9_.-]{1,64}$/);
      expect(uids.has(meta.uid)).toBe(false);
      uids.add(meta.uid);
      // *-hsmeta.json files sit at the root of their feature folder.
      expect(folderType[dirname(file)]).toBe(meta.type);
    }
  });

  it('is a marketplace app with OAuth, the required scopes, the callback and Accord in permittedUrls.fetch', () => {
    const app = metaOfType('app').config as {
      name: string;
      distribution: string;
      auth: { type: string; redirectUrls: string[]; requiredScopes: string[]; optionalScopes: string[] };
      permittedUrls: { fetch: string[]; iframe: string[]; img: string[] };
    };
    expect(app.distribution).toBe('marketplace');
    expect(app.auth.type).toBe('oauth');
    expect(app.auth.redirectUrls).toEqual([`${accordHost}/oauth/hubspot/callback`]);
    expect([...app.auth.requiredScopes].sort()).toEqual(
      [
        'crm.objects.companies.read',
        'crm.objects.contacts.read',
        'crm.objects.contacts.write',
        'crm.objects.owners.read',
        'crm.schemas.contacts.read',
        'crm.schemas.contacts.write',
        'oauth',
      ].sort(),
    );
    // hubspot.fetch only reaches permitted HTTPS origins: the one the pages call must be listed.
    expect(accordApiBase).toBe(accordHost);
    expect(app.permittedUrls.fetch).toEqual([accordHost]);
    for (const url of app.permittedUrls.fetch) {
      expect(new URL(url).protocol).toBe('https:');
      expect(new URL(url).hostname).not.toBe('localhost');
    }
  });

  describe('webhooks', () => {
    const webhooks = metaOfType('webhooks').config as {
      settings: { targetUrl: string; maxConcurrentRequests: number };
      subscriptions: { crmObjects: Subscription[]; legacyCrmObjects: Subscription[]; hubEvents: Subscription[] };
    };
    const all = [...webhooks.subscriptions.crmObjects, ...webhooks.subscriptions.legacyCrmObjects, ...webhooks.subscriptions.hubEvents];
    const watched = all.filter((s) => s.subscriptionType === 'contact.propertyChange').map((s) => s.propertyName ?? '');

    it('deliver to Accord’s webhook route', () => {
      expect(webhooks.settings.targetUrl).toBe(`${accordHost}/webhooks/hubspot`);
      expect(webhooks.settings.maxConcurrentRequests).toBeGreaterThanOrEqual(1);
    });

    it('subscribe to exactly the properties the definition reads, plus the rep fields', () => {
      const expected = [...hubspotContactProperties].filter((p) => !accordOutputs.includes(p) && !systemFields.includes(p));
      expect(expected).toEqual(expect.arrayContaining(repFields));
      expect([...watched].sort()).toEqual([...expected].sort());
      expect(new Set(watched).size).toBe(watched.length);
    });

    it('never subscribe to a property Accord writes', () => {
      for (const output of accordOutputs) expect(watched).not.toContain(output);
      const written = Object.keys(accordFieldsToHubspotProperties(allFieldsSet)).filter((p) => p.startsWith('accord_'));
      for (const property of written) expect(watched).not.toContain(property);
    });

    it('cover creation and privacy deletion, only with subscription types the adapter understands', () => {
      const types = all.map((s) => s.subscriptionType);
      expect(types).toContain('contact.creation');
      expect(webhooks.subscriptions.hubEvents.map((s) => s.subscriptionType)).toEqual(['contact.privacyDeletion']);
      for (const type of types) expect(hubspotSubscriptionKinds.has(type)).toBe(true);
      expect(all.every((s) => s.active)).toBe(true);
      // Classic (legacy) types, because the adapter normalizes contact.* events; no object.* duplicates.
      expect(webhooks.subscriptions.crmObjects).toEqual([]);
    });
  });

  it('puts the record card on contacts and the settings page, each with an entrypoint that exists and registers itself', () => {
    const card = metaOfType('card').config as { location: string; objectTypes: string[]; entrypoint: string; name: string };
    expect(card.location).toBe('crm.record.tab');
    expect(card.objectTypes).toEqual(['contacts']);
    const settings = metaOfType('settings').config as { entrypoint: string; name: string };
    for (const entrypoint of [card.entrypoint, settings.entrypoint]) {
      expect(entrypoint).toMatch(/^\/app\/(cards|settings)\/[A-Za-z]+\.tsx$/);
      const file = join(src, entrypoint);
      expect(existsSync(file)).toBe(true);
      const code = readText(file);
      expect(code).toMatch(/hubspot\.extend</);
      // UI extensions use HubSpot's components and hubspot.fetch only: no DOM, no window.fetch.
      expect(code).not.toMatch(/from 'react-dom'|\bwindow\.|[^.]\bfetch\(/);
    }
    expect(readText(join(src, card.entrypoint))).toContain("hubspot.extend<'crm.record.tab'>");
    expect(readText(join(src, settings.entrypoint))).toContain("hubspot.extend<'settings'>");
  });

  it('pins the same @hubspot/ui-extensions and React the tests run against', () => {
    const root = readJson<{ devDependencies: Record<string, string> }>(join(repoRoot, 'package.json'));
    const installed = readJson<{ version: string }>(join(repoRoot, 'node_modules', '@hubspot', 'ui-extensions', 'package.json')).version;
    expect(root.devDependencies['@hubspot/ui-extensions']).toBeDefined();
    for (const folder of ['cards', 'settings']) {
      const pkg = readJson<{ dependencies: Record<string, string> }>(join(src, 'app', folder, 'package.json'));
      expect(pkg.dependencies['@hubspot/ui-extensions']).toBe(installed);
      expect(pkg.dependencies.react).toBe('18.3.1');
    }
  });
});

const allFieldsSet = {
  score: 80,
  stage: 'sales_ready',
  why: 'why',
  definitionVersion: 3,
  slaDueAt: '2025-03-05T09:00:00.000Z',
  ownerId: '77',
};

describe('HubSpot properties Accord writes', () => {
  const byName = new Map(accordContactProperties.map((p) => [p.name, p]));
  const written = accordFieldsToHubspotProperties(allFieldsSet);

  it('are Accord properties of a matching type, or the standard owner property', () => {
    const expectedType: Record<string, string> = {
      accord_score: 'number',
      accord_stage: 'enumeration',
      accord_why: 'string',
      accord_definition_version: 'number',
      accord_sla_due_at: 'datetime',
    };
    for (const [name, value] of Object.entries(written)) {
      if (name === 'hubspot_owner_id') continue; // HubSpot's own property: Accord never creates it
      const property = byName.get(name);
      expect(property).toBeDefined();
      expect(property?.type).toBe(expectedType[name]);
      if (property?.type === 'number' || property?.type === 'datetime') expect(Number.isFinite(Number(value))).toBe(true);
      if (property?.type === 'enumeration') expect(property.options?.map((o) => o.value)).toContain(value);
    }
    expect(Object.keys(written).sort()).toEqual([...Object.keys(expectedType), 'hubspot_owner_id'].sort());
  });

  it('have picklist options equal to the stages and the rejection taxonomy', () => {
    expect(byName.get('accord_stage')?.options?.map((o) => [o.value, o.label])).toEqual(stages.map((s) => [s, stageLabels[s]]));
    expect(byName.get('accord_rejection_reason')?.options?.map((o) => [o.value, o.label])).toEqual(
      rejectionReasons.map((r) => [r, rejectionReasonLabels[r]]),
    );
  });
});

describe('HubSpot UI copies of the core taxonomy', () => {
  it('match src/core (the HubSpot build cannot import src/core)', () => {
    expect(uiTaxonomy.stages).toEqual(stages);
    expect(uiTaxonomy.stageLabels).toEqual(stageLabels);
    expect(uiTaxonomy.rejectionReasons).toEqual(rejectionReasons);
    expect(uiTaxonomy.rejectionReasonLabels).toEqual(rejectionReasonLabels);
  });
});
