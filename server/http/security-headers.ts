import type { MiddlewareHandler } from 'hono';
import { secureHeaders } from 'hono/secure-headers';

/**
 * The browser-side defences on every page and API answer: a strict Content-Security-Policy
 * (scripts only from our own origin, no framing, no plugins), nosniff, a referrer policy
 * that never sends a URL (invite links carry a token) to another origin, and HSTS when the
 * public origin is https.
 *
 * Styles: the built client loads its CSS from files, but ProseMirror, TipTap's injected
 * editor CSS and the collaboration carets write `style` attributes and one <style> element
 * at run time. Inline styles cannot run code, so they are allowed; inline scripts are not.
 *
 * `overwrite: false` lets a route set a stricter policy of its own (the HTML export's
 * `sandbox`). The sync socket's upgrade is left alone.
 */
export function securityHeaders(publicOrigin: () => string): MiddlewareHandler {
  const plain = build(false);
  const https = build(true);
  return async (c, next) => {
    if (c.req.path.startsWith('/sync/')) return next();
    return (publicOrigin().startsWith('https://') ? https : plain)(c, next);
  };
}

function build(hsts: boolean): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      connectSrc: ["'self'"],
      fontSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'none'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
    xFrameOptions: 'DENY',
    referrerPolicy: 'same-origin',
    strictTransportSecurity: hsts ? 'max-age=31536000; includeSubDomains' : false,
    overwrite: false,
  });
}
