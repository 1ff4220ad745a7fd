// The Hocuspocus peer for `npm run bench` (bench/targets.ts): @hocuspocus/server as its
// README starts it, with no extensions, so documents live in memory only, like the reference
// `@y/websocket-server` without persistence. Plain node, no TypeScript loader, so its pid and
// memory are Hocuspocus' own. Prints `running at <port>` once it listens.
import { Server } from '@hocuspocus/server';

const server = new Server({ address: process.env.HOST ?? '127.0.0.1', port: Number(process.env.PORT ?? 0), quiet: true });
await server.listen();
process.stdout.write(`running at ${server.address.port}\n`);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void server.destroy().finally(() => process.exit(0)));
