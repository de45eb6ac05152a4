import type { RequestHandler } from 'express';
import type { ChannelSettingsRecord } from '../../store/channel-settings-record';
import { actorToText } from './actor';
import { ApiError } from './api-error';
import { channelSettingsRequestSchema } from './channel-settings-request-schema';
import { channelSettingsView } from './channel-settings-view';
import type { ApiAuth, CrmApiDeps } from './crm-api-deps';
import { issuesOf } from './parse-body';

/** GET …/settings/channels: the tenant's own Slack / Teams channels, masked. Reads only. */
export function getChannelSettingsHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant } = res.locals.auth as ApiAuth;
    res.json(channelSettingsView(await deps.store.getChannelSettings(tenant), deps.channels.sealer));
  };
}

/**
 * PUT …/settings/channels: sets or clears the tenant's channels, sealed, with an audit entry in the
 * same transaction. The audit and the answer name hosts only: the URL's path is the credential.
 */
export function putChannelSettingsHandler(deps: CrmApiDeps): RequestHandler {
  return async (_req, res) => {
    const { tenant, actor } = res.locals.auth as ApiAuth;
    const parsed = channelSettingsRequestSchema(deps.channels.allowLoopback).safeParse(res.locals.body ?? {});
    if (!parsed.success) {
      // The rules broken, as the message the pages show (Apex passes on only the message); never the URL.
      const issues = issuesOf(parsed.error);
      throw new ApiError(422, 'invalid_channels', `The channels were not saved: ${issues.map((i) => i.message).join('; ')}.`, { issues });
    }
    const body = parsed.data;
    const { sealer } = deps.channels;
    if (sealer === null) throw new ApiError(503, 'unavailable', 'channel settings need ACCORD_SECRET_KEY on the Accord server (they are stored encrypted)');
    const stored = await deps.store.getChannelSettings(tenant);
    const now = new Date(deps.clock.now()).toISOString();
    const next = (wanted: string | null | undefined, current: string | null) => (wanted === undefined ? current : wanted === null ? null : sealer.seal(wanted));
    const settings: ChannelSettingsRecord = {
      slackUrl: next(body.slackWebhookUrl, stored?.slackUrl ?? null),
      teamsUrl: next(body.teamsWebhookUrl, stored?.teamsUrl ?? null),
      updatedBy: actorToText(actor),
      updatedAt: now,
    };
    const change = (wanted: string | null | undefined) => (wanted === undefined ? { change: 'unchanged' } : wanted === null ? { change: 'cleared' } : { change: 'set', host: new URL(wanted).host });
    await deps.store.saveChannelSettings(tenant, settings, {
      tenant,
      at: now,
      actor: actor.id,
      action: 'settings.channels_updated',
      recordId: null,
      detail: { slack: change(body.slackWebhookUrl), teams: change(body.teamsWebhookUrl) },
    });
    res.json(channelSettingsView(settings, sealer));
  };
}
