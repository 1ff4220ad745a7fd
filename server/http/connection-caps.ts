import type { Server, ServerOptions } from 'node:http';
import type { Socket } from 'node:net';
import type { Limits } from '../limits-config';
import type { Logger } from '../log';

/**
 * Timeouts for the Node HTTP server: a client that sends its request slowly (or never
 * finishes it) is cut off instead of holding a file descriptor forever. Node checks the
 * timeouts every `connectionsCheckingInterval`, by default only every 30 s.
 */
export function httpServerOptions(limits: Limits): ServerOptions {
  return {
    headersTimeout: limits.headersTimeoutMs,
    requestTimeout: limits.requestTimeoutMs,
    keepAliveTimeout: limits.keepAliveTimeoutMs,
    connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
  };
}

const REFUSED_BODY = JSON.stringify({
  error: { code: 'too_many_connections', message: 'Too many open connections from this address. Try again later.' },
});
const REFUSED =
  'HTTP/1.1 429 Too Many Requests\r\nConnection: close\r\nRetry-After: 5\r\nContent-Type: application/json\r\n' +
  `Content-Length: ${Buffer.byteLength(REFUSED_BODY)}\r\n\r\n${REFUSED_BODY}`;

/**
 * Caps open TCP connections (HTTP and WebSocket alike) per client address and in all, so
 * that one address cannot use up the process's file descriptors. Over the per-address cap
 * the connection gets a 429 and is closed; over the global cap Node drops it.
 *
 * Behind a reverse proxy (`trustProxy`) every connection comes from the proxy, so only the
 * global cap applies there; the proxy must limit addresses itself.
 */
export function capConnections(server: Server, limits: Limits, trustProxy: boolean, log: Logger): void {
  server.maxConnections = limits.maxConnections;
  if (trustProxy) return;
  const open = new Map<string, number>();
  let refused = 0;
  server.on('connection', (socket: Socket) => {
    const address = socket.remoteAddress ?? 'unknown';
    const count = (open.get(address) ?? 0) + 1;
    if (count > limits.maxConnectionsPerAddress) {
      // Logged once per hundred refusals: a flood must not become a flood of log lines.
      if (refused++ % 100 === 0) log.warn({ event: 'http.connection_refused', address, refused }, 'too many connections from one address');
      socket.end(REFUSED);
      socket.destroySoon();
      return;
    }
    open.set(address, count);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left <= 0) open.delete(address);
      else open.set(address, left);
    });
  });
}
