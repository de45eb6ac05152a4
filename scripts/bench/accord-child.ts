import { readFileSync } from 'node:fs';
import pino from 'pino';
import { loadConfig } from '../../src/config/load-config';
import { startAccord, type RunningAccord } from '../../src/main';

export interface AccordProbe {
  rssBytes: number;
  /** Peak resident set since the process started (VmHWM). */
  peakRssBytes: number;
  stats: RunningAccord['stats'];
  queue: { pending: number; deadLetters: number };
}

function peakRss(): number {
  const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
  return match ? Number(match[1]) * 1024 : process.memoryUsage().rss;
}

/** Accord in a process of its own, configured from the environment like `accord start`, probed over IPC. */
if (require.main === module) {
  (async () => {
    const config = loadConfig(process.env);
    const accord = await startAccord({ config, logger: pino({ level: 'silent' }), jobs: false });
    process.send?.({ ready: { url: accord.url } });
    process.on('message', (message: { probe?: boolean; stop?: boolean }) => {
      if (message.probe) {
        void accord.store.inboxStats(new Date().toISOString()).then((queue) => {
          const probe: AccordProbe = { rssBytes: process.memoryUsage().rss, peakRssBytes: peakRss(), stats: accord.stats, queue };
          process.send?.({ probe });
        });
      }
      if (message.stop) void accord.stop().then(() => process.exit(0));
    });
    process.on('disconnect', () => process.exit(0));
  })().catch((error: unknown) => {
    process.stderr.write(`accord child failed: ${String(error)}\n`);
    process.exit(1);
  });
}
