import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { RequestHandler } from 'express';
import { packageRoot } from './package-root';

interface Asset {
  type: string;
  file: () => string;
}

/**
 * The page's own script and style, and Chart.js's UMD build from node_modules: served by Accord so
 * the dashboard works offline and loads nothing from a CDN. A fixed list, so no path from the URL
 * ever reaches the file system.
 */
const assets: Record<string, Asset> = {
  'dashboard.js': { type: 'text/javascript; charset=utf-8', file: () => path.join(packageRoot(), 'src/server/dashboard/static/dashboard.js') },
  'dashboard.css': { type: 'text/css; charset=utf-8', file: () => path.join(packageRoot(), 'src/server/dashboard/static/dashboard.css') },
  // chart.js exports only its module entry points; the UMD build sits beside the CommonJS one.
  'chart.umd.js': { type: 'text/javascript; charset=utf-8', file: () => path.join(path.dirname(require.resolve('chart.js')), 'chart.umd.min.js') },
};

export function dashboardAssets(): RequestHandler {
  const loaded = new Map<string, Buffer>();
  return (req, res) => {
    const name = String(req.params.file ?? '');
    const asset = Object.hasOwn(assets, name) ? assets[name] : undefined;
    if (asset === undefined) {
      res.status(404).json({ error: 'not_found', message: `no dashboard asset "${name}"` });
      return;
    }
    let body = loaded.get(name);
    if (body === undefined) {
      // The source map comment would send a browser with developer tools open to a file we do not serve.
      body = Buffer.from(readFileSync(asset.file(), 'utf8').replace(/\n\/\/# sourceMappingURL=\S+\s*$/, '\n'));
      loaded.set(name, body);
    }
    res.set('Content-Type', asset.type).set('Cache-Control', 'public, max-age=300').send(body);
  };
}
