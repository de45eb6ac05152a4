import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { toSalesforceId18 } from '../../adapters/salesforce/salesforce-id';
import type { Config } from '../config/config-schema';
import { defaultDefinition } from '../core/default-definition';
import type { TenantRef } from '../core/lead';
import { ApiError } from '../server/crm-api/api-error';
import { buildDefinitionsView } from '../server/crm-api/definitions-view';
import { draftView } from '../server/crm-api/draft-view';
import { approveDraft, publishApprovedDraft, saveDraft } from '../server/crm-api/draft-sign-off';
import { liveDefinition } from '../server/crm-api/live-definition';
import { parseTenantParam } from '../server/dashboard/tenant-param';
import { openStore } from '../store/open-store';
import type { Store } from '../store/store';
import { UsageError } from './usage-error';

export const definitionUsage = `Usage:
  accord definition [--default]                      the published definition of each tenant (or the default), as JSON
  accord definition drafts --tenant crm:id           the tenant's unpublished drafts and their sign-offs
  accord definition save --tenant crm:id --file draft.json --by NAME
                                                     save a definition file (e.g. from accord calibrate --out) as a new draft
  accord definition approve --tenant crm:id --draft N --role sales|marketing --by NAME
                                                     sign a draft off for one team (two different people for the two roles)
  accord definition publish --tenant crm:id --draft N --by NAME
                                                     publish a draft signed off by sales and marketing; the running
                                                     server re-scores every open lead (prints the backfill id)
`;

const options = {
  default: { type: 'boolean' },
  tenant: { type: 'string' },
  file: { type: 'string' },
  draft: { type: 'string' },
  role: { type: 'string' },
  by: { type: 'string' },
} as const;

interface Values {
  tenant?: string;
  file?: string;
  draft?: string;
  role?: string;
  by?: string;
}

/**
 * `accord definition …`: print definitions, or take a draft through the shared definition of done
 * from the command line — the same rules as the settings pages (a refusal prints the same message
 * the pages show and exits 2).
 */
export async function runDefinition(config: Config, argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, strict: true, allowPositionals: true });
  const [action, ...extra] = positionals;
  if (extra.length > 0) throw new UsageError(`definition: unexpected "${extra.join(' ')}"\n\n${definitionUsage}`);
  if (action === undefined) return printDefinitions(config, values.default === true);
  if (!['drafts', 'save', 'approve', 'publish'].includes(action)) throw new UsageError(`definition: unknown action "${action}"\n\n${definitionUsage}`);

  const tenant = tenantOf(values);
  const store = await openStore(config.DATABASE_URL);
  try {
    if ((await store.getTenant(tenant)) === null) throw new UsageError(`definition: no tenant ${tenant.crm}:${tenant.tenantId} in ${config.DATABASE_URL}`);
    const now = new Date().toISOString();
    switch (action) {
      case 'drafts':
        return await printDrafts(store, tenant);
      case 'save': {
        const file = required(values.file, '--file');
        const definition = readJsonFile(file);
        const live = await liveDefinition(store, tenant);
        const draft = await saveDraft(store, tenant, definition, live.version, actorOf(values), now);
        process.stdout.write(`Saved draft ${draft.id} (based on version ${draft.basedOnVersion}); it needs a sales and a marketing approval.\n`);
        return 0;
      }
      case 'approve': {
        const role = required(values.role, '--role');
        if (role !== 'sales' && role !== 'marketing') throw new UsageError(`definition approve: --role must be sales or marketing, got "${role}"`);
        const draft = await approveDraft(store, tenant, draftIdOf(values), role, actorOf(values), now);
        process.stdout.write(`Draft ${draft.id} approved for ${role}. ${draft.publishable ? 'Ready to publish.' : `Still: ${draft.blockers.join('; ')}.`}\n`);
        return 0;
      }
      default: {
        const { published, backfill } = await publishApprovedDraft(store, tenant, draftIdOf(values), actorOf(values), now);
        process.stderr.write(`Published version ${published.version}; the running server re-scores every open lead (watch with GET /api/${tenant.crm}/backfills/${backfill.id}).\n`);
        process.stdout.write(`${backfill.id}\n`);
        return 0;
      }
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    process.stderr.write(`accord definition ${action}: ${refusalText(error)}\n`);
    return 2;
  } finally {
    await store.close();
  }
}

