import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';

export const chromiumPath = '/usr/bin/chromium';

/** Debian's chromium, headless, with nothing that phones home: the page must work offline. */
const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface BrowserOptions {
  viewport?: { width: number; height: number };
  colorScheme?: 'light' | 'dark';
  isMobile?: boolean;
  deviceScaleFactor?: number;
}

/**
 * A describe block that needs Chromium. Without /usr/bin/chromium: in CI the file fails, since CI
 * must install it (scripts/ci/install-chromium.sh); elsewhere the block is skipped and says why.
 */
export function describeWithChromium(name: string, body: () => void): void {
  if (!existsSync(chromiumPath)) {
    const why = `no browser at ${chromiumPath}`;
    if (isCi()) throw new Error(`${why}. CI must install it: bash scripts/ci/install-chromium.sh`);
    console.warn(`Skipping "${name}": ${why}. Run bash scripts/ci/install-chromium.sh (apt-get install chromium) to include these tests.`);
    describe.skip(name, body);
    return;
  }
  describe(name, body);
}

/** A fresh browser profile per launch, removed on close. */
export async function launchChromium(options: BrowserOptions = {}): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  const profile = mkdtempSync(join(tmpdir(), 'accord-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: chromiumPath,
    headless: true,
    args: chromiumArgs,
    viewport: options.viewport ?? { width: 1440, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
    isMobile: options.isMobile ?? false,
    deviceScaleFactor: options.deviceScaleFactor ?? 1,
    acceptDownloads: true,
    timezoneId: 'UTC',
    locale: 'en-US',
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

function isCi(): boolean {
  const ci = process.env.CI;
  return ci !== undefined && ci !== '' && ci !== '0' && ci.toLowerCase() !== 'false';
}
