import type { IncomingMessage } from 'node:http';
import { defineConfig, type ProxyOptions } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { NAVIGATE_FALLBACK_DENYLIST } from './client/src/offline/navigation-denylist';

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

/**
 * The offline app shell (issue #12): Workbox precaches the built app so a reload without
 * network opens it, and documents with a local copy (IndexedDB) open and take edits.
 * Navigations to server-handled URLs never get the cached shell: the API and the socket,
 * invite and join links, sign-in callbacks, downloads and the dev outbox.
 */
const offlineShell = VitePWA({
  // An update waits for the person to accept it: never a reload in the middle of a sentence.
  registerType: 'prompt',
  // Registered from our own bundle (no inline script, so it works under the strict CSP).
  injectRegister: false,
  manifest: {
    name: 'Stadskamer',
    short_name: 'Stadskamer',
    description: 'Samen schrijven aan aanbevelingen voor de Vlaamse steden.',
    lang: 'nl-BE',
    start_url: '/',
    display: 'standalone',
    background_color: '#f5f6f4',
    theme_color: '#0a5c8a',
    icons: [{ src: '/icon.svg', sizes: 'any', type: 'image/svg+xml', purpose: 'any' }],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,webmanifest}'],
    // The editor chunk is large; it must be in the shell or documents cannot open offline.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
    navigateFallback: '/index.html',
    navigateFallbackDenylist: NAVIGATE_FALLBACK_DENYLIST,
    cleanupOutdatedCaches: true,
    clientsClaim: false,
    skipWaiting: false,
  },
});

export default defineConfig({
  root: 'client',
  plugins: [react(), offlineShell],
  build: {
    outDir: '../dist/client',
    emptyOutDir: true,
    sourcemap: true,
    // The editor chunk (TipTap + ProseMirror + Yjs) is ~620 kB and loads only with a document.
    chunkSizeWarningLimit: 700,
  },
  server: {
    proxy: {
      '/api': proxy(api),
      '/sync': proxy(api.replace(/^http/, 'ws'), true),
    },
  },
});
