/**
 * Navigations the service worker must never answer with the cached app shell: the server
 * handles them (API, socket, downloads, sign-in callbacks, the dev outbox) or they must reach
 * it to work (invite and join links). Serving the shell there is the known way this breaks.
 */
export const NAVIGATE_FALLBACK_DENYLIST: RegExp[] = [
  /^\/api\//,
  /^\/sync(\/|$)/,
  /^\/invite\//,
  /^\/join(\/|$)/,
  /^\/auth\//,
  /\/callback(\/|\?|$)/,
  /\/export(\?|$)/,
  /^\/dev\//,
  /^\/(healthz|readyz|metrics)$/,
];
