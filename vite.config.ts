import type { IncomingMessage } from 'node:http';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';

// The API server the dev server forwards to (`npm run dev` starts it on 8787), and the
// origin it expects browsers to come from (its PUBLIC_ORIGIN).
const api = process.env.STADSKAMER_API ?? 'http://127.0.0.1:8787';
const apiOrigin = process.env.STADSKAMER_PUBLIC_ORIGIN ?? 'http://localhost:8787';

/**
 * The server's CSRF check wants state changes to come from its PUBLIC_ORIGIN. A page
 * served by this dev server is, for that purpose, the same site: its Origin is rewritten.
 * Requests from any other origin pass through untouched and are refused as usual.
 */
function asApiOrigin(proxyReq: { setHeader(name: string, value: string): void }, req: IncomingMessage): void {
  if (req.headers.origin && req.headers.origin === `http://${req.headers.host}`) proxyReq.setHeader('origin', apiOrigin);
}

const proxy = (target: string, ws = false): ProxyOptions => ({
  target,
  ws,
  configure: (p) => {
    p.on('proxyReq', (proxyReq, req) => asApiOrigin(proxyReq, req));
    p.on('proxyReqWs', (proxyReq, req) => asApiOrigin(proxyReq, req));
  },
});

export default defineConfig({
  root: 'client',
  plugins: [react()],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (TipTap + ProseMirror + Yjs) is ~530 kB and loads only with a document.
    chunkSizeWarningLimit: 600,
  },
  server: {
    proxy: {
      '/api': proxy(api),
      '/sync': proxy(api.replace(/^http/, 'ws'), true),
    },
  },
});
