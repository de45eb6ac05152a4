import fs from 'node:fs';
import path from 'node:path';
import { openStore } from '../../src/store/open-store';
import { at, tenantA, tenantRecord } from './fixtures';
import { useTempDir } from './use-temp-dir';

describe('openStore', () => {
  const tempDir = useTempDir();

  it('creates missing folders and a migrated SQLite file for a file: URL', async () => {
    const filename = path.join(tempDir(), 'nested', 'deeper', 'accord.db');
    const store = await openStore(`file:${filename}`);
    try {
      expect(store.kind).toBe('sqlite');
      expect(fs.existsSync(filename)).toBe(true);
      await store.upsertTenant(tenantRecord(tenantA));
      expect(await store.getTenant(tenantA)).toEqual(tenantRecord(tenantA));
    } finally {
      await store.close();
    }
  });

  it('opens the same data again from a plain path', async () => {
    const filename = path.join(tempDir(), 'reopened.db');
    const first = await openStore(`sqlite:${filename}`);
    await first.tryAcquireLease('sla-sweep', 'instance-a', at(0), at(10));
    await first.close();

    const second = await openStore(filename);
    try {
      expect(await second.tryAcquireLease('sla-sweep', 'instance-b', at(1), at(11))).toBe(false);
    } finally {
      await second.close();
    }
  });

  it('opens a migrated in-memory store', async () => {
    const store = await openStore(':memory:');
    try {
      expect(await store.listTenants()).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
