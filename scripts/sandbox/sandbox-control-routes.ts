import { Router } from 'express';
import { z } from 'zod';
import type { CallLog } from './call-log';
import type { Clock } from './clock';
import type { FaultInjector } from './fault-injector';
import { faultSpecSchema } from './fault-spec';
import type { HubspotState } from './hubspot-state';
import type { HubspotWebhookDelivery } from './hubspot-webhook-delivery';
import { parseRequestBody } from './parse-request-body';
import { defaultContactProperties, toPublicContact } from './public-contact';
import { simulatedWriteSource } from './sandbox-write-sources';

const userId = z.union([z.number().int().positive(), z.string().regex(/^\d+$/)]).optional();
const properties = z.record(z.string(), z.unknown());
const source = z.enum(['CRM_UI', 'FORM', 'IMPORT']).default('FORM');

const createContactBody = z.strictObject({ properties, source, userId });
const createContactsBody = z.strictObject({ inputs: z.array(z.strictObject({ properties })).min(1).max(100), source, userId });
const editContactBody = z.strictObject({ properties, userId });
const deleteContactBody = z.strictObject({ userId }).default({});
const webhookTargetBody = z.strictObject({ url: z.url().nullable() });

export interface SandboxControlDeps {
  hubspot: HubspotState;
  callLog: CallLog;
  faults: FaultInjector;
  webhooks: HubspotWebhookDelivery;
  resetRateLimits(): void;
  clock: Clock;
  startedAt: number;
}

/**
 * `/_sandbox/*`: not HubSpot. Lets demos and tests see and steer the sandbox: call counts, faults,
 * webhook stats, and contact edits that look like they came from a person (UI), a form or an import.
 */
export function sandboxControlRoutes(deps: SandboxControlDeps): Router {
  const { hubspot, callLog, faults, webhooks } = deps;
  const router = Router();
  const known = (name: string) => hubspot.properties.find(name) !== undefined;
  const publicContact = (record: Parameters<typeof toPublicContact>[0]) =>
    toPublicContact(record, [...defaultContactProperties, ...Object.keys(record.properties)], [], known);

  router.get('/health', (_req, res) => {
    res.json({
      status: 'ok',
      portalId: Number(hubspot.portalId),
      appId: Number(hubspot.appId),
      contacts: hubspot.contacts.list().length,
      owners: hubspot.owners.list().length,
      webhookUrl: webhooks.stats().url,
      uptimeMs: deps.clock() - deps.startedAt,
    });
  });

  router.get('/calls', (_req, res) => {
    res.json(callLog.snapshot());
  });

  router.post('/calls/reset', (_req, res) => {
    callLog.reset();
    res.status(204).end();
  });

  router.post('/rate-limits/reset', (_req, res) => {
    deps.resetRateLimits();
    res.status(204).end();
  });

  router.get('/faults', (_req, res) => {
    res.json({ faults: faults.active() });
  });

  router.post('/faults', (req, res) => {
    const fault = faults.inject(parseRequestBody(faultSpecSchema, req.body));
    res.status(fault ? 201 : 200).json({ fault, faults: faults.active() });
  });

  router.get('/webhooks', (_req, res) => {
    res.json(webhooks.stats());
  });

  router.put('/webhooks', (req, res) => {
    webhooks.setUrl(parseRequestBody(webhookTargetBody, req.body).url);
    res.json(webhooks.stats());
  });

  router.post('/contacts', (req, res) => {
    const body = parseRequestBody(createContactBody, req.body);
    const record = hubspot.contacts.create(body.properties, simulatedWriteSource(body.source, body.userId));
    res.status(201).json(publicContact(record));
  });

  router.post('/contacts/batch', (req, res) => {
    const body = parseRequestBody(createContactsBody, req.body);
    const records = hubspot.contacts.createMany(
      body.inputs.map((input) => input.properties),
      simulatedWriteSource(body.source, body.userId),
    );
    res.status(201).json({ results: records.map(publicContact) });
  });

  router.patch('/contacts/:contactId', (req, res) => {
    const body = parseRequestBody(editContactBody, req.body);
    const record = hubspot.contacts.update(String(req.params.contactId), body.properties, simulatedWriteSource('CRM_UI', body.userId));
    res.json(publicContact(record));
  });

  router.delete('/contacts/:contactId', (req, res) => {
    const body = parseRequestBody(deleteContactBody, req.body);
    hubspot.contacts.get(String(req.params.contactId));
    hubspot.contacts.archive(String(req.params.contactId), simulatedWriteSource('CRM_UI', body.userId));
    res.status(204).end();
  });

  router.post('/contacts/:contactId/privacy-delete', (req, res) => {
    const body = parseRequestBody(deleteContactBody, req.body);
    hubspot.contacts.purge(String(req.params.contactId), simulatedWriteSource('CRM_UI', body.userId));
    res.status(204).end();
  });

  return router;
}
