import net from 'node:net';
import { startTestServer } from '../../helpers/server';
import { ensureClientBuilt } from './build-client';

/** A port nobody listens on right now, so PUBLIC_ORIGIN can name it before the server starts. */
async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

export type AppServer = Awaited<ReturnType<typeof startTestServer>> & { baseUrl: string };

/**
 * The real server with the built client, at an origin that is also its PUBLIC_ORIGIN:
 * the browser's state-changing requests carry that Origin and the CSRF check wants it.
 */
export async function startAppServer(env: Record<string, string> = {}): Promise<AppServer> {
  await ensureClientBuilt();
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const server = await startTestServer({ PORT: String(port), PUBLIC_ORIGIN: baseUrl, ...env });
  return Object.assign(server, { baseUrl });
}
