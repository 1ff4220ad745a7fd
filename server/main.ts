import { ConfigError, loadConfig } from './config';
import { startServer } from './server';

/** Process entry: validated configuration, then the server, then orderly shutdown on signals. */
async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const server = await startServer(config);
  const stop = (signal: string) => {
    server.log.info({ event: 'server.signal', signal }, 'signal received');
    server.close().then(
      () => process.exit(0),
      (err: unknown) => {
        server.log.error({ event: 'server.stop_failed', err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => stop('SIGTERM'));
  process.once('SIGINT', () => stop('SIGINT'));
}

void main();
