import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { browserSuite } from './helpers/suite';
import { newPage, person, screenshotsOnFailure } from './helpers/browser';
import { createRecommendation, createWorkspace, inviteLink, signUp } from './helpers/flows';

const suite = browserSuite();

async function open(width?: number): Promise<Page> {
  const { context, page } = await newPage(suite.browser, { width });
  suite.contexts.push(context);
  return page;
}

/** Marks the page's JS world; the mark survives only if the page was never reloaded or navigated by URL. */
const markPage = (page: Page) => page.evaluate(() => ((window as unknown as { liveMark: number }).liveMark = 42));
const stillMarked = (page: Page) => page.evaluate(() => (window as unknown as { liveMark?: number }).liveMark === 42);

describe('live activity and presence across two browsers', { timeout: 90_000 }, () => {
  const anna = person('Anna Peeters', 'Kenniscentrum Vlaamse Steden');
  const bram = person('Bram Claes', 'Stad Mechelen');
  const title = 'Aanbevelingen participatie';
  let pageA: Page;
  let pageB: Page;
  let workspaceId: string;
  let documentId: string;

  it('a document A creates appears in B\'s list, and B\'s activity panel names A, without a reload', async () => {
    pageA = await open();
    pageB = await open(375); // B follows along on a phone-sized screen.
    screenshotsOnFailure('live-create', () => [pageA, pageB]);

    await signUp(pageA, suite.server.baseUrl, anna);
    workspaceId = await createWorkspace(pageA, 'Atelier participatie');
    const link = await inviteLink(pageA, 'editor');
    await pageB.goto(suite.server.baseUrl + link);
    await signUp(pageB, suite.server.baseUrl, bram, new URL(pageB.url()).pathname + new URL(pageB.url()).search);
    await pageB.getByRole('heading', { level: 1, name: 'Atelier participatie' }).waitFor();

    const activityB = pageB.getByTestId('activity-panel');
    await activityB.getByText('Bram Claes kwam erbij als bewerker').waitFor();
    const listB = pageB.locator('section[data-kind="recommendation"]');
    expect(await listB.getByRole('link', { name: title }).count()).toBe(0);
    await markPage(pageB);

    documentId = await createRecommendation(pageA, title);

    await listB.getByRole('link', { name: title }).waitFor();
    await activityB.getByText(`Anna Peeters maakte ${title}`).waitFor();
    await expect(activityB.getByText('Kenniscentrum Vlaamse Steden').first().isVisible()).resolves.toBe(true);
    expect(await stillMarked(pageB)).toBe(true);
    // At 375 px nothing of the live column pushes the page sideways.
    expect(await pageB.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    // The panel is a polite live region for a summary only; the list itself does not shout.
    expect(await activityB.locator('[aria-live="polite"]').count()).toBe(1);
    expect(await activityB.locator('ol[aria-live]').count()).toBe(0);
  });

  it('B opening the document puts B in A\'s "Nu online" list with the document', async () => {
    screenshotsOnFailure('live-presence', () => [pageA, pageB]);
    await pageA.goto(`${suite.server.baseUrl}/w/${workspaceId}`);
    const onlineA = pageA.getByTestId('online-list');
    await onlineA.getByRole('heading', { name: 'Nu online' }).waitFor();
    await onlineA.getByText('Niemand heeft nu een document open.').waitFor();
    await markPage(pageA);

    await pageB.getByRole('link', { name: title }).click();
    await pageB.getByTestId('connection').getByText('verbonden').waitFor();

    await onlineA.getByText('Bram Claes').waitFor();
    await onlineA.getByRole('link', { name: `in ${title}` }).waitFor();
    expect(await stillMarked(pageA)).toBe(true);
  });

  it('A changes the status; B\'s open document page shows it at once', async () => {
    screenshotsOnFailure('live-status', () => [pageA, pageB]);
    await markPage(pageB);
    expect(await pageB.getByTestId('doc-status').inputValue()).toBe('draft');

    await pageA.goto(`${suite.server.baseUrl}/d/${documentId}`);
    await pageA.getByTestId('doc-status').selectOption('review');

    await expect.poll(() => pageB.getByTestId('doc-status').inputValue(), { timeout: 10_000 }).toBe('review');
    expect(await stillMarked(pageB)).toBe(true);

    // And the workspace's history says who did it, in words.
    await pageB.getByRole('link', { name: /Atelier participatie/ }).click();
    await pageB.getByTestId('activity-panel').getByText(`Anna Peeters zette ${title} op ter bespreking`).waitFor();
    expect(await pageB.getByTestId('stream-status').getAttribute('data-state')).toBe('open');
  });

  it('older activity loads on demand with "Meer laden"', async () => {
    screenshotsOnFailure('live-more', () => [pageA, pageB]);
    const token = await pageA.evaluate(() => localStorage.getItem('stadskamer.token'));
    // 24 status changes push the creation event off the first page of 20.
    for (let i = 0; i < 24; i += 1) {
      const res = await fetch(`${suite.server.baseUrl}/api/documents/${documentId}`, {
        method: 'PATCH',
        headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ status: i % 2 === 0 ? 'final' : 'review' }),
      });
      expect(res.status).toBe(200);
    }
    await pageB.reload();
    const activityB = pageB.getByTestId('activity-panel');
    await activityB.getByText(`Anna Peeters zette ${title} op definitief`).first().waitFor();
    const created = activityB.getByText(`Anna Peeters maakte ${title}`);
    expect(await created.count()).toBe(0);
    await activityB.getByRole('button', { name: 'Meer laden' }).click();
    await created.waitFor();
  });
});
