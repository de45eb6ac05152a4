import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import { defaultDefinition } from '../core/default-definition';
import { openStore } from '../store/open-store';

/** `accord definition [--default]`: the shared definition of a qualified lead, as JSON. */
export async function runDefinition(config: Config, argv: string[]): Promise<number> {
  const { values } = parseArgs({ args: argv, options: { default: { type: 'boolean' } }, strict: true });
  if (values.default) {
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
