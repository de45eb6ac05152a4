import { parseArgs } from 'node:util';
import type { Config } from '../config/config-schema';
import { openStore } from '../store/open-store';
import { UsageError } from './usage-error';

/** `accord dead-letters [retry] [--id N]`: see what failed for good, and replay it once fixed. */
export async function runDeadLetters(config: Config, argv: string[]): Promise<number> {
  const { positionals, values } = parseArgs({ args: argv, options: { id: { type: 'string', multiple: true } }, allowPositionals: true, strict: true });
  const action = positionals[0] ?? 'list';
  if (action !== 'list' && action !== 'retry') throw new UsageError(`dead-letters: unknown action "${action}" (use list or retry)`);
  const ids = (values.id ?? []).map((raw) => {
    const id = Number(raw);
    if (!Number.isInteger(id) || id <= 0) throw new UsageError(`dead-letters: --id must be a positive whole number, got "${raw}"`);
    return id;
  });
  const store = await openStore(config.DATABASE_URL);
  try {
    if (action === 'retry') {
      const moved = await store.requeueDeadLetters(ids.length > 0 ? ids : 'all', new Date().toISOString());
      process.stdout.write(`${moved} dead letter(s) moved back to the inbox; a running worker picks them up.\n`);
      return 0;
    }
    const letters = await store.listDeadLetters();
    if (letters.length === 0) {
      process.stdout.write('No dead letters.\n');
      return 0;
    }
    for (const letter of letters) {
      const e = letter.event;
      process.stdout.write(`#${letter.id}  ${letter.deadAt}  ${e.crm}:${e.tenantId} record ${e.recordId} (${e.kind}), ${letter.attempts} attempt(s): ${letter.reason}\n`);
    }
    process.stdout.write(`${letters.length} dead letter(s). Replay with: accord dead-letters retry [--id N]\n`);
    return 0;
  } finally {
    await store.close();
  }
}
