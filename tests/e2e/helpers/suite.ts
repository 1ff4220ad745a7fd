import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { startAppServer, type AppServer } from './app-server';
import { launchBrowser } from './browser';

export interface BrowserSuite {
  readonly server: AppServer;
  readonly browser: Browser;
  /** Contexts a test opened; closed after the file. */
  readonly contexts: BrowserContext[];
}

/** One app server and one Chromium per test file, started before and stopped after its tests. */
export function browserSuite(): BrowserSuite {
  let server: AppServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  beforeAll(async () => {
    server = await startAppServer();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close().catch(() => undefined);
    await browser?.close();
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the app server is not started yet');
      return server;
    },
    get browser() {
      if (!browser) throw new Error('the browser is not started yet');
      return browser;
    },
    contexts,
  };
}
