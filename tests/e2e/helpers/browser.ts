import fs from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { onTestFailed } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../../..');
export const RESULTS_DIR = path.join(ROOT, 'test-results');

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

export interface Person {
  email: string;
  password: string;
  name: string;
  organization: string;
}

let counter = 0;
/** A fresh person per test, so tests never depend on one another's accounts. */
export function person(name: string, organization: string): Person {
  counter += 1;
  const slug = name.toLowerCase().replace(/[^a-z]+/g, '-');
  return { email: `${slug}-${Date.now()}-${counter}@example.be`, password: 'stadskamer-demo-1', name, organization };
}

export async function newPage(browser: Browser, opts: { width?: number; height?: number } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    viewport: { width: opts.width ?? 1280, height: opts.height ?? 800 },
    locale: 'nl-BE',
  });
  const page = await context.newPage();
  page.setDefaultTimeout(10_000);
  return { context, page };
}

/** On failure, every page the test used is saved under test-results/ for a person to look at. */
export function screenshotsOnFailure(name: string, pages: () => Page[]): void {
  onTestFailed(async () => {
    fs.mkdirSync(RESULTS_DIR, { recursive: true });
    const safe = name.replace(/[^a-z0-9]+/gi, '-');
    await Promise.all(
      pages().map((p, i) =>
        p.isClosed() ? Promise.resolve() : p.screenshot({ path: path.join(RESULTS_DIR, `${safe}-${i}.png`), fullPage: true }).catch(() => undefined),
      ),
    );
  });
}
