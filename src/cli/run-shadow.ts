import { parseArgs } from 'node:util';
import { formatShadowReport } from '../calibration-io/format-shadow-report';
import { formatShadowRuns } from '../calibration-io/format-shadow-runs';
import { InputError } from '../calibration-io/input-error';
import { loadDefinitionFile } from '../calibration-io/load-definition-file';
import type { Config } from '../config/config-schema';
import type { TenantRef } from '../core/lead';
import { buildShadowReport } from '../pipeline/build-shadow-report';
import { shadowRunView } from '../pipeline/shadow-run-view';
import { ShadowRefusal } from '../pipeline/shadow-refusal';
import { defaultShadowDays, maxShadowDays, startShadowRun } from '../pipeline/start-shadow-run';
import { stopShadowRun } from '../pipeline/stop-shadow-run';
import { liveDefinition } from '../server/crm-api/live-definition';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { UsageError } from './usage-error';

export const shadowUsage = `accord shadow <start|stop|report|list> --tenant crm:id [options]
  A candidate definition decides every lead alongside the live one for a period; its calls are
  stored, never written to the CRM, and the report judges both by the outcomes that arrived since.
  start  (--draft N | --definition FILE) [--days N] [--by NAME]
           shadow a saved draft, or a definition file (saved as a draft first), for N days (default ${defaultShadowDays}, at most ${maxShadowDays})
  stop     end the active run now
  report [--run N] [--json]
           how the live definition and the candidate did (default: the active run, else the newest)
  list     every run of the tenant, newest first
`;

function parseTenant(text: string | undefined): TenantRef {
  if (text === undefined) throw new UsageError('shadow: --tenant crm:id is required (hubspot:12345 or salesforce:00D…)');
  const match = /^(hubspot|salesforce):(\S+)$/.exec(text);
  if (!match?.[1] || !match[2]) throw new UsageError(`shadow: --tenant must be crm:id (hubspot:12345 or salesforce:00D…), got "${text}"`);
  return { crm: match[1] as TenantRef['crm'], tenantId: match[2] };
}

function wholeNumber(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^[0-9]{1,15}$/.test(text)) throw new UsageError(`shadow: ${flag} must be a whole number, got "${text}"`);
  return Number(text);
}

/** `accord shadow …`: start, stop, report on and list a tenant's shadow runs. Bad input exits with code 2. */
export async function runShadow(config: Config, argv: string[]): Promise<number> {
  const [action, ...rest] = argv;
  if (action === undefined || action === '--help' || action === '-h' || action === 'help') {
    process.stdout.write(shadowUsage);
    return action === undefined ? 2 : 0;
  }
  if (!['start', 'stop', 'report', 'list'].includes(action)) throw new UsageError(`shadow: unknown action "${action}"\n\n${shadowUsage}`);
  const { values } = parseArgs({
    args: rest,
    options: {
      tenant: { type: 'string' },
      draft: { type: 'string' },
      definition: { type: 'string' },
      days: { type: 'string' },
      by: { type: 'string' },
      run: { type: 'string' },
      json: { type: 'boolean' },
    },
    strict: true,
  });
  const ref = parseTenant(values.tenant);
  const store = await openStore(config.DATABASE_URL);
  try {
    if ((await store.getTenant(ref)) === null) {
      const known = (await store.listTenants()).map((t) => `${t.crm}:${t.tenantId}`);
      throw new UsageError(`shadow: unknown tenant ${ref.crm}:${ref.tenantId} (installed: ${known.length > 0 ? known.join(', ') : 'none'})`);
    }
    const now = new Date();
    switch (action) {
      case 'start':
        return await start(store, ref, values, now);
      case 'stop': {
        const stopped = await stopShadowRun(store, ref, null, values.by ?? 'cli', now);
        process.stdout.write(`Shadow run ${stopped.id} stopped at ${stopped.stoppedAt ?? now.toISOString()}; its calls stay for the report.\n`);
        return 0;
      }
      case 'report':
        return await report(store, ref, wholeNumber(values.run, '--run'), values.json === true, now);
      default: {
        const runs = await store.listShadowRuns(ref);
        const views = [];
        for (const run of runs) views.push(shadowRunView(run, (await store.getDefinition(ref, run.definitionId))?.definition.name ?? null, now));
        process.stdout.write(values.json ? `${JSON.stringify(views, null, 2)}\n` : formatShadowRuns(views));
        return 0;
      }
    }
  } catch (error) {
    if (error instanceof ShadowRefusal || error instanceof InputError) throw new UsageError(`shadow: ${error.message}`);
    throw error;
  } finally {
    await store.close();
  }
}

async function start(store: Store, ref: TenantRef, values: { draft?: string; definition?: string; days?: string; by?: string }, now: Date): Promise<number> {
  if ((values.draft === undefined) === (values.definition === undefined)) throw new UsageError('shadow start: give exactly one of --draft N or --definition FILE');
  const days = wholeNumber(values.days, '--days') ?? defaultShadowDays;
  const by = values.by ?? 'cli';
  let draftId = wholeNumber(values.draft, '--draft');
  if (draftId === undefined) {
    const definition = loadDefinitionFile(values.definition as string);
    // Like a draft saved from the settings page: based on the version live now.
    const live = await liveDefinition(store, ref);
    draftId = (await store.saveDraft(ref, { ...definition, version: live.version }, by, now.toISOString())).id;
    process.stdout.write(`Saved ${values.definition} as draft ${draftId}.\n`);
  }
  const run = await startShadowRun(store, ref, { draftId, days, startedBy: by, actor: by, now });
  process.stdout.write(
    `Shadow run ${run.id} started: draft ${draftId} decides every lead alongside the live definition until ${run.endsAt}.\n` +
      `Its calls are stored, never written to the CRM. See how it does: accord shadow report --tenant ${ref.crm}:${ref.tenantId}\n`,
  );
  return 0;
}

async function report(store: Store, ref: TenantRef, runId: number | undefined, json: boolean, now: Date): Promise<number> {
  const run = runId === undefined ? ((await store.getActiveShadowRun(ref, now.toISOString())) ?? (await store.listShadowRuns(ref))[0] ?? null) : await store.getShadowRun(ref, runId);
  if (run === null) {
    throw new UsageError(runId === undefined ? `shadow report: tenant ${ref.crm}:${ref.tenantId} has no shadow runs; start one with accord shadow start` : `shadow report: there is no shadow run ${runId}`);
  }
  const result = await buildShadowReport(store, ref, run, now);
  process.stdout.write(json ? `${JSON.stringify(result, null, 2)}\n` : formatShadowReport(result));
  return 0;
}
