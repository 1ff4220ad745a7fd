import fs from 'node:fs';
import path from 'node:path';
import { Hono } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';

const CLIENT_DIR = path.resolve(import.meta.dirname, '../../dist/client');

/**
 * Serves the built web client. Unknown paths outside /api and /sync get index.html so
 * the client's own routes work on reload. Before the first build, a page says how to build.
 */
export function staticClient(clientDir = CLIENT_DIR): Hono {
  const app = new Hono();
  const index = path.join(clientDir, 'index.html');
  const files = serveStatic({ root: path.relative(process.cwd(), clientDir) });
  app.get('*', async (c, next) => {
    if (c.req.path.startsWith('/api/') || c.req.path.startsWith('/sync/')) return next();
    if (!fs.existsSync(index)) return c.html(PLACEHOLDER);
    const asset = path.join(clientDir, path.normalize(c.req.path));
    if (c.req.path !== '/' && asset.startsWith(clientDir) && isFile(asset)) {
      const res = await files(c, next);
      // The service worker and its manifest must be revalidated on every visit, or a browser
      // keeps an old app shell for a day (HTTP caching of sw.js); hashed assets never change.
      if (res && ALWAYS_REVALIDATE.has(c.req.path)) res.headers.set('Cache-Control', 'no-cache');
      else if (res && c.req.path.startsWith('/assets/')) res.headers.set('Cache-Control', 'public, max-age=31536000, immutable');
      return res;
    }
    c.header('Cache-Control', 'no-cache');
    return c.html(fs.readFileSync(index, 'utf8'));
  });
  return app;
}

const ALWAYS_REVALIDATE = new Set(['/sw.js', '/manifest.webmanifest', '/index.html']);

function isFile(p: string): boolean {
  try {
    return fs.statSync(p).isFile();
  } catch {
    return false;
  }
}

const PLACEHOLDER = `<!doctype html><html lang="nl"><meta charset="utf-8"><title>Stadskamer</title>
<body style="font-family:system-ui;margin:3rem"><h1>Stadskamer</h1>
<p>De webtoepassing is nog niet gebouwd. Voer <code>npm run build</code> uit.</p>
<p lang="en">The web client has not been built yet. Run <code>npm run build</code>.</p></body></html>`;
