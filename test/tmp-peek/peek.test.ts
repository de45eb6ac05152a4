import { startDashboardApp, testSecretKey } from '../dashboard/start-dashboard-app';
import { launchChromium } from '../dashboard/use-chromium';
import { dashboardLinkUrl } from '../../src/server/dashboard/sign-dashboard-link';
import { dashboardNow } from '../dashboard/seed-dashboard-store';
it('peek', async () => {
  const app = await startDashboardApp();
  const browser = await launchChromium({ colorScheme: (process.env.SCHEME as 'dark') ?? 'light', viewport: process.env.PHONE ? { width: 390, height: 844 } : undefined, isMobile: !!process.env.PHONE, deviceScaleFactor: process.env.PHONE ? 2 : 1 });
  try {
    const page = await browser.context.newPage();
    page.on('console', (m) => console.log('CONSOLE', m.type(), m.text()));
    page.on('pageerror', (e) => console.log('PAGEERROR', e.message));
    await page.goto(dashboardLinkUrl(app.url, testSecretKey, app.seeded.tenant, dashboardNow));
    await page.waitForSelector('[data-table="cohorts"]');
    await page.screenshot({ path: `test-artifacts/top${process.env.PHONE ? '-phone' : ''}.png` }); await page.screenshot({ path: `test-artifacts/peek${process.env.PHONE ? '-phone' : ''}${process.env.SCHEME === 'dark' ? '-dark' : ''}.png`, fullPage: true });
    if (process.env.DRILL) {
      await page.click('[data-table="funnel"] button.num >> nth=1');
      await page.waitForSelector('#drill-table tbody tr');
      await page.screenshot({ path: 'test-artifacts/peek-drill.png' });
    }
  } finally { await browser.close(); await app.stop(); }
}, 60000);