async function printDefinitions(config: Config, onlyDefault: boolean): Promise<number> {
  if (onlyDefault) {
    process.stdout.write(`${JSON.stringify(defaultDefinition, null, 2)}\n`);
    return 0;
  }
  const store = await openStore(config.DATABASE_URL);
  try {
    const tenants = await store.listTenants();
    if (tenants.length === 0) {
      process.stdout.write(`${JSON.stringify(defaultDefinition, null, 2)}\n`);
      process.stderr.write('No tenant installed yet: this is the default definition every new tenant starts with.\n');
      return 0;
    }
    const published = [];
    for (const t of tenants) {
      const record = await store.getPublishedDefinition(t);
      published.push({ crm: t.crm, tenantId: t.tenantId, version: record?.version ?? null, publishedAt: record?.publishedAt ?? null, definition: record?.definition ?? null });
    }
    process.stdout.write(`${JSON.stringify(published, null, 2)}\n`);
    return 0;
  } finally {
    await store.close();
  }
}

async function printDrafts(store: Store, tenant: TenantRef): Promise<number> {
  const view = await buildDefinitionsView(store, tenant);
  const approvals = await store.listDraftApprovals(tenant);
  const drafts = (await store.listDefinitions(tenant)).filter((d) => d.status === 'draft').sort((a, b) => b.id - a.id);
  process.stdout.write(`${tenant.crm}:${tenant.tenantId}: version ${view.current.version} is live.\n`);
  if (drafts.length === 0) process.stdout.write('No drafts.\n');
  for (const record of drafts) {
    const draft = draftView(record, approvals, view.current.version);
    const signed = draft.approvals.map((a) => `${a.role} by ${a.approver.id}`).join(', ') || 'no approvals';
    const state = draft.publishable ? 'ready to publish' : draft.blockers.join('; ');
    process.stdout.write(`draft ${draft.id}  based on v${draft.basedOnVersion}  "${draft.definition.name}"  saved by ${draft.createdBy.id} at ${draft.createdAt}  ${signed}  — ${state}\n`);
  }
  return 0;
}

function tenantOf(values: Values): TenantRef {
  const text = required(values.tenant, '--tenant');
  const parsed = parseTenantParam(text);
  if (!parsed) throw new UsageError(`definition: --tenant must be crm:id (hubspot:12345 or salesforce:00D…), got "${text}"`);
  // Salesforce tenants are stored under the 18-character org id; admins often copy the 15-character one.
  return parsed.crm === 'salesforce' ? { crm: 'salesforce', tenantId: toSalesforceId18(parsed.tenantId) ?? parsed.tenantId } : parsed;
}

function draftIdOf(values: Values): number {
  const text = required(values.draft, '--draft');
  if (!/^[1-9][0-9]{0,15}$/.test(text)) throw new UsageError(`definition: --draft must be a draft id (a positive number), got "${text}"`);
  return Number(text);
}

function actorOf(values: Values) {
  return { id: required(values.by, '--by'), email: null };
}

function required(value: string | undefined, flag: string): string {
  if (value === undefined || value.trim() === '') throw new UsageError(`definition: ${flag} is required\n\n${definitionUsage}`);
  return value.trim();
}

function readJsonFile(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new UsageError(`definition save: cannot read ${file}: ${(error as Error).message}`);
  }
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new UsageError(`definition save: ${file} is not JSON (${(error as Error).message})`);
  }
}

/** The pages' message, plus the details they show: which sign-offs are missing, which fields are wrong. */
function refusalText(error: ApiError): string {
  const issues = Array.isArray(error.extra.issues) ? (error.extra.issues as Array<{ path: Array<string | number>; message: string }>) : [];
  const details = issues.slice(0, 10).map((issue) => `\n  ${issue.path.join('.')}: ${issue.message}`).join('');
  return `${error.message} (${error.code})${details}`;
}
